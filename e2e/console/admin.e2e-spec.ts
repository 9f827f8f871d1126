import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { t } from '@grievance/i18n';
import { freePort } from '@grievance/testing';
import { RunningService, startConsole } from '../../deploy/local/services';
import text from '../../services/console/web/src/i18n/admin.zh-CN';
import zh from '../../services/console/web/src/i18n/zh-CN';
import { call, RunningSystem, startSystem, tokenFor } from '../system-harness';
import { chooseOption, ensureConsoleBuilt, launchChromium, personContext, screenshot } from './browser';

const ADMIN = '管理员 Admin';
const GRID = { id: 'xiangyun-yuhua-g1', name: 'Yuhua Community Grid 1' };
/** A closed ring whose sides cross: routing refuses it (a grid must be a simple polygon). */
const BOW_TIE = { type: 'Polygon', coordinates: [[[115.805, 28.64], [115.835, 28.68], [115.835, 28.64], [115.805, 28.68], [115.805, 28.64]]] };

interface Department {
  code: string;
  name: string;
  version: number;
}

describe('the console in a browser: the admin keeps the directory and the SLA settings', () => {
  let system: RunningSystem;
  let consoleServer: RunningService;
  let browser: Browser;
  let logDir: string;
  let admin: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    system = await startSystem();
    logDir = path.join(__dirname, '..', '..', '.cache', 'e2e-logs', `console-admin-${Date.now()}`);
    consoleServer = await startConsole(system.services, { output: { logDir }, port: await freePort() });
    browser = await launchChromium();
    admin = await tokenFor({ sub: 'e2e-admin', role: 'admin' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await consoleServer?.stop();
    await system?.stop();
  });

  const routing = (resource: string) => call(`${system.url('routing')}${resource}`, admin);
  const department = async (code: string) => ((await routing('/v1/directory/departments')).body.items as Department[]).find((d) => d.code === code)!;

  async function signIn(page: Page): Promise<void> {
    await page.goto(consoleServer.url);
    await page.getByRole('searchbox', { name: zh.signIn.search }).fill(ADMIN);
    await page.getByRole('button', { name: `${zh.signIn.signIn} ${ADMIN}`, exact: true }).click();
    await page.getByRole('heading', { name: text.title }).waitFor();
  }

  /** The form item (label, control, message) of a labelled control in the open drawer. */
  const fieldOf = (page: Page, label: string): Locator => page.getByRole('dialog').locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) });

  /** Finds the entry in its tab's list and opens it in the drawer. */
  async function openEdit(page: Page, tab: string, name: string): Promise<void> {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.getByLabel(`${text.search} · ${tab}`).fill(name);
    await page.getByRole('button', { name: `${text.edit} ${name}`, exact: true }).click();
    await page.getByRole('dialog').waitFor();
  }

  async function closeDrawer(page: Page): Promise<void> {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  }

  const save = (page: Page) => page.getByRole('dialog').getByRole('button', { name: text.save }).click();

  /** Waits (up to 10 s) until what the page shows is what is expected. */
  async function until<T>(probe: () => Promise<T>, expected: T, what: string): Promise<void> {
    let seen = await probe();
    for (let tries = 0; seen !== expected; tries++) {
      if (tries > 50) throw new Error(`${what}: expected ${String(expected)}, saw ${String(seen)}`);
      await new Promise((r) => setTimeout(r, 200));
      seen = await probe();
    }
  }

  it('draws the demo city\'s grids, renames a department for good, keeps a bad polygon and a bad phone out with the message at the field, and explains a stale edit', async () => {
    const first = await personContext(browser, { phone: false });
    const second = await personContext(browser, { phone: false });
    try {
      const { page } = first;
      await signIn(page);

      // Every live grid of the demo city is drawn from its GeoJSON (no tile server) and listed.
      const live = ((await routing('/v1/directory/org-units?level=grid')).body.items as { retired: boolean }[]).filter((g) => !g.retired);
      expect(live).toHaveLength(12);
      const drawn = page.getByRole('application', { name: text.map }).locator('.leaflet-overlay-pane path');
      await until(() => drawn.count(), live.length, 'grids drawn on the map');
      await page.getByRole('row').filter({ hasText: GRID.id }).getByText(GRID.name).waitFor();
      await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
      await screenshot(page, 'admin-directory', logDir);

      // A polygon whose sides cross: routing's message at the polygon, and the grid as it was.
      const gridBefore = (await routing(`/v1/directory/org-units?level=grid`)).body.items.find((g: { id: string }) => g.id === GRID.id);
      await openEdit(page, text.kinds.grids, GRID.name);
      await page.getByRole('dialog').getByLabel(text.field.polygon).fill(JSON.stringify(BOW_TIE));
      await save(page);
      await fieldOf(page, text.field.polygon).getByText(/^边界多边形自相交：第 \d+ 环的第 \d+ 条边与第 \d+ 环的第 \d+ 条边在 \[[\d., ]+\] 附近相交/).waitFor();
      await screenshot(page, 'admin-bad-polygon', logDir);
      const gridAfter = (await routing(`/v1/directory/org-units?level=grid`)).body.items.find((g: { id: string }) => g.id === GRID.id);
      expect(gridAfter).toEqual(gridBefore);
      await closeDrawer(page);

      // A phone that is not a phone number: the API's message, in Chinese, at the phone field, and nothing changed.
      const workerName = `Grid worker 1 of ${GRID.id}`;
      const workersBefore = (await routing('/v1/directory/grid-workers')).body.items;
      await openEdit(page, text.kinds.gridWorkers, workerName);
      await page.getByRole('dialog').getByLabel(text.field.phone).fill('call the office');
      await save(page);
      await fieldOf(page, text.field.phone).getByText(t('zh-CN', 'validation.matches.phone', { field: t('zh-CN', 'field.phone') }), { exact: true }).waitFor();
      expect((await routing('/v1/directory/grid-workers')).body.items).toEqual(workersBefore);
      await closeDrawer(page);

      // An empty name never leaves the browser.
      const municipal = await department('municipal_works');
      await openEdit(page, text.kinds.departments, municipal.name);
      await page.getByRole('dialog').getByLabel(text.field.name).fill('   ');
      await save(page);
      await fieldOf(page, text.field.name).getByText(`请填写${text.field.name}`).waitFor();
      expect(await department('municipal_works')).toEqual(municipal);

      // The rename is saved, shown after a reload and given by routing's API with the next version.
      const renamed = 'Municipal Works and Roads Bureau (市政工程与道路局)';
      await page.getByRole('dialog').getByLabel(text.field.name).fill(renamed);
      await save(page);
      await page.getByText(text.saved.replace('{{version}}', String(municipal.version + 1))).waitFor();
      await page.reload();
      await page.getByRole('tab', { name: text.kinds.departments, exact: true }).click();
      await page.getByRole('row').filter({ hasText: 'municipal_works' }).getByText(renamed).waitFor();
      expect(await department('municipal_works')).toMatchObject({ name: renamed, version: municipal.version + 1, retired: false });

      // Two admins edit the fire brigade at once: the second to save is told in words, and nothing of theirs is written.
      const fire = await department('fire');
      await signIn(second.page);
      await openEdit(page, text.kinds.departments, fire.name);
      await openEdit(second.page, text.kinds.departments, fire.name);
      await second.page.getByRole('dialog').getByLabel(text.field.name).fill('Fire and Rescue Detachment (消防救援支队)');
      await save(second.page);
      await second.page.getByText(text.saved.replace('{{version}}', String(fire.version + 1))).waitFor();
      await page.getByRole('dialog').getByLabel(text.field.name).fill('Fire Brigade (消防队)');
      await save(page);
      await page.getByRole('dialog').getByText(text.stale).waitFor();
      await screenshot(page, 'admin-stale-edit', logDir);
      expect(await department('fire')).toMatchObject({ name: 'Fire and Rescue Detachment (消防救援支队)', version: fire.version + 1 });

      // Reloading shows the other admin's name; the edit made on top of it is saved.
      await page.getByRole('dialog').getByRole('button', { name: text.reload }).click();
      const name = page.getByRole('dialog').getByLabel(text.field.name);
      await until(() => name.inputValue(), 'Fire and Rescue Detachment (消防救援支队)', 'the name after the reload');
      await page.getByRole('dialog').getByLabel(text.field.name).fill('Fire Brigade (消防队)');
      await save(page);
      await page.getByText(text.saved.replace('{{version}}', String(fire.version + 2))).waitFor();
      expect(await department('fire')).toMatchObject({ name: 'Fire Brigade (消防队)', version: fire.version + 2 });
      expect([...first.dialogs, ...second.dialogs]).toEqual([]);
    } catch (error) {
      await first.page.screenshot({ path: path.join(logDir, 'failed-admin.png') }).catch(() => undefined);
      await second.page.screenshot({ path: path.join(logDir, 'failed-second-admin.png') }).catch(() => undefined);
      throw error;
    } finally {
      await first.context.close();
      await second.context.close();
    }
  }, 180_000);

  it('edits an SLA policy: a budget that is no duration is said at its field, a good one is saved with the reason and shown in the changes', async () => {
    const { context, page, dialogs } = await personContext(browser, { phone: false });
    type Policy = { id: string; version: number; targets: Record<string, string | number> };
    const urgent = async () => ((await routing('/v1/sla/policies')).body.items as Policy[]).find((p) => p.id === 'urgent')!;
    try {
      await signIn(page);
      await page.getByRole('tab', { name: text.sla, exact: true }).click();
      const before = await urgent();
      await openEdit(page, text.kinds.policies, 'urgent');
      await page.getByRole('dialog').getByLabel(text.field.resolve).fill('soon');
      await save(page);
      await fieldOf(page, text.field.resolve).getByText('时限“办结”须为毫秒数或 ISO-8601 时长（如 PT2H、P7D）。', { exact: true }).waitFor();
      await screenshot(page, 'admin-sla-policy', logDir);
      expect(await urgent()).toEqual(before);

      await page.getByRole('dialog').getByLabel(text.field.resolve).fill('PT90M');
      await page.getByRole('dialog').getByLabel(text.field.reason).fill('Storm season: manholes first');
      await save(page);
      await page.getByText(text.saved.replace('{{version}}', String(before.version + 1))).waitFor();
      expect(await urgent()).toMatchObject({ version: before.version + 1, targets: { ...before.targets, resolve: 'PT90M' } });

      await page.getByRole('tab', { name: text.kinds.history, exact: true }).click();
      await page.getByRole('row').filter({ hasText: 'Storm season: manholes first' }).filter({ hasText: 'admin-1' }).waitFor();
      expect(dialogs).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: path.join(logDir, 'failed-admin-sla.png') }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }, 120_000);

  it('opens a station and a community, keeps a bad phone and a missing district out at their fields, and retires both', async () => {
    const { context, page, dialogs } = await personContext(browser, { phone: false });
    type Station = { id: string; name: string; districtId: string; address: string; hours: string; staff?: string[]; phone: string | null; version: number; retired: boolean };
    const station = async (id: string) => ((await routing('/v1/directory/stations')).body.items as Station[]).find((x) => x.id === id);
    const unit = async (id: string) => ((await routing('/v1/directory/org-units?level=community')).body.items as { id: string; parentId: string; retired: boolean; version: number }[]).find((x) => x.id === id);
    const NAME = '滨江新区骑手驿站 (Binjiang New Riders Station)';
    try {
      await signIn(page);
      await page.getByRole('tab', { name: text.kinds.stations, exact: true }).click();
      await page.getByRole('row').filter({ hasText: "Yuhua Warm Station" }).waitFor();
      await page.getByRole('button', { name: `${text.new} · ${text.kinds.stations}` }).click();
      const form = page.getByRole('dialog');
      await form.getByLabel(text.field.id, { exact: true }).fill('st-binjiang-new');
      await form.getByLabel(text.field.name, { exact: true }).fill(NAME);
      await form.getByLabel(text.field.address, { exact: true }).fill('8 Jiangbin Road');
      await form.getByLabel(text.field.openingHours, { exact: true }).fill('24h');
      await form.getByLabel(text.field.staff, { exact: true }).fill('Chen Hao、Liu Yang');
      await form.getByLabel(text.field.phone, { exact: true }).fill('ring the bell');
      await save(page);
      // The district is required: said at its field before anything is sent.
      await fieldOf(page, text.field.districtId).getByText(`请填写${text.field.districtId}`).waitFor();
      expect(await station('st-binjiang-new')).toBeUndefined();
      await form.getByRole('combobox', { name: text.field.districtId }).fill('Binjiang');
      await page.keyboard.press('Enter');
      await save(page);
      // A phone that is no phone number: routing's message at the phone field, nothing written.
      await fieldOf(page, text.field.phone).getByText(t('zh-CN', 'validation.matches.phone', { field: t('zh-CN', 'field.phone') }), { exact: true }).waitFor();
      expect(await station('st-binjiang-new')).toBeUndefined();
      await form.getByLabel(text.field.phone, { exact: true }).fill('0791-8610-2003');
      await save(page);
      await page.getByText(text.saved.replace('{{version}}', '1')).waitFor();
      expect(await station('st-binjiang-new')).toMatchObject({ name: NAME, districtId: 'binjiang', address: '8 Jiangbin Road', hours: '24h', staff: ['Chen Hao', 'Liu Yang'], phone: '0791-8610-2003', version: 1, retired: false });
      await screenshot(page, 'admin-stations', logDir);

      // Retired after a confirmation: kept as history, shown as retired.
      await page.getByLabel(`${text.search} · ${text.kinds.stations}`).fill('Binjiang New');
      await page.getByRole('button', { name: `${text.retire} ${NAME}`, exact: true }).click();
      await page.getByRole('tooltip').getByRole('button', { name: text.retire }).click();
      await page.getByText(text.retired.replace('{{name}}', NAME)).waitFor();
      expect(await station('st-binjiang-new')).toMatchObject({ version: 2, retired: true });

      // A rider appointed part-time grid worker of a grid (兼职网格员): a full-time entry cannot name a rider's account.
      await page.getByRole('tab', { name: text.kinds.gridWorkers, exact: true }).click();
      const workerName = `Grid worker 1 of xiangyun-yuhua-g2`;
      await openEdit(page, text.kinds.gridWorkers, workerName);
      await page.getByRole('dialog').getByLabel(text.field.workerId, { exact: true }).fill('courier-7');
      await save(page);
      await fieldOf(page, text.field.employment).locator('.ant-form-item-explain-error').waitFor();
      const appointed = async () => ((await routing('/v1/directory/grid-workers')).body.items as { id: string; workerId?: string | null }[]).find((w) => w.id === 'gw-xiangyun-yuhua-g2-1');
      expect((await appointed())?.workerId ?? null).toBeNull();
      // As part-time, the appointment is saved and the directory names the courier.
      await chooseOption(page, text.field.employment, text.employment.part_time);
      await save(page);
      await page.getByText(/已保存（版本 \d+）/).waitFor();
      expect(await appointed()).toMatchObject({ workerId: 'courier-7', employment: 'part_time' });

      // A community under a street, then retired.
      await page.getByRole('tab', { name: text.kinds.areas, exact: true }).click();
      await page.getByRole('button', { name: `${text.new} · ${text.kinds.areas}` }).click();
      await form.getByLabel(text.field.id, { exact: true }).fill('binjiang-wangjiang-e2e');
      await form.getByRole('combobox', { name: text.field.level }).fill(text.level.community);
      await page.keyboard.press('Enter');
      await form.getByLabel(text.field.name, { exact: true }).fill('江景社区 (Riverview Community)');
      await form.getByRole('combobox', { name: text.field.parentId }).fill('Wangjiang');
      await page.keyboard.press('Enter');
      await save(page);
      await page.getByText(text.saved.replace('{{version}}', '1')).waitFor();
      expect(await unit('binjiang-wangjiang-e2e')).toMatchObject({ parentId: 'binjiang-wangjiang', retired: false, version: 1 });
      await page.getByLabel(`${text.search} · ${text.kinds.areas}`).fill('Riverview');
      await page.getByRole('button', { name: `${text.retire} 江景社区 (Riverview Community)`, exact: true }).click();
      await page.getByRole('tooltip').getByRole('button', { name: text.retire }).click();
      await page.getByText(text.retired.replace('{{name}}', '江景社区 (Riverview Community)')).waitFor();
      expect(await unit('binjiang-wangjiang-e2e')).toMatchObject({ retired: true, version: 2 });
      expect(dialogs).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: path.join(logDir, 'failed-admin-stations.png') }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }, 120_000);
});

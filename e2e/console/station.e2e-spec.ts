import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '@grievance/testing';
import { RunningService, startConsole } from '../../deploy/local/services';
import zh from '../../services/console/web/src/i18n/zh-CN';
import { call, eventually, RunningSystem, startSystem, tokenFor } from '../system-harness';
import { chooseOption, ensureConsoleBuilt, launchChromium, personContext, screenshot } from './browser';

const STATION = { id: 'st-xiangyun-yuhua', persona: 'Yuhua Warm Station (玉华暖心驿站)' };
const OTHER_STATION = { persona: "Chaoyang Riders' Home (朝阳骑手之家)" };
const RIDER = { sub: 'rider-1', persona: '骑手 Li Wei (rider)' };
const TITLE = '平台拖欠三周工资';

describe('the station counter in a browser: a walk-in logged for a rider, who finds it on his own phone', () => {
  let system: RunningSystem;
  let consoleServer: RunningService;
  let browser: Browser;
  let logDir: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    system = await startSystem();
    logDir = path.join(__dirname, '..', '..', '.cache', 'e2e-logs', `console-station-${Date.now()}`);
    consoleServer = await startConsole(system.services, { output: { logDir }, port: await freePort() });
    browser = await launchChromium();
    // Intake has the demo stations once routing's import reached it.
    const staff = await tokenFor({ sub: `staff-${STATION.id}`, role: 'station_staff', stationId: STATION.id });
    await eventually(() => call(`${system.url('intake')}/v1/stations/me/walk-ins`, staff), (r) => r.status === 200, 'the demo stations in intake', 60_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await consoleServer?.stop();
    await system?.stop();
  });

  async function signIn(page: Page, persona: string): Promise<void> {
    await page.goto(consoleServer.url);
    await page.getByRole('searchbox', { name: zh.signIn.search }).fill(persona);
    await page.getByRole('button', { name: `${zh.signIn.signIn} ${persona}`, exact: true }).click();
  }

  /** Nothing sticks out sideways on the phone: no horizontal scrolling. */
  const fitsThePhone = (page: Page) =>
    page.evaluate(() => {
      const window = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return window.document.documentElement.scrollWidth <= window.innerWidth;
    });

  it('the staff cannot log without the rider’s consent; with it, the matter is in the station’s list and in the rider’s own, and not in another station’s', async () => {
    const station = await personContext(browser, { phone: true });
    const rider = await personContext(browser, { phone: true });
    const other = await personContext(browser, { phone: true });
    try {
      await signIn(station.page, STATION.persona);
      const page = station.page;
      await page.getByRole('tab', { name: zh.station.tabs.log }).waitFor();
      await page.getByLabel(zh.station.form.workerId).fill(RIDER.sub);
      await page.getByLabel(zh.station.form.workerPhone).fill('138 1234 5678');
      await chooseOption(page, zh.station.form.category, zh.category.pay_dispute);
      await page.getByLabel(zh.station.form.headline).fill(TITLE);
      await page.getByLabel(zh.station.form.description).fill('骑手到驿站反映：平台已三周未结算工资。');
      await page.getByRole('radio', { name: zh.station.consent.signature }).check();

      // Without the tick for consent nothing is sent: the form says why, at the box.
      await page.getByRole('button', { name: zh.station.form.submit }).click();
      await page.getByText(zh.validation.consent).waitFor();
      const staff = await tokenFor({ sub: `staff-${STATION.id}`, role: 'station_staff', stationId: STATION.id });
      expect((await call(`${system.url('intake')}/v1/stations/me/walk-ins`, staff)).body.items).toEqual([]);
      await screenshot(page, 'station-consent-required', logDir);

      await page.getByRole('checkbox', { name: zh.station.form.consentGiven }).check();
      await page.getByRole('button', { name: zh.station.form.submit }).click();

      // The list opens on the new walk-in, with its status, the rider, the masked phone and the consent.
      const listed = page.getByRole('listitem').filter({ hasText: TITLE });
      await listed.waitFor();
      await expect(listed.textContent()).resolves.toContain('138****5678');
      await expect(listed.textContent()).resolves.toContain(zh.station.consent.signature);
      await listed.getByText(new RegExp(`${zh.status.routed}|${zh.status.submitted}`)).first().waitFor();
      expect(await fitsThePhone(page)).toBe(true);
      await screenshot(page, 'station-walk-ins', logDir);
      const walkIns = (await call(`${system.url('intake')}/v1/stations/me/walk-ins`, staff)).body.items as { id: string; workerId: string; consentMethod: string }[];
      expect(walkIns).toEqual([expect.objectContaining({ workerId: RIDER.sub, consentMethod: 'signature' })]);

      // The rider finds it among his own matters on his phone.
      await signIn(rider.page, RIDER.persona);
      await rider.page.getByRole('tab', { name: zh.rider.tabs.matters }).click();
      await rider.page.getByRole('button', { name: new RegExp(TITLE) }).waitFor();
      const riderToken = await tokenFor({ sub: RIDER.sub, role: 'worker' });
      const mine = (await call(`${system.url('intake')}/v1/grievances`, riderToken)).body.items as { id: string }[];
      expect(mine.map((m) => m.id)).toContain(walkIns[0]!.id);

      // Another station's counter sees none of it.
      await signIn(other.page, OTHER_STATION.persona);
      await other.page.getByRole('tab', { name: zh.station.tabs.list }).click();
      await other.page.getByText(zh.station.list.empty).waitFor();
      await expect(other.page.getByText(TITLE).count()).resolves.toBe(0);
      expect([...station.dialogs, ...rider.dialogs, ...other.dialogs]).toEqual([]);
    } catch (error) {
      await station.page.screenshot({ path: path.join(logDir, 'failed-station.png') }).catch(() => undefined);
      await rider.page.screenshot({ path: path.join(logDir, 'failed-rider.png') }).catch(() => undefined);
      await other.page.screenshot({ path: path.join(logDir, 'failed-other-station.png') }).catch(() => undefined);
      throw error;
    } finally {
      await station.context.close();
      await rider.context.close();
      await other.context.close();
    }
  }, 180_000);
});

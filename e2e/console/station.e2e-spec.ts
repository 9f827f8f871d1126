import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '@grievance/testing';
import { RunningService, startConsole } from '../../deploy/local/services';
import zh from '../../services/console/web/src/i18n/zh-CN';
import { call, eventually, RunningSystem, startSystem, tokenFor } from '../system-harness';
import { chooseOption, ensureConsoleBuilt, launchChromium, personContext, screenshot, signInAs } from './browser';

const STATION = { id: 'st-xiangyun-yuhua', persona: 'Yuhua Warm Station (玉华暖心驿站)' };
const OTHER_STATION = { persona: "Chaoyang Riders' Home (朝阳骑手之家)" };
const RIDER = { sub: 'rider-1', persona: '骑手 Li Wei (rider)' };
const TITLE = '平台拖欠三周工资';

describe('the station counter in a browser: a walk-in logged for a rider, who finds it on his own phone; points earned, spent and handed over; a 五入 benefit decided', () => {
  let system: RunningSystem;
  let consoleServer: RunningService;
  let browser: Browser;
  let logDir: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    // A public-service benefit (五入) opens at 5 points here, so the rider reaches it in one test.
    system = await startSystem({ BENEFITS_POINTS_THRESHOLD: '5' });
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

  const signIn = (page: Page, persona: string): Promise<void> => signInAs(page, consoleServer.url, persona);

  /** Nothing sticks out sideways on the phone: no horizontal scrolling. */
  const fitsThePhone = (page: Page) =>
    page.evaluate(() => {
      const window = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return window.document.documentElement.scrollWidth <= window.innerWidth;
    });

  it('the staff cannot log without the rider’s consent; with it, the grievance is in the station’s list and in the rider’s own, and not in another station’s', async () => {
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

      // The rider finds it among his own grievances on his phone.
      await signIn(rider.page, RIDER.persona);
      await rider.page.getByRole('tab', { name: zh.rider.tabs.grievances }).click();
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

  it('the staff stock a prize and award volunteering points; the rider redeems it, the staff hand it over; his 五入 application is approved by his industry committee', async () => {
    const staff = await personContext(browser, { phone: true });
    const rider = await personContext(browser, { phone: true });
    const committee = await personContext(browser, { phone: false });
    const PRIZE = '充电宝 (power bank)';
    try {
      // The rider registered with a delivery branch (扫码报到) first: routing tells feedback which committee owns him.
      const riderToken = await tokenFor({ sub: RIDER.sub, role: 'worker' });
      expect((await call(`${system.url('routing')}/v1/workers/me`, riderToken, { method: 'PUT', body: { occupation: 'rider', branchId: 'br-delivery-meituan-xiangyun' } })).status).toBe(200);
      // The station's staff add a prize to the catalogue (a missing cost is said at its field).
      await signIn(staff.page, STATION.persona);
      await staff.page.getByRole('tab', { name: zh.points.station.tabs.points }).click();
      // Every tab's form stays in the page; each is found by its own form.
      const catalogue = staff.page.locator('form#catalogue-item');
      await catalogue.getByLabel(zh.points.station.catalogue.name).fill(PRIZE);
      await catalogue.getByLabel(zh.points.station.catalogue.stock).fill('1');
      await catalogue.getByRole('button', { name: zh.points.station.catalogue.save }).click();
      await catalogue.getByText(`请填写${zh.points.station.catalogue.cost}`).waitFor();
      await catalogue.getByLabel(zh.points.station.catalogue.cost).fill('10');
      await catalogue.getByRole('button', { name: zh.points.station.catalogue.save }).click();
      await catalogue.getByText(zh.points.station.catalogue.saved.replace('{{name}}', PRIZE)).waitFor();
      await screenshot(staff.page, 'station-catalogue', logDir);

      // Volunteering points: without what he did, nothing is sent; with it, 15 points.
      const volunteering = staff.page.locator('form#volunteering');
      await volunteering.getByLabel(zh.points.station.volunteering.workerId).fill(RIDER.sub);
      await volunteering.getByLabel(zh.points.station.volunteering.points).fill('15');
      await volunteering.getByRole('button', { name: zh.points.station.volunteering.award }).click();
      await volunteering.getByText(`请填写${zh.points.station.volunteering.reason}`).waitFor();
      await volunteering.getByLabel(zh.points.station.volunteering.reason).fill('帮助清理驿站门前积雪');
      await volunteering.getByRole('button', { name: zh.points.station.volunteering.award }).click();
      await volunteering.getByText(/已发放 15 积分/).waitFor();

      // The rider sees 15 points, redeems the power bank at the Yuhua station, and has 5 left; it is sold out now.
      await signIn(rider.page, RIDER.persona);
      await rider.page.getByRole('tab', { name: zh.rider.tabs.points }).click();
      await rider.page.getByLabel(zh.rider.points.balance).filter({ hasText: '15' }).waitFor({ timeout: 30_000 });
      await rider.page.getByText(zh.rider.points.reason.volunteering).first().waitFor();
      await chooseOption(rider.page, zh.points.redeem.station, STATION.persona);
      await rider.page.getByRole('button', { name: `${zh.points.redeem.button} ${PRIZE}` }).click();
      await rider.page.getByText(zh.points.redeem.redeemed.replace('{{name}}', PRIZE).replace('{{balance}}', '5')).waitFor();
      await rider.page.getByLabel(zh.rider.points.balance).filter({ hasText: '5' }).waitFor();
      await rider.page.getByText(zh.points.redeem.soldOut).waitFor();
      await rider.page.getByText(zh.points.redemptions.state.awaiting_hand_over).waitFor();
      await screenshot(rider.page, 'rider-redeem', logDir);

      // The staff hand it over; the rider's list says so.
      await staff.page.getByRole('button', { name: `${zh.points.station.handOver.button} ${PRIZE} ${RIDER.sub}` }).click();
      await staff.page.getByText(zh.points.station.handOver.empty).waitFor();
      await rider.page.getByText(zh.points.redemptions.state.handed_over).waitFor({ timeout: 15_000 });

      // 五入: registered with a delivery branch, he applies for a school place; the delivery committee approves it with a reason.
      await chooseOption(rider.page, zh.points.benefits.kind, zh.points.benefits.kinds.school);
      await rider.page.getByRole('button', { name: zh.points.benefits.apply }).click();
      await rider.page.getByText(zh.points.benefits.applied).waitFor();
      await rider.page.getByText(zh.points.benefits.state.pending).waitFor({ timeout: 30_000 });

      await signIn(committee.page, 'Delivery Industry Committee (外卖行业综合党委)');
      await committee.page.getByRole('tab', { name: zh.points.decisions.tab }).click();
      await committee.page.getByText(zh.points.benefits.kinds.school).waitFor({ timeout: 15_000 });
      await committee.page.getByRole('button', { name: zh.points.decisions.approve, exact: true }).click();
      await committee.page.getByText(`请填写${zh.points.decisions.reason}`).waitFor();
      await committee.page.getByLabel(zh.points.decisions.reason).fill('积分达标，已协调辖区小学学位');
      await screenshot(committee.page, 'committee-benefits', logDir);
      await committee.page.getByRole('button', { name: zh.points.decisions.approve, exact: true }).click();
      await committee.page.getByText(zh.points.decisions.empty).waitFor();
      await rider.page.getByText('已同意：积分达标，已协调辖区小学学位').waitFor({ timeout: 15_000 });
      expect([...staff.dialogs, ...rider.dialogs, ...committee.dialogs]).toEqual([]);
    } catch (error) {
      for (const [name, person] of Object.entries({ staff, rider, committee })) await person.page.screenshot({ path: path.join(logDir, `failed-points-${name}.png`) }).catch(() => undefined);
      throw error;
    } finally {
      await staff.context.close();
      await rider.context.close();
      await committee.context.close();
    }
  }, 180_000);
});

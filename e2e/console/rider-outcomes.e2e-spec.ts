import * as path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '@grievance/testing';
import { RunningService, startConsole } from '../../deploy/local/services';
import zh from '../../services/console/web/src/i18n/zh-CN';
import { call, eventually, RunningSystem, startSystem, tokenFor, uploadPhoto } from '../system-harness';
import { ensureConsoleBuilt, launchChromium, personContext, screenshot } from './browser';

// Inside the demo city's grid xiangyun-yuhua-g1 (deploy/seed/demo-city); the second place is far from the hole.
const HOLE = { lat: 28.662, lng: 115.822, address: 'Yuhua Rd, by the bus stop' };
const NEXT_TO_IT = { lat: 28.6621, lng: 115.8221, address: 'Yuhua Rd bus stop' };
const ELSEWHERE = { lat: 28.65, lng: 115.815, address: 'Yuhua Rd, by the school gate' };
const GRID = 'xiangyun-yuhua-g1';
const GRID_WORKER = `gw-${GRID}-1`;
const OTHER_GRID_WORKER = `gw-${GRID}-2`;
const RIDER = { sub: 'rider-1', persona: '骑手 Li Wei (rider)', title: 'Manhole cover missing by the bus stop' };
const COURIER = { sub: 'courier-1', persona: '快递员 Zhang Min (courier)', title: 'Open manhole at the bus stop' };
const DRIVER = { sub: 'truck-driver-1', persona: '货车司机 Wang Qiang (truck driver)', title: 'Manhole cover gone by the school gate' };
const FIX = 'New cover fitted and locked.';
const CONTEST_REASON = 'The cover is still missing: it is by the bus shelter, not at the gate.';

/** A photo of the fix big enough to see: a 240×160 PNG of one colour (intake checks a photo by its bytes). */
function fixPhoto(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const [width, height] = [240, 160];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [46, 125, 50]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

describe('the rider\'s grievances in a browser: the fix photo, a report joined to another, a contested verdict', () => {
  let system: RunningSystem;
  let consoleServer: RunningService;
  let browser: Browser;
  let logDir: string;
  let gridWorker: string;
  let department: string;

  const intake = (p: string) => `${system.url('intake')}${p}`;
  const routing = (p: string) => `${system.url('routing')}${p}`;
  const dispatch = (p: string) => `${system.url('grid-dispatch')}${p}`;
  const grievance = async (token: string, id: string) => (await call(intake(`/v1/grievances/${id}`), token)).body;

  async function report(token: string, title: string, location: typeof HOLE): Promise<{ id: string; trackingNo: string }> {
    const submitted = await call(intake('/v1/grievances'), token, {
      body: { kind: 'hazard', category: 'manhole_cover_missing', title, description: 'Open hole in the cycle lane.', urgency: 'urgent', location, attachmentIds: [await uploadPhoto(system, token, 'hole.png')] },
    });
    expect(submitted.status).toBe(201);
    return submitted.body as { id: string; trackingNo: string };
  }

  /** The grid worker finds the ticket, accepts it, goes there and gives the verdict. */
  async function verifyOnSite(id: string, place: typeof HOLE, verdict: 'confirmed' | 'invalid', note: string): Promise<void> {
    const tickets = await eventually(
      async () => (await call(dispatch('/v1/tickets'), gridWorker)).body as { id: string; grievanceId: string; status: string }[],
      (list) => Array.isArray(list) && list.some((t) => t.grievanceId === id && t.status === 'dispatched'),
      'the grid worker sees the ticket',
    );
    const ticket = tickets.find((t) => t.grievanceId === id)!;
    expect((await call(dispatch(`/v1/tickets/${ticket.id}/accept`), gridWorker, { method: 'POST' })).status).toBe(200);
    const evidence = await uploadPhoto(system, gridWorker, 'on-site.png');
    const verified = await call(dispatch(`/v1/tickets/${ticket.id}/verify`), gridWorker, {
      body: { verdict, note, position: { lat: place.lat + 0.0003, lng: place.lng }, attachmentIds: [evidence] },
    });
    expect(verified.status).toBe(200);
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    system = await startSystem();
    logDir = path.join(__dirname, '..', '..', '.cache', 'e2e-logs', `console-rider-${Date.now()}`);
    consoleServer = await startConsole(system.services, { output: { logDir }, port: await freePort() });
    browser = await launchChromium();
    gridWorker = await tokenFor({ sub: GRID_WORKER, role: 'grid_worker', gridId: GRID });
    department = await tokenFor({ sub: 'officer-mw-1', role: 'department', departmentCode: 'municipal_works' });
    // Every ticket of the grid comes to the one grid worker on duty.
    const other = await tokenFor({ sub: OTHER_GRID_WORKER, role: 'grid_worker', gridId: GRID });
    await eventually(() => call(dispatch('/v1/grid-workers/me/duty'), other, { method: 'PUT', body: { onDuty: false } }), (r) => r.status === 200, `${OTHER_GRID_WORKER} off duty`);
    await eventually(() => call(dispatch('/v1/grid-workers/me/duty'), gridWorker, { method: 'PUT', body: { onDuty: true } }), (r) => r.status === 200, `${GRID_WORKER} on duty`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await consoleServer?.stop();
    await system?.stop();
  });

  /** A worker signs in on their phone and opens one of their grievances. */
  async function openGrievance(page: Page, persona: string, title: string): Promise<void> {
    await page.goto(consoleServer.url);
    await page.getByRole('searchbox', { name: zh.signIn.search }).fill(persona);
    await page.getByRole('button', { name: `${zh.signIn.signIn} ${persona}`, exact: true }).click();
    await page.getByRole('tab', { name: zh.rider.tabs.grievances }).click();
    await page.getByRole('button', { name: new RegExp(title) }).click();
  }

  /** Nothing sticks out sideways on the phone: no horizontal scrolling. */
  const fitsThePhone = (page: Page) =>
    page.evaluate(() => {
      const window = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return window.document.documentElement.scrollWidth <= window.innerWidth;
    });

  it('the rider sees the fix and its photo; the courier who reported the same hole sees theirs joined to it, with its number and status', async () => {
    const riderToken = await tokenFor({ sub: RIDER.sub, role: 'worker' });
    const courierToken = await tokenFor({ sub: COURIER.sub, role: 'worker' });
    const original = await report(riderToken, RIDER.title, HOLE);
    const duplicate = await report(courierToken, COURIER.title, NEXT_TO_IT);
    expect(await grievance(courierToken, duplicate.id)).toMatchObject({ duplicateOf: original.id });

    // The grid worker confirms it on site; municipal works fixes it and photographs the fix.
    await verifyOnSite(original.id, HOLE, 'confirmed', 'Cover missing, coned off.');
    await eventually(async () => (await call(routing('/v1/inbox'), department)).body, (inbox) => JSON.stringify(inbox).includes(original.id), 'in the department inbox');
    expect((await call(routing(`/v1/matters/${original.id}/accept`), department, { method: 'POST' })).status).toBeLessThan(300);
    const form = new FormData();
    form.append('file', new Blob([fixPhoto()], { type: 'image/png' }), 'new-cover.png');
    const upload = await fetch(intake('/v1/attachments'), { method: 'POST', headers: { authorization: `Bearer ${department}` }, body: form });
    expect(upload.status).toBe(201);
    const fix = ((await upload.json()) as { id: string }).id;
    expect((await call(routing(`/v1/matters/${original.id}/resolve`), department, { body: { resolution: FIX, attachmentIds: [fix] } })).status).toBeLessThan(300);
    await eventually(() => grievance(riderToken, original.id), (m) => m?.status === 'resolved' && m.resolution?.attachments?.length === 1, 'resolved with the fix photo');
    await eventually(() => grievance(courierToken, duplicate.id), (m) => m?.original?.status === 'resolved', 'resolved for the courier');

    const rider = await personContext(browser, { phone: true });
    const courier = await personContext(browser, { phone: true });
    try {
      // The rider: what was done, and the photo of the fix, which opens larger.
      await openGrievance(rider.page, RIDER.persona, RIDER.title);
      const resolution = rider.page.getByRole('region', { name: zh.rider.grievances.resolution });
      await resolution.getByText(FIX).waitFor({ timeout: 30_000 });
      await resolution.getByText(/Municipal Works Bureau/).waitFor();
      const thumbnail = resolution.getByRole('img', { name: zh.rider.grievances.fixPhoto.replace('{{n}}', '1') });
      await thumbnail.waitFor();
      // Downloaded with the rider's session and shown from memory, not from a URL any page could open.
      await eventually(() => thumbnail.evaluate((img: { complete: boolean; naturalWidth: number; src: string }) => img.complete && img.naturalWidth === 240 && img.src.startsWith('blob:')), (shown) => shown, 'the fix photo shown');
      expect(await fitsThePhone(rider.page)).toBe(true);
      await screenshot(rider.page, 'rider-fix-photo', logDir);
      await thumbnail.click();
      const preview = rider.page.getByRole('dialog');
      await preview.waitFor();
      // Once it has zoomed in (antd's appear motion), the photo fills the phone's width.
      await eventually(() => preview.evaluate((el: { className: string }) => !/appear|enter/.test(el.className)), (still) => still, 'the preview opened');
      expect((await preview.getByRole('img').first().boundingBox())!.width).toBeGreaterThan(96);
      await screenshot(rider.page, 'rider-fix-photo-open', logDir);
      await rider.page.keyboard.press('Escape');
      await preview.waitFor({ state: 'hidden' });
      // The first reporter is the one asked to rate it.
      await rider.page.getByRole('button', { name: zh.rider.grievances.sendRating }).waitFor();

      // The courier: their report joined to the rider's, with its tracking number, its status and its progress.
      await openGrievance(courier.page, COURIER.persona, COURIER.title);
      const joined = courier.page.getByRole('region', { name: zh.rider.grievances.joined.replace('{{trackingNo}}', original.trackingNo) });
      await joined.waitFor({ timeout: 30_000 });
      await courier.page.getByRole('button', { name: new RegExp(COURIER.title) }).getByText(zh.rider.grievances.joined.replace('{{trackingNo}}', original.trackingNo)).waitFor();
      await joined.getByText(zh.status.resolved, { exact: true }).first().waitFor();
      await joined.getByText(/Cover missing, coned off/).first().waitFor();
      // They follow the same fix, photo and all, but are not asked to rate it.
      await courier.page.getByRole('region', { name: zh.rider.grievances.resolution }).getByText(FIX).waitFor();
      await courier.page.getByRole('img', { name: zh.rider.grievances.fixPhoto.replace('{{n}}', '1') }).waitFor();
      expect(await courier.page.getByRole('button', { name: zh.rider.grievances.sendRating }).count()).toBe(0);
      expect(await fitsThePhone(courier.page)).toBe(true);
      await joined.scrollIntoViewIfNeeded();
      await screenshot(courier.page, 'rider-joined', logDir);
      expect([...rider.dialogs, ...courier.dialogs]).toEqual([]);
    } catch (error) {
      await rider.page.screenshot({ path: path.join(logDir, 'failed-rider.png') }).catch(() => undefined);
      await courier.page.screenshot({ path: path.join(logDir, 'failed-courier.png') }).catch(() => undefined);
      throw error;
    } finally {
      await rider.context.close();
      await courier.context.close();
    }
  }, 240_000);

  it('a driver whose report was found invalid asks for a second check with a reason (none first: told at the field) and sees it open again', async () => {
    const driverToken = await tokenFor({ sub: DRIVER.sub, role: 'worker' });
    const reported = await report(driverToken, DRIVER.title, ELSEWHERE);
    await verifyOnSite(reported.id, ELSEWHERE, 'invalid', 'Nothing missing here.');
    await eventually(() => grievance(driverToken, reported.id), (m) => m?.status === 'closed', 'closed on the invalid verdict');

    const driver = await personContext(browser, { phone: true });
    const { page } = driver;
    try {
      await openGrievance(page, DRIVER.persona, DRIVER.title);
      const header = page.getByRole('button', { name: new RegExp(DRIVER.title) });
      await header.getByText(zh.status.closed, { exact: true }).waitFor();
      await page.getByText(/Nothing missing here/).first().waitFor();
      await page.getByRole('button', { name: zh.rider.grievances.contest.open }).click();

      // No reason: told at the field, and nothing sent.
      const sent: string[] = [];
      page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/contest') && sent.push(r.url()));
      const form = page.getByRole('form', { name: zh.rider.grievances.contest.open });
      await form.getByRole('button', { name: zh.rider.grievances.contest.send }).click();
      await form.getByText(zh.validation.required.replace('{{field}}', zh.rider.grievances.contest.reason)).waitFor();
      expect(sent).toEqual([]);
      expect(await fitsThePhone(page)).toBe(true);
      await screenshot(page, 'rider-contest', logDir);

      await form.getByLabel(zh.rider.grievances.contest.reason).fill(CONTEST_REASON);
      await form.getByRole('button', { name: zh.rider.grievances.contest.send }).click();
      // Open again: routed to another grid worker's check, the contest in its progress, and nothing more to contest.
      await header.getByText(new RegExp(`^(${zh.status.routed}|${zh.status.dispatched})$`)).waitFor({ timeout: 30_000 });
      await page.getByText(new RegExp(CONTEST_REASON.slice(0, 24))).first().waitFor({ timeout: 30_000 });
      expect(await page.getByRole('button', { name: zh.rider.grievances.contest.open }).count()).toBe(0);
      expect(await page.getByRole('form', { name: zh.rider.grievances.contest.open }).count()).toBe(0);
      expect(sent).toHaveLength(1);
      expect(['routed', 'dispatched']).toContain((await grievance(driverToken, reported.id)).status);
      await screenshot(page, 'rider-contested', logDir);
      expect(driver.dialogs).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: path.join(logDir, 'failed-driver.png') }).catch(() => undefined);
      throw error;
    } finally {
      await driver.context.close();
    }
  }, 240_000);
});

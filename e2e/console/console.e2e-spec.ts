import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '@grievance/testing';
import { RunningService, startConsole } from '../../deploy/local/services';
import zh from '../../services/console/web/src/i18n/zh-CN';
import { call, eventually, RunningSystem, startSystem, tokenFor } from '../system-harness';
import { chooseOption, ensureConsoleBuilt, launchChromium, personContext, screenshot } from './browser';

/** A well-formed 1×1 PNG: intake checks a photo by its bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PLACE = { lat: 28.66, lng: 115.82 };
const GRID = 'xiangyun-yuhua-g1';
const HOSTILE_TITLE = 'Manhole <img src=x onerror=alert(1)> gone';
const HOSTILE_DESCRIPTION = 'Open hole <script>alert(2)</script> in the cycle lane.';

describe('the console in a browser: the manhole case played by a rider, a grid worker and a department', () => {
  let system: RunningSystem;
  let consoleServer: RunningService;
  let browser: Browser;
  let photo: string;
  let logDir: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    system = await startSystem();
    logDir = path.join(__dirname, '..', '..', '.cache', 'e2e-logs', `console-${Date.now()}`);
    consoleServer = await startConsole(system.services, { output: { logDir }, port: await freePort() });
    browser = await launchChromium();
    photo = path.join(logDir, 'hole.png');
    fs.writeFileSync(photo, PNG);
    // The grid's other worker is off duty, so the ticket comes to the one whose screen is open.
    const other = await tokenFor({ sub: `gw-${GRID}-2`, role: 'grid_worker', gridId: GRID });
    expect((await call(`${system.url('grid-dispatch')}/v1/grid-workers/me/duty`, other, { method: 'PUT', body: { onDuty: false } })).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await consoleServer?.stop();
    await system?.stop();
  });

  async function signIn(page: Page, personaName: string, path = '/'): Promise<void> {
    await page.goto(`${consoleServer.url}${path}`);
    await page.getByRole('searchbox', { name: zh.signIn.search }).fill(personaName);
    await page.getByRole('button', { name: `${zh.signIn.signIn} ${personaName}`, exact: true }).click();
  }

  it('the committed API types are those the services\' OpenAPI documents give now', () => {
    // openapi-typescript is ESM-only: it runs in its own process.
    const urls = Object.fromEntries(system.services.map((s) => [s.name, s.url]));
    const root = path.join(__dirname, '..', '..');
    const check = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'e2e/console/api-types.ts', '--check', JSON.stringify(urls)], { cwd: root, encoding: 'utf8' });
    if (check.status !== 0) throw new Error(check.stderr);
  });

  it('reports, dispatches live, verifies, resolves, rates and pays points, and the auditor\'s trace verifies; bad input stays in the form; markup stays text', async () => {
    const rider = await personContext(browser, { phone: true, place: PLACE });
    const grid = await personContext(browser, { phone: true, place: { lat: PLACE.lat + 0.0005, lng: PLACE.lng } });
    const department = await personContext(browser, { phone: false });
    try {
      await manholeCase(rider, grid, department);
    } catch (error) {
      // What each person saw when it failed, beside the services' logs.
      for (const [name, person] of Object.entries({ rider, grid, department })) await person.page.screenshot({ path: path.join(logDir, `failed-${name}.png`) }).catch(() => undefined);
      throw error;
    } finally {
      await rider.context.close();
      await grid.context.close();
      await department.context.close();
    }
  }, 240_000);

  type Person = Awaited<ReturnType<typeof personContext>>;
  async function manholeCase(rider: Person, grid: Person, department: Person): Promise<void> {

    await signIn(rider.page, '骑手 Li Wei (rider)');
    await rider.page.getByRole('heading', { name: zh.rider.report.title }).waitFor();
    await screenshot(rider.page, 'rider-report', logDir);
    await signIn(grid.page, `Grid worker 1 of ${GRID}`);
    await grid.page.getByText(zh.grid.empty).first().waitFor();
    await signIn(department.page, 'Municipal Works Bureau (市政工程局)');
    await department.page.getByRole('heading', { name: zh.department.queue }).waitFor();

    // Bad input: the messages at their fields, and nothing sent.
    const sent: string[] = [];
    rider.page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/intake/v1/grievances') && sent.push(r.url()));
    await rider.page.getByRole('button', { name: zh.rider.report.submit }).click();
    await rider.page.getByText(zh.validation.category).waitFor();
    await rider.page.getByText(zh.validation.place).waitFor();
    await rider.page.getByText(`请填写${zh.rider.report.headline}`).waitFor();
    expect(sent).toEqual([]);

    // The rider photographs the hole, takes the device's position, picks the category and reports it.
    await rider.page.getByLabel(zh.rider.report.photo).setInputFiles(photo);
    await rider.page.getByText(zh.rider.report.uploaded.replace('{{count}}', '1')).waitFor();
    await rider.page.getByRole('button', { name: zh.rider.report.useMyPosition }).click();
    await rider.page.getByText(`已选位置：${PLACE.lat}, ${PLACE.lng}`).waitFor();
    await chooseOption(rider.page, zh.rider.report.category, zh.category.manhole_cover_missing);
    await rider.page.getByRole('radio', { name: zh.rider.report.urgent }).check();
    await rider.page.getByLabel(zh.rider.report.headline).fill(HOSTILE_TITLE);
    await rider.page.getByLabel(zh.rider.report.description).fill(HOSTILE_DESCRIPTION);
    await rider.page.getByRole('button', { name: zh.rider.report.submit }).click();
    await rider.page.getByRole('tab', { name: zh.rider.tabs.grievances, selected: true }).waitFor();
    await rider.page.getByText(HOSTILE_TITLE).waitFor();
    expect(sent).toHaveLength(1);

    // The grid worker's inbox shows it without a reload; they accept, go there and confirm it with a photo.
    const ticket = grid.page.getByRole('listitem').filter({ hasText: HOSTILE_TITLE });
    await ticket.waitFor({ timeout: 30_000 });
    await screenshot(grid.page, 'grid-worker-inbox', logDir);
    await ticket.getByRole('button', { name: zh.grid.accept }).click();
    await ticket.getByRole('button', { name: zh.grid.verify }).click();
    await ticket.getByRole('button', { name: zh.grid.locate }).click();
    await ticket.getByText(/距上报地点 \d+ 米/).waitFor();
    await ticket.getByLabel(zh.grid.photo).setInputFiles(photo);
    await ticket.getByText(zh.rider.report.uploaded.replace('{{count}}', '1')).waitFor();
    await ticket.getByRole('radio', { name: zh.grid.confirmed, exact: true }).check();
    await ticket.getByLabel(zh.grid.note).fill('Cordoned off with cones.');
    await ticket.getByRole('button', { name: zh.grid.send }).click();
    await grid.page.getByRole('tab', { name: new RegExp(`${zh.grid.done} \\(1\\)`) }).waitFor({ timeout: 15_000 });

    // Municipal works accepts it and resolves it; the markup in the report is shown as text.
    const row = department.page.getByRole('row').filter({ hasText: HOSTILE_TITLE });
    await row.waitFor({ timeout: 30_000 });
    await screenshot(department.page, 'department-queue', logDir);
    await row.getByRole('button', { name: `${zh.department.accept} ${HOSTILE_TITLE}` }).click();
    await row.getByRole('button', { name: `${zh.department.resolve} ${HOSTILE_TITLE}` }).click();
    await department.page.getByText(HOSTILE_DESCRIPTION).waitFor();
    await department.page.getByLabel(zh.department.resolution).fill('New cover fitted.');
    await department.page.getByRole('button', { name: zh.department.send }).click();
    // Resolved: the queue no longer offers to resolve it (the row leaves or shows the new status).
    await row.getByRole('button', { name: `${zh.department.resolve} ${HOSTILE_TITLE}` }).waitFor({ state: 'detached', timeout: 15_000 });

    // The rider sees it resolved, rates it and sees the points.
    await rider.page.getByRole('button', { name: new RegExp(HOSTILE_TITLE.replace(/[<>()=]/g, '.')) }).click();
    await rider.page.getByText(zh.history['grievance.resolved.v1']).first().waitFor({ timeout: 30_000 });
    // Each step of the timeline in the catalogue's plain words (intake's line under it).
    await rider.page.getByText(zh.history['grievance.submitted.v1'], { exact: true }).first().waitFor();
    await rider.page.getByRole('radio', { name: zh.rating.satisfied, exact: true }).check();
    await rider.page.getByLabel(zh.rider.grievances.comment).fill('Fixed quickly, thank you.');
    await rider.page.getByRole('button', { name: zh.rider.grievances.sendRating }).click();
    await rider.page.getByText(zh.rider.grievances.rated).first().waitFor();
    await rider.page.getByRole('tab', { name: zh.rider.tabs.points }).click();
    await rider.page.getByLabel(zh.rider.points.balance).filter({ hasText: '10' }).waitFor({ timeout: 30_000 });
    await screenshot(rider.page, 'rider-points', logDir);

    // The auditor finds the grievance by the tracking number the rider was given, and its trace verifies.
    const riderToken = await tokenFor({ sub: 'rider-1', role: 'worker' });
    const [grievance] = (await call(`${system.url('intake')}/v1/grievances`, riderToken)).body.items as { id: string; trackingNo: string }[];
    const auditor = await personContext(browser, { phone: false });
    try {
      await signIn(auditor.page, '审计 Auditor');
      await auditor.page.getByLabel(zh.audit.grievanceRef).fill('NC-20260101-999999');
      await auditor.page.getByRole('button', { name: zh.audit.find }).click();
      await auditor.page.getByText(zh.audit.noSuchTrackingNo.replace('{{trackingNo}}', 'NC-20260101-999999')).waitFor();
      await auditor.page.getByLabel(zh.audit.grievanceRef).fill(grievance!.trackingNo.toLowerCase());
      await auditor.page.getByRole('button', { name: zh.audit.find }).click();
      await auditor.page.getByText(/哈希链校验通过/).waitFor({ timeout: 30_000 });
      // The old "not found" fades out (antd's leave motion) and is gone beside the trace.
      await auditor.page.getByText(zh.audit.noSuchTrackingNo.replace('{{trackingNo}}', 'NC-20260101-999999')).waitFor({ state: 'detached', timeout: 5_000 });
      await auditor.page.getByText(zh.audit.event['grievance.resolved.v1']).first().waitFor();
      await screenshot(auditor.page, 'auditor-trace', logDir);
      expect(auditor.dialogs).toEqual([]);
    } catch (error) {
      await auditor.page.screenshot({ path: path.join(logDir, 'failed-auditor.png') }).catch(() => undefined);
      throw error;
    } finally {
      await auditor.context.close();
    }

    // No markup ran anywhere it was shown.
    expect([...rider.dialogs, ...grid.dialogs, ...department.dialogs]).toEqual([]);
  }

  it('the auditor searches every grievance, sees its SLA verdict, the three rates and the month\'s ranking as charts, and downloads the yearly assessment', async () => {
    const riderToken = await tokenFor({ sub: 'rider-1', role: 'worker' });
    const [grievance] = (await call(`${system.url('intake')}/v1/grievances`, riderToken)).body.items as { id: string; trackingNo: string }[];
    const auditor = await personContext(browser, { phone: false });
    const { page } = auditor;
    try {
      await signIn(page, '审计 Auditor');
      // The search: hazards under municipal works; the rider's grievance is there, and opens its trace.
      await page.getByRole('tab', { name: zh.audit.search }).click();
      await chooseOption(page, zh.audit.filter.kind, zh.kind.hazard);
      await page.getByLabel(zh.audit.filter.department).fill('municipal_works');
      await page.getByRole('button', { name: zh.audit.filter.search, exact: true }).click();
      const open = page.getByRole('button', { name: zh.audit.openTrace.replace('{{ref}}', grievance!.trackingNo) });
      await open.waitFor({ timeout: 15_000 });
      await screenshot(page, 'auditor-search', logDir);
      await open.click();
      await page.getByText(/哈希链校验通过/).waitFor({ timeout: 30_000 });
      // Closed with every deadline met: the verdict says so (only deadlines that warned or broke are drawn as clocks).
      await page.getByText(zh.audit.slaMet).waitFor();

      // The three rates of the departments as bars, then this month's ranking.
      await page.getByRole('tab', { name: zh.audit.rates, exact: true }).click();
      await page.getByRole('img', { name: zh.audit.chart.rates.replace('{{group}}', zh.audit.group.department) }).waitFor();
      await page.getByRole('cell', { name: 'municipal_works' }).first().waitFor();
      await screenshot(page, 'auditor-rates', logDir);
      await page.getByRole('tab', { name: zh.audit.rankings }).click();
      await page.getByRole('img', { name: new RegExp(`按${zh.audit.group.department}的${zh.audit.rankBy.score}排名`) }).waitFor({ timeout: 15_000 });
      await page.getByLabel(zh.audit.month).fill('2026-13');
      await page.getByRole('alert').filter({ hasText: zh.audit.monthInvalid }).waitFor();
      await screenshot(page, 'auditor-ranking', logDir);

      // The yearly assessment of the industry committees, downloaded as the CSV the API gives (its header in Chinese).
      await page.getByRole('tab', { name: zh.audit.assessments }).click();
      const download = page.getByRole('link', { name: zh.audit.downloadAssessment });
      const href = await download.getAttribute('href');
      expect(href).toMatch(/^\/api\/audit\/v1\/assessments\?year=\d{4}&unit=committee&format=csv$/);
      const csv = await page.request.get(`${consoleServer.url}${href}`);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toContain('text/csv');
      expect((await csv.text()).split('\n')[0]).toContain('排名');
      expect(auditor.dialogs).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: path.join(logDir, 'failed-auditor-figures.png') }).catch(() => undefined);
      throw error;
    } finally {
      await auditor.context.close();
    }
  });

  it('a worker scans a branch\'s QR link, registers with it and raises an appeal; the member acknowledges and escalates it, the branch assigns it to a department; bad input stays in the forms', async () => {
    const { context, page, dialogs } = await personContext(browser, { phone: true });
    try {
      await signIn(page, '快递员 Zhang Min (courier)', '/?branch=br-delivery-meituan-xiangyun');
      await page.getByText(zh.rider.appeal.fromQr).waitFor();
      await page.getByRole('button', { name: zh.rider.appeal.registerButton, exact: true }).click();
      await page.getByText(/已登记：外卖骑手/).waitFor();
      const sent: string[] = [];
      page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/intake/v1/grievances') && sent.push(r.url()));
      await page.getByRole('button', { name: zh.rider.appeal.submit }).click();
      await page.getByText(zh.validation.category).waitFor();
      await page.getByText(`请填写${zh.rider.appeal.description}`).waitFor();
      expect(sent).toEqual([]);
      await chooseOption(page, zh.rider.appeal.category, zh.category.pay_dispute);
      await page.getByLabel(zh.rider.appeal.headline).fill('Three weeks of pay withheld');
      await page.getByLabel(zh.rider.appeal.description).fill('The station says the platform has not paid.');
      await screenshot(page, 'rider-appeal', logDir);
      await page.getByRole('button', { name: zh.rider.appeal.submit }).click();
      await page.getByRole('tab', { name: zh.rider.tabs.grievances, selected: true }).waitFor();
      await page.getByText('Three weeks of pay withheld').waitFor();
      expect(sent).toHaveLength(1);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }

    // The liaison member holding it (members take appeals in turn) acknowledges it and passes it up with a reason.
    const courier = await tokenFor({ sub: 'courier-1', role: 'worker' });
    const [appeal] = (await call(`${system.url('intake')}/v1/grievances`, courier)).body.items as { id: string }[];
    const held = await eventually(() => call(`${system.url('intake')}/v1/grievances/${appeal!.id}`, courier), (r) => r.body?.holder?.type === 'member', 'the appeal reaches a member');
    const personas = (await (await fetch(`${consoleServer.url}/api/dev/personas`)).json()) as { id: string; name: string }[];
    const personaName = (id: string) => personas.find((p) => p.id === id)!.name;
    const member = await personContext(browser, { phone: false });
    const branch = await personContext(browser, { phone: false });
    try {
      await signIn(member.page, personaName(held.body.holder.id));
      await member.page.getByRole('button', { name: 'Three weeks of pay withheld' }).click();
      await member.page.getByRole('button', { name: zh.chain.acknowledge }).click();
      await member.page.getByRole('row').filter({ hasText: 'Three weeks of pay withheld' }).getByText(zh.chain.status.in_progress).waitFor({ timeout: 15_000 });
      await member.page.getByRole('dialog').waitFor({ state: 'hidden' });
      await screenshot(member.page, 'chain-inbox', logDir);
      await member.page.getByRole('button', { name: 'Three weeks of pay withheld' }).click();
      await member.page.getByRole('button', { name: zh.chain.action.escalate }).click();
      await member.page.getByRole('button', { name: zh.chain.send }).click();
      await member.page.getByText(`请填写${zh.chain.field.reason}`).waitFor();
      await member.page.getByLabel(zh.chain.field.reason).fill('The station needs the branch to talk to the platform.');
      await member.page.getByRole('button', { name: zh.chain.send }).click();
      await member.page.getByRole('row').filter({ hasText: 'Three weeks of pay withheld' }).waitFor({ state: 'detached', timeout: 15_000 });

      // The branch asks human resources and social security to act.
      await signIn(branch.page, personaName('secretary-br-delivery-meituan-xiangyun'));
      await branch.page.getByRole('button', { name: 'Three weeks of pay withheld' }).click({ timeout: 30_000 });
      await branch.page.getByRole('button', { name: zh.chain.action['assign-department'] }).click();
      await chooseOption(branch.page, zh.chain.department, 'Human Resources and Social Security Bureau (人力资源和社会保障局)');
      await branch.page.getByLabel(zh.chain.field.note).fill('Wage arrears: please mediate.');
      await branch.page.getByRole('button', { name: zh.chain.send }).click();
      await eventually(() => call(`${system.url('intake')}/v1/grievances/${appeal!.id}`, courier), (r) => r.body?.holder?.type === 'department' && r.body.holder.id === 'hrss', 'the appeal reaches hrss');
      expect([...member.dialogs, ...branch.dialogs]).toEqual([]);
    } catch (error) {
      await member.page.screenshot({ path: path.join(logDir, 'failed-member.png') }).catch(() => undefined);
      await branch.page.screenshot({ path: path.join(logDir, 'failed-branch.png') }).catch(() => undefined);
      throw error;
    } finally {
      await member.context.close();
      await branch.context.close();
    }
  });

  it('offers the demo city\'s personas on the sign-in page, in English one click away', async () => {
    const { context, page } = await personContext(browser, { phone: false });
    await page.goto(consoleServer.url);
    await page.getByRole('heading', { name: zh.signIn.title }).waitFor();
    await screenshot(page, 'sign-in', logDir);
    await page.getByRole('button', { name: zh.app.language }).click();
    await page.getByRole('heading', { name: 'Sign in as a demo persona' }).waitFor();
    await context.close();
  });

  it('shows a grid worker the duty dispatch sees, after a reload too', async () => {
    const { context, page } = await personContext(browser, { phone: true });
    try {
      // The grid's second worker went off duty in beforeAll (through the API).
      await signIn(page, `Grid worker 2 of ${GRID}`);
      const duty = page.getByRole('switch', { name: zh.grid.dutyLabel });
      await page.getByRole('switch', { name: zh.grid.dutyLabel, checked: false }).waitFor();
      await duty.click();
      await page.getByRole('switch', { name: zh.grid.dutyLabel, checked: true }).waitFor();
      await page.reload();
      await page.getByRole('switch', { name: zh.grid.dutyLabel, checked: true }).waitFor();
      await duty.click();
      await page.getByRole('switch', { name: zh.grid.dutyLabel, checked: false }).waitFor();
      const other = await tokenFor({ sub: `gw-${GRID}-2`, role: 'grid_worker', gridId: GRID });
      const now = await call(`${system.url('grid-dispatch')}/v1/grid-workers/me/duty`, other);
      expect(now.body).toEqual({ id: `gw-${GRID}-2`, gridId: GRID, onDuty: false });
    } finally {
      await context.close();
    }
  });

  it('a grid worker sees on site that a report of illegal parking is a missing manhole cover, corrects its category, and municipal works gets it', async () => {
    const courier = await tokenFor({ sub: 'courier-1', role: 'worker' });
    const title = 'Van on the pavement, and something under it';
    const submitted = await call(`${system.url('intake')}/v1/grievances`, courier, {
      body: { kind: 'hazard', category: 'illegal_parking', title, description: 'A van parked over a hole in the pavement.', location: PLACE },
    });
    expect(submitted.status).toBe(201);
    const { context, page } = await personContext(browser, { phone: true, place: { lat: PLACE.lat + 0.0003, lng: PLACE.lng } });
    try {
      await signIn(page, `Grid worker 1 of ${GRID}`);
      const ticket = page.getByRole('listitem').filter({ hasText: title });
      await ticket.waitFor({ timeout: 30_000 });
      await ticket.getByRole('button', { name: zh.grid.accept }).click();
      await ticket.getByRole('button', { name: zh.grid.verify }).click();
      await ticket.getByRole('button', { name: zh.grid.locate }).click();
      await ticket.getByText(/距上报地点 \d+ 米/).waitFor();
      await ticket.getByLabel(zh.grid.photo).setInputFiles(photo);
      await ticket.getByText(zh.rider.report.uploaded.replace('{{count}}', '1')).waitFor();
      await ticket.getByRole('radio', { name: zh.grid.confirmed, exact: true }).check();
      await chooseOption(page, zh.grid.correctedCategory, zh.category.manhole_cover_missing);
      await ticket.getByLabel(zh.grid.note).fill('The van has gone; the cover under it is missing.');
      await screenshot(page, 'grid-worker-corrects-category', logDir);
      await ticket.getByRole('button', { name: zh.grid.send }).click();
      await page.getByRole('tab', { name: new RegExp(zh.grid.done) }).waitFor();
      // The grievance is now a missing manhole cover, held by municipal works (not urban management, who owns parking).
      const seen = await eventually(
        () => call(`${system.url('intake')}/v1/grievances/${submitted.body.id}`, courier),
        (r) => r.body?.holder?.id === 'municipal_works',
        'held by municipal works',
      );
      expect(seen.body).toMatchObject({ category: 'manhole_cover_missing', holder: { type: 'department', id: 'municipal_works' } });
    } catch (error) {
      await page.screenshot({ path: path.join(logDir, 'failed-grid-correction.png') }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});

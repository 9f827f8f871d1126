import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '@grievance/testing';
import { RunningService, startConsole } from '../../deploy/local/services';
import text from '../../services/console/web/src/i18n/admin.zh-CN';
import zh from '../../services/console/web/src/i18n/zh-CN';
import { call, eventually, RunningSystem, startSystem, tokenFor } from '../system-harness';
import { ensureConsoleBuilt, launchChromium, personContext, screenshot, signInAs } from './browser';

/**
 * An appeal nobody answers, under a compressed clock (SLA_TIME_SCALE 0.0005: an hour of
 * budget lasts 1.8 s): the admin gives such appeals an hour per rung in the console, and
 * the 两新工委 sees the appeal in its inbox under supervision (督办) once every rung has let it pass.
 */
const BRANCH = 'br-delivery-meituan-xiangyun';
const TOP = 'Hongzhou Two-New Work Committee (两新工委)';
const TITLE = 'Trucks turned away at the logistics park gate';

describe('the console in a browser: an appeal nobody answers climbs to the 两新工委 and is supervised', () => {
  let system: RunningSystem;
  let consoleServer: RunningService;
  let browser: Browser;
  let logDir: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    system = await startSystem({ SLA_TIME_SCALE: '0.0005' });
    logDir = path.join(__dirname, '..', '..', '.cache', 'e2e-logs', `console-climb-${Date.now()}`);
    consoleServer = await startConsole(system.services, { output: { logDir }, port: await freePort() });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await consoleServer?.stop();
    await system?.stop();
  });

  const signIn = (page: Page, personaName: string): Promise<void> => signInAs(page, consoleServer.url, personaName);

  it('the admin sets an hour per rung for truck-passage appeals; unanswered, one climbs member → branch → industry committee → 两新工委, who sees it supervised', async () => {
    const admin = await personContext(browser, { phone: false });
    const top = await personContext(browser, { phone: false });
    const auditor = await personContext(browser, { phone: false });
    try {
      // The admin adds the policy in the console, choosing its calendar with the keyboard.
      await signIn(admin.page, '管理员 Admin');
      await admin.page.getByRole('tab', { name: text.sla, exact: true }).click();
      await admin.page.getByRole('button', { name: `${text.new} · ${text.kinds.policies}` }).click();
      const form = admin.page.getByRole('dialog');
      await form.getByLabel(text.field.id, { exact: true }).fill('e2e.climb');
      await form.getByLabel(text.field.match).fill('{"kind":"appeal","category":"truck_passage"}');
      await form.getByLabel(text.field.respond).fill('PT1H');
      await form.getByLabel(text.field.resolve).fill('PT240H');
      await form.getByRole('combobox', { name: text.field.calendar }).fill('Calendar time');
      await admin.page.keyboard.press('Enter');
      await form.getByLabel(text.field.priority).fill('10');
      await form.getByLabel(text.field.reason).fill('Every rung answers within the hour');
      await form.getByRole('button', { name: text.save }).click();
      await admin.page.getByText(text.saved.replace('{{version}}', '1')).waitFor();
      const admins = await tokenFor({ sub: 'e2e-admin', role: 'admin' });
      const policies = (await call(`${system.url('routing')}/v1/sla/policies`, admins)).body.items as { id: string }[];
      expect(policies.find((p) => p.id === 'e2e.climb')).toMatchObject({ match: { kind: 'appeal', category: 'truck_passage' }, targets: { respond: 'PT1H', resolve: 'PT240H' }, calendar: 'calendar', priority: 10, version: 1 });

      // A rider of the branch raises the appeal; nobody on the chain answers it.
      const rider = await tokenFor({ sub: 'rider-e2e-climb', role: 'worker' });
      expect((await call(`${system.url('routing')}/v1/workers/me`, rider, { method: 'PUT', body: { occupation: 'rider', branchId: BRANCH } })).status).toBe(200);
      const submitted = await call(`${system.url('intake')}/v1/grievances`, rider, { body: { kind: 'appeal', category: 'truck_passage', title: TITLE, description: 'Two hours in the queue every morning.' } });
      expect(submitted.status).toBe(201);

      // The 两新工委's inbox shows it under supervision (the inbox refreshes by itself).
      await signIn(top.page, TOP);
      await top.page.getByRole('heading', { name: zh.chain.inbox }).waitFor();
      await top.page.getByRole('checkbox', { name: zh.chain.supervisedOnly }).check();
      const row = top.page.getByRole('row').filter({ hasText: TITLE });
      await row.getByText(zh.rider.grievances.underSupervision, { exact: true }).waitFor({ timeout: 60_000 });
      await screenshot(top.page, 'chain-supervised', logDir);
      const seen = await eventually(() => call(`${system.url('intake')}/v1/grievances/${submitted.body.id}`, rider), (r) => r.body?.underSupervision === true, 'supervised in intake');
      expect(seen.body).toMatchObject({ level: 'two_new_committee', holder: { id: 'two-new-committee' } });
      const climbed = (seen.body.history as { type: string }[]).map((h) => h.type);
      expect(climbed.filter((type) => type === 'grievance.escalated')).toHaveLength(3);

      // The auditor sees each rung's clock run out, one after the other, each said in words.
      await signIn(auditor.page, '审计 Auditor');
      await auditor.page.getByLabel(zh.audit.grievanceRef).fill(submitted.body.trackingNo);
      await auditor.page.getByRole('button', { name: zh.audit.find }).click();
      await auditor.page.getByRole('img', { name: zh.audit.clock.title }).waitFor({ timeout: 30_000 });
      const caption = auditor.page.locator('figcaption').filter({ hasText: zh.audit.clock.title });
      const breached = caption.getByRole('listitem').filter({ hasText: new RegExp(`${zh.deadline.target.respond}：时限 .+，${zh.audit.outcome.breached}`) });
      await eventually(() => breached.count(), (n) => n >= 3, 'three rungs breached in the SLA clocks');
      await screenshot(auditor.page, 'auditor-sla-clocks', logDir);
      expect([...admin.dialogs, ...top.dialogs, ...auditor.dialogs]).toEqual([]);
    } catch (error) {
      await admin.page.screenshot({ path: path.join(logDir, 'failed-admin.png') }).catch(() => undefined);
      await top.page.screenshot({ path: path.join(logDir, 'failed-two-new-committee.png') }).catch(() => undefined);
      await auditor.page.screenshot({ path: path.join(logDir, 'failed-auditor.png') }).catch(() => undefined);
      throw error;
    } finally {
      await admin.context.close();
      await top.context.close();
      await auditor.context.close();
    }
  }, 180_000);
});

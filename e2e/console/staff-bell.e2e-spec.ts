import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '@grievance/testing';
import { RunningService, startConsole } from '../../deploy/local/services';
import zh from '../../services/console/web/src/i18n/zh-CN';
import { call, eventually, RunningSystem, startSystem, tokenFor } from '../system-harness';
import { ensureConsoleBuilt, launchChromium, personContext, screenshot, signInAs } from './browser';

/**
 * 员工提醒 in the browser, under a compressed clock (SLA_TIME_SCALE 0.0005: an hour of budget
 * lasts 1.8 s; a PT8H answer is due 14.4 s after the grievance reaches its member, warned at 80 %,
 * 11.5 s): the liaison member holding a rider's appeal has the console open; the bell in the
 * header counts the new appeal, then, without a reload, its 80 % warning, which the list shows.
 */
const BRANCH = 'br-delivery-meituan-xiangyun';
const MEMBERS: Record<string, string> = {
  'mb-delivery-meituan-xiangyun-1': 'Liaison member 1 of Delivery Station Branch, Xiangyun',
  'mb-delivery-meituan-xiangyun-2': 'Liaison member 2 of Delivery Station Branch, Xiangyun',
};
const bellLabel = (count: number) => zh.bell.label.replace('{{count}}', String(count));

describe('the console in a browser: a warning at 80 % reaches the holder’s open screen', () => {
  let system: RunningSystem;
  let consoleServer: RunningService;
  let browser: Browser;
  let logDir: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    system = await startSystem({ SLA_TIME_SCALE: '0.0005' });
    logDir = path.join(__dirname, '..', '..', '.cache', 'e2e-logs', `console-staff-bell-${Date.now()}`);
    consoleServer = await startConsole(system.services, { output: { logDir }, port: await freePort() });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await consoleServer?.stop();
    await system?.stop();
  });

  const signIn = (page: Page, personaName: string): Promise<void> => signInAs(page, consoleServer.url, personaName);

  it('the liaison member’s bell counts the new appeal, then its deadline warning, live; the list says when it falls due', async () => {
    const admin = await tokenFor({ sub: 'e2e-admin', role: 'admin' });
    const put = await call(`${system.url('routing')}/v1/sla/policies/e2e.bell`, admin, {
      method: 'PUT',
      body: { match: { kind: 'appeal', category: 'pay_dispute' }, targets: { respond: 'PT8H', resolve: 'PT240H' }, calendar: 'calendar', priority: 10, reason: 'browser test budgets' },
    });
    expect(put.status).toBe(200);
    const rider = await tokenFor({ sub: 'rider-e2e-bell', role: 'worker' });
    expect((await call(`${system.url('routing')}/v1/workers/me`, rider, { method: 'PUT', body: { occupation: 'rider', branchId: BRANCH } })).status).toBe(200);
    const submitted = await call(`${system.url('intake')}/v1/grievances`, rider, {
      body: { kind: 'appeal', category: 'pay_dispute', title: '站点扣了三周工资', description: '站长说平台还没结算。' },
    });
    expect(submitted.status).toBe(201);
    const routed = await eventually(() => call(`${system.url('intake')}/v1/grievances/${submitted.body.id}`, rider), (r) => r.body?.level === 'member', 'the appeal with a liaison member');
    const holder = MEMBERS[routed.body.holder.id as string];
    expect(holder).toBeDefined();

    const member = await personContext(browser, { phone: false });
    try {
      await signIn(member.page, holder!);
      await member.page.getByRole('heading', { name: zh.chain.inbox }).waitFor();
      // The new appeal is there at once; the warning comes while the screen stays open.
      await member.page.getByRole('button', { name: bellLabel(1) }).waitFor({ timeout: 15_000 });
      const navigations: string[] = [];
      member.page.on('framenavigated', (frame) => frame === member.page.mainFrame() && navigations.push(frame.url()));
      await member.page.getByRole('button', { name: bellLabel(2) }).waitFor({ timeout: 30_000 });
      expect(navigations).toEqual([]);

      await member.page.getByRole('button', { name: bellLabel(2) }).click();
      const list = member.page.getByRole('dialog', { name: zh.bell.title });
      await list.getByText(/一条诉求的响应时限将于 \d{4}-\d\d-\d\d \d\d:\d\d 到期，请尽快处理。/).waitFor();
      await list.getByText('一条新的急难愁盼诉求交由您办理。').waitFor();
      // The drawer has slid in all the way (its right edge at the window's).
      await eventually(
        async () => member.page.locator('.ant-drawer-content-wrapper').boundingBox(),
        (box) => box !== null && Math.abs(box.x + box.width - 1280) < 1,
        'the list fully open',
        5_000,
      );
      await screenshot(member.page, 'staff-bell-warning', logDir);

      // Read: the count goes, the list stays.
      await list.getByRole('button', { name: zh.bell.markRead }).click();
      await member.page.getByRole('button', { name: bellLabel(0) }).waitFor();
      expect(member.dialogs).toEqual([]);
    } catch (error) {
      await member.page.screenshot({ path: path.join(logDir, 'failed-member.png') }).catch(() => undefined);
      throw error;
    } finally {
      await member.context.close();
    }
  }, 180_000);
});

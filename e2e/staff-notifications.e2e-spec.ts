import { listenToEventStream } from '@grievance/testing';
import { call, eventually, RunningSystem, startSystem, tokenFor } from './system-harness';

/**
 * Staff notifications (员工提醒) across the five services as separate processes: a rider's
 * appeal reaches a liaison member of their branch, whose open stream (feedback's
 * GET /v1/staff-notifications/stream) hears it, and hears the 80 % warning of its deadline
 * (routing's sla.warned.v1) when nobody has acted; the other member of the branch hears neither.
 *
 * SLA_TIME_SCALE 0.0005: an hour of policy budget lasts 1.8 s, so a PT4H answer is due 7.2 s
 * after the grievance reaches the member, and warned at 80 %, 5.8 s.
 */
const TIME_SCALE = '0.0005';
const BRANCH = 'br-delivery-meituan-xiangyun';
const MEMBERS = ['mb-delivery-meituan-xiangyun-1', 'mb-delivery-meituan-xiangyun-2'];

/** Reads a server-sent-event stream in the background; `events` fills as they come. */
const listen = (url: string, token: string) => listenToEventStream(url, token, { 'accept-language': 'zh-CN' });

describe('staff notifications across the five services', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem({ SLA_TIME_SCALE: TIME_SCALE });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('brings the 80 % warning of an appeal’s deadline to its holder’s open stream, and not to the other member’s', async () => {
    const intake = (path: string) => `${system.url('intake')}${path}`;
    const routing = (path: string) => `${system.url('routing')}${path}`;
    const feedback = (path: string) => `${system.url('feedback')}${path}`;
    const admin = await tokenFor({ sub: 'admin-e2e', role: 'admin' });
    const rider = await tokenFor({ sub: 'rider-e2e-staff-notifications', role: 'worker' });
    const put = await call(routing('/v1/sla/policies/e2e.warn'), admin, {
      method: 'PUT',
      body: { match: { kind: 'appeal', category: 'pay_dispute' }, targets: { respond: 'PT4H', resolve: 'PT240H' }, calendar: 'calendar', priority: 10, reason: 'end-to-end test budgets' },
    });
    expect(put.status).toBe(200);
    expect((await call(routing('/v1/workers/me'), rider, { method: 'PUT', body: { occupation: 'rider', branchId: BRANCH } })).status).toBe(200);

    // Both liaison members of the branch have their screens open before anything happens.
    const tokens = new Map<string, string>();
    for (const member of MEMBERS) tokens.set(member, await tokenFor({ sub: member, role: 'member', orgUnitId: member }));
    const streams = new Map(MEMBERS.map((member) => [member, listen(feedback('/v1/staff-notifications/stream'), tokens.get(member)!)]));
    try {
      for (const stream of streams.values()) {
        const response = await stream.opened;
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      }

      const submitted = await call(intake('/v1/grievances'), rider, {
        body: { kind: 'appeal', category: 'pay_dispute', title: '站点扣了三周工资', description: '站长说平台还没结算。' },
      });
      expect(submitted.status).toBe(201);
      const id = submitted.body.id as string;
      const routed = await eventually(async () => (await call(intake(`/v1/grievances/${id}`), rider)).body, (v) => v.level === 'member', 'the appeal with a liaison member');
      const holder = routed.holder.id as string;
      const other = MEMBERS.find((m) => m !== holder)!;
      expect(MEMBERS).toContain(holder);

      const mine = streams.get(holder)!;
      const told = await eventually(
        async () => mine.events.filter((e) => e.event === 'notification' && e.data.grievanceId === id),
        (events) => events.some((e) => e.data.eventType === 'sla.warned'),
        'the 80 % warning on the holder’s stream',
        30_000,
      );
      expect(told.map((e) => e.data.eventType)).toEqual(['grievance.routed', 'sla.warned']);
      expect(told[0]!.data.message).toBe('一条新的急难愁盼诉求交由您办理。');
      expect(String(told[1]!.data.message)).toMatch(/^一条诉求的响应时限将于 \d{4}-\d\d-\d\d \d\d:\d\d 到期，请尽快处理。$/);
      expect(streams.get(other)!.events.filter((e) => e.event === 'notification' && e.data.grievanceId === id)).toEqual([]);

      // The same in the holder's list, unread; the other member's list has none of it.
      const list = (await call(feedback('/v1/staff-notifications'), tokens.get(holder)!)).body as { items: { grievanceId: string; eventType: string; read: boolean }[]; unread: number };
      expect(list.items.filter((n) => n.grievanceId === id).map((n) => [n.eventType, n.read])).toEqual(
        expect.arrayContaining([
          ['sla.warned', false],
          ['grievance.routed', false],
        ]),
      );
      expect(list.unread).toBeGreaterThanOrEqual(2);
      const theirs = (await call(feedback('/v1/staff-notifications'), tokens.get(other)!)).body as { items: { grievanceId: string }[] };
      expect(theirs.items.filter((n) => n.grievanceId === id)).toEqual([]);
    } finally {
      for (const stream of streams.values()) stream.close();
    }
  });
});

import { EventEnvelope, pointsAccountId, uuidv7 } from '@grievance/contracts';
import { eventually } from '@grievance/testing';
import type { TraceView } from '../src/trace/trace-grievance.use-case';
import { at, AuditHarness, GRID_WORKER, MUNICIPAL_WORKS } from './audit-harness';

jest.setTimeout(120_000);

const RIDER = { id: 'rider-1', role: 'worker' as const };
const GRID_HOLDER = { type: 'org_unit' as const, id: 'xiangyun-yuhua-g1', name: 'Yuhua Community Grid 1' };

describe('the audit trace (dossier, hash chain, anchors)', () => {
  let h: AuditHarness;

  beforeAll(async () => {
    h = await AuditHarness.start();
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A manhole report through the whole hazard loop, at known times; returns its envelopes by name. */
  async function hazardLoop(base: Date, options: { holdBack?: 'ticket.accepted.v1' } = {}) {
    const id = uuidv7();
    const ticketId = uuidv7();
    const sent: Record<string, EventEnvelope> = {};
    sent.submitted = await h.publish(
      'grievance.submitted.v1',
      id,
      {
        trackingNo: 'NC-20260302-000001',
        kind: 'hazard',
        category: 'manhole_cover_missing',
        title: 'Manhole cover missing at the crossroads',
        description: 'Riders swerve into traffic. Call me on 13812345678.',
        urgency: 'urgent',
        location: { lat: 28.66, lng: 115.82 },
        attachmentIds: [],
        reporter: { id: RIDER.id, occupation: 'rider' },
        submittedAt: base.toISOString(),
      },
      { at: base, actor: RIDER },
    );
    sent.routed = await h.publish(
      'grievance.routed.v1',
      id,
      { kind: 'hazard', category: 'manhole_cover_missing', districtId: 'xiangyun', gridId: GRID_HOLDER.id, departmentCode: 'municipal_works', holder: GRID_HOLDER, fallback: false },
      { at: at(base, 1) },
    );
    sent.dispatched = await h.publish('ticket.dispatched.v1', id, { ticketId, gridId: GRID_HOLDER.id, gridWorkerId: GRID_WORKER, attempt: 1 }, { at: at(base, 2) });
    // The grid worker's accept deadline, announced as it was armed: met a minute later, it never warns.
    sent.acceptStarted = await h.publish(
      'sla.started.v1',
      id,
      {
        deadlineId: `${id}.accept`,
        target: 'accept',
        subject: `ticket:${ticketId}`,
        holder: { type: 'grid_worker', id: GRID_WORKER, name: GRID_WORKER },
        stage: 'grid',
        policyId: 'urgent',
        policyVersion: 1,
        startedAt: at(base, 2).toISOString(),
        dueAt: at(base, 32).toISOString(),
        warnAt: at(base, 26).toISOString(),
        budgetMs: 30 * 60_000,
      },
      { at: at(base, 2) },
    );
    const accepted = () =>
      h.publish('ticket.accepted.v1', id, { ticketId, gridWorkerId: GRID_WORKER }, { at: at(base, 3), actor: { id: GRID_WORKER, role: 'grid_worker' } });
    if (!options.holdBack) sent.ticketAccepted = await accepted();
    sent.verified = await h.publish(
      'ticket.verified.v1',
      id,
      { ticketId, gridWorkerId: GRID_WORKER, verdict: 'confirmed', note: 'Cordoned off with cones.', position: { lat: 28.6602, lng: 115.82 }, attachmentIds: [] },
      { at: at(base, 10), actor: { id: GRID_WORKER, role: 'grid_worker' } },
    );
    sent.assigned = await h.publish(
      'grievance.assigned.v1',
      id,
      { holder: MUNICIPAL_WORKS, departmentCode: 'municipal_works', reason: 'verified_on_site' },
      { at: at(base, 11) },
    );
    sent.resolveStarted = await h.publish(
      'sla.started.v1',
      id,
      {
        deadlineId: `${id}.resolve`,
        target: 'resolve',
        subject: 'grievance',
        holder: MUNICIPAL_WORKS,
        stage: 'department',
        policyId: 'urgent',
        policyVersion: 1,
        startedAt: at(base, 11).toISOString(),
        dueAt: at(base, 131).toISOString(),
        warnAt: at(base, 107).toISOString(),
        budgetMs: 120 * 60_000,
      },
      { at: at(base, 11) },
    );
    sent.warned = await h.publish(
      'sla.warned.v1',
      id,
      {
        deadlineId: `${id}.resolve`,
        target: 'resolve',
        holder: MUNICIPAL_WORKS,
        startedAt: at(base, 11).toISOString(),
        dueAt: at(base, 131).toISOString(),
        firedAt: at(base, 107).toISOString(),
        budgetMs: 120 * 60_000,
      },
      { at: at(base, 107) },
    );
    sent.accepted = await h.publish('grievance.accepted.v1', id, { holder: MUNICIPAL_WORKS }, { at: at(base, 20), actor: { id: 'officer-1', role: 'department' } });
    sent.resolved = await h.publish(
      'grievance.resolved.v1',
      id,
      { resolvedBy: MUNICIPAL_WORKS, resolution: 'New cover fitted.', attachmentIds: [] },
      { at: at(base, 110), actor: { id: 'officer-1', role: 'department' } },
    );
    sent.rated = await h.publish('feedback.rated.v1', id, { reporterId: RIDER.id, rating: 'satisfied' }, { at: at(base, 120), actor: RIDER });
    sent.closed = await h.publish('grievance.closed.v1', id, { outcome: 'resolved', rating: 'satisfied', slaMet: true }, { at: at(base, 121) });
    await h.untilStored(id, Object.keys(sent).length);
    if (options.holdBack) sent.ticketAccepted = await accepted();
    return { id, sent, total: 13 };
  }

  const trace = async (id: string): Promise<TraceView> => (await h.get(`/v1/trace/${id}`)).body as TraceView;

  it('shows every event of a grievance in its own order, with actor, holder, payload and chain link, verified', async () => {
    const base = new Date('2026-03-02T01:00:00.000Z');
    const { id, sent, total } = await hazardLoop(base);
    const view = await trace(id);

    expect(view.verified).toBe(true);
    expect(view.brokenLink).toBeUndefined();
    expect(view.events.map((e) => e.type)).toEqual([
      'grievance.submitted',
      'grievance.routed',
      'ticket.dispatched',
      'sla.started',
      'ticket.accepted',
      'ticket.verified',
      'grievance.assigned',
      'sla.started',
      'grievance.accepted',
      'sla.warned',
      'grievance.resolved',
      'feedback.rated',
      'grievance.closed',
    ]);
    expect(view.chain.length).toBe(total);
    const resolved = view.events.find((e) => e.type === 'grievance.resolved')!;
    expect(resolved).toMatchObject({
      eventId: sent.resolved!.eventId,
      occurredAt: at(base, 110).toISOString(),
      actor: { id: 'officer-1', role: 'department' },
      holder: MUNICIPAL_WORKS,
      payload: { resolution: 'New cover fitted.' },
    });
    expect(view.events[0]).toMatchObject({ actor: RIDER, payload: { trackingNo: 'NC-20260302-000001' } });
    // The auditor is neither reporter nor holder: the reporter's phone number is masked, the stored record is not.
    expect(view.events[0]!.payload).toMatchObject({ description: 'Riders swerve into traffic. Call me on 138****5678.' });
    expect(view.verified).toBe(true);
    expect(view.events.find((e) => e.type === 'ticket.accepted')!.holder).toEqual({ type: 'grid_worker', id: GRID_WORKER });

    // Each row points at the one before it in chain (arrival) order.
    const byChain = [...view.events].sort((a, b) => a.link.chainIndex - b.link.chainIndex);
    expect(byChain.map((e) => e.link.chainIndex)).toEqual([...Array(total).keys()]);
    expect(byChain[0]!.link.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < total; i++) expect(byChain[i]!.link.prevHash).toBe(byChain[i - 1]!.link.hash);
    expect(view.chain.head).toBe(byChain[total - 1]!.link.hash);
  });

  it('names the station, its staff member, the worker and the consent of a walk-in, and nothing of the kind for a worker’s own report', async () => {
    const id = uuidv7();
    const base = new Date('2026-03-04T01:00:00.000Z');
    const staff = { id: 'staff-li-na', role: 'station_staff' as const };
    await h.publish(
      'grievance.submitted.v1',
      id,
      {
        trackingNo: 'NC-20260304-000007',
        kind: 'appeal',
        category: 'pay_dispute',
        title: '工资三周未发',
        description: '在驿站柜台口述。',
        urgency: 'normal',
        attachmentIds: [],
        reporter: { id: 'rider-walked-in', occupation: 'rider' },
        loggedAt: { stationId: 'st-xiangyun-yuhua', staffId: staff.id, consentMethod: 'verbal' },
        submittedAt: base.toISOString(),
      },
      { at: base, actor: staff },
    );
    await h.untilStored(id, 1);
    const view = await trace(id);
    expect(view.verified).toBe(true);
    expect(view.events[0]).toMatchObject({
      type: 'grievance.submitted',
      actor: staff,
      loggedAt: {
        stationId: 'st-xiangyun-yuhua',
        staffId: 'staff-li-na',
        workerId: 'rider-walked-in',
        consentMethod: 'verbal',
        summary: 'logged at station st-xiangyun-yuhua by staff-li-na for worker rider-walked-in, consent verbal',
      },
      payload: { reporter: { id: 'rider-walked-in' }, loggedAt: { stationId: 'st-xiangyun-yuhua', staffId: 'staff-li-na', consentMethod: 'verbal' } },
    });
    const own = await hazardLoop(new Date('2026-03-04T02:00:00.000Z'));
    expect((await trace(own.id)).events[0]!.loggedAt).toBeUndefined();
  });

  it('replays the SLA story: the accept deadline met in time (it never warned), the warned resolve deadline met by the resolution, and the grievance closed with its verdict', async () => {
    const base = new Date('2026-03-03T01:00:00.000Z');
    const { id, sent } = await hazardLoop(base);
    const { sla } = await trace(id);
    expect(sla.deadlines).toEqual([
      {
        deadlineId: `${id}.accept`,
        target: 'accept',
        // A grid worker's name is masked for the auditor, like everywhere in the trace.
        holder: expect.objectContaining({ type: 'grid_worker', id: GRID_WORKER }),
        stage: 'grid',
        policyId: 'urgent',
        startedAt: at(base, 2).toISOString(),
        dueAt: at(base, 32).toISOString(),
        warnAt: at(base, 26).toISOString(),
        budgetMs: 30 * 60_000,
        completedAt: at(base, 3).toISOString(),
        completedBy: { eventId: sent.ticketAccepted!.eventId, type: 'ticket.accepted' },
        outcome: 'met',
        tookMs: 60_000,
      },
      {
        deadlineId: `${id}.resolve`,
        target: 'resolve',
        holder: MUNICIPAL_WORKS,
        stage: 'department',
        policyId: 'urgent',
        startedAt: at(base, 11).toISOString(),
        dueAt: at(base, 131).toISOString(),
        warnAt: at(base, 107).toISOString(),
        budgetMs: 120 * 60_000,
        warnedAt: at(base, 107).toISOString(),
        completedAt: at(base, 110).toISOString(),
        completedBy: { eventId: sent.resolved!.eventId, type: 'grievance.resolved' },
        outcome: 'met',
        tookMs: 99 * 60_000,
      },
    ]);
    expect(sla.verdict).toEqual({ slaMet: true, at: at(base, 121).toISOString(), eventId: sent.closed!.eventId });
  });

  it('appends a late event at the end of the chain and still shows it where it happened', async () => {
    const base = new Date('2026-03-04T01:00:00.000Z');
    const { id, sent, total } = await hazardLoop(base, { holdBack: 'ticket.accepted.v1' });
    await h.untilStored(id, total);
    const view = await trace(id);
    expect(view.verified).toBe(true);
    const late = view.events.find((e) => e.eventId === sent.ticketAccepted!.eventId)!;
    expect(view.events.indexOf(late)).toBe(4); // after the submission, routing, dispatch and the accept deadline starting
    expect(late.link.chainIndex).toBe(total - 1);
  });

  it('stores a redelivered event once', async () => {
    const base = new Date('2026-03-05T01:00:00.000Z');
    const { id, sent, total } = await hazardLoop(base);
    const before = h.consumerStats.duplicates;
    await h.redeliver('grievance.resolved.v1', sent.resolved as EventEnvelope<never>);
    await eventually(() => h.consumerStats.duplicates, (n) => n > before, { what: 'the redelivery to be seen' });

    const rows = await h.query(`SELECT 1 FROM audit_dossier WHERE event_id = $1`, [sent.resolved!.eventId]);
    expect(rows).toHaveLength(1);
    const view = await trace(id);
    expect(view.events.filter((e) => e.type === 'grievance.resolved')).toHaveLength(1);
    expect(view.chain.length).toBe(total);
    expect(view.verified).toBe(true);
  });

  it('refuses to change a stored row, even for the service itself', async () => {
    const base = new Date('2026-03-06T01:00:00.000Z');
    const { id } = await hazardLoop(base);
    await expect(h.query(`UPDATE audit_dossier SET hash = 'x' WHERE grievance_id = $1`, [id])).rejects.toThrow('audit_dossier is append-only');
    await expect(h.query(`DELETE FROM audit_dossier WHERE grievance_id = $1`, [id])).rejects.toThrow('audit_dossier is append-only');
    expect((await trace(id)).verified).toBe(true);
  });

  it('says verified: false, pointing at the row, when a stored row is edited behind its back', async () => {
    const base = new Date('2026-03-07T01:00:00.000Z');
    const { id, sent } = await hazardLoop(base);
    const eventId = sent.resolved!.eventId;
    // A superuser can switch the trigger off; the hash chain still tells.
    await h.query(`
      BEGIN;
      ALTER TABLE audit_dossier DISABLE TRIGGER audit_dossier_no_change;
      UPDATE audit_dossier SET envelope = jsonb_set(envelope, '{payload,resolution}', '"Nothing needed doing."') WHERE event_id = '${eventId}';
      ALTER TABLE audit_dossier ENABLE TRIGGER audit_dossier_no_change;
      COMMIT;`);
    const view = await trace(id);
    const edited = view.events.find((e) => e.eventId === eventId)!;
    expect(edited.payload).toMatchObject({ resolution: 'Nothing needed doing.' });
    expect(view.verified).toBe(false);
    expect(view.brokenLink).toMatchObject({ reason: 'content_changed', eventId, chainIndex: edited.link.chainIndex, seq: edited.link.seq });
  });

  it('detects a whole grievance deleted after it was anchored, in the anchor check and in its trace', async () => {
    const base = new Date('2026-03-08T01:00:00.000Z');
    const kept = await hazardLoop(base);
    const { id, total } = await hazardLoop(at(base, 5));
    const anchor = (await h.post('/v1/anchors')).body as { id: string; grievances: number; root: string };
    expect(anchor.root).toMatch(/^[0-9a-f]{64}$/);
    const before = (await h.get('/v1/anchors/verify')).body;
    expect(before).toMatchObject({ verified: true, rootMatches: true, problems: [], anchor: { id: anchor.id } });
    expect((await trace(id)).anchor).toMatchObject({ anchorId: anchor.id, length: total });

    await h.query(`
      BEGIN;
      ALTER TABLE audit_dossier DISABLE TRIGGER audit_dossier_no_change;
      DELETE FROM audit_dossier WHERE grievance_id = '${id}';
      ALTER TABLE audit_dossier ENABLE TRIGGER audit_dossier_no_change;
      COMMIT;`);

    const after = (await h.get('/v1/anchors/verify')).body;
    expect(after.verified).toBe(false);
    expect(after.problems).toEqual([expect.objectContaining({ grievanceId: id, problem: 'matter_missing', anchoredLength: total, foundLength: 0 })]);
    const gone = await trace(id);
    expect(gone).toMatchObject({ verified: false, events: [], brokenLink: { reason: 'truncated', chainIndex: 0 } });
    expect((await trace(kept.id)).verified).toBe(true);

    // A later anchor does not forget the deleted grievance.
    await h.post('/v1/anchors');
    expect((await h.get('/v1/anchors/verify')).body.problems).toEqual([expect.objectContaining({ grievanceId: id, problem: 'matter_missing' })]);
  });

  it("keeps a worker's points movements outside grievances in one chain, their points account, traced in order and out of the grievance index", async () => {
    const worker = `rider-${uuidv7()}`;
    const account = pointsAccountId(worker);
    const base = new Date('2026-03-09T02:00:00.000Z');
    const staff = { id: 'staff-yuhua', role: 'station_staff' as const };
    const redemptionId = uuidv7();
    const itemId = uuidv7();
    await h.publish(
      'points.awarded.v1',
      account,
      { entryId: uuidv7(), workerId: worker, points: 15, reason: 'volunteering', stationId: 'st-xiangyun-yuhua', note: '协助驿站整理物资' },
      { at: at(base, 0), actor: staff },
    );
    await h.publish(
      'points.redeemed.v1',
      account,
      { redemptionId, entryId: uuidv7(), workerId: worker, stationId: 'st-xiangyun-yuhua', itemId, itemName: '雨衣', kind: 'prize', points: -10, balanceAfter: 5 },
      { at: at(base, 5), actor: { id: worker, role: 'worker' } },
    );
    await h.publish(
      'points.handed-over.v1',
      account,
      { redemptionId, workerId: worker, stationId: 'st-xiangyun-yuhua', itemId, itemName: '雨衣', kind: 'prize', handedOverBy: staff.id },
      { at: at(base, 9), actor: staff },
    );
    await h.untilStored(account, 3);

    const view = await trace(account);
    expect(view.verified).toBe(true);
    expect(view.events.map((e) => [e.type, e.actor.id, (e.payload as { points?: number }).points])).toEqual([
      ['points.awarded', staff.id, 15],
      ['points.redeemed', worker, -10],
      ['points.handed-over', staff.id, undefined],
    ]);
    // An account is no grievance: auditors' grievance search and the rates never see it.
    expect(await h.query(`SELECT 1 FROM audit_grievances WHERE grievance_id = $1`, [account])).toEqual([]);

    // Every movement of the worker, a verified report's award in its grievance's chain included, with the running balance.
    const grievance = uuidv7();
    await h.publish('points.awarded.v1', grievance, { entryId: uuidv7(), workerId: worker, points: 10, reason: 'verified_report' }, { at: at(base, -60), actor: { id: 'system', role: 'system' } });
    await h.untilStored(grievance, 1);
    const movements = (await h.get(`/v1/workers/${worker}/points`)).body as {
      balance: number;
      verified: boolean;
      accountId: string;
      movements: { type: string; points: number; balanceAfter: number; chain: { grievanceId: string } }[];
    };
    expect(movements).toMatchObject({ balance: 15, verified: true, accountId: account });
    expect(movements.movements.map((m) => [m.type, m.points, m.balanceAfter, m.chain.grievanceId])).toEqual([
      ['points.awarded', 10, 10, grievance],
      ['points.awarded', 15, 25, account],
      ['points.redeemed', -10, 15, account],
      ['points.handed-over', 0, 15, account],
    ]);
    await h.get(`/v1/workers/${worker}/points`, { role: 'worker', status: 403 });
    await h.get(`/v1/workers/${encodeURIComponent('bad id!')}/points`, { status: 400 });
  });

  it('is for auditors only, needs a token, and names a bad id; an unknown grievance is a 404', async () => {
    const id = uuidv7();
    for (const role of ['worker', 'department', 'admin', 'two_new_committee'] as const) await h.get(`/v1/trace/${id}`, { role, status: 403 });
    const request = (await import('supertest')).default;
    await request(h.url).get(`/v1/trace/${id}`).expect(401);
    await h.get('/v1/trace/not-a-uuid', { status: 400 });
    await h.get(`/v1/trace/${id}`, { status: 404 });
  });

  it('logs every auditor query: who, which endpoint, which parameters, when', async () => {
    const id = uuidv7();
    await h.get(`/v1/trace/${id}`, { sub: 'auditor-7', status: 404 });
    const { items } = (await h.get('/v1/audit-queries?auditorId=auditor-7')).body as { items: { endpoint: string; params: unknown; role: string; queriedAt: string }[] };
    expect(items).toEqual([
      expect.objectContaining({ auditorId: 'auditor-7', role: 'auditor', endpoint: 'GET /v1/trace/:grievanceId', params: { grievanceId: id } }),
    ]);
    expect(Date.parse(items[0]!.queriedAt)).not.toBeNaN();
    await h.get(`/v1/trace/${id}`, { role: 'worker', sub: 'worker-7', status: 403 });
    expect((await h.get('/v1/audit-queries?auditorId=worker-7')).body.items).toEqual([]);
  });
});

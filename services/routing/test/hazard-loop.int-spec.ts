import request from 'supertest';
import { DataSource } from 'typeorm';
import { signDevToken } from '@grievance/auth';
import {
  createEnvelope,
  departmentIssuesTopic,
  EventEnvelope,
  PayloadOf,
  TopicName,
  uuidv7,
} from '@grievance/contracts';
import { departmentTopicsToCreate, EventPublisher, KafkaConnection, RawMessage } from '@grievance/messaging';
import { eventually, TestServiceApp, waitForMessages } from '@grievance/testing';
import { RoutingConfig } from '../src/config';
import { hazardSubmission, importDemoCity, startWithDemoCity } from './demo-city';

const IN_GRID = { lat: 28.66, lng: 115.82 }; // xiangyun-yuhua-g1
const NO_GRID_HONGCHENG = { lat: 28.625, lng: 115.96 }; // in Hongcheng, in no grid

describe('routing: the hazard loop through the real broker', () => {
  let service: TestServiceApp<RoutingConfig>;
  let kafka: KafkaConnection;
  let publisher: EventPublisher;
  let dataSource: DataSource;
  let close: (() => Promise<void>) | undefined;
  let works: string;
  let urban: string;
  let gridWorker: string;

  beforeAll(async () => {
    ({ service, kafka, publisher, dataSource, close } = await startWithDemoCity('routing-int', departmentTopicsToCreate(['municipal_works', 'urban_management'])));
    works = await signDevToken({ sub: 'officer-works', role: 'department', departmentCode: 'municipal_works' });
    urban = await signDevToken({ sub: 'officer-urban', role: 'department', departmentCode: 'urban_management' });
    gridWorker = await signDevToken({ sub: 'gw-xiangyun-yuhua-g1-1', role: 'grid_worker', gridId: 'xiangyun-yuhua-g1' });
  });

  afterAll(async () => {
    await close?.();
  });

  const publish = async <T extends TopicName>(topic: T, grievanceId: string, payload: PayloadOf<T>): Promise<EventEnvelope> => {
    const envelope = createEnvelope({ topic, grievanceId, actor: { id: 'tester', role: 'system' }, payload, correlationId: uuidv7() });
    await publisher.publish(topic, envelope);
    return envelope as EventEnvelope;
  };

  const submitted = hazardSubmission;

  const eventsOf = async (topic: string, grievanceId: string, count = 1): Promise<EventEnvelope[]> => {
    const messages = await waitForMessages(kafka, topic, count, (m: RawMessage) => m.key === grievanceId);
    return messages.map((m) => JSON.parse(m.value!) as EventEnvelope);
  };

  const grievanceRow = async (grievanceId: string) =>
    ((await dataSource.query(`SELECT status, holder, department_code, grid_id FROM routing_grievances WHERE grievance_id = $1`, [grievanceId])) as {
      status: string;
      holder: { type: string; id: string };
      department_code: string;
      grid_id: string | null;
    }[])[0];

  const outboxCount = async (grievanceId: string): Promise<number> =>
    Number(((await dataSource.query(`SELECT count(*)::int AS n FROM messaging_outbox WHERE message_key = $1`, [grievanceId])) as { n: number }[])[0]!.n);

  /** Submits a hazard inside grid xiangyun-yuhua-g1 and waits until routing has routed it. */
  const routedHazard = async (): Promise<string> => {
    const id = uuidv7();
    await publish('grievance.submitted.v1', id, submitted());
    await eventually(() => grievanceRow(id), (row) => row?.status === 'routed', { what: `grievance ${id} routed` });
    return id;
  };

  const verify = (
    id: string,
    verdict: 'confirmed' | 'invalid' | 'duplicate',
    extra: { note?: string; duplicateOf?: string; correctedCategory?: string; correctedDepartment?: string } = {},
  ) =>
    publish('ticket.verified.v1', id, {
      ticketId: uuidv7(),
      gridWorkerId: 'gw-xiangyun-yuhua-g1-1',
      verdict,
      note: extra.note ?? '',
      position: IN_GRID,
      attachmentIds: [uuidv7()],
      ...(extra.duplicateOf ? { duplicateOf: extra.duplicateOf } : {}),
      ...(extra.correctedCategory ? { correctedCategory: extra.correctedCategory } : {}),
      ...(extra.correctedDepartment ? { correctedDepartment: extra.correctedDepartment } : {}),
    });

  describe('the directory', () => {
    it('loads the demo city at start and serves its departments and org units', async () => {
      const departments = await request(service.url).get('/v1/directory/departments').set('Authorization', `Bearer ${works}`).expect(200);
      expect((departments.body as { items: { code: string }[] }).items.map((d) => d.code)).toEqual(
        expect.arrayContaining(['municipal_works', 'urban_management', 'fire', 'market_regulation', 'public_security']),
      );
      const grids = await request(service.url).get('/v1/directory/org-units?level=grid').set('Authorization', `Bearer ${works}`).expect(200);
      const items = (grids.body as { items: { id: string; level: string; polygon?: unknown }[] }).items;
      expect(items).toHaveLength(12);
      expect(items.every((g) => g.level === 'grid' && g.polygon)).toBe(true);
      const committees = await request(service.url)
        .get('/v1/directory/org-units?level=industry_committee')
        .set('Authorization', `Bearer ${works}`)
        .expect(200);
      expect((committees.body as { items: { industry: string }[] }).items.map((c) => c.industry).sort()).toEqual([
        'delivery',
        'express',
        'freight',
        'ride_hailing',
      ]);
    });

    it('refuses an unknown level (400 naming it) and a caller without a token (401)', async () => {
      const bad = await request(service.url).get('/v1/directory/org-units?level=planet').set('Authorization', `Bearer ${works}`).expect(400);
      expect(JSON.stringify(bad.body)).toContain('level');
      await request(service.url).get('/v1/directory/departments').expect(401);
    });

    it('imports the same city again without changing or publishing anything', async () => {
      const count = async (sql: string) => ((await dataSource.query(sql)) as { n: number }[])[0]!.n;
      const units = `SELECT count(*)::int AS n FROM directory_org_units`;
      const events = `SELECT count(*)::int AS n FROM messaging_outbox WHERE topic = 'directory.entry-changed.v1'`;
      const [unitsBefore, eventsBefore] = [await count(units), await count(events)];
      const again = await importDemoCity(service);
      expect(again).toMatchObject({ changed: 0, applied: true });
      expect(again.unchanged).toBe(again.entries);
      expect([await count(units), await count(events)]).toEqual([unitsBefore, eventsBefore]);
    });
  });

  describe('grievance.submitted.v1', () => {
    it('routes a hazard inside a grid to that grid and keeps the grievance', async () => {
      const id = uuidv7();
      const report = submitted();
      const cause = await publish('grievance.submitted.v1', id, report);
      const [routed] = await eventsOf('grievance.routed.v1', id);
      expect(routed!.payload).toEqual({
        kind: 'hazard',
        category: 'manhole_cover_missing',
        districtId: 'xiangyun',
        gridId: 'xiangyun-yuhua-g1',
        departmentCode: 'municipal_works',
        holder: { type: 'org_unit', id: 'xiangyun-yuhua-g1', name: 'Yuhua Community Grid 1' },
        fallback: false,
        // The reporter's occupation goes on, so the rates by industry can name it.
        reporter: { occupation: 'rider' },
        // The report goes with it, for the grid worker's ticket (logged by the system here: no reportedBy).
        report: {
          trackingNo: report.trackingNo,
          kind: 'hazard',
          category: 'manhole_cover_missing',
          title: report.title,
          description: report.description,
          urgency: report.urgency,
          location: report.location,
          attachmentIds: report.attachmentIds,
          submittedAt: report.submittedAt,
        },
      });
      expect(routed!.causationId).toBe(cause.eventId);
      expect(routed!.correlationId).toBe(cause.correlationId);
      expect(await grievanceRow(id)).toMatchObject({ status: 'routed', department_code: 'municipal_works', grid_id: 'xiangyun-yuhua-g1' });
    });

    it('hands a hazard in no grid to the district fallback owner: routed, assigned and on its department topic', async () => {
      const id = uuidv7();
      await publish('grievance.submitted.v1', id, submitted({ category: 'road_damage', location: NO_GRID_HONGCHENG }));
      const [routed] = await eventsOf('grievance.routed.v1', id);
      expect(routed!.payload).toMatchObject({ districtId: 'hongcheng', departmentCode: 'municipal_works', fallback: true });
      expect((routed!.payload as { gridId?: string }).gridId).toBeUndefined();
      const [assigned] = await eventsOf('grievance.assigned.v1', id);
      expect(assigned!.payload).toMatchObject({ departmentCode: 'municipal_works', reason: 'fallback', holder: { type: 'department', id: 'municipal_works' } });
      const [issue] = await eventsOf(departmentIssuesTopic('municipal_works'), id);
      expect(issue!.payload).toMatchObject({ departmentCode: 'municipal_works', category: 'road_damage', location: NO_GRID_HONGCHENG });
      const inbox = await request(service.url).get('/v1/inbox').set('Authorization', `Bearer ${works}`).expect(200);
      expect((inbox.body as { items: { grievanceId: string }[] }).items.map((m) => m.grievanceId)).toContain(id);
    });

    it('links a hazard intake’s duplicate check found a duplicate: grievance.linked.v1 caused by the submission, once even redelivered; a later verdict changes nothing', async () => {
      const duplicate = uuidv7();
      const original = uuidv7();
      const cause = (await publish('grievance.submitted.v1', duplicate, submitted({ duplicateOf: original, reporter: { id: 'worker-2', occupation: 'rider' } }))) as EventEnvelope<PayloadOf<'grievance.submitted.v1'>>;
      await publisher.publish('grievance.submitted.v1', cause); // the same event again
      const again = createEnvelope({ topic: 'grievance.submitted.v1', grievanceId: duplicate, actor: cause.actor, payload: cause.payload, correlationId: cause.correlationId });
      await publisher.publish('grievance.submitted.v1', again); // the same submission under another event id, after both on its partition
      const consumed = (eventId: string) => dataSource.query(`SELECT 1 FROM messaging_inbox WHERE event_id = $1`, [eventId]) as Promise<unknown[]>;
      await eventually(() => consumed(again.eventId), (rows) => rows.length === 1, { what: 'the submissions consumed' });

      const [linked] = await eventsOf('grievance.linked.v1', duplicate);
      expect(linked).toMatchObject({
        type: 'grievance.linked',
        grievanceId: duplicate,
        actor: { id: 'routing', role: 'system' },
        causationId: cause.eventId,
        correlationId: cause.correlationId,
        payload: { duplicateOf: original, reporterId: 'worker-2', linkedBy: { type: 'org_unit', id: 'intake', name: 'duplicate check' } },
      });
      expect(await grievanceRow(duplicate)).toMatchObject({ status: 'linked', department_code: null, grid_id: null });
      const linkedInOutbox = () => dataSource.query(`SELECT topic FROM messaging_outbox WHERE message_key = $1`, [duplicate]);
      expect(await linkedInOutbox()).toEqual([{ topic: 'grievance.linked.v1' }]);

      // Never routed: a verdict on it (a ticket nobody dispatched) neither routes nor assigns it.
      const verdict = await verify(duplicate, 'confirmed', { note: 'cover is gone' });
      await eventually(() => consumed(verdict.eventId), (rows) => rows.length === 1, { what: 'the verdict consumed' });
      expect((await grievanceRow(duplicate))!.status).toBe('linked');
      expect(await linkedInOutbox()).toEqual([{ topic: 'grievance.linked.v1' }]);
    });

    it('starts a department’s deadlines when a grievance reaches it, and completes them as it answers and resolves', async () => {
      const id = await routedHazard();
      await verify(id, 'confirmed', { note: 'cover is gone' });
      await eventsOf('grievance.assigned.v1', id);
      const deadlines = () => dataSource.query(`SELECT target, status, holder->>'id' AS holder FROM sla_deadlines WHERE grievance_id = $1 ORDER BY target`, [id]);
      expect(await deadlines()).toEqual([
        { target: 'resolve', status: 'running', holder: 'municipal_works' },
        { target: 'respond', status: 'running', holder: 'municipal_works' },
      ]);
      await request(service.url).post(`/v1/matters/${id}/accept`).set('authorization', `Bearer ${works}`).expect(200);
      await request(service.url).post(`/v1/matters/${id}/resolve`).set('authorization', `Bearer ${works}`).send({ resolution: 'new cover' }).expect(200);
      expect(await deadlines()).toEqual([
        { target: 'resolve', status: 'met', holder: 'municipal_works' },
        { target: 'respond', status: 'met', holder: 'municipal_works' },
      ]);
    });
  });

  describe('ticket.verified.v1', () => {
    it('confirmed: assigns the department and publishes the issue on its topic', async () => {
      const id = await routedHazard();
      await verify(id, 'confirmed', { note: 'cover is gone' });
      const [assigned] = await eventsOf('grievance.assigned.v1', id);
      expect(assigned!.payload).toMatchObject({ departmentCode: 'municipal_works', reason: 'verified_on_site', note: 'cover is gone' });
      const [issue] = await eventsOf(departmentIssuesTopic('municipal_works'), id);
      expect(issue!.payload).toMatchObject({ departmentCode: 'municipal_works', category: 'manhole_cover_missing', urgency: 'urgent' });
      expect(await grievanceRow(id)).toMatchObject({ status: 'assigned', holder: { type: 'department', id: 'municipal_works' } });
    });

    it('confirmed with a corrected category: the department owning that category takes it, with the corrected category, and its clock starts', async () => {
      const id = await routedHazard(); // filed as manhole_cover_missing (municipal works)
      await verify(id, 'confirmed', { note: 'it is clutter in the stairwell', correctedCategory: 'stairwell_clutter' });
      const [assigned] = await eventsOf('grievance.assigned.v1', id);
      expect(assigned!.payload).toMatchObject({ departmentCode: 'urban_management', reason: 'verified_on_site', holder: { type: 'department', id: 'urban_management' } });
      const [issue] = await eventsOf(departmentIssuesTopic('urban_management'), id);
      expect(issue!.payload).toMatchObject({ departmentCode: 'urban_management', category: 'stairwell_clutter' });
      expect(await grievanceRow(id)).toMatchObject({ status: 'assigned', department_code: 'urban_management', holder: { type: 'department', id: 'urban_management' } });
      const [{ category }] = (await dataSource.query(`SELECT category FROM routing_grievances WHERE grievance_id = $1`, [id])) as { category: string }[];
      expect(category).toBe('stairwell_clutter');
      const deadlines = await dataSource.query(`SELECT target, status, holder->>'id' AS holder FROM sla_deadlines WHERE grievance_id = $1 ORDER BY target`, [id]);
      expect(deadlines).toEqual([
        { target: 'resolve', status: 'running', holder: 'urban_management' },
        { target: 'respond', status: 'running', holder: 'urban_management' },
      ]);
      const inbox = await request(service.url).get('/v1/inbox').set('Authorization', `Bearer ${urban}`).expect(200);
      expect((inbox.body as { items: { grievanceId: string }[] }).items.map((m) => m.grievanceId)).toContain(id);
    });

    it('confirmed naming a department: that department takes it', async () => {
      const id = await routedHazard();
      await verify(id, 'confirmed', { correctedDepartment: 'urban_management' });
      const [assigned] = await eventsOf('grievance.assigned.v1', id);
      expect(assigned!.payload).toMatchObject({ departmentCode: 'urban_management', reason: 'verified_on_site' });
    });

    it('invalid: rejects with the grid worker note', async () => {
      const id = await routedHazard();
      await verify(id, 'invalid', { note: 'nothing there, the cover is in place' });
      const [rejected] = await eventsOf('grievance.rejected.v1', id);
      expect(rejected!.payload).toEqual({
        rejectedBy: { type: 'grid_worker', id: 'gw-xiangyun-yuhua-g1-1', name: 'gw-xiangyun-yuhua-g1-1' },
        reason: 'nothing there, the cover is in place',
      });
      expect((await grievanceRow(id))!.status).toBe('rejected');
    });

    it('duplicate: links the grievance to the open one', async () => {
      const original = uuidv7();
      const id = await routedHazard();
      await verify(id, 'duplicate', { duplicateOf: original });
      const [linked] = await eventsOf('grievance.linked.v1', id);
      expect(linked!.payload).toMatchObject({ duplicateOf: original, reporterId: 'worker-1', linkedBy: { type: 'grid_worker' } });
      expect((await grievanceRow(id))!.status).toBe('linked');
    });
  });

  describe('the department inbox and actions', () => {
    const assignedHazard = async (): Promise<string> => {
      const id = await routedHazard();
      await verify(id, 'confirmed');
      await eventually(() => grievanceRow(id), (row) => row?.status === 'assigned', { what: `grievance ${id} assigned` });
      return id;
    };

    it('shows a department only its own grievances', async () => {
      const id = await assignedHazard();
      const own = await request(service.url).get('/v1/inbox').set('Authorization', `Bearer ${works}`).expect(200);
      expect((own.body as { items: { grievanceId: string; status: string }[] }).items).toEqual(
        expect.arrayContaining([expect.objectContaining({ grievanceId: id, status: 'assigned' })]),
      );
      const other = await request(service.url).get('/v1/inbox').set('Authorization', `Bearer ${urban}`).expect(200);
      expect((other.body as { items: { grievanceId: string }[] }).items.map((m) => m.grievanceId)).not.toContain(id);
      await request(service.url).get('/v1/inbox').set('Authorization', `Bearer ${gridWorker}`).expect(403);
    });

    it('accepts, resolves, refuses what the state does not allow, and takes a reopened grievance back', async () => {
      const id = await assignedHazard();
      await request(service.url).post(`/v1/matters/${id}/accept`).set('Authorization', `Bearer ${urban}`).expect(404);
      await request(service.url).post(`/v1/matters/${uuidv7()}/accept`).set('Authorization', `Bearer ${works}`).expect(404);
      const accepted = await request(service.url).post(`/v1/matters/${id}/accept`).set('Authorization', `Bearer ${works}`).expect(200);
      expect(accepted.body).toMatchObject({ grievanceId: id, status: 'in_progress' });
      await request(service.url).post(`/v1/matters/${id}/accept`).set('Authorization', `Bearer ${works}`).expect(409);
      const [acceptedEvent] = await eventsOf('grievance.accepted.v1', id);
      expect(acceptedEvent!.payload).toEqual({ holder: expect.objectContaining({ type: 'department', id: 'municipal_works' }) as unknown });
      expect(acceptedEvent!.actor).toEqual({ id: 'officer-works', role: 'department' });

      const attachment = uuidv7();
      const resolved = await request(service.url)
        .post(`/v1/matters/${id}/resolve`)
        .set('Authorization', `Bearer ${works}`)
        .send({ resolution: 'New cover installed.', attachmentIds: [attachment] })
        .expect(200);
      expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'New cover installed.' });
      const [resolvedEvent] = await eventsOf('grievance.resolved.v1', id);
      expect(resolvedEvent!.payload).toMatchObject({ resolution: 'New cover installed.', attachmentIds: [attachment], resolvedBy: { id: 'municipal_works' } });
      await request(service.url).post(`/v1/matters/${id}/resolve`).set('Authorization', `Bearer ${works}`).send({ resolution: 'again' }).expect(409);
      const inboxAfter = await request(service.url).get('/v1/inbox').set('Authorization', `Bearer ${works}`).expect(200);
      expect((inboxAfter.body as { items: { grievanceId: string }[] }).items.map((m) => m.grievanceId)).not.toContain(id);

      await publish('grievance.reopened.v1', id, {
        reason: 'the cover wobbles',
        reopenedTo: { type: 'department', id: 'municipal_works', name: 'Municipal Works Bureau' },
      });
      const [, reopened] = await eventsOf('grievance.assigned.v1', id, 2);
      expect(reopened!.payload).toMatchObject({ reason: 'reopened', departmentCode: 'municipal_works', note: 'the cover wobbles' });
      const inbox = await request(service.url).get('/v1/inbox').set('Authorization', `Bearer ${works}`).expect(200);
      expect((inbox.body as { items: { grievanceId: string; status: string }[] }).items).toEqual(
        expect.arrayContaining([expect.objectContaining({ grievanceId: id, status: 'assigned' })]),
      );
    });

    it('refuses a bad resolve (400 naming the field) and changes nothing', async () => {
      const id = await assignedHazard();
      const before = await outboxCount(id);
      const blank = await request(service.url).post(`/v1/matters/${id}/resolve`).set('Authorization', `Bearer ${works}`).send({ resolution: '   ' }).expect(400);
      expect(JSON.stringify(blank.body)).toContain('resolution');
      const badAttachment = await request(service.url)
        .post(`/v1/matters/${id}/resolve`)
        .set('Authorization', `Bearer ${works}`)
        .send({ resolution: 'done', attachmentIds: ['not-a-uuid'] })
        .expect(400);
      expect(JSON.stringify(badAttachment.body)).toContain('attachmentIds');
      await request(service.url).post(`/v1/matters/not-a-uuid/resolve`).set('Authorization', `Bearer ${works}`).send({ resolution: 'done' }).expect(400);
      await request(service.url).post(`/v1/matters/${id}/resolve`).set('Authorization', `Bearer ${gridWorker}`).send({ resolution: 'done' }).expect(403);
      expect((await grievanceRow(id))!.status).toBe('assigned');
      expect(await outboxCount(id)).toBe(before);
    });

    describe('returns (退单) and transfers (转办)', () => {
      type View = { holder: { id: string }; departmentCode: string; status: string; bounces: number };
      const as = (token: string, action: 'return' | 'transfer' | 'accept', id: string, body: object = {}) =>
        request(service.url).post(`/v1/matters/${id}/${action}`).set('Authorization', `Bearer ${token}`).send(body);
      const openDeadlines = (id: string) =>
        dataSource.query(`SELECT target, holder->>'id' AS holder FROM sla_deadlines WHERE grievance_id = $1 AND status IN ('running', 'paused') ORDER BY target`, [id]);
      let fire: string;
      let market: string;
      beforeAll(async () => {
        fire = await signDevToken({ sub: 'officer-fire', role: 'department', departmentCode: 'fire' });
        market = await signDevToken({ sub: 'officer-market', role: 'department', departmentCode: 'market_regulation' });
      });

      it('re-routes a misrouted hazard a department returns with a photo to the district fallback owner, whose clock starts and who accepts it', async () => {
        const id = await assignedHazard();
        await as(works, 'accept', id).expect(200);
        const photo = uuidv7();
        const returned = await as(works, 'return', id, { reason: 'a private courtyard: not a public road', attachmentIds: [photo] }).expect(200);
        expect(returned.body as View).toMatchObject({ status: 'assigned', departmentCode: 'urban_management', holder: { id: 'urban_management' }, bounces: 1 });

        const [event] = await eventsOf('grievance.department-returned.v1', id);
        expect(event!.actor).toEqual({ id: 'officer-works', role: 'department' });
        expect(event!.payload).toEqual({
          fromHolder: expect.objectContaining({ type: 'department', id: 'municipal_works' }) as unknown,
          toHolder: expect.objectContaining({ type: 'department', id: 'urban_management' }) as unknown,
          departmentCode: 'urban_management',
          reason: 'a private courtyard: not a public road',
          attachmentIds: [photo],
          bounces: 1,
          arbitration: false,
        });
        const [, assigned] = await eventsOf('grievance.assigned.v1', id, 2);
        expect(assigned!.payload).toMatchObject({ reason: 'returned', departmentCode: 'urban_management' });
        expect(assigned!.causationId).toBe(event!.eventId);
        const [issue] = await eventsOf(departmentIssuesTopic('urban_management'), id);
        expect(issue!.payload).toMatchObject({ departmentCode: 'urban_management', category: 'manhole_cover_missing' });

        // The old holder's deadlines ended; the new one owes an answer and a resolution afresh.
        expect(await openDeadlines(id)).toEqual([
          { target: 'resolve', holder: 'urban_management' },
          { target: 'respond', holder: 'urban_management' },
        ]);
        const worksInbox = await request(service.url).get('/v1/inbox').set('Authorization', `Bearer ${works}`).expect(200);
        expect((worksInbox.body as { items: { grievanceId: string }[] }).items.map((m) => m.grievanceId)).not.toContain(id);
        await as(works, 'return', id, { reason: 'again' }).expect(404);
        await as(urban, 'accept', id).expect(200);
        expect(await openDeadlines(id)).toEqual([{ target: 'resolve', holder: 'urban_management' }]);
      });

      it('transfers a hazard straight to the department named', async () => {
        const id = await assignedHazard();
        const moved = await as(works, 'transfer', id, { departmentCode: 'fire', reason: 'a gas smell under the cover' }).expect(200);
        expect(moved.body as View).toMatchObject({ departmentCode: 'fire', holder: { id: 'fire' }, bounces: 1 });
        const [event] = await eventsOf('grievance.transferred.v1', id);
        expect(event!.payload).toMatchObject({ fromHolder: { id: 'municipal_works' }, toHolder: { id: 'fire' }, departmentCode: 'fire', reason: 'a gas smell under the cover', bounces: 1, arbitration: false });
        const [, assigned] = await eventsOf('grievance.assigned.v1', id, 2);
        expect(assigned!.payload).toMatchObject({ reason: 'transferred', departmentCode: 'fire' });
        const inbox = await request(service.url).get('/v1/inbox').set('Authorization', `Bearer ${fire}`).expect(200);
        expect((inbox.body as { items: { grievanceId: string }[] }).items.map((m) => m.grievanceId)).toContain(id);
        await as(fire, 'accept', id).expect(200);
      });

      it('sends a grievance bounced once too often to the fallback owner to arbitrate, whose transfer stands and whose return is refused', async () => {
        expect(service.config.CHAIN_MAX_RETURNS).toBe(2);
        const id = await assignedHazard();
        await as(works, 'transfer', id, { departmentCode: 'fire', reason: 'gas' }).expect(200);
        await as(fire, 'transfer', id, { departmentCode: 'market_regulation', reason: 'a shop dug the hole' }).expect(200);
        // Routing would re-route this return to municipal_works: the third bounce goes to arbitration instead.
        const arbitrated = await as(market, 'return', id, { reason: 'no shop here' }).expect(200);
        expect(arbitrated.body as View).toMatchObject({ departmentCode: 'urban_management', bounces: 3 });
        const [event] = await eventsOf('grievance.department-returned.v1', id);
        expect(event!.payload).toMatchObject({ fromHolder: { id: 'market_regulation' }, toHolder: { id: 'urban_management' }, bounces: 3, arbitration: true });

        const before = await outboxCount(id);
        const refused = await as(urban, 'return', id, { reason: 'not ours either' }).expect(409);
        expect(JSON.stringify(refused.body)).toContain('arbitrates');
        expect(await outboxCount(id)).toBe(before);
        const decided = await as(urban, 'transfer', id, { departmentCode: 'municipal_works', reason: 'the cover is on a public road' }).expect(200);
        expect(decided.body as View).toMatchObject({ departmentCode: 'municipal_works', bounces: 4 });
        const transfers = await eventsOf('grievance.transferred.v1', id, 3);
        expect(transfers[2]!.payload).toMatchObject({ toHolder: { id: 'municipal_works' }, bounces: 4, arbitration: false });
        await as(works, 'accept', id).expect(200);
      });

      it('refuses bad input (400 naming the field), other departments (404) and what the state does not allow (409), writing nothing', async () => {
        const admin = await signDevToken({ sub: 'admin-1', role: 'admin' });
        await request(service.url).post('/v1/directory/departments').set('Authorization', `Bearer ${admin}`).send({ code: 'old_bureau', name: 'Old Bureau' }).expect(201);
        await request(service.url).post('/v1/directory/departments/old_bureau/retire').set('Authorization', `Bearer ${admin}`).send({ expectedVersion: 1 }).expect(200);
        const id = await assignedHazard();
        const before = { outbox: await outboxCount(id), row: await grievanceRow(id), deadlines: await openDeadlines(id) };
        const bad: [string, object, string][] = [
          ['return', {}, 'reason'],
          ['return', { reason: '   ' }, 'reason'],
          ['return', { reason: 'x', attachmentIds: ['not-a-uuid'] }, 'attachmentIds'],
          ['return', { reason: 'x', attachmentIds: Array.from({ length: 6 }, () => uuidv7()) }, 'attachmentIds'],
          ['transfer', { departmentCode: 'fire' }, 'reason'],
          ['transfer', { reason: 'x' }, 'departmentCode'],
          ['transfer', { reason: 'x', departmentCode: 'No Such' }, 'departmentCode'],
          ['transfer', { reason: 'x', departmentCode: 'no_such_bureau' }, 'departmentCode'],
          ['transfer', { reason: 'x', departmentCode: 'old_bureau' }, 'departmentCode'],
          ['transfer', { reason: 'x', departmentCode: 'municipal_works' }, 'departmentCode'],
        ];
        for (const [action, body, field] of bad) {
          const res = await as(works, action as 'return' | 'transfer', id, body);
          expect({ action, body, status: res.status }).toEqual({ action, body, status: 400 });
          expect(JSON.stringify(res.body)).toContain(field);
        }
        await as(urban, 'return', id, { reason: 'x' }).expect(404);
        await as(urban, 'transfer', id, { reason: 'x', departmentCode: 'fire' }).expect(404);
        await as(works, 'return', uuidv7(), { reason: 'x' }).expect(404);
        await as(gridWorker, 'transfer', id, { reason: 'x', departmentCode: 'fire' }).expect(403);
        expect({ outbox: await outboxCount(id), row: await grievanceRow(id), deadlines: await openDeadlines(id) }).toEqual(before);

        await request(service.url).post(`/v1/matters/${id}/resolve`).set('Authorization', `Bearer ${works}`).send({ resolution: 'done' }).expect(200);
        const resolved = await outboxCount(id);
        await as(works, 'return', id, { reason: 'x' }).expect(409);
        await as(works, 'transfer', id, { reason: 'x', departmentCode: 'fire' }).expect(409);
        expect(await outboxCount(id)).toBe(resolved);
      });
    });
  });

  describe('the reporter’s recourse', () => {
    const WORKS = { type: 'department' as const, id: 'municipal_works', name: 'Municipal Works Bureau' };

    it('takes a contested invalid verdict back to routed and applies the second grid worker’s confirmation', async () => {
      const id = await routedHazard();
      await verify(id, 'invalid', { note: 'nothing there' });
      await eventually(() => grievanceRow(id), (row) => row?.status === 'rejected', { what: `grievance ${id} rejected` });
      await publish('grievance.closed.v1', id, { outcome: 'rejected', slaMet: true });
      await eventually(() => grievanceRow(id), (row) => row?.status === 'closed', { what: `grievance ${id} closed` });

      await publish('grievance.contested.v1', id, {
        reporterId: 'worker-1',
        reason: 'the cover is still missing',
        verdictBy: { type: 'grid_worker', id: 'gw-xiangyun-yuhua-g1-1', name: 'gw-xiangyun-yuhua-g1-1' },
      });
      await eventually(() => grievanceRow(id), (row) => row?.status === 'routed', { what: `grievance ${id} routed again` });
      await publish('ticket.verified.v1', id, { ticketId: uuidv7(), gridWorkerId: 'gw-xiangyun-yuhua-g1-2', verdict: 'confirmed', note: 'missing', position: IN_GRID, attachmentIds: [] });
      const [assigned] = await eventsOf('grievance.assigned.v1', id);
      expect(assigned!.payload).toMatchObject({ departmentCode: 'municipal_works', reason: 'verified_on_site' });
    });

    it('sends a hazard reopened a second time to the district’s supervising office named in the directory, under supervision', async () => {
      const id = await routedHazard();
      await verify(id, 'confirmed');
      await eventually(() => grievanceRow(id), (row) => row?.status === 'assigned', { what: `grievance ${id} assigned` });
      for (const round of [1, 2]) {
        await request(service.url).post(`/v1/matters/${id}/resolve`).set('Authorization', `Bearer ${works}`).send({ resolution: `Plate laid (${round}).` }).expect(200);
        await publish('grievance.reopened.v1', id, { reason: `still broken (${round})`, reopenedTo: WORKS });
        await eventsOf('grievance.assigned.v1', id, round + 1);
      }
      const [referral] = await eventsOf('grievance.referred-to-supervision.v1', id);
      expect(referral!.payload).toEqual({
        fromHolder: WORKS,
        toHolder: { type: 'department', id: 'xiangyun_supervision', name: 'Xiangyun District Supervision Office (祥云区督查督办室)' },
        districtId: 'xiangyun',
        unsatisfiedRatings: 2,
        reason: 'still broken (2)',
      });
      const assignments = await eventsOf('grievance.assigned.v1', id, 3);
      expect(assignments.map((a) => (a.payload as { departmentCode: string }).departmentCode)).toEqual(['municipal_works', 'municipal_works', 'xiangyun_supervision']);
      const [issue] = await eventsOf(departmentIssuesTopic('xiangyun_supervision'), id);
      expect(issue!.payload).toMatchObject({ departmentCode: 'xiangyun_supervision', category: 'manhole_cover_missing' });
      expect(await grievanceRow(id)).toMatchObject({ status: 'assigned', department_code: 'xiangyun_supervision' });
      const [row] = (await dataSource.query(`SELECT under_supervision, reopenings FROM routing_grievances WHERE grievance_id = $1`, [id])) as unknown[];
      expect(row).toEqual({ under_supervision: true, reopenings: 2 });
      const office = await signDevToken({ sub: 'officer-xy-sup', role: 'department', departmentCode: 'xiangyun_supervision' });
      const inbox = await request(service.url).get('/v1/inbox').set('Authorization', `Bearer ${office}`).expect(200);
      expect((inbox.body as { items: { grievanceId: string }[] }).items.map((m) => m.grievanceId)).toContain(id);
    });
  });
});

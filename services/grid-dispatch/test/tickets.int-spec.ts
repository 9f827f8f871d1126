import { randomUUID } from 'node:crypto';
import { signDevToken } from '@grievance/auth';
import { TicketVerifiedV1 } from '@grievance/contracts';
import { waitForMessages } from '@grievance/testing';
import { api, dispatchedOf, gridWorkerToken, Harness, IN_GRID, outboxCount, parse, publishDirectory, reportHazard, startHarness } from './helpers';
import { eventually } from '@grievance/testing';

jest.setTimeout(90_000);

describe('grid-dispatch: the grid worker API', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A hazard in g3 (one worker: gw-g3-1), dispatched; returns its ticket id. */
  async function dispatchedTicket(location = IN_GRID.g3): Promise<{ ticketId: string; grievanceId: string; token: string }> {
    const { grievanceId } = await reportHazard(h, { gridId: 'g3', location });
    const [dispatched] = await dispatchedOf(h, grievanceId);
    expect(dispatched!.payload.gridWorkerId).toBe('gw-g3-1');
    return { ticketId: dispatched!.payload.ticketId, grievanceId, token: await gridWorkerToken('gw-g3-1', 'g3') };
  }

  async function ticketStatus(ticketId: string): Promise<string> {
    const [row] = (await h.dataSource.query(`SELECT status FROM tickets WHERE id = $1`, [ticketId])) as { status: string }[];
    return row!.status;
  }

  describe('grids', () => {
    it('lists every grid with its community and polygon, and finds the grid holding a point', async () => {
      const token = await gridWorkerToken('gw-g1-1', 'g1');
      const all = await api(h).get('/v1/grids').set('Authorization', `Bearer ${token}`).expect(200);
      expect(all.body.map((g: { id: string }) => g.id)).toEqual(['g1', 'g2', 'g3', 'g4']);
      expect(all.body[0]).toMatchObject({ communityId: 'c1', communityName: 'Community One', streetId: 's1', polygon: { type: 'Polygon' } });

      const at = await api(h).get('/v1/grids').query(IN_GRID.g2).set('Authorization', `Bearer ${token}`).expect(200);
      expect(at.body.map((g: { id: string }) => g.id)).toEqual(['g2']);
      const nowhere = await api(h).get('/v1/grids').query({ lat: 10, lng: 10 }).set('Authorization', `Bearer ${token}`).expect(200);
      expect(nowhere.body).toEqual([]);
    });

    it('refuses a bad point, naming the field', async () => {
      const token = await gridWorkerToken('gw-g1-1', 'g1');
      const bad = await api(h).get('/v1/grids').query({ lat: 95, lng: 115 }).set('Authorization', `Bearer ${token}`).expect(400);
      expect(JSON.stringify(bad.body)).toContain('lat');
      const half = await api(h).get('/v1/grids').query({ lat: 28.6 }).set('Authorization', `Bearer ${token}`).expect(400);
      expect(JSON.stringify(half.body)).toContain('lng');
    });

    it("lists a grid's workers, 404 for an unknown grid, 401 without a token", async () => {
      const token = await gridWorkerToken('gw-g1-1', 'g1');
      const workers = await api(h).get('/v1/grids/g1/workers').set('Authorization', `Bearer ${token}`).expect(200);
      expect(workers.body.map((w: { id: string }) => w.id)).toEqual(['gw-g1-1', 'gw-g1-2']);
      expect(workers.body[0]).toMatchObject({ gridId: 'g1', onDuty: true, openTickets: 0 });
      await api(h).get('/v1/grids/nope/workers').set('Authorization', `Bearer ${token}`).expect(404);
      await api(h).get('/v1/grids').expect(401);
    });

    it("shows workers' names in full to their own grid and admins, masked to everyone else", async () => {
      const full = (await api(h).get('/v1/grids/g1/workers').set('Authorization', `Bearer ${await gridWorkerToken('gw-g1-2', 'g1')}`).expect(200)).body as { name: string }[];
      const admin = (await api(h).get('/v1/grids/g1/workers').set('Authorization', `Bearer ${await signDevToken({ sub: 'root', role: 'admin' })}`).expect(200)).body;
      expect(admin).toEqual(full);
      const outsider = (await api(h).get('/v1/grids/g1/workers').set('Authorization', `Bearer ${await gridWorkerToken('gw-g2-1', 'g2')}`).expect(200)).body as { name: string }[];
      expect(outsider.map((w) => w.name)).toEqual(full.map((w) => [...w.name][0] + '*'.repeat([...w.name].filter((c) => c.trim() !== '').length - 1)));
      expect(outsider.map((w) => w.name)).not.toEqual(full.map((w) => w.name));
    });
  });

  describe('duty', () => {
    it('lets a grid worker go off and on duty and read it back; others get 403, unknown workers 404, bad bodies 400', async () => {
      const token = await gridWorkerToken('gw-g2-1', 'g2');
      await api(h).get('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${token}`).expect(200, { id: 'gw-g2-1', gridId: 'g2', onDuty: true });
      await api(h).put('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${token}`).send({ onDuty: false }).expect(200, { id: 'gw-g2-1', gridId: 'g2', onDuty: false });
      await api(h).get('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${token}`).expect(200, { id: 'gw-g2-1', gridId: 'g2', onDuty: false });
      const workers = await api(h).get('/v1/grids/g2/workers').set('Authorization', `Bearer ${token}`).expect(200);
      expect(workers.body[0].onDuty).toBe(false);
      await api(h).put('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${token}`).send({ onDuty: true }).expect(200);

      const bad = await api(h).put('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${token}`).send({ onDuty: 'yes' }).expect(400);
      expect(JSON.stringify(bad.body)).toContain('onDuty');
      const stranger = await gridWorkerToken('gw-nobody', 'g2');
      await api(h).put('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${stranger}`).send({ onDuty: false }).expect(404);
      await api(h).get('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${stranger}`).expect(404);
      await api(h).get('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${await gridWorkerToken('gw-g2-1', 'g1')}`).expect(404);
      const worker = await signDevToken({ sub: 'worker-1', role: 'worker' });
      await api(h).get('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${worker}`).expect(403);
      await api(h).put('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${worker}`).send({ onDuty: false }).expect(403);
    });
  });

  describe('tickets', () => {
    it('lists only the caller’s own tickets, with the report', async () => {
      const { ticketId, grievanceId, token } = await dispatchedTicket();
      const mine = await api(h).get('/v1/tickets').set('Authorization', `Bearer ${token}`).expect(200);
      const ticket = mine.body.find((t: { id: string }) => t.id === ticketId);
      expect(ticket).toMatchObject({
        grievanceId,
        gridId: 'g3',
        gridWorkerId: 'gw-g3-1',
        status: 'dispatched',
        attempt: 1,
        report: { category: 'manhole_cover_missing', title: 'Manhole cover missing', location: { lat: IN_GRID.g3.lat, lng: IN_GRID.g3.lng } },
      });
      const other = await gridWorkerToken('gw-g1-1', 'g1');
      const theirs = await api(h).get('/v1/tickets').set('Authorization', `Bearer ${other}`).expect(200);
      expect(theirs.body.find((t: { id: string }) => t.id === ticketId)).toBeUndefined();
    });

    it('accepts once (ticket.accepted.v1), then verifies confirmed near the report with a photo (ticket.verified.v1)', async () => {
      const { ticketId, grievanceId, token } = await dispatchedTicket();
      const accepted = await api(h).post(`/v1/tickets/${ticketId}/accept`).set('Authorization', `Bearer ${token}`).expect(200);
      expect(accepted.body.status).toBe('accepted');
      const [acceptedEvent] = await waitForMessages(h.kafka, 'ticket.accepted.v1', 1, (m) => parse(m).grievanceId === grievanceId);
      expect(parse(acceptedEvent!)).toMatchObject({ actor: { id: 'gw-g3-1', role: 'grid_worker' }, payload: { ticketId, gridWorkerId: 'gw-g3-1' } });
      await api(h).post(`/v1/tickets/${ticketId}/accept`).set('Authorization', `Bearer ${token}`).expect(409);

      const photo = randomUUID();
      const verified = await api(h)
        .post(`/v1/tickets/${ticketId}/verify`)
        .set('Authorization', `Bearer ${token}`)
        .send({ verdict: 'confirmed', note: 'Cover is gone', position: { lat: IN_GRID.g3.lat + 0.0005, lng: IN_GRID.g3.lng }, attachmentIds: [photo] })
        .expect(200);
      expect(verified.body).toMatchObject({ status: 'verified', verdict: 'confirmed' });
      const [verifiedEvent] = await waitForMessages(h.kafka, 'ticket.verified.v1', 1, (m) => parse(m).grievanceId === grievanceId);
      expect(parse<TicketVerifiedV1>(verifiedEvent!).payload).toEqual({
        ticketId,
        gridWorkerId: 'gw-g3-1',
        verdict: 'confirmed',
        note: 'Cover is gone',
        position: { lat: IN_GRID.g3.lat + 0.0005, lng: IN_GRID.g3.lng },
        attachmentIds: [photo],
      });
      const again = await api(h)
        .post(`/v1/tickets/${ticketId}/verify`)
        .set('Authorization', `Bearer ${token}`)
        .send({ verdict: 'invalid', note: 'again', position: IN_GRID.g3 })
        .expect(409);
      expect(again.body).toBeDefined();
    });

    it('corrects the category at a confirmed check to one the directory knows (400 naming the field otherwise, nothing written)', async () => {
      await publishDirectory(h, [
        { kind: 'category', id: 'stairwell_clutter', name: 'Clutter in a stairwell', attributes: { kind: 'hazard', defaultDepartment: 'urban_management' } },
        { kind: 'department', id: 'urban_management', name: 'Urban management' },
      ]);
      await eventually(
        () => h.dataSource.query(`SELECT count(*)::int AS n FROM directory_codes`) as Promise<{ n: number }[]>,
        (rows) => rows[0]!.n === 2,
        { what: 'the category and department copied' },
      );
      const { ticketId, grievanceId, token } = await dispatchedTicket();
      await api(h).post(`/v1/tickets/${ticketId}/accept`).set('Authorization', `Bearer ${token}`).expect(200);
      const check = { verdict: 'confirmed', note: 'Clutter, not a manhole', position: IN_GRID.g3, attachmentIds: [randomUUID()] };
      const verifiedBefore = await outboxCount(h, 'ticket.verified.v1');

      const unknown = await api(h).post(`/v1/tickets/${ticketId}/verify`).set('Authorization', `Bearer ${token}`).send({ ...check, correctedCategory: 'no_such_thing' }).expect(400);
      expect(JSON.stringify(unknown.body)).toContain('correctedCategory');
      const unknownDepartment = await api(h).post(`/v1/tickets/${ticketId}/verify`).set('Authorization', `Bearer ${token}`).send({ ...check, correctedDepartment: 'nobody' }).expect(400);
      expect(JSON.stringify(unknownDepartment.body)).toContain('correctedDepartment');
      const notConfirmed = await api(h).post(`/v1/tickets/${ticketId}/verify`).set('Authorization', `Bearer ${token}`).send({ ...check, verdict: 'invalid', correctedCategory: 'stairwell_clutter' }).expect(400);
      expect(JSON.stringify(notConfirmed.body)).toContain('correctedCategory');
      expect(await ticketStatus(ticketId)).toBe('accepted');
      expect(await outboxCount(h, 'ticket.verified.v1')).toBe(verifiedBefore);

      const verified = await api(h).post(`/v1/tickets/${ticketId}/verify`).set('Authorization', `Bearer ${token}`).send({ ...check, correctedCategory: 'stairwell_clutter' }).expect(200);
      expect(verified.body).toMatchObject({ status: 'verified', verdict: 'confirmed', report: { category: 'stairwell_clutter' } });
      const [event] = await waitForMessages(h.kafka, 'ticket.verified.v1', 1, (m) => parse(m).grievanceId === grievanceId);
      expect(parse<TicketVerifiedV1>(event!).payload).toMatchObject({ verdict: 'confirmed', correctedCategory: 'stairwell_clutter' });
      expect(parse<TicketVerifiedV1>(event!).payload).not.toHaveProperty('correctedDepartment');
    });

    it('409 for verify before accept; 404 for somebody else’s ticket or an unknown one', async () => {
      const { ticketId, token } = await dispatchedTicket();
      await api(h).post(`/v1/tickets/${ticketId}/verify`).set('Authorization', `Bearer ${token}`).send({ verdict: 'invalid', note: 'nothing there', position: IN_GRID.g3 }).expect(409);
      const other = await gridWorkerToken('gw-g1-1', 'g1');
      await api(h).post(`/v1/tickets/${ticketId}/accept`).set('Authorization', `Bearer ${other}`).expect(404);
      await api(h).post(`/v1/tickets/${randomUUID()}/accept`).set('Authorization', `Bearer ${token}`).expect(404);
      await api(h).post(`/v1/tickets/not-a-uuid/accept`).set('Authorization', `Bearer ${token}`).expect(400);
      expect(await ticketStatus(ticketId)).toBe('dispatched');
    });

    it('refuses a confirmed check too far away or without a photo (422 naming the field), and bad bodies (400); nothing changes', async () => {
      const { ticketId, token } = await dispatchedTicket();
      await api(h).post(`/v1/tickets/${ticketId}/accept`).set('Authorization', `Bearer ${token}`).expect(200);
      const verifiedBefore = await outboxCount(h, 'ticket.verified.v1');
      const verify = (body: object) => api(h).post(`/v1/tickets/${ticketId}/verify`).set('Authorization', `Bearer ${token}`).send(body);

      const far = await verify({ verdict: 'confirmed', note: 'x', position: { lat: IN_GRID.g3.lat + 0.01, lng: IN_GRID.g3.lng }, attachmentIds: [randomUUID()] }).expect(422);
      expect(JSON.stringify(far.body)).toContain('position');
      const noPhoto = await verify({ verdict: 'confirmed', note: 'x', position: IN_GRID.g3 }).expect(422);
      expect(JSON.stringify(noPhoto.body)).toContain('attachmentIds');
      const noDuplicateOf = await verify({ verdict: 'duplicate', note: 'x', position: IN_GRID.g3 }).expect(400);
      expect(JSON.stringify(noDuplicateOf.body)).toContain('duplicateOf');
      const badVerdict = await verify({ verdict: 'maybe', note: 'x', position: IN_GRID.g3 }).expect(400);
      expect(JSON.stringify(badVerdict.body)).toContain('verdict');
      const badLat = await verify({ verdict: 'invalid', note: 'x', position: { lat: 91, lng: 0 } }).expect(400);
      expect(JSON.stringify(badLat.body)).toContain('lat');
      const noPosition = await verify({ verdict: 'invalid', note: 'x' }).expect(400);
      expect(JSON.stringify(noPosition.body)).toContain('position');
      const longNote = await verify({ verdict: 'invalid', note: 'x'.repeat(2001), position: IN_GRID.g3 }).expect(400);
      expect(JSON.stringify(longNote.body)).toContain('note');
      const badAttachment = await verify({ verdict: 'invalid', note: 'x', position: IN_GRID.g3, attachmentIds: ['nope'] }).expect(400);
      expect(JSON.stringify(badAttachment.body)).toContain('attachmentIds');
      await verify({ verdict: 'invalid', note: 'x', position: IN_GRID.g3, extra: 1 }).expect(400);

      expect(await ticketStatus(ticketId)).toBe('accepted');
      expect(await outboxCount(h, 'ticket.verified.v1')).toBe(verifiedBefore);
    });

    it('verifies invalid (no photo, any place) and duplicate (with duplicateOf)', async () => {
      const first = await dispatchedTicket();
      await api(h).post(`/v1/tickets/${first.ticketId}/accept`).set('Authorization', `Bearer ${first.token}`).expect(200);
      await api(h)
        .post(`/v1/tickets/${first.ticketId}/verify`)
        .set('Authorization', `Bearer ${first.token}`)
        .send({ verdict: 'invalid', note: 'Nothing there', position: { lat: 28.7, lng: 115.9 } })
        .expect(200);

      const second = await dispatchedTicket();
      const original = randomUUID();
      await api(h).post(`/v1/tickets/${second.ticketId}/accept`).set('Authorization', `Bearer ${second.token}`).expect(200);
      await api(h)
        .post(`/v1/tickets/${second.ticketId}/verify`)
        .set('Authorization', `Bearer ${second.token}`)
        .send({ verdict: 'duplicate', note: 'Same as the earlier one', position: IN_GRID.g3, duplicateOf: original })
        .expect(200);
      const [event] = await waitForMessages(h.kafka, 'ticket.verified.v1', 1, (m) => parse(m).grievanceId === second.grievanceId);
      expect(parse<TicketVerifiedV1>(event!).payload).toMatchObject({ verdict: 'duplicate', duplicateOf: original, attachmentIds: [] });
    });

    it('only grid workers accept and verify (403 for other roles)', async () => {
      const { ticketId } = await dispatchedTicket();
      const worker = await signDevToken({ sub: 'worker-1', role: 'worker' });
      await api(h).post(`/v1/tickets/${ticketId}/accept`).set('Authorization', `Bearer ${worker}`).expect(403);
      await api(h).get('/v1/tickets').set('Authorization', `Bearer ${worker}`).expect(403);
    });
  });
});

import { uuidv7 } from '@grievance/contracts';
import { eventually } from '@grievance/testing';
import { AuditHarness, MUNICIPAL_WORKS } from './audit-harness';

jest.setTimeout(90_000);

describe('periodic anchors', () => {
  let h: AuditHarness;

  beforeAll(async () => {
    h = await AuditHarness.start({ ANCHOR_INTERVAL_MS: '1000' });
  });

  afterAll(async () => {
    await h?.close();
  });

  const anchors = async () => (await h.get('/v1/anchors')).body.items as { id: string; reason: string; matters: number; events: number }[];

  it('anchors new events by itself, and the anchor verifies', async () => {
    const id = uuidv7();
    await h.publish('grievance.accepted.v1', id, { holder: MUNICIPAL_WORKS });
    await h.untilStored(id, 1);
    const [latest] = await eventually(anchors, (items) => items.some((a) => a.events >= 1), { timeoutMs: 30_000, what: 'a periodic anchor' });
    expect(latest).toMatchObject({ reason: 'periodic', matters: 1, events: 1 });

    await h.publish('grievance.resolved.v1', id, { resolvedBy: MUNICIPAL_WORKS, resolution: 'Done.', attachmentIds: [] });
    await eventually(anchors, (items) => items[0]!.events === 2, { timeoutMs: 30_000, what: 'the next anchor to see the new event' });
    expect((await h.get('/v1/anchors/verify')).body).toMatchObject({ verified: true, anchor: { matters: 1, events: 2 } });
    expect((await h.get(`/v1/trace/${id}`)).body.anchor).toMatchObject({ length: 2 });
  });
});

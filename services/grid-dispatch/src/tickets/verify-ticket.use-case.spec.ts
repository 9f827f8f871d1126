import { DomainError } from '@grievance/platform';
import { aSnapshot, aTicket, fakeClock, fakeTicketEvents, fakeUnitOfWork, NOW } from '../../test/fakes';
import type { GridDispatchConfig } from '../config';
import type { TicketDeadlines } from '../deadlines/ticket-deadlines';
import type { DirectoryRepository } from '../directory/directory.repository';
import type { GrievanceSnapshot, Ticket, TicketsRepository } from './tickets.repository';
import { VerifyTicket, VerifyTicketCommand } from './verify-ticket.use-case';

const GRID_WORKER = { id: 'gw-g1-1', role: 'grid_worker' as const };
/** The snapshot's location, and a point about 330 m north of it. */
const AT_REPORT = { lat: 28.605, lng: 115.805 };
const FAR = { lat: 28.608, lng: 115.805 };

function setup(ticket: Ticket | undefined, snapshot: GrievanceSnapshot | undefined = aSnapshot()) {
  const tickets = {
    findForUpdate: jest.fn().mockResolvedValue(ticket),
    snapshotOf: jest.fn().mockResolvedValue(snapshot),
    update: jest.fn().mockResolvedValue(undefined),
  };
  const deadlines = { verified: jest.fn().mockResolvedValue(undefined) };
  /** The directory copy knows the category fire_hazard and the department fire. */
  const known: Record<string, string[]> = { category: ['manhole_cover_missing', 'fire_hazard'], department: ['municipal_works', 'fire'] };
  const directory = { liveCode: jest.fn(async (kind: string, code: string) => known[kind]!.includes(code)) };
  const { events, published } = fakeTicketEvents();
  const config = { VERIFY_MAX_DISTANCE_M: 200 } as GridDispatchConfig;
  const useCase = new VerifyTicket(config, fakeUnitOfWork(), tickets as unknown as TicketsRepository, directory as unknown as DirectoryRepository, deadlines as unknown as TicketDeadlines, events, fakeClock());
  return { useCase, tickets, deadlines, published };
}

const accepted = () => aTicket({ status: 'accepted', gridWorkerId: GRID_WORKER.id, attempt: 1 });
const command = (over: Partial<VerifyTicketCommand> = {}): VerifyTicketCommand => ({
  ticketId: 'ticket-1',
  gridWorker: GRID_WORKER,
  verdict: 'confirmed',
  note: 'The cover is gone.',
  position: AT_REPORT,
  attachmentIds: ['0193e9a0-0000-7000-8000-000000000001'],
  ...over,
});

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('VerifyTicket', () => {
  it('records a confirmed check made at the report with a photo: the ticket, its verify deadline and ticket.verified.v1', async () => {
    const { useCase, tickets, deadlines, published } = setup(accepted());

    const view = await useCase.execute(command());

    const changes = { status: 'verified', verifiedAt: NOW, verdict: 'confirmed', verifyNote: 'The cover is gone.' };
    expect(tickets.update).toHaveBeenCalledWith('ticket-1', changes);
    expect(deadlines.verified).toHaveBeenCalledWith(expect.objectContaining({ id: 'ticket-1', status: 'verified' }), NOW);
    expect(published.map((p) => p.topic)).toEqual(['ticket.verified.v1']);
    expect(published[0]!.envelope).toMatchObject({
      actor: GRID_WORKER,
      payload: { ticketId: 'ticket-1', gridWorkerId: 'gw-g1-1', verdict: 'confirmed', position: AT_REPORT, attachmentIds: command().attachmentIds },
    });
    expect(published[0]!.envelope.payload).not.toHaveProperty('duplicateOf');
    expect(view).toMatchObject({ status: 'verified', verdict: 'confirmed', verifiedAt: NOW.toISOString(), report: { trackingNo: 'NC-20261201-000001' } });
  });

  it('refuses a confirmed check without a photo, far from the report, or on a report without a location, changing nothing', async () => {
    const noPhoto = setup(accepted());
    expect(await refusal(noPhoto.useCase.execute(command({ attachmentIds: [] })))).toMatchObject({ code: 'unprocessable', details: { field: 'attachmentIds' } });

    const far = setup(accepted());
    const error = await refusal(far.useCase.execute(command({ position: FAR })));
    expect(error).toMatchObject({ code: 'unprocessable', details: { field: 'position', maxDistanceM: 200 } });
    expect(error.details!.distanceM).toBeGreaterThan(300);

    const nowhere = setup(accepted(), aSnapshot({ lat: null, lng: null }));
    expect(await refusal(nowhere.useCase.execute(command()))).toMatchObject({ code: 'unprocessable', details: { field: 'position' } });

    for (const { tickets, deadlines, published } of [noPhoto, far, nowhere]) {
      expect(tickets.update).not.toHaveBeenCalled();
      expect(deadlines.verified).not.toHaveBeenCalled();
      expect(published).toEqual([]);
    }
  });

  it('takes an invalid or duplicate verdict anywhere and without a photo, but not a grievance as a duplicate of itself', async () => {
    const invalid = setup(accepted(), aSnapshot({ lat: null, lng: null }));
    await invalid.useCase.execute(command({ verdict: 'invalid', position: FAR, attachmentIds: undefined }));
    expect(invalid.published[0]!.envelope.payload).toMatchObject({ verdict: 'invalid', attachmentIds: [] });

    const duplicate = setup(accepted());
    await duplicate.useCase.execute(command({ verdict: 'duplicate', duplicateOf: 'grievance-0', position: FAR }));
    expect(duplicate.published[0]!.envelope.payload).toMatchObject({ verdict: 'duplicate', duplicateOf: 'grievance-0' });

    const itself = setup(accepted());
    expect(await refusal(itself.useCase.execute(command({ verdict: 'duplicate', duplicateOf: 'grievance-1' })))).toMatchObject({
      code: 'unprocessable',
      details: { field: 'duplicateOf' },
    });
    expect(itself.published).toEqual([]);
  });

  it('carries a corrected category and department of the directory with a confirmed verdict, and the ticket takes the category', async () => {
    const { useCase, tickets, published } = setup(accepted());

    const view = await useCase.execute(command({ correctedCategory: 'fire_hazard', correctedDepartment: 'fire' }));

    expect(tickets.update).toHaveBeenCalledWith('ticket-1', expect.objectContaining({ status: 'verified', category: 'fire_hazard' }));
    expect(published[0]!.envelope.payload).toMatchObject({ verdict: 'confirmed', correctedCategory: 'fire_hazard', correctedDepartment: 'fire' });
    expect(view.report?.category).toBe('fire_hazard');
  });

  it('refuses a correction the directory does not know, or on a verdict other than confirmed, naming the field and changing nothing', async () => {
    const unknownCategory = setup(accepted());
    expect(await refusal(unknownCategory.useCase.execute(command({ correctedCategory: 'no_such_category' })))).toMatchObject({
      code: 'invalid',
      details: { field: 'correctedCategory' },
    });
    const unknownDepartment = setup(accepted());
    expect(await refusal(unknownDepartment.useCase.execute(command({ correctedDepartment: 'no_such_department' })))).toMatchObject({
      code: 'invalid',
      details: { field: 'correctedDepartment' },
    });
    const invalid = setup(accepted());
    expect(await refusal(invalid.useCase.execute(command({ verdict: 'invalid', correctedCategory: 'fire_hazard' })))).toMatchObject({
      code: 'invalid',
      details: { field: 'correctedCategory' },
    });
    for (const { tickets, published } of [unknownCategory, unknownDepartment, invalid]) {
      expect(tickets.update).not.toHaveBeenCalled();
      expect(published).toEqual([]);
    }
  });

  it('verifies only an accepted ticket of the caller: another worker is told it is not found', async () => {
    expect(await refusal(setup(aTicket({ status: 'dispatched', gridWorkerId: GRID_WORKER.id })).useCase.execute(command()))).toMatchObject({
      code: 'conflict',
      message: 'ticket ticket-1 must be accepted before it is verified',
    });
    expect(await refusal(setup(aTicket({ status: 'verified', gridWorkerId: GRID_WORKER.id })).useCase.execute(command()))).toMatchObject({
      code: 'conflict',
      message: 'ticket ticket-1 is already verified',
    });
    expect(await refusal(setup(aTicket({ status: 'accepted', gridWorkerId: 'gw-g1-2' })).useCase.execute(command()))).toMatchObject({ code: 'not_found' });
    expect(await refusal(setup(undefined).useCase.execute(command()))).toMatchObject({ code: 'not_found' });
  });
});

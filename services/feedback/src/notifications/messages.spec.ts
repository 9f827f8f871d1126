import { createEnvelope, NewEvent, PayloadOf, SYSTEM_ACTOR, uuidv7 } from '@grievance/contracts';
import { notificationMessage, NotifiedTopic } from './messages';

const event = <T extends NotifiedTopic>(topic: T, payload: PayloadOf<T>) =>
  createEnvelope({ topic, grievanceId: uuidv7(), actor: SYSTEM_ACTOR, correlationId: 'c-1', payload } as NewEvent<T>);

const works = { type: 'department' as const, id: 'municipal_works', name: 'Municipal works' };

describe('notificationMessage', () => {
  it('tells the reporter a grid worker is on the way', () => {
    expect(
      notificationMessage('ticket.dispatched.v1', event('ticket.dispatched.v1', { ticketId: uuidv7(), gridId: 'g-1', gridWorkerId: 'gw-1', attempt: 1 })),
    ).toBe('A grid worker is checking your report.');
  });

  it('says who resolved the matter and how, and asks for a rating', () => {
    expect(
      notificationMessage('grievance.resolved.v1', event('grievance.resolved.v1', { resolvedBy: works, resolution: 'New cover fitted.', attachmentIds: [] })),
    ).toBe('Municipal works resolved it: New cover fitted. Please rate the result.');
  });

  it('shortens a long resolution and folds its whitespace', () => {
    const message = notificationMessage(
      'grievance.resolved.v1',
      event('grievance.resolved.v1', { resolvedBy: works, resolution: `line one\n\n${'x'.repeat(1000)}`, attachmentIds: [] }),
    )!;
    expect(message).toMatch(/^Municipal works resolved it: line one x+… Please rate the result\.$/);
    expect(message.length).toBeLessThan(400);
  });

  it('gives the reason of a rejection and of a verdict of invalid', () => {
    expect(notificationMessage('grievance.rejected.v1', event('grievance.rejected.v1', { rejectedBy: works, reason: 'Nothing there.' }))).toBe(
      'Your report was not taken up: Nothing there.',
    );
    expect(
      notificationMessage(
        'ticket.verified.v1',
        event('ticket.verified.v1', { ticketId: uuidv7(), gridWorkerId: 'gw-1', verdict: 'invalid', note: 'No hole.', position: { lat: 1, lng: 1 }, attachmentIds: [] }),
      ),
    ).toBe('The grid worker could not confirm the problem on site: No hole.');
  });

  it('tells apart a close after a rating, an unrated close and a rejected one', () => {
    expect(notificationMessage('grievance.closed.v1', event('grievance.closed.v1', { outcome: 'resolved', rating: 'satisfied', slaMet: true }))).toBe(
      'Closed. Thank you for your rating.',
    );
    expect(notificationMessage('grievance.closed.v1', event('grievance.closed.v1', { outcome: 'resolved', slaMet: true }))).toMatch(/nobody rated/);
    expect(notificationMessage('grievance.closed.v1', event('grievance.closed.v1', { outcome: 'rejected', slaMet: true }))).toBe(
      'Your report is closed without action.',
    );
  });

  it('names the new holder on assignment and on reopening', () => {
    expect(
      notificationMessage('grievance.assigned.v1', event('grievance.assigned.v1', { holder: works, departmentCode: 'municipal_works', reason: 'verified_on_site' })),
    ).toBe('Municipal works is now in charge of your report.');
    expect(notificationMessage('grievance.reopened.v1', event('grievance.reopened.v1', { reason: 'Still broken.', reopenedTo: works }))).toBe(
      'Reopened: Municipal works will look at it again.',
    );
  });
});

import { createEnvelope, EventEnvelope, NewEvent, PayloadOf, SYSTEM_ACTOR, uuidv7 } from '@grievance/contracts';
import { render } from '@grievance/i18n';
import { coReporterNotificationMessage, notificationMessage as messageOf, NotifiedTopic } from './messages';

/** The message as an English reader gets it. */
const notificationMessage = <T extends NotifiedTopic>(topic: T, e: EventEnvelope<PayloadOf<T>>) => {
  const m = messageOf(topic, e);
  return m && render('en', m);
};

const event = <T extends NotifiedTopic>(topic: T, payload: PayloadOf<T>) =>
  createEnvelope({ topic, grievanceId: uuidv7(), actor: SYSTEM_ACTOR, correlationId: 'c-1', payload } as NewEvent<T>);

const works = { type: 'department' as const, id: 'municipal_works', name: 'Municipal works' };

describe('notificationMessage', () => {
  it('tells the reporter a grid worker is on the way', () => {
    expect(
      notificationMessage('ticket.dispatched.v1', event('ticket.dispatched.v1', { ticketId: uuidv7(), gridId: 'g-1', gridWorkerId: 'gw-1', attempt: 1 })),
    ).toBe('A grid worker is checking your report.');
  });

  it('says who resolved the grievance and how, and asks for a rating', () => {
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
  describe('the escalation chain', () => {
    const member = { type: 'member' as const, id: 'm-1', name: 'Member Li', level: 'member' as const };
    const branch = { type: 'org_unit' as const, id: 'b-1', name: 'Riders branch', level: 'branch' as const };
    const top = { type: 'org_unit' as const, id: 'tnc-1', name: 'City 两新工委', level: 'two_new_committee' as const };

    it('says who the appeal was passed up to, and why', () => {
      const escalated = (over: Partial<PayloadOf<'grievance.escalated.v1'>>) =>
        notificationMessage(
          'grievance.escalated.v1',
          event('grievance.escalated.v1', {
            fromLevel: 'member',
            toLevel: 'branch',
            fromHolder: member,
            toHolder: branch,
            reason: 'Needs the branch to talk to the platform.',
            automatic: false,
            ...over,
          }),
        );
      expect(escalated({ trigger: 'by_hand' })).toBe('Your appeal was passed up to Riders branch: Needs the branch to talk to the platform.');
      expect(escalated({ automatic: true, trigger: 'deadline_missed', reason: 'sla breach' })).toBe(
        'Your appeal was passed up to Riders branch: Member Li did not act in time.',
      );
      expect(escalated({ toHolder: top, toLevel: 'two_new_committee', automatic: true, trigger: 'arbitration' })).toBe(
        'Your appeal was passed up to City 两新工委 to settle, after it was handed back and forth.',
      );
    });

    it('gives the reason an appeal was handed back down', () => {
      expect(
        notificationMessage(
          'grievance.returned.v1',
          event('grievance.returned.v1', { fromLevel: 'branch', toLevel: 'member', fromHolder: branch, toHolder: member, reason: 'Ask the station first.', bounces: 1 }),
        ),
      ).toBe('Your appeal was handed back to Member Li: Ask the station first.');
    });

    it('passes on the holder’s question, and that its deadline waits for the answer', () => {
      expect(notificationMessage('grievance.paused.v1', event('grievance.paused.v1', { holder: member, question: 'Which station?' }))).toBe(
        'Member Li asks: "Which station?" Reply in the app; their deadline waits for your answer.',
      );
    });

    it('tells the reporter the appeal is under supervision (督办), and why', () => {
      const supervised = (cause: PayloadOf<'grievance.supervised.v1'>['cause']) =>
        notificationMessage('grievance.supervised.v1', event('grievance.supervised.v1', { holder: top, level: 'two_new_committee', cause, reason: 'overdue' }));
      expect(supervised('deadline_missed')).toBe('Your appeal is now under supervision (督办) at City 两新工委, because it was not dealt with in time; it will not be dropped.');
      expect(supervised('reporter_unsatisfied')).toMatch(/because you were not satisfied with its answer/);
    });

    it('names the unit that supervises, not the department that missed, and says which round a follow-up is', () => {
      const works = { type: 'department' as const, id: 'municipal_works', name: 'Municipal Works' };
      const office = { type: 'department' as const, id: 'xiangyun_supervision', name: 'Xiangyun Supervision Office' };
      const first = event('grievance.supervised.v1', { holder: works, supervisor: office, cause: 'department_deadline_missed', reason: 'late', round: 1, districtId: 'xiangyun' });
      expect(notificationMessage('grievance.supervised.v1', first)).toMatch(/at Xiangyun Supervision Office/);
      const second = event('grievance.supervised.v1', { holder: works, supervisor: office, cause: 'follow_up_missed', reason: 'late', round: 2, districtId: 'xiangyun' });
      expect(notificationMessage('grievance.supervised.v1', second)).toBe('Your report is in round 2 of supervision by Xiangyun Supervision Office: it will not be dropped.');
    });
  });

  describe('in Chinese, the reporters’ language', () => {
    const zh = <T extends NotifiedTopic>(topic: T, e: EventEnvelope<PayloadOf<T>>) => render('zh-CN', messageOf(topic, e)!);
    const bureau = { type: 'department' as const, id: 'municipal_works', name: '红谷滩区市政公用局' };

    it('tells the reporter what happened, in the glossary’s words', () => {
      expect(zh('grievance.submitted.v1', event('grievance.submitted.v1', {
        trackingNo: 'NC-20261124-000042', kind: 'hazard', category: 'manhole_cover_missing', title: '路口井盖缺失', description: '', urgency: 'urgent', attachmentIds: [], reporter: { id: 'r-1' }, submittedAt: new Date().toISOString(),
      }))).toBe('我们已收到您的诉求（编号 NC-20261124-000042）：“路口井盖缺失”。');
      expect(zh('ticket.dispatched.v1', event('ticket.dispatched.v1', { ticketId: uuidv7(), gridId: 'g-1', gridWorkerId: 'gw-1', attempt: 1 }))).toBe('网格员正在核查您反映的问题。');
      expect(zh('grievance.resolved.v1', event('grievance.resolved.v1', { resolvedBy: bureau, resolution: '已更换新井盖。', attachmentIds: [] }))).toBe(
        '红谷滩区市政公用局已办结，请对办理结果作出评价。办理结果：已更换新井盖。',
      );
      expect(zh('grievance.rejected.v1', event('grievance.rejected.v1', { rejectedBy: bureau, reason: '现场无此问题' }))).toBe('您的诉求未予受理：现场无此问题');
      expect(zh('grievance.closed.v1', event('grievance.closed.v1', { outcome: 'resolved', slaMet: true }))).toBe('已结案：您未在规定时间内评价，按已办结处理。');
    });

    it('says 督办 and 退单 as the chain says them', () => {
      const top = { type: 'org_unit' as const, id: 'tnc', name: '市两新工委', level: 'two_new_committee' as const };
      const member = { type: 'member' as const, id: 'm-1', name: '党员联络员李明', level: 'member' as const };
      const branch = { type: 'org_unit' as const, id: 'b-1', name: '象湖外卖骑手党支部', level: 'branch' as const };
      expect(zh('grievance.supervised.v1', event('grievance.supervised.v1', { holder: top, level: 'two_new_committee', cause: 'deadline_missed', reason: 'x' }))).toBe(
        '您的诉求未在时限内办理，现由市两新工委督办，不会不了了之。',
      );
      expect(zh('grievance.returned.v1', event('grievance.returned.v1', { fromLevel: 'branch', toLevel: 'member', fromHolder: branch, toHolder: member, reason: '请先与站点核实', bounces: 1 }))).toBe(
        '您的诉求已退回党员联络员李明：请先与站点核实',
      );
      expect(
        zh('grievance.escalated.v1', event('grievance.escalated.v1', { fromLevel: 'member', toLevel: 'branch', fromHolder: member, toHolder: branch, reason: 'sla', automatic: true, trigger: 'deadline_missed' })),
      ).toBe('您的诉求已上交象湖外卖骑手党支部：党员联络员李明未在时限内处理。');
    });
  });
});

describe('coReporterNotificationMessage', () => {
  const works = { type: 'department' as const, id: 'municipal_works', name: 'Municipal works' };
  const en = <T extends NotifiedTopic>(topic: T, e: EventEnvelope<PayloadOf<T>>) => {
    const m = coReporterNotificationMessage(topic, e, 'NC-20261124-000042');
    return m && render('en', m);
  };

  it('tells a co-reporter the grievance they joined was resolved, by its tracking number, without asking them to rate it', () => {
    const withPhoto = event('grievance.resolved.v1', { resolvedBy: works, resolution: 'New cover fitted.', attachmentIds: [uuidv7()] });
    expect(en('grievance.resolved.v1', withPhoto)).toBe(
      'Municipal works resolved the report you joined (NC-20261124-000042); the fix photos are in your report. What was done: New cover fitted.',
    );
    expect(render('zh-CN', coReporterNotificationMessage('grievance.resolved.v1', withPhoto, 'NC-20261124-000042')!)).toBe(
      '您参与反映的诉求（编号 NC-20261124-000042）已由Municipal works办结，整改照片可在诉求详情中查看。办理结果：New cover fitted.',
    );
    expect(en('grievance.resolved.v1', event('grievance.resolved.v1', { resolvedBy: works, resolution: 'New cover fitted.', attachmentIds: [] }))).toBe(
      'Municipal works resolved the report you joined (NC-20261124-000042): New cover fitted.',
    );
  });

  it('tells them it closed, rated or not, and whether anything was done', () => {
    expect(en('grievance.closed.v1', event('grievance.closed.v1', { outcome: 'resolved', rating: 'satisfied', slaMet: true }))).toBe('The report you joined (NC-20261124-000042) is closed.');
    expect(en('grievance.closed.v1', event('grievance.closed.v1', { outcome: 'resolved', slaMet: true }))).toBe('The report you joined (NC-20261124-000042) is closed.');
    expect(en('grievance.closed.v1', event('grievance.closed.v1', { outcome: 'rejected', slaMet: true }))).toBe('The report you joined (NC-20261124-000042) is closed without action.');
  });

  it('does not put the holder’s question to the reporter to them, and tells them the rest as the reporter is told', () => {
    expect(en('grievance.paused.v1', event('grievance.paused.v1', { holder: works, question: 'Which side of the road?' }))).toBeUndefined();
    expect(en('ticket.dispatched.v1', event('ticket.dispatched.v1', { ticketId: uuidv7(), gridId: 'g-1', gridWorkerId: 'gw-1', attempt: 1 }))).toBe('A grid worker is checking your report.');
  });
});

import { resolveBudget } from '@grievance/sla';
import { ratingSubject, ratingWindowSettings, resolutionOf } from './rating-window';

describe('the rating window', () => {
  it('lasts AUTO_CLOSE_AFTER_MS of calendar time for any grievance, without a warning', async () => {
    const settings = await ratingWindowSettings({ AUTO_CLOSE_AFTER_MS: 7 * 86_400_000 }).current();
    for (const facts of [
      { kind: 'hazard' as const, category: 'any', urgency: 'normal' as const },
      { kind: 'appeal' as const, category: 'wage_arrears', urgency: 'urgent' as const, stage: 'member' },
    ]) {
      expect(resolveBudget(settings, facts, 'respond')).toMatchObject({ budgetMs: 604_800_000, warnShare: 1, calendarId: 'calendar' });
    }
  });

  it('is told apart per resolution, and from any other deadline', () => {
    expect(resolutionOf({ subject: ratingSubject(2), target: 'respond' })).toBe(2);
    expect(resolutionOf({ subject: ratingSubject(2), target: 'resolve' })).toBeUndefined();
    expect(resolutionOf({ subject: 'grievance', target: 'respond' })).toBeUndefined();
    expect(resolutionOf({ subject: 'rating:x', target: 'respond' })).toBeUndefined();
  });
});

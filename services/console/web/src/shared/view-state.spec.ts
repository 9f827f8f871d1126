import zhCN from '../i18n/zh-CN';
import { deadlineState } from './deadlines';
import { apiErrorFrom, fieldErrors } from './errors';
import { formatDuration, formatTime, metresBetween } from './format';
import { csrfToken, isRetryable, retryDelayMs } from './http';
import { canContest, canRate, eventOf, intakeDownload, openQuestion, showsResolution, timelineOf } from './timeline';

const NOW = Date.parse('2026-12-03T08:00:00Z');

describe('view state', () => {
  it('a deadline is green with time to spare, orange in its last fifth or hour, red once past, grey while paused', () => {
    const started = new Date(NOW - 10 * 3_600_000).toISOString();
    expect(deadlineState({ startedAt: started, dueAt: new Date(NOW + 10 * 3_600_000).toISOString() }, NOW)).toEqual({ tone: 'ok', remainingMs: 10 * 3_600_000 });
    expect(deadlineState({ startedAt: started, dueAt: new Date(NOW + 2 * 3_600_000).toISOString() }, NOW).tone).toBe('near');
    expect(deadlineState({ dueAt: new Date(NOW + 30 * 60_000).toISOString() }, NOW).tone).toBe('near');
    expect(deadlineState({ dueAt: new Date(NOW - 1000).toISOString() }, NOW)).toEqual({ tone: 'overdue', remainingMs: -1000 });
    expect(deadlineState({ dueAt: null }, NOW)).toEqual({ tone: 'paused', remainingMs: null });
  });

  it('a 400\'s messages land on the fields they name; the rest stays for the top of the form', () => {
    expect(fieldErrors(['title must be shorter than or equal to 200 characters', 'location.lat must not be greater than 90', 'property foo should not exist'], ['title', 'location'])).toEqual({
      byField: { title: ['title must be shorter than or equal to 200 characters'], location: ['location.lat must not be greater than 90'] },
      rest: ['property foo should not exist'],
    });
  });

  it('a 400 that says its problems in errors[] lands each message, in the language asked for, at the field the answer names', () => {
    const error = apiErrorFrom(400, {
      statusCode: 400,
      message: ['location.lat must be a latitude string or number', 'property colour should not exist'],
      errors: [
        { field: 'location.lat', code: 'isLatitude', message: '纬度必须是 -90 到 90 之间的纬度。' },
        { field: 'attachmentIds[1]', code: 'isUuid', message: '照片必须是有效的编号（UUID）。' },
        { field: 'colour', code: 'whitelistValidation', message: '不接受字段 colour。' },
      ],
    });
    expect(error.messages).toEqual(['纬度必须是 -90 到 90 之间的纬度。', '照片必须是有效的编号（UUID）。', '不接受字段 colour。']);
    expect(fieldErrors(error.messages, ['title', 'location', 'attachmentIds'], undefined, error.fields)).toEqual({
      byField: { location: ['纬度必须是 -90 到 90 之间的纬度。'], attachmentIds: ['照片必须是有效的编号（UUID）。'] },
      rest: ['不接受字段 colour。'],
    });
    // An answer from before errors[] still reads its message.
    expect(apiErrorFrom(409, { message: 'the grievance is closed' }).messages).toEqual(['the grievance is closed']);
  });

  it('429 and 503 are retried after Retry-After (capped at 10 s), other answers are not', () => {
    expect(isRetryable(429) && isRetryable(503)).toBe(true);
    expect(isRetryable(500) || isRetryable(400)).toBe(false);
    expect(retryDelayMs('2')).toBe(2000);
    expect(retryDelayMs(null)).toBe(1000);
    expect(retryDelayMs('600')).toBe(10_000);
    expect(retryDelayMs(new Date(NOW + 3000).toUTCString(), NOW)).toBe(3000);
  });

  it('reads the CSRF token from its cookie', () => {
    expect(csrfToken('a=1; gr_csrf=abc%2Bdef; b=2')).toBe('abc+def');
    expect(csrfToken('a=1')).toBeUndefined();
  });

  it('times are shown in Asia/Shanghai whatever the device says; durations in the language', () => {
    expect(formatTime('2026-12-03T08:00:00Z', 'en')).toContain('16:00');
    expect(formatTime('2026-12-03T20:30:00Z', 'zh-CN')).toContain('2026/12/04');
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 5 * 60_000, 'en')).toBe('2d 3h');
    expect(formatDuration(-45 * 60_000, 'zh-CN')).toBe('45分钟');
  });

  it('measures the distance to the report as grid-dispatch does (a little over 55 m for 0.0005° of latitude)', () => {
    expect(Math.round(metresBetween({ lat: 28.66, lng: 115.82 }, { lat: 28.6605, lng: 115.82 }))).toBe(56);
  });

  it('the history reads in order, in plain words where the catalogue has them, and rating opens once resolved and unrated', () => {
    const history = [
      { at: '2026-12-03T08:05:00Z', type: 'grievance.resolved.v1', summary: 'resolved' },
      { at: '2026-12-03T08:00:00Z', type: 'grievance.submitted.v1', summary: 'submitted' },
      { at: '2026-12-03T08:01:00Z', type: 'something.new.v1', summary: 'Something new happened' },
    ];
    const steps = timelineOf(history, (key) => key !== 'history.something.new.v1');
    expect(steps.map((s) => s.key ?? s.detail)).toEqual(['history.grievance.submitted.v1', 'Something new happened', 'history.grievance.resolved.v1']);
    expect(steps[0]!.detail).toBe('submitted');
    expect(steps[2]!.tone).toBe('done');
    expect(canRate('resolved', history)).toBe(true);
    expect(canRate('resolved', [...history, { at: '2026-12-03T09:00:00Z', type: 'feedback.rated.v1', summary: '' }])).toBe(false);
    expect(canRate('in_progress', history)).toBe(false);
  });

  it('an open question from the holder waits for the reporter\'s reply, and goes once replied', () => {
    const asked = { at: '2026-12-03T08:00:00Z', type: 'grievance.paused.v1', summary: 'Which station?' };
    expect(openQuestion([asked])).toBe(asked);
    expect(openQuestion([asked, { at: '2026-12-03T08:10:00Z', type: 'grievance.replied.v1', summary: 'Yuhua' }])).toBeUndefined();
    expect(openQuestion([])).toBeUndefined();
  });

  it('reads the history the services write (grievance.rejected, no version) as the catalogue\'s topics: the bad steps red, a rating and a question found', () => {
    expect(eventOf('grievance.rejected')).toBe('grievance.rejected');
    expect(eventOf('grievance.rejected.v1')).toBe('grievance.rejected');
    const line = { at: '2026-12-03T08:00:00Z', type: 'grievance.rejected', summary: 'Found invalid: nothing missing here' };
    expect(timelineOf([line], () => false)).toEqual([{ at: '2026-12-03T08:00:00Z', key: null, detail: 'Found invalid: nothing missing here', tone: 'bad' }]);
    // The catalogue's words for it are found though the type carries no version, with intake's line under them.
    const known = new Set(Object.keys(zhCN.history).map((event) => `history.${event}`));
    expect(timelineOf([line], (key) => known.has(key))).toEqual([{ at: '2026-12-03T08:00:00Z', key: 'history.grievance.rejected.v1', detail: 'Found invalid: nothing missing here', tone: 'bad' }]);
    expect(canRate('resolved', [{ at: '2026-12-03T09:00:00Z', type: 'feedback.rated', summary: '' }])).toBe(false);
    expect(openQuestion([{ at: '2026-12-03T08:00:00Z', type: 'grievance.paused', summary: 'Which station?' }])?.summary).toBe('Which station?');
  });

  it('offers to contest only a hazard closed on a grid worker\'s invalid verdict, and only until it is contested', () => {
    const rejected = [
      { at: '2026-12-03T08:00:00Z', type: 'grievance.submitted', summary: '' },
      { at: '2026-12-03T09:00:00Z', type: 'grievance.rejected', summary: '' },
      { at: '2026-12-03T09:00:01Z', type: 'grievance.closed', summary: '' },
    ];
    expect(canContest('hazard', 'closed', rejected)).toBe(true);
    expect(canContest('hazard', 'closed', [...rejected, { at: '2026-12-03T10:00:00Z', type: 'grievance.contested', summary: '' }])).toBe(false);
    // Closed after a fix and a rating: nothing to contest.
    expect(canContest('hazard', 'closed', [rejected[0]!, { at: '2026-12-03T09:00:00Z', type: 'grievance.resolved', summary: '' }, rejected[2]!])).toBe(false);
    expect(canContest('hazard', 'rejected', rejected.slice(0, 2))).toBe(false);
    expect(canContest('appeal', 'closed', rejected)).toBe(false);
  });

  it('shows the department\'s resolution once resolved or closed, not after it was sent back to work', () => {
    const resolution = { resolution: 'New cover fitted.', attachments: [] };
    expect(showsResolution('resolved', resolution)).toBe(true);
    expect(showsResolution('closed', resolution)).toBe(true);
    expect(showsResolution('in_progress', resolution)).toBe(false);
    expect(showsResolution('closed', null)).toBe(false);
  });

  it('downloads a photo intake links to through the console\'s /api/intake', () => {
    expect(intakeDownload('/v1/attachments/0195a8c4-1b2c-7d3e-8f40-123456789abc')).toBe('/api/intake/v1/attachments/0195a8c4-1b2c-7d3e-8f40-123456789abc');
    expect(intakeDownload('v1/attachments/a')).toBe('/api/intake/v1/attachments/a');
  });
});

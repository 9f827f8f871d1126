import { loadConfig } from '@grievance/platform';
import { FeedbackConfig } from './config';

describe('FeedbackConfig', () => {
  it('defaults to 10 points, a half share, a 7-day auto-close in real time and no webhook', () => {
    const config = loadConfig(FeedbackConfig, {});
    expect(config.POINTS_VERIFIED_REPORT).toBe(10);
    expect(config.POINTS_CO_REPORTER_SHARE).toBe(0.5);
    expect(config.AUTO_CLOSE_AFTER_MS).toBe(7 * 24 * 60 * 60 * 1000);
    expect(config.SLA_TIME_SCALE).toBe(1);
    expect(config.NOTIFY_WEBHOOK_URL).toBeUndefined();
  });

  it('caps volunteering at 20 points a worker a day unless told otherwise', () => {
    expect(loadConfig(FeedbackConfig, {}).VOLUNTEERING_DAILY_CAP).toBe(20);
    expect(loadConfig(FeedbackConfig, { VOLUNTEERING_DAILY_CAP: '50' }).VOLUNTEERING_DAILY_CAP).toBe(50);
  });

  it('opens benefits (五入) at 100 points unless told otherwise', () => {
    expect(loadConfig(FeedbackConfig, {}).BENEFITS_POINTS_THRESHOLD).toBe(100);
    expect(loadConfig(FeedbackConfig, { BENEFITS_POINTS_THRESHOLD: '300' }).BENEFITS_POINTS_THRESHOLD).toBe(300);
  });

  it('reads decimals and a webhook URL; an empty URL means off', () => {
    const config = loadConfig(FeedbackConfig, {
      POINTS_CO_REPORTER_SHARE: '0.25',
      SLA_TIME_SCALE: '0.0000025',
      NOTIFY_WEBHOOK_URL: 'https://hooks.example.org/notify',
    });
    expect(config.POINTS_CO_REPORTER_SHARE).toBe(0.25);
    expect(config.SLA_TIME_SCALE).toBe(0.0000025);
    expect(config.NOTIFY_WEBHOOK_URL).toBe('https://hooks.example.org/notify');
    expect(loadConfig(FeedbackConfig, { NOTIFY_WEBHOOK_URL: '' }).NOTIFY_WEBHOOK_URL).toBeUndefined();
  });

  it('refuses to start on bad values, naming each variable', () => {
    for (const [variable, value] of [
      ['POINTS_CO_REPORTER_SHARE', '2'],
      ['SLA_TIME_SCALE', '0'],
      ['SLA_TIME_SCALE', 'fast'],
      ['NOTIFY_WEBHOOK_URL', 'ftp://x'],
      ['POINTS_VERIFIED_REPORT', 'ten'],
      ['AUTO_CLOSE_AFTER_MS', '-1'],
      ['VOLUNTEERING_DAILY_CAP', '-5'],
      ['VOLUNTEERING_DAILY_CAP', 'many'],
      ['BENEFITS_POINTS_THRESHOLD', '-1'],
    ] as const) {
      expect(() => loadConfig(FeedbackConfig, { [variable]: value })).toThrow(variable);
    }
  });
});

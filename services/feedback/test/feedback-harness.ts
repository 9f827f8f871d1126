import { signDevToken } from '@grievance/auth';
import { EventEnvelope, Holder, Language, PayloadOf, TopicName, uuidv7 } from '@grievance/contracts';
import { RawMessage } from '@grievance/messaging';
import { Env } from '@grievance/platform';
import { EventFedService, eventually, waitForMessages } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { FeedbackConfig } from '../src/config';

export const GRID: Holder = { type: 'org_unit', id: 'grid-qs-01', name: 'Qingshan grid 1' };
export const MUNICIPAL_WORKS: Holder = { type: 'department', id: 'municipal_works', name: 'Municipal works' };

/** The feedback service booted in-process with its topics created, and a producer to feed it events. */
export class FeedbackHarness extends EventFedService<FeedbackConfig> {
  static async start(env: Env = {}): Promise<FeedbackHarness> {
    return new FeedbackHarness(...(await EventFedService.boot(AppModule, env)));
  }

  async submit(reporterId: string, options: { duplicateOf?: string; grievanceId?: string; kind?: 'hazard' | 'appeal'; language?: Language } = {}): Promise<string> {
    const grievanceId = options.grievanceId ?? uuidv7();
    const appeal = options.kind === 'appeal';
    await this.publish('grievance.submitted.v1', grievanceId, {
      trackingNo: `NC-20261123-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      kind: appeal ? 'appeal' : 'hazard',
      category: appeal ? 'wage_arrears' : 'manhole_cover_missing',
      title: appeal ? 'Three months of pay withheld by the station' : 'Manhole cover missing on Bayi Avenue',
      description: appeal ? 'The station manager says to wait.' : 'The cover is gone; a scooter nearly fell in.',
      urgency: appeal ? 'normal' : 'urgent',
      ...(appeal ? {} : { location: { lat: 28.68, lng: 115.89 } }),
      attachmentIds: [],
      reporter: { id: reporterId, occupation: 'rider', ...(options.language ? { language: options.language } : {}) },
      submittedAt: new Date().toISOString(),
      ...(options.duplicateOf ? { duplicateOf: options.duplicateOf } : {}),
    });
    // Known, in whatever state: events read before the submission apply with it.
    await eventually(() => this.statusOf(grievanceId), (s) => s !== undefined, { what: `grievance ${grievanceId} known` });
    return grievanceId;
  }

  async resolve(grievanceId: string, resolution = 'A new cover was fitted.'): Promise<void> {
    await this.publish('grievance.resolved.v1', grievanceId, { resolvedBy: MUNICIPAL_WORKS, resolution, attachmentIds: [] }, { actor: { id: 'dept-user', role: 'department' } });
  }

  async statusOf(grievanceId: string): Promise<string | undefined> {
    const rows = await this.query<{ status: string }>(`SELECT status FROM feedback_grievances WHERE grievance_id = $1`, [grievanceId]);
    return rows[0]?.status;
  }

  async untilStatus(grievanceId: string, statuses: string[], timeoutMs = 30_000): Promise<void> {
    await eventually(() => this.statusOf(grievanceId), (s) => s !== undefined && statuses.includes(s), {
      timeoutMs,
      what: `grievance ${grievanceId} reaching ${statuses.join('|')}`,
    });
  }

  /** The events of one grievance on a topic, once `count` of them are there. */
  async eventsOn<T extends TopicName>(topic: T, grievanceId: string, count = 1, timeoutMs = 20_000): Promise<EventEnvelope<PayloadOf<T>>[]> {
    const messages = await waitForMessages(this.kafka, topic, count, (m: RawMessage) => m.key === grievanceId, timeoutMs);
    return messages.map((m) => JSON.parse(m.value ?? 'null') as EventEnvelope<PayloadOf<T>>);
  }
}

export const workerToken = (sub: string): Promise<string> => signDevToken({ sub, role: 'worker' });

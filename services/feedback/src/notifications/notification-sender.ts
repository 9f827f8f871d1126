import type { Language } from '@grievance/contracts';

/** One notification as it leaves the service: its message in the language its recipient reads. */
export interface OutboundNotification {
  id: string;
  /** reporter: recipientId is a worker's id; staff: a holder's key (grid_worker:<id>, department:<code>, <level>:<unit>). */
  audience: 'reporter' | 'staff';
  recipientId: string;
  grievanceId: string;
  eventType: string;
  language: Language;
  message: string;
  createdAt: string;
}

/** Hands a stored notification to the outside world (a push gateway, SMS, a chat bot). */
export interface NotificationSender {
  /** False when sending is turned off: notifications then only fill the inbox. */
  readonly enabled: boolean;
  /** Throws when the notification could not be handed over. */
  send(notification: OutboundNotification): Promise<void>;
}

/** What became of a stored notification handed to the sender (its delivery column). */
export type DeliveryOutcome = 'sent' | 'failed';

export const NOTIFICATION_SENDER = 'feedback:notification-sender';

/** Sending turned off (NOTIFY_WEBHOOK_URL empty). */
export class DisabledNotificationSender implements NotificationSender {
  readonly enabled = false;
  async send(): Promise<void> {
    // Nothing to do: the inbox (GET /v1/notifications) is the only channel.
  }
}

/** POSTs each notification as JSON to a webhook; anything but a 2xx answer is a failure. */
export class WebhookNotificationSender implements NotificationSender {
  readonly enabled = true;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = 5000,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(notification: OutboundNotification): Promise<void> {
    const response = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': notification.id },
      body: JSON.stringify(notification),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}

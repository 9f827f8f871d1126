import type { UnitOfWork } from '@grievance/messaging';
import { strictMock } from '@grievance/testing/unit';
import type { PinoLogger } from 'nestjs-pino';
import type { NotificationEntity } from '../grievances/entities';
import type { StaffNotificationRow, StaffNotificationsRepository } from '../staff-notifications/staff-notifications.repository';
import { DeliverNotifications } from './deliver-notifications.use-case';
import type { NotificationSender, OutboundNotification } from './notification-sender';
import type { NotificationsRepository, PendingNotification } from './notifications.repository';

const reporterNotification = (id: string, recipientId: string): PendingNotification =>
  ({
    id,
    recipientId,
    grievanceId: 'g-1',
    eventId: `e-${id}`,
    eventType: 'grievance.accepted',
    message: 'as written',
    content: null,
    delivery: 'pending',
    createdAt: new Date('2026-12-07T08:00:00Z'),
    language: 'en',
  }) as NotificationEntity & PendingNotification;

const staffNotification = (id: string): StaffNotificationRow => ({
  id,
  recipientKey: 'department:municipal_works',
  grievanceId: 'g-2',
  eventId: `e-${id}`,
  eventType: 'sla.warned',
  message: '写下的文字',
  content: { key: 'no.such.key', params: {} },
  occurredAt: new Date('2026-12-07T08:01:00Z'),
  read: false,
});

function setup(reporters: PendingNotification[], staffRows: StaffNotificationRow[], refuse: (n: OutboundNotification) => boolean = () => false) {
  const order: string[] = [];
  const unitOfWork = strictMock<UnitOfWork>(
    {
      run: (async (work: () => Promise<unknown>) => {
        order.push('begin');
        const result = await work();
        order.push('commit');
        return result;
      }) as UnitOfWork['run'],
    },
    'unitOfWork',
  );
  const repository = strictMock<NotificationsRepository>(
    {
      claimPending: async () => (order.push('claim reporters'), reporters),
      markDelivery: async (id, outcome) => void order.push(`${id} ${outcome}`),
    },
    'notifications',
  );
  const staff = strictMock<StaffNotificationsRepository>(
    {
      claimPending: async () => (order.push('claim staff'), staffRows),
      markDelivery: async (id, outcome) => void order.push(`${id} ${outcome}`),
    },
    'staffNotifications',
  );
  const sent: OutboundNotification[] = [];
  const sender = strictMock<NotificationSender>(
    {
      send: async (n) => {
        order.push(`send ${n.id}`);
        if (refuse(n)) throw new Error('webhook answered 502');
        sent.push(n);
      },
    },
    'sender',
  );
  const logger = strictMock<PinoLogger>({ setContext: () => undefined, warn: () => undefined }, 'logger');
  return { order, repository, staff, sent, logger, deliver: new DeliverNotifications(unitOfWork, repository, staff, sender, logger) };
}

describe('a delivery pass', () => {
  it('claims, sends and marks each audience in a unit of work of its own', async () => {
    const { order, repository, staff, sent, deliver } = setup([reporterNotification('r1', 'rider-1'), reporterNotification('r2', 'rider-2')], [staffNotification('s1')]);
    await expect(deliver.execute()).resolves.toBe(3);
    expect(order).toEqual(['begin', 'claim reporters', 'send r1', 'r1 sent', 'send r2', 'r2 sent', 'commit', 'begin', 'claim staff', 'send s1', 's1 sent', 'commit']);
    expect(repository.claimPending).toHaveBeenCalledWith(50);
    expect(staff.claimPending).toHaveBeenCalledWith(50);
    expect(sent).toEqual([
      expect.objectContaining({ id: 'r1', audience: 'reporter', recipientId: 'rider-1', language: 'en', message: 'as written', createdAt: '2026-12-07T08:00:00.000Z' }),
      expect.objectContaining({ id: 'r2', audience: 'reporter', recipientId: 'rider-2' }),
      expect.objectContaining({ id: 's1', audience: 'staff', recipientId: 'department:municipal_works', language: 'zh-CN', message: '写下的文字' }),
    ]);
  });

  it('marks a notification the sender refused failed, logs it, and goes on with the rest', async () => {
    const { order, logger, deliver } = setup([reporterNotification('r1', 'rider-1'), reporterNotification('r2', 'rider-2')], [staffNotification('s1')], (n) => n.id !== 'r2');
    await expect(deliver.execute()).resolves.toBe(3);
    expect(order.filter((step) => / (sent|failed)$/.test(step))).toEqual(['r1 failed', 'r2 sent', 's1 failed']);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('answers 0 when nothing waits', async () => {
    const { order, deliver } = setup([], []);
    await expect(deliver.execute()).resolves.toBe(0);
    expect(order).toEqual(['begin', 'claim reporters', 'commit', 'begin', 'claim staff', 'commit']);
  });
});

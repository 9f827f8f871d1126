import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TransactionalOutbox } from '@grievance/messaging';
import { DataSource } from 'typeorm';
import { SlaEngine } from '../engine/sla-engine';
import { StaticSlaSettings } from '../settings/settings';
import { SlaModule } from './sla.module';

@Injectable()
class EscalateOnBreach {
  readonly escalated: string[] = [];

  async onBreached(): Promise<void> {
    this.escalated.push('escalated');
  }
}

@Module({ providers: [EscalateOnBreach], exports: [EscalateOnBreach] })
class EscalationModule {}

describe('SlaModule', () => {
  afterEach(() => jest.restoreAllMocks());

  it('provides the engine built from injected options, opens it on bootstrap and closes it before shutdown', async () => {
    const open = jest.spyOn(SlaEngine.prototype, 'open').mockResolvedValue();
    const close = jest.spyOn(SlaEngine.prototype, 'close').mockResolvedValue();
    const dataSource = { isInitialized: false } as DataSource;
    const moduleRef = await Test.createTestingModule({
      imports: [
        SlaModule.forRootAsync({
          imports: [EscalationModule],
          inject: [EscalateOnBreach],
          useFactory: (handlers: EscalateOnBreach) => ({
            dataSource,
            outbox: new TransactionalOutbox(dataSource),
            queueName: 'routing.sla',
            redisUrl: 'redis://127.0.0.1:6379',
            settings: new StaticSlaSettings(),
            timeScale: 0.001,
            handlers,
          }),
        }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    const engine = app.get(SlaEngine);
    expect(engine).toBeInstanceOf(SlaEngine);
    expect(engine.timeScale).toBe(0.001);
    expect(engine.alarms.queueName).toBe('routing.sla');
    expect(open).toHaveBeenCalledTimes(1);
    await app.close();
    expect(close).toHaveBeenCalledTimes(1);
  });
});

import 'reflect-metadata';
import { createValidationPipe, DomainError, RequestValidationException, validationErrorEntries } from '@grievance/platform';
import type { SubmitGrievance } from '../grievances/submit-grievance.use-case';
import { idempotencyOwnerOf } from '../grievances/submit-grievance.use-case';
import { LogWalkIn } from './log-walk-in.use-case';
import type { StationsRepository } from './stations.repository';
import { LogWalkInDto } from './walk-in.dto';
import { CONSENT_CLOCK_SKEW_MS, consentTime, stationForWalkIns } from './walk-in-rules';

const VALID = {
  kind: 'appeal',
  category: 'pay_dispute',
  title: '工资三周未发',
  description: '在驿站柜台口述。',
  workerId: 'rider-0042',
  workerPhone: '138-1234-5678',
  consent: { given: true, method: 'verbal' },
};

/** What the service's validation pipe refuses in a walk-in body: each failed field with its zh-CN text. */
async function refused(body: object): Promise<{ field?: string; message: string }[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: LogWalkInDto, data: '' });
  } catch (error) {
    if (error instanceof RequestValidationException) return validationErrorEntries(error.validationErrors, 'zh-CN');
    throw error;
  }
  return [];
}

/** The fields refused (a field failing two checks counts once). */
const fieldsOf = async (body: object) => [...new Set((await refused(body)).map((e) => e.field))];

describe('a walk-in as the station staff send it', () => {
  it('takes a grievance with the worker, a call-back phone and their verbal, signed or texted consent', async () => {
    expect(await refused(VALID)).toEqual([]);
    for (const method of ['signature', 'sms']) expect(await refused({ ...VALID, consent: { given: true, method, at: '2026-12-07T02:00:00Z' } })).toEqual([]);
    const { workerPhone: _phone, ...withoutPhone } = VALID;
    expect(await refused(withoutPhone)).toEqual([]);
  });

  it('refuses a walk-in without the worker’s consent, naming consent in Chinese', async () => {
    const { consent: _consent, ...withoutConsent } = VALID;
    const entries = await refused(withoutConsent);
    expect(new Set(entries.map((e) => e.field))).toEqual(new Set(['consent']));
    expect(entries[0]!.message).toBe('本人同意必须填写：须经本人同意（given 为 true，method 为 verbal、signature 或 sms），驿站才能代为登记。');
  });

  it('refuses consent that was not given, or given in a way it does not know, or at a time that is no time', async () => {
    expect(await fieldsOf({ ...VALID, consent: { given: false, method: 'verbal' } })).toEqual(['consent.given']);
    expect(await fieldsOf({ ...VALID, consent: { method: 'verbal' } })).toEqual(['consent.given']);
    expect(await fieldsOf({ ...VALID, consent: { given: 'yes', method: 'verbal' } })).toEqual(['consent.given']);
    expect(await fieldsOf({ ...VALID, consent: { given: true, method: 'email' } })).toEqual(['consent.method']);
    expect(await fieldsOf({ ...VALID, consent: { given: true, method: 'verbal', at: 'yesterday' } })).toEqual(['consent.at']);
    expect(await fieldsOf({ ...VALID, consent: true })).toContain('consent');
  });

  it('needs the worker the grievance is for, and a phone that is a phone', async () => {
    const { workerId: _worker, ...withoutWorker } = VALID;
    expect(await fieldsOf(withoutWorker)).toEqual(['workerId']);
    expect(await fieldsOf({ ...VALID, workerId: 'rider 42' })).toEqual(['workerId']);
    expect(await fieldsOf({ ...VALID, workerPhone: 'call the station' })).toEqual(['workerPhone']);
  });

  it('takes the station from the token, never from the body', async () => {
    expect(await fieldsOf({ ...VALID, stationId: 'st-binjiang-chaoyang' })).toEqual(['stationId']);
  });

  it('keeps the rules of a worker’s own submission: a hazard needs a location', async () => {
    expect(await fieldsOf({ ...VALID, kind: 'hazard', category: 'manhole_cover_missing' })).toEqual(['location']);
  });
});

describe('the walk-in rules', () => {
  const station = { id: 'st-xiangyun-yuhua', name: '玉华暖心驿站', retired: false, version: 1 };
  const codeOf = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return error instanceof DomainError ? { code: error.code, field: error.details?.field } : error;
    }
    return undefined;
  };

  it('logs walk-ins only at a station the directory knows and has not retired', () => {
    expect(stationForWalkIns(station, station.id)).toBe(station);
    expect(codeOf(() => stationForWalkIns(undefined, 'st-nowhere'))).toEqual({ code: 'not_found', field: undefined });
    expect(codeOf(() => stationForWalkIns({ ...station, retired: true }, station.id))).toEqual({ code: 'forbidden', field: 'stationId' });
  });

  it('dates the consent now unless told, and refuses a consent from the future beyond a device clock’s skew', () => {
    const now = new Date('2026-12-07T03:00:00Z');
    expect(consentTime(undefined, now)).toEqual(now);
    expect(consentTime('2026-12-07T02:40:00Z', now)).toEqual(new Date('2026-12-07T02:40:00Z'));
    expect(consentTime(new Date(now.getTime() + CONSENT_CLOCK_SKEW_MS).toISOString(), now)).toEqual(new Date(now.getTime() + CONSENT_CLOCK_SKEW_MS));
    expect(codeOf(() => consentTime('2026-12-07T04:00:00Z', now))).toEqual({ code: 'invalid', field: 'consent.at' });
  });

  it('keeps a staff member’s Idempotency-Keys apart from the worker’s own', () => {
    expect(idempotencyOwnerOf({ reporterId: 'rider-1' })).toBe('rider-1');
    expect(idempotencyOwnerOf({ reporterId: 'rider-1', walkIn: { stationId: 's', stationName: 'S', staffId: 'staff-1', consentMethod: 'verbal' } })).toBe('station_staff:staff-1');
  });
});

describe('LogWalkIn', () => {
  const now = new Date('2026-12-07T03:00:00Z');
  const make = (station: { id: string; name: string; retired: boolean; version: number } | undefined) => {
    const submit = { execute: jest.fn().mockResolvedValue({ answer: { id: 'g-1', trackingNo: 'NC-20261207-000001', status: 'submitted' }, replayed: false }) };
    const stations = { findStation: jest.fn().mockResolvedValue(station), insertWalkIn: jest.fn().mockResolvedValue(undefined) };
    const useCase = new LogWalkIn(submit as unknown as SubmitGrievance, stations as unknown as StationsRepository, { now: () => now } as never);
    return { useCase, submit, stations };
  };

  it('submits the grievance as the worker’s, logged at the staff’s station, and keeps the walk-in beside it', async () => {
    const { useCase, submit, stations } = make({ id: 'st-xiangyun-yuhua', name: '玉华暖心驿站', retired: false, version: 3 });
    const body = { ...VALID, workerPhone: ' 13812345678 ' } as unknown as LogWalkInDto;
    await useCase.execute({ stationId: 'st-xiangyun-yuhua', staffId: 'staff-li-na', idempotencyKey: 'k-1', body });
    const command = submit.execute.mock.calls[0][0];
    expect(command).toMatchObject({
      reporterId: 'rider-0042',
      idempotencyKey: 'k-1',
      body,
      walkIn: { stationId: 'st-xiangyun-yuhua', stationName: '玉华暖心驿站', staffId: 'staff-li-na', consentMethod: 'verbal' },
    });
    await command.alongside({ id: 'g-1', trackingNo: 'NC-20261207-000001', status: 'submitted' });
    expect(stations.insertWalkIn).toHaveBeenCalledWith({
      grievanceId: 'g-1',
      stationId: 'st-xiangyun-yuhua',
      staffId: 'staff-li-na',
      workerId: 'rider-0042',
      workerPhone: '13812345678',
      consentMethod: 'verbal',
      consentAt: now,
      loggedAt: now,
    });
  });

  it('writes nothing for a retired or unknown station', async () => {
    for (const station of [undefined, { id: 'st-old', name: 'Old', retired: true, version: 2 }]) {
      const { useCase, submit } = make(station);
      await expect(useCase.execute({ stationId: 'st-old', staffId: 'staff-1', body: VALID as unknown as LogWalkInDto })).rejects.toBeInstanceOf(DomainError);
      expect(submit.execute).not.toHaveBeenCalled();
    }
  });
});

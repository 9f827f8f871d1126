import { Injectable } from '@nestjs/common';
import { Clock } from '@grievance/platform';
import type { SubmissionAnswer } from '../grievances/grievance.model';
import { SubmitGrievance } from '../grievances/submit-grievance.use-case';
import type { LogWalkInDto } from './walk-in.dto';
import { StationsRepository } from './stations.repository';
import { consentTime, stationForWalkIns } from './walk-in-rules';

export interface LogWalkInCommand {
  stationId: string;
  staffId: string;
  idempotencyKey?: string;
  body: LogWalkInDto;
}

/**
 * A station's staff log a grievance for a worker who walked in (驿站代办), with the worker's
 * consent. It goes through the worker's own submission path (tracking number, duplicate
 * check, grievance.submitted.v1 with `loggedAt`), so the grievance is the worker's from the start:
 * in their list, told to them, rated by them. The walk-in row (station, staff, consent, the
 * call-back phone) is written in the same transaction. An Idempotency-Key is the staff
 * member's: the same request again gets the same grievance back.
 */
@Injectable()
export class LogWalkIn {
  constructor(
    private readonly submit: SubmitGrievance,
    private readonly stations: StationsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: LogWalkInCommand): Promise<{ answer: SubmissionAnswer; replayed: boolean }> {
    const station = stationForWalkIns(await this.stations.findStation(command.stationId), command.stationId);
    const { workerId, workerPhone, consent } = command.body;
    const consentAt = consentTime(consent.at, this.clock.now());
    return this.submit.execute({
      reporterId: workerId,
      // The staff's browser language is not the worker's: the worker's own settings (routing's registration) say theirs.
      idempotencyKey: command.idempotencyKey,
      // The whole request (worker and consent too) is what the key stands for.
      body: command.body,
      walkIn: { stationId: station.id, stationName: station.name, staffId: command.staffId, consentMethod: consent.method },
      alongside: (answer) =>
        this.stations.insertWalkIn({
          grievanceId: answer.id,
          stationId: station.id,
          staffId: command.staffId,
          workerId,
          workerPhone: workerPhone?.trim() || null,
          consentMethod: consent.method,
          consentAt,
          loggedAt: this.clock.now(),
        }),
    });
  }
}

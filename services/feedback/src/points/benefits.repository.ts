import { Injectable } from '@nestjs/common';
import { BenefitDecision, BenefitKind, Occupation } from '@grievance/contracts';
import { DataSource } from 'typeorm';
import { databaseOf } from '../shared/database';

export type BenefitState = 'pending' | BenefitDecision;

export interface BenefitApplication {
  id: string;
  workerId: string;
  kind: BenefitKind;
  note: string | null;
  committeeId: string;
  balance: number;
  state: BenefitState;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

interface ApplicationRow {
  id: string;
  worker_id: string;
  kind: BenefitKind;
  note: string | null;
  committee_id: string;
  balance: number;
  state: BenefitState;
  decided_by: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
  created_at: Date;
}

const toApplication = (r: ApplicationRow): BenefitApplication => ({
  id: r.id,
  workerId: r.worker_id,
  kind: r.kind,
  note: r.note,
  committeeId: r.committee_id,
  balance: Number(r.balance),
  state: r.state,
  decidedBy: r.decided_by,
  decisionReason: r.decision_reason,
  decidedAt: r.decided_at ? new Date(r.decided_at) : null,
  createdAt: new Date(r.created_at),
});

const UNIQUE_VIOLATION = '23505';

/** The only code that touches the copy of workers' registrations and the benefit applications. */
@Injectable()
export class BenefitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The unit of work's transaction, or the data source outside one. */
  private get db() {
    return databaseOf(this.dataSource);
  }

  /**
   * Keeps the worker's latest registration as routing told it (worker.registered.v1): an
   * older registration read late changes nothing.
   */
  async saveRegistration(
    registration: { workerId: string; occupation: Occupation; branchId: string | null; committeeId: string | null; registeredAt: Date; eventId: string },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO feedback_worker_committees (worker_id, occupation, branch_id, committee_id, registered_at, event_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (worker_id) DO UPDATE SET occupation = EXCLUDED.occupation, branch_id = EXCLUDED.branch_id, committee_id = EXCLUDED.committee_id,
         registered_at = EXCLUDED.registered_at, event_id = EXCLUDED.event_id
       WHERE feedback_worker_committees.registered_at <= EXCLUDED.registered_at`,
      [registration.workerId, registration.occupation, registration.branchId, registration.committeeId, registration.registeredAt, registration.eventId],
    );
  }

  async committeeOf(workerId: string): Promise<string | null> {
    const [row] = (await this.db.query(`SELECT committee_id FROM feedback_worker_committees WHERE worker_id = $1`, [workerId])) as { committee_id: string | null }[];
    return row?.committee_id ?? null;
  }

  /** A new pending application; undefined when the worker already has one pending of this kind. */
  async insertApplication(
    application: Pick<BenefitApplication, 'id' | 'workerId' | 'kind' | 'note' | 'committeeId' | 'balance'>,
    at: Date,
  ): Promise<BenefitApplication | undefined> {
    const rows = (await this.db.query(
      `INSERT INTO feedback_benefit_applications (id, worker_id, kind, note, committee_id, balance, state, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7) ON CONFLICT (worker_id, kind) WHERE state = 'pending' DO NOTHING RETURNING *`,
      [application.id, application.workerId, application.kind, application.note, application.committeeId, application.balance, at],
    )) as ApplicationRow[];
    return rows[0] ? toApplication(rows[0]) : undefined;
  }

  /** An application for `committeeId`, locked for its decision; undefined when that committee has none by this id. */
  async findForCommittee(committeeId: string, id: string): Promise<BenefitApplication | undefined> {
    const [row] = (await this.db.query(`SELECT * FROM feedback_benefit_applications WHERE id = $1 AND committee_id = $2 FOR UPDATE`, [id, committeeId])) as ApplicationRow[];
    return row ? toApplication(row) : undefined;
  }

  async decide(id: string, decision: { state: BenefitDecision; by: string; reason: string; at: Date }): Promise<BenefitApplication> {
    const rows = (await this.db.query(
      `UPDATE feedback_benefit_applications SET state = $2, decided_by = $3, decision_reason = $4, decided_at = $5 WHERE id = $1 RETURNING *`,
      [id, decision.state, decision.by, decision.reason, decision.at],
    )) as [ApplicationRow[], number] | ApplicationRow[];
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as ApplicationRow[];
    return toApplication(list[0]!);
  }

  async applicationsOf(workerId: string): Promise<BenefitApplication[]> {
    const rows = (await this.dataSource.query(`SELECT * FROM feedback_benefit_applications WHERE worker_id = $1 ORDER BY created_at DESC, id DESC`, [
      workerId,
    ])) as ApplicationRow[];
    return rows.map(toApplication);
  }

  /** A committee's applications in one state, oldest first. */
  async applicationsFor(committeeId: string, state: BenefitState): Promise<BenefitApplication[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM feedback_benefit_applications WHERE committee_id = $1 AND state = $2 ORDER BY created_at, id LIMIT 500`,
      [committeeId, state],
    )) as ApplicationRow[];
    return rows.map(toApplication);
  }
}

export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === UNIQUE_VIOLATION;

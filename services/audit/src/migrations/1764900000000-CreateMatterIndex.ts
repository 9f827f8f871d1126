import type { EventEnvelope } from '@grievance/contracts';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { summariseGrievance } from '../grievances/grievance-row';

/**
 * audit_matters: one row per matter, what auditors search by (`GET /v1/matters`). Unlike
 * the dossier it is a projection, rewritten from the matter's dossier in the transaction
 * that appends each event; the dossier stays the record. Matters already recorded are
 * indexed here once.
 */
export class CreateMatterIndex1764900000000 implements MigrationInterface {
  name = 'CreateMatterIndex1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_matters (
        grievance_id       uuid        PRIMARY KEY,
        tracking_no        text,
        kind               text,
        category           text,
        status             text        NOT NULL,
        level              text,
        holder             jsonb,
        district_id        text,
        department_code    text,
        grid_id            text,
        submitted_at       timestamptz NOT NULL,
        breaches           integer     NOT NULL DEFAULT 0,
        under_supervision  boolean     NOT NULL DEFAULT false
      )`);
    await queryRunner.query(`CREATE INDEX audit_matters_submitted ON audit_matters (submitted_at, grievance_id)`);
    await queryRunner.query(`CREATE INDEX audit_matters_tracking_no ON audit_matters (tracking_no)`);
    for (const column of ['status', 'department_code', 'district_id', 'category', 'level']) {
      await queryRunner.query(`CREATE INDEX audit_matters_${column} ON audit_matters (${column}, submitted_at)`);
    }
    await queryRunner.query(`CREATE INDEX audit_matters_breached ON audit_matters (submitted_at) WHERE breaches > 0`);
    await queryRunner.query(`CREATE INDEX audit_matters_supervised ON audit_matters (submitted_at) WHERE under_supervision`);
    const matters = (await queryRunner.query(`SELECT DISTINCT grievance_id FROM audit_dossier`)) as { grievance_id: string }[];
    for (const { grievance_id } of matters) await indexMatter(queryRunner, grievance_id);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_matters`);
  }
}

/** Writes a recorded grievance's row of the index, under the table's name of that time, from its whole dossier. */
async function indexMatter(queryRunner: QueryRunner, grievanceId: string): Promise<void> {
  const events = ((await queryRunner.query(`SELECT envelope FROM audit_dossier WHERE grievance_id = $1`, [grievanceId])) as { envelope: EventEnvelope }[]).map((r) => r.envelope);
  const m = summariseGrievance(grievanceId, events);
  await queryRunner.query(
    `INSERT INTO audit_matters (grievance_id, tracking_no, kind, category, status, level, holder, district_id, department_code, grid_id, submitted_at, breaches, under_supervision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (grievance_id) DO UPDATE SET tracking_no = EXCLUDED.tracking_no, kind = EXCLUDED.kind, category = EXCLUDED.category,
       status = EXCLUDED.status, level = EXCLUDED.level, holder = EXCLUDED.holder, district_id = EXCLUDED.district_id,
       department_code = EXCLUDED.department_code, grid_id = EXCLUDED.grid_id, submitted_at = EXCLUDED.submitted_at,
       breaches = EXCLUDED.breaches, under_supervision = EXCLUDED.under_supervision`,
    [m.grievanceId, m.trackingNo, m.kind, m.category, m.status, m.level, m.holder ? JSON.stringify(m.holder) : null, m.districtId, m.departmentCode, m.gridId, m.submittedAt, m.breaches, m.underSupervision],
  );
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** The intake tables: matters as reported and tracked, tracking-number counters, idempotency keys, co-reporters, history, attachments. */
export class CreateIntakeTables1764000000000 implements MigrationInterface {
  name = 'CreateIntakeTables1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake_grievances (
        id                 uuid PRIMARY KEY,
        tracking_no        text        NOT NULL UNIQUE,
        reporter_id        text        NOT NULL,
        kind               text        NOT NULL,
        category           text        NOT NULL,
        title              text        NOT NULL,
        description        text        NOT NULL,
        urgency            text        NOT NULL,
        lat                double precision,
        lng                double precision,
        address            text,
        attachment_ids     jsonb       NOT NULL DEFAULT '[]'::jsonb,
        status             text        NOT NULL,
        status_at          timestamptz NOT NULL,
        reopened_at        timestamptz,
        level              text,
        level_at           timestamptz,
        holder             jsonb,
        holder_at          timestamptz,
        under_supervision  boolean     NOT NULL DEFAULT false,
        duplicate_of       uuid,
        submitted_at       timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX intake_grievances_reporter ON intake_grievances (reporter_id, submitted_at DESC, id DESC)`);
    // The duplicate check's prefilter: open hazards of one category, by time and a lat/lng box.
    await queryRunner.query(
      `CREATE INDEX intake_grievances_open_hazards ON intake_grievances (category, submitted_at, lat, lng)
         WHERE kind = 'hazard' AND duplicate_of IS NULL AND status NOT IN ('closed', 'rejected')`,
    );
    await queryRunner.query(`
      CREATE TABLE intake_tracking_counters (
        day   text    PRIMARY KEY,
        last  integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE intake_idempotency_keys (
        reporter_id   text        NOT NULL,
        key           text        NOT NULL,
        request_hash  text        NOT NULL,
        grievance_id  uuid        NOT NULL,
        response      jsonb       NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (reporter_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE intake_co_reporters (
        grievance_id         uuid        NOT NULL,
        reporter_id          text        NOT NULL,
        via_grievance_id     uuid        NOT NULL,
        linked_at            timestamptz NOT NULL,
        PRIMARY KEY (grievance_id, reporter_id)
      )`);
    await queryRunner.query(`CREATE INDEX intake_co_reporters_reporter ON intake_co_reporters (reporter_id)`);
    await queryRunner.query(`
      CREATE TABLE intake_history (
        seq           bigserial   PRIMARY KEY,
        grievance_id  uuid        NOT NULL,
        event_id      uuid        NOT NULL UNIQUE,
        at            timestamptz NOT NULL,
        type          text        NOT NULL,
        actor         jsonb       NOT NULL,
        summary       text        NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX intake_history_grievance ON intake_history (grievance_id, at, event_id)`);
    await queryRunner.query(`
      CREATE TABLE intake_attachments (
        id            uuid PRIMARY KEY,
        owner_id      text        NOT NULL,
        sha256        text        NOT NULL,
        size          integer     NOT NULL,
        content_type  text        NOT NULL,
        metadata      jsonb       NOT NULL DEFAULT '{}'::jsonb,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX intake_attachments_owner ON intake_attachments (owner_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['intake_attachments', 'intake_history', 'intake_co_reporters', 'intake_idempotency_keys', 'intake_tracking_counters', 'intake_grievances']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

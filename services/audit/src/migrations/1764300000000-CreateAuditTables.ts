import { MigrationInterface, QueryRunner } from 'typeorm';

const APPEND_ONLY = ['audit_dossier', 'audit_anchors', 'audit_anchor_heads', 'audit_queries'];

/**
 * The audit service's tables, every one append-only (UPDATE, DELETE and TRUNCATE are
 * refused by triggers):
 * - audit_dossier: every event of every matter as received, each row hashed over its
 *   canonical encoding and the previous row of the same matter (a per-matter chain in
 *   arrival order);
 * - audit_anchors and audit_anchor_heads: periodic roots over all chains' heads, with the
 *   heads that changed since the anchor before, so a deleted matter is detected too;
 * - audit_queries: who looked at what.
 */
export class CreateAuditTables1764300000000 implements MigrationInterface {
  name = 'CreateAuditTables1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_dossier (
        seq           bigserial   PRIMARY KEY,
        event_id      uuid        NOT NULL,
        grievance_id  uuid        NOT NULL,
        chain_index   integer     NOT NULL,
        topic         text        NOT NULL,
        event_type    text        NOT NULL,
        occurred_at   timestamptz NOT NULL,
        actor_id      text        NOT NULL,
        actor_role    text        NOT NULL,
        envelope      jsonb       NOT NULL,
        prev_hash     text        NOT NULL,
        hash          text        NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT audit_dossier_event_once UNIQUE (event_id),
        CONSTRAINT audit_dossier_chain_position UNIQUE (grievance_id, chain_index)
      )`);
    await queryRunner.query(`CREATE INDEX audit_dossier_time ON audit_dossier (occurred_at)`);
    await queryRunner.query(`CREATE INDEX audit_dossier_type_time ON audit_dossier (event_type, occurred_at)`);
    await queryRunner.query(`
      CREATE TABLE audit_anchors (
        id                bigserial   PRIMARY KEY,
        anchored_at       timestamptz NOT NULL,
        reason            text        NOT NULL,
        matters           integer     NOT NULL,
        events            bigint      NOT NULL,
        root_hash         text        NOT NULL,
        prev_anchor_hash  text        NOT NULL,
        anchor_hash       text        NOT NULL,
        CONSTRAINT audit_anchors_reason CHECK (reason IN ('periodic', 'on_demand'))
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_anchor_heads (
        grievance_id  uuid    NOT NULL,
        anchor_id     bigint  NOT NULL REFERENCES audit_anchors (id),
        length        integer NOT NULL,
        head_hash     text    NOT NULL,
        PRIMARY KEY (grievance_id, anchor_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_queries (
        id           uuid        PRIMARY KEY,
        auditor_id   text        NOT NULL,
        role         text        NOT NULL,
        endpoint     text        NOT NULL,
        params       jsonb       NOT NULL,
        queried_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX audit_queries_by_auditor ON audit_queries (auditor_id, queried_at DESC)`);
    await queryRunner.query(`CREATE INDEX audit_queries_time ON audit_queries (queried_at DESC)`);
    // Append-only: a record that could be edited in place proves nothing.
    await queryRunner.query(`
      CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END $$`);
    for (const table of APPEND_ONLY) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION audit_append_only()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_queries`);
    await queryRunner.query(`DROP TABLE audit_anchor_heads`);
    await queryRunner.query(`DROP TABLE audit_anchors`);
    await queryRunner.query(`DROP TABLE audit_dossier`);
    await queryRunner.query(`DROP FUNCTION audit_append_only()`);
  }
}

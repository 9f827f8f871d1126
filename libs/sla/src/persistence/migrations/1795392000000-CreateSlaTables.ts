import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SLA engine's tables, in the database of each service that owns deadlines:
 * - `sla_deadlines`: every deadline is a row, the truth; BullMQ jobs are only its alarm clock.
 * - `sla_policies` and `sla_calendars`: the policy set and calendars as data, edited by admins.
 * - `sla_settings_history`: every change to them, with who made it and why.
 */
export class CreateSlaTables1795392000000 implements MigrationInterface {
  name = 'CreateSlaTables1795392000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sla_deadlines (
        id                uuid             PRIMARY KEY,
        grievance_id      uuid             NOT NULL,
        subject           text             NOT NULL,
        target            text             NOT NULL,
        holder            jsonb            NOT NULL,
        level             text,
        matter            jsonb            NOT NULL,
        chain_id          uuid             NOT NULL,
        previous_id       uuid             REFERENCES sla_deadlines (id),
        policy_id         text             NOT NULL,
        policy_version    integer          NOT NULL,
        budget_ms         bigint           NOT NULL CHECK (budget_ms >= 0),
        warn_share        double precision NOT NULL CHECK (warn_share > 0 AND warn_share <= 1),
        calendar_id       text             NOT NULL,
        time_scale        double precision NOT NULL DEFAULT 1 CHECK (time_scale > 0),
        correlation_id    text             NOT NULL,
        causation_id      text,
        clock_started_at  timestamptz      NOT NULL,
        started_at        timestamptz      NOT NULL,
        running_since     timestamptz,
        consumed_ms       bigint           NOT NULL DEFAULT 0,
        paused_since      timestamptz,
        paused_ms         bigint           NOT NULL DEFAULT 0,
        warn_at           timestamptz,
        due_at            timestamptz,
        next_kind         text             CHECK (next_kind IN ('warn', 'breach')),
        next_fire_at      timestamptz,
        status            text             NOT NULL CHECK (status IN ('running', 'paused', 'breached', 'met', 'late', 'cancelled', 'handed_over')),
        warned_at         timestamptz,
        breached_at       timestamptz,
        closed_at         timestamptz,
        version           integer          NOT NULL DEFAULT 1,
        created_at        timestamptz      NOT NULL DEFAULT now(),
        updated_at        timestamptz      NOT NULL DEFAULT now(),
        CHECK ((next_kind IS NULL) = (next_fire_at IS NULL))
      )`);
    // The alarm clock's one query: "which alarms ring before X" (the horizon sweep, re-arming on start).
    await queryRunner.query(`CREATE INDEX sla_deadlines_next_fire ON sla_deadlines (next_fire_at) WHERE next_fire_at IS NOT NULL`);
    // "Open and due before X" (breach lists, dashboards).
    await queryRunner.query(`CREATE INDEX sla_deadlines_open_due ON sla_deadlines (due_at) WHERE status IN ('running', 'paused', 'breached')`);
    // One open deadline per matter, subject and target: a second start is a conflict, not a duplicate alarm.
    await queryRunner.query(
      `CREATE UNIQUE INDEX sla_deadlines_one_open ON sla_deadlines (grievance_id, subject, target) WHERE status IN ('running', 'paused', 'breached')`,
    );
    await queryRunner.query(`CREATE INDEX sla_deadlines_grievance ON sla_deadlines (grievance_id)`);
    await queryRunner.query(`CREATE INDEX sla_deadlines_chain ON sla_deadlines (chain_id)`);

    for (const table of ['sla_policies', 'sla_calendars']) {
      await queryRunner.query(`
        CREATE TABLE ${table} (
          id          text        PRIMARY KEY,
          version     integer     NOT NULL,
          body        jsonb       NOT NULL,
          updated_at  timestamptz NOT NULL DEFAULT now(),
          updated_by  text        NOT NULL
        )`);
    }
    await queryRunner.query(`
      CREATE TABLE sla_settings_history (
        seq         bigserial   PRIMARY KEY,
        kind        text        NOT NULL CHECK (kind IN ('policy', 'calendar')),
        item_id     text        NOT NULL,
        version     integer     NOT NULL,
        action      text        NOT NULL CHECK (action IN ('seed', 'put', 'retire')),
        body        jsonb,
        changed_by  text        NOT NULL,
        reason      text,
        changed_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX sla_settings_history_item ON sla_settings_history (kind, item_id, seq)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sla_settings_history`);
    await queryRunner.query(`DROP TABLE sla_calendars`);
    await queryRunner.query(`DROP TABLE sla_policies`);
    await queryRunner.query(`DROP TABLE sla_deadlines`);
  }
}

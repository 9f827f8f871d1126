import { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory (org units, departments, categories, routes, fallback owners, worker registrations) and routing's matters. */
export class CreateDirectoryAndMatters1763990000000 implements MigrationInterface {
  name = 'CreateDirectoryAndMatters1763990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory_org_units (
        id          text PRIMARY KEY,
        level       text NOT NULL,
        name        text NOT NULL,
        parent_id   text,
        attributes  jsonb NOT NULL DEFAULT '{}'::jsonb,
        polygon     jsonb,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX directory_org_units_level ON directory_org_units (level)`);
    await queryRunner.query(`CREATE INDEX directory_org_units_parent ON directory_org_units (parent_id)`);
    await queryRunner.query(`
      CREATE TABLE directory_departments (
        code        text PRIMARY KEY,
        name        text NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE directory_categories (
        code                text PRIMARY KEY,
        kind                text NOT NULL,
        name                text NOT NULL,
        default_department  text
      )`);
    await queryRunner.query(`
      CREATE TABLE directory_category_routes (
        category         text NOT NULL,
        district_id      text NOT NULL,
        department_code  text NOT NULL,
        PRIMARY KEY (category, district_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE directory_fallback_owners (
        scope            text PRIMARY KEY,
        department_code  text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE worker_registrations (
        worker_id   text PRIMARY KEY,
        occupation  text NOT NULL,
        platform    text,
        branch_id   text,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE routing_matters (
        grievance_id     uuid PRIMARY KEY,
        tracking_no      text NOT NULL,
        kind             text NOT NULL,
        category         text NOT NULL,
        title            text NOT NULL,
        description      text NOT NULL,
        urgency          text NOT NULL,
        location         jsonb,
        attachment_ids   jsonb NOT NULL DEFAULT '[]'::jsonb,
        reporter_id      text NOT NULL,
        district_id      text,
        grid_id          text,
        department_code  text,
        holder           jsonb NOT NULL,
        status           text NOT NULL,
        fallback         boolean NOT NULL DEFAULT false,
        resolution       text,
        submitted_at     timestamptz NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        version          integer NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX routing_matters_department_inbox ON routing_matters (department_code, status, updated_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing_matters`);
    await queryRunner.query(`DROP TABLE worker_registrations`);
    await queryRunner.query(`DROP TABLE directory_fallback_owners`);
    await queryRunner.query(`DROP TABLE directory_category_routes`);
    await queryRunner.query(`DROP TABLE directory_categories`);
    await queryRunner.query(`DROP TABLE directory_departments`);
    await queryRunner.query(`DROP TABLE directory_org_units`);
  }
}

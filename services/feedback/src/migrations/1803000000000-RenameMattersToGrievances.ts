import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One word for one thing: the grievance (诉求). Renames feedback_grievances and its indexes; the rows, columns
 * and published paths stay as they are. Older migrations keep the old names: they are history.
 */
export class RenameMattersToGrievances1803000000000 implements MigrationInterface {
  name = 'RenameMattersToGrievances1803000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE feedback_matters RENAME TO feedback_grievances`);
    await queryRunner.query(`ALTER INDEX feedback_matters_pkey RENAME TO feedback_grievances_pkey`);
    await queryRunner.query(`ALTER INDEX feedback_matters_resolved_unrated RENAME TO feedback_grievances_resolved_unrated`);
    await queryRunner.query(`ALTER INDEX feedback_waiting_events_matter RENAME TO feedback_waiting_events_grievance`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX feedback_waiting_events_grievance RENAME TO feedback_waiting_events_matter`);
    await queryRunner.query(`ALTER INDEX feedback_grievances_resolved_unrated RENAME TO feedback_matters_resolved_unrated`);
    await queryRunner.query(`ALTER INDEX feedback_grievances_pkey RENAME TO feedback_matters_pkey`);
    await queryRunner.query(`ALTER TABLE feedback_grievances RENAME TO feedback_matters`);
  }
}

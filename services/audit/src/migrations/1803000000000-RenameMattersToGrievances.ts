import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One word for one thing: the grievance (诉求). Renames audit_grievances and its indexes; the rows, columns
 * and published paths stay as they are. Older migrations keep the old names: they are history.
 */
export class RenameMattersToGrievances1803000000000 implements MigrationInterface {
  name = 'RenameMattersToGrievances1803000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_matters RENAME TO audit_grievances`);
    await queryRunner.query(`ALTER INDEX audit_matters_pkey RENAME TO audit_grievances_pkey`);
    await queryRunner.query(`ALTER INDEX audit_matters_submitted RENAME TO audit_grievances_submitted`);
    await queryRunner.query(`ALTER INDEX audit_matters_tracking_no RENAME TO audit_grievances_tracking_no`);
    await queryRunner.query(`ALTER INDEX audit_matters_breached RENAME TO audit_grievances_breached`);
    await queryRunner.query(`ALTER INDEX audit_matters_supervised RENAME TO audit_grievances_supervised`);
    await queryRunner.query(`ALTER INDEX audit_matters_status RENAME TO audit_grievances_status`);
    await queryRunner.query(`ALTER INDEX audit_matters_department_code RENAME TO audit_grievances_department_code`);
    await queryRunner.query(`ALTER INDEX audit_matters_district_id RENAME TO audit_grievances_district_id`);
    await queryRunner.query(`ALTER INDEX audit_matters_category RENAME TO audit_grievances_category`);
    await queryRunner.query(`ALTER INDEX audit_matters_level RENAME TO audit_grievances_level`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX audit_grievances_level RENAME TO audit_matters_level`);
    await queryRunner.query(`ALTER INDEX audit_grievances_category RENAME TO audit_matters_category`);
    await queryRunner.query(`ALTER INDEX audit_grievances_district_id RENAME TO audit_matters_district_id`);
    await queryRunner.query(`ALTER INDEX audit_grievances_department_code RENAME TO audit_matters_department_code`);
    await queryRunner.query(`ALTER INDEX audit_grievances_status RENAME TO audit_matters_status`);
    await queryRunner.query(`ALTER INDEX audit_grievances_supervised RENAME TO audit_matters_supervised`);
    await queryRunner.query(`ALTER INDEX audit_grievances_breached RENAME TO audit_matters_breached`);
    await queryRunner.query(`ALTER INDEX audit_grievances_tracking_no RENAME TO audit_matters_tracking_no`);
    await queryRunner.query(`ALTER INDEX audit_grievances_submitted RENAME TO audit_matters_submitted`);
    await queryRunner.query(`ALTER INDEX audit_grievances_pkey RENAME TO audit_matters_pkey`);
    await queryRunner.query(`ALTER TABLE audit_grievances RENAME TO audit_matters`);
  }
}

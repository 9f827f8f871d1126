import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One word for one thing: the grievance (诉求). Renames routing_grievances and its indexes; the rows, columns
 * and published paths stay as they are. Older migrations keep the old names: they are history.
 */
export class RenameMattersToGrievances1803000000000 implements MigrationInterface {
  name = 'RenameMattersToGrievances1803000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE routing_matters RENAME TO routing_grievances`);
    await queryRunner.query(`ALTER INDEX routing_matters_pkey RENAME TO routing_grievances_pkey`);
    await queryRunner.query(`ALTER INDEX routing_matters_department_inbox RENAME TO routing_grievances_department_inbox`);
    await queryRunner.query(`ALTER INDEX routing_matters_rung_inbox RENAME TO routing_grievances_rung_inbox`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX routing_grievances_rung_inbox RENAME TO routing_matters_rung_inbox`);
    await queryRunner.query(`ALTER INDEX routing_grievances_department_inbox RENAME TO routing_matters_department_inbox`);
    await queryRunner.query(`ALTER INDEX routing_grievances_pkey RENAME TO routing_matters_pkey`);
    await queryRunner.query(`ALTER TABLE routing_grievances RENAME TO routing_matters`);
  }
}

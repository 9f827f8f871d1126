import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_SLA_POLICIES } from '@grievance/sla';

/**
 * The `supervision` SLA policy (督办's follow-up budget) in a database seeded before it was a
 * default: added once, as a seed, when the settings were seeded and no policy of that id ever
 * existed (an admin who removed it since keeps it removed). A new database gets it with the
 * other defaults on first start.
 */
export class SupervisionPolicy1798600000000 implements MigrationInterface {
  name = 'SupervisionPolicy1798600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const policy = DEFAULT_SLA_POLICIES.find((p) => p.id === 'supervision');
    if (!policy) return;
    const [{ seeded, known }] = (await queryRunner.query(
      `SELECT EXISTS (SELECT 1 FROM sla_settings_history) AS seeded,
              EXISTS (SELECT 1 FROM sla_settings_history WHERE kind = 'policy' AND item_id = $1) OR EXISTS (SELECT 1 FROM sla_policies WHERE id = $1) AS known`,
      [policy.id],
    )) as [{ seeded: boolean; known: boolean }];
    if (!seeded || known) return;
    await queryRunner.query(`INSERT INTO sla_policies (id, version, body, updated_by) VALUES ($1, 1, $2, 'system:seed')`, [policy.id, JSON.stringify(policy)]);
    await queryRunner.query(`INSERT INTO sla_settings_history (kind, item_id, version, action, body, changed_by, reason) VALUES ('policy', $1, 1, 'seed', $2, 'system:seed', 'defaults')`, [
      policy.id,
      JSON.stringify(policy),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM sla_policies WHERE id = 'supervision' AND updated_by = 'system:seed'`);
  }
}

import { createTestDatabase, eventually, queryDatabase, TestDatabase } from '@grievance/testing';
import { DataSource, QueryRunner } from 'typeorm';
import { createServiceDataSource } from './data-source';
import { statementName } from './prepared-statements';

describe('prepared statements on the real database', () => {
  let database: TestDatabase;
  const opened: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('prepared');
    await queryDatabase(database.url, `CREATE TABLE grievances (id int PRIMARY KEY, title text NOT NULL)`);
    await queryDatabase(database.url, `INSERT INTO grievances VALUES (1, 'pothole'), (2, 'broken light')`);
  });

  afterAll(async () => {
    await Promise.allSettled(opened.map((d) => d.destroy()));
    await database.drop();
  });

  const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

  async function connection(preparedStatements?: boolean): Promise<QueryRunner> {
    const dataSource = createServiceDataSource({ url: database.url, poolSize: 1, preparedStatements, logger: quiet });
    await dataSource.initialize();
    opened.push(dataSource);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    return runner;
  }

  const preparedOn = async (runner: QueryRunner) =>
    ((await runner.query(`SELECT statement FROM pg_prepared_statements ORDER BY statement`)) as { statement: string }[]).map((r) => r.statement);

  it('prepares each parameterised text once per connection and answers as before', async () => {
    const runner = await connection();
    try {
      expect(await runner.query(`SELECT title FROM grievances WHERE id = $1`, [1])).toEqual([{ title: 'pothole' }]);
      expect(await runner.query(`SELECT title FROM grievances WHERE id = $1`, [2])).toEqual([{ title: 'broken light' }]);
      expect(await runner.query(`SELECT title FROM grievances WHERE id = ANY($1::int[]) ORDER BY id`, [[1, 2]])).toHaveLength(2);
      // Two texts, two statements; the query without parameters is not among them.
      expect(await preparedOn(runner)).toEqual([`SELECT title FROM grievances WHERE id = $1`, `SELECT title FROM grievances WHERE id = ANY($1::int[]) ORDER BY id`]);
    } finally {
      await runner.release();
    }
  });

  it('prepares nothing when turned off', async () => {
    const runner = await connection(false);
    try {
      expect(await runner.query(`SELECT title FROM grievances WHERE id = $1`, [1])).toEqual([{ title: 'pothole' }]);
      expect(await preparedOn(runner)).toEqual([]);
    } finally {
      await runner.release();
    }
  });

  it('after a column is added under a prepared SELECT *, fails that call once and then answers with the new column', async () => {
    const runner = await connection();
    try {
      expect(await runner.query(`SELECT * FROM grievances WHERE id = $1`, [1])).toEqual([{ id: 1, title: 'pothole' }]);
      await queryDatabase(database.url, `ALTER TABLE grievances ADD COLUMN urgency text NOT NULL DEFAULT 'normal'`);
      await expect(runner.query(`SELECT * FROM grievances WHERE id = $1`, [1])).rejects.toThrow(/cached plan must not change result type/);
      expect(await runner.query(`SELECT * FROM grievances WHERE id = $1`, [1])).toEqual([{ id: 1, title: 'pothole', urgency: 'normal' }]);
    } finally {
      await runner.release();
    }
  });

  it('plans a statement again on a new connection once the old one has lived its time, so a table that grew is no longer scanned whole', async () => {
    await queryDatabase(database.url, `CREATE TABLE reports (id int PRIMARY KEY, note text NOT NULL)`);
    await queryDatabase(database.url, `INSERT INTO reports SELECT n, 'seen' FROM generate_series(1, 150) AS n`);
    const dataSource = createServiceDataSource({ url: database.url, poolSize: 1, connectionMaxLifetimeSeconds: 8, logger: quiet });
    await dataSource.initialize();
    opened.push(dataSource);
    // The shape of a batch writer's statement: rows from a JSON parameter joined to the table by key.
    const byIds = `SELECT r.note FROM jsonb_to_recordset($1::jsonb) AS t(id int) JOIN reports r ON r.id = t.id`;
    // Postgres settles on a generic plan after five runs; EXPLAIN EXECUTE shows the plan the connection keeps.
    const keptPlan = async () => {
      for (let run = 0; run < 6; run += 1) await dataSource.query(byIds, [JSON.stringify([{ id: 1 }, { id: 2 }])]);
      return ((await dataSource.query(`EXPLAIN EXECUTE "${statementName(byIds)}"('[{"id": 1}]')`)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
    };

    const backend = async () => ((await dataSource.query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[])[0]!.pid;
    const planner = await backend();

    expect(await keptPlan()).toMatch(/Seq Scan on reports/); // right for a table of 150 rows
    await queryDatabase(database.url, `INSERT INTO reports SELECT n, 'seen' FROM generate_series(151, 200000) AS n`);
    expect(await keptPlan()).toMatch(/Seq Scan on reports/); // the same connection keeps it, nothing ran ANALYZE
    expect(await backend()).toBe(planner);
    // Once its lifetime is over the connection is closed; the next one plans from the table as it is.
    await eventually(backend, (pid) => pid !== planner, { timeoutMs: 20_000, intervalMs: 250, what: 'the connection retired' });
    expect(await keptPlan()).toMatch(/Index (Only )?Scan using reports_pkey/);
  });
});

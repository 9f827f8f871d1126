import { isStalePlan, statementName } from './prepared-statements';

describe('prepared statement names', () => {
  it('gives one text one name, and two texts two names', () => {
    const a = statementName('SELECT 1 WHERE $1::int = 1');
    expect(statementName('SELECT 1 WHERE $1::int = 1')).toBe(a);
    expect(statementName('SELECT 2 WHERE $1::int = 1')).not.toBe(a);
    expect(a).toMatch(/^s[A-Za-z0-9_-]{24}$/);
  });

  it('gives the same text a new name in a new generation (after a stale plan)', () => {
    expect(statementName('SELECT * FROM t WHERE id = $1', 1)).not.toBe(statementName('SELECT * FROM t WHERE id = $1', 0));
  });

  it('knows Postgres refusing a statement whose result columns changed, and nothing else', () => {
    expect(isStalePlan(Object.assign(new Error('cached plan must not change result type'), { code: '0A000' }))).toBe(true);
    expect(isStalePlan(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isStalePlan(undefined)).toBe(false);
  });
});

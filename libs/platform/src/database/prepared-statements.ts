import { createHash } from 'node:crypto';
import { Client } from 'pg';

/**
 * A pg Client that runs every parameterised query as a named prepared statement, so
 * Postgres parses and plans each distinct statement once per connection instead of on every
 * call. A service sends about eighty statements per grievance, nearly all the same few dozen
 * texts; planning them again each time was about half of Postgres's CPU per grievance in the
 * load benchmark (bench/load/README.md).
 *
 * - Only queries with parameters are named: those without (DDL, BEGIN, COMMIT) go as before.
 * - The name is a digest of the text, so one text is one statement on a connection and two
 *   texts never share a name.
 * - Postgres still chooses between a custom and a generic plan per execution (plan_cache_mode
 *   auto), so a statement whose best plan depends on its values keeps getting custom plans.
 * - When a table's columns change under a prepared `SELECT *` (a migration of a newer
 *   release while this one runs), Postgres refuses the statement ("cached plan must not
 *   change result type"). The query fails once (its caller retries, as after any error) and
 *   this connection prepares every statement afresh under new names from then on.
 *
 * Turned off by DATABASE_PREPARED_STATEMENTS=false, e.g. behind a transaction-mode pooler
 * that cannot keep prepared statements.
 */
export class PreparingClient extends Client {
  /** Bumped when a prepared plan went stale: the next statements are prepared again under new names. */
  generation = 0;
}

type Callback = (error: Error | null, result?: unknown) => void;
type QueryFunction = (this: Client, config: unknown, values?: unknown, callback?: unknown) => unknown;

const plainQuery = Client.prototype.query as unknown as QueryFunction;
const names = new Map<string, string>();

/** The statement name of a query text (cached: the same few dozen texts come again and again). */
export function statementName(text: string, generation = 0): string {
  const key = generation === 0 ? text : `${generation}\u0000${text}`;
  let name = names.get(key);
  if (name === undefined) {
    name = `s${createHash('sha256').update(key).digest('base64url').slice(0, 24)}`;
    // Texts are the code's own, so this stays small; a bound guards against generated SQL.
    if (names.size > 10_000) names.clear();
    names.set(key, name);
  }
  return name;
}

/** Postgres's refusal of a prepared statement whose result columns changed since it was prepared. */
export function isStalePlan(error: unknown): boolean {
  return (error as { code?: string })?.code === '0A000' && /cached plan must not change result type/.test(String((error as Error).message));
}

function preparedQuery(this: PreparingClient, config: unknown, values?: unknown, callback?: unknown): unknown {
  if (typeof config !== 'string' || !Array.isArray(values) || values.length === 0) return plainQuery.call(this, config, values, callback);
  const named = { text: config, name: statementName(config, this.generation) };
  const onError = (error: unknown) => {
    if (isStalePlan(error)) this.generation += 1;
  };
  if (typeof callback === 'function') {
    return plainQuery.call(this, named, values, ((error, result) => {
      if (error) onError(error);
      (callback as Callback)(error, result);
    }) as Callback);
  }
  return (plainQuery.call(this, named, values) as Promise<unknown>).catch((error: unknown) => {
    onError(error);
    throw error;
  });
}

Object.defineProperty(PreparingClient.prototype, 'query', { value: preparedQuery, writable: true, configurable: true });

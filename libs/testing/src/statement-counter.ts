import { PreparingClient } from '@grievance/platform';
import { Client } from 'pg';

/** One consumer transaction as the database saw it: its statements, BEGIN and COMMIT included. */
export interface CountedTransaction {
  statements: string[];
}

/**
 * Counts the SQL statements that this process sends to one database, through the pg client
 * (what pg_stat_statements would count, without needing it loaded): every statement of every
 * pooled connection, grouped into transactions. `consumerTransactions()` keeps the
 * transactions that recorded events in an inbox (an event consumer's), so a relay's poll or
 * a scheduler running beside them does not blur the figure.
 */
export class StatementCounter {
  private readonly open = new Map<object, string[]>();
  private readonly done: CountedTransaction[] = [];
  /** The clients' query methods as they were: the plain pg client's and the services' (named prepared statements). */
  private readonly originals = [Client.prototype, PreparingClient.prototype].map((prototype) => ({ prototype, query: prototype.query }));

  private constructor(private readonly database: string) {}

  static start(databaseUrl: string): StatementCounter {
    const counter = new StatementCounter(new URL(databaseUrl).pathname.slice(1));
    counter.install();
    return counter;
  }

  private install(): void {
    const record = (client: object, query: unknown) => this.record(client, query);
    const database = this.database;
    for (const { prototype, query } of this.originals) {
      const counted = function (this: Client & { connectionParameters?: { database?: string } }, ...args: unknown[]) {
        // A PreparingClient passes its queries on to the plain client's method: count them once.
        if (this.connectionParameters?.database === database && (prototype !== Client.prototype || !(this instanceof PreparingClient))) {
          record(this, args[0]);
        }
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      };
      Object.defineProperty(prototype, 'query', { value: counted, writable: true, configurable: true });
    }
  }

  private record(connection: object, query: unknown): void {
    const text = (typeof query === 'string' ? query : String((query as { text?: string })?.text ?? '')).trim();
    const verb = text.split(/\s+/, 2).join(' ').toUpperCase();
    if (verb === 'START TRANSACTION' || verb.startsWith('BEGIN')) {
      this.open.set(connection, [text]);
      return;
    }
    const tx = this.open.get(connection);
    if (!tx) return; // outside a transaction: not a consumer's
    tx.push(text);
    if (verb.startsWith('COMMIT') || verb.startsWith('ROLLBACK')) {
      this.open.delete(connection);
      this.done.push({ statements: tx });
    }
  }

  /** The committed or rolled-back transactions that wrote to an inbox, since start or the last reset. */
  consumerTransactions(): CountedTransaction[] {
    return this.transactionsWith(/INSERT INTO messaging_inbox/i);
  }

  /** The transactions with a statement matching `pattern` (an outbox relay's rounds: /messaging_outbox_relay|pg_try_advisory_xact_lock/). */
  transactionsWith(pattern: RegExp): CountedTransaction[] {
    return this.done.filter((t) => t.statements.some((s) => pattern.test(s)));
  }

  /** Statements of those transactions, BEGIN and COMMIT included. */
  consumerStatements(): number {
    return this.consumerTransactions().reduce((sum, t) => sum + t.statements.length, 0);
  }

  reset(): void {
    this.done.length = 0;
  }

  stop(): void {
    for (const { prototype, query } of this.originals) Object.defineProperty(prototype, 'query', { value: query, writable: true, configurable: true });
  }
}

/**
 * What the benchmark samples while it runs: CPU and memory of each process (from /proc),
 * consumer lag of each service's group, and each service's outbox backlog.
 */
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { KafkaConnection } from '@grievance/messaging';
import { round, sleep } from '../sla/stats';
import { CONSUMER_GROUPS } from './system';

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** user+system CPU seconds and resident memory of one pid; undefined when it has gone. */
function procStat(pid: number): { cpuSeconds: number; rssBytes: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    const rssPages = Number(fields[21]);
    return { cpuSeconds: ticks / CLOCK_TICKS, rssBytes: rssPages * 4096 };
  } catch {
    return undefined;
  }
}

/** user+system CPU seconds of these processes together, so far (those gone count nothing). */
export function cpuSecondsOf(pids: number[]): number {
  return pids.reduce((total, pid) => total + (procStat(pid)?.cpuSeconds ?? 0), 0);
}

/** The pids of processes whose command name is `name` (e.g. every postgres backend). */
export function pidsNamed(name: string): number[] {
  try {
    return execFileSync('pgrep', ['-x', name], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A process's command line; empty when it has gone (another user's process may end between pgrep and the read). */
export function commandLineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Busy jiffies and all jiffies of the whole machine (every core), from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

export interface ProcessSample {
  /** CPU used since the previous sample, as a share of one core (1 = one core fully busy). */
  cpu: number;
  rssMb: number;
  /** CPU seconds used since the previous sample (cpu × the sample's length). */
  cpuSeconds: number;
}

export interface ProcessSummary {
  /** Mean share of one core over the samples. */
  cpuMean: number;
  cpuMax: number;
  rssMaxMb: number;
  /** CPU seconds used over the samples (user + system). */
  cpuSeconds: number;
}

/** Samples CPU and memory of named groups of processes; each group is a function returning its pids now. */
export class ProcessSampler {
  private last = new Map<string, { at: number; cpu: number }>();
  private lastMachine = machineTicks();
  private lastMachineAt?: number;
  readonly samples: Record<string, ProcessSample[]> = {};

  constructor(private readonly groups: Record<string, () => number[]>) {}

  sample(): Record<string, ProcessSample> {
    const now = Date.now();
    const out: Record<string, ProcessSample> = {};
    for (const [name, pids] of Object.entries(this.groups)) {
      let cpu = 0;
      let rss = 0;
      for (const pid of pids()) {
        const s = procStat(pid);
        if (!s) continue;
        cpu += s.cpuSeconds;
        rss += s.rssBytes;
      }
      const prev = this.last.get(name);
      this.last.set(name, { at: now, cpu });
      if (!prev) continue;
      const used = Math.max(0, cpu - prev.cpu);
      const share = used / ((now - prev.at) / 1000);
      const sample = { cpu: Math.round(share * 100) / 100, rssMb: Math.round(rss / 1024 / 1024), cpuSeconds: used };
      (this.samples[name] ??= []).push(sample);
      out[name] = sample;
    }
    // The whole machine, in cores busy: what is not ours above is someone else's load.
    const machine = machineTicks();
    const share = (machine.busy - this.lastMachine.busy) / Math.max(1, machine.total - this.lastMachine.total);
    this.lastMachine = machine;
    const seconds = (now - (this.lastMachineAt ?? now)) / 1000;
    this.lastMachineAt = now;
    const sample = { cpu: Math.round(share * cpus().length * 100) / 100, rssMb: 0, cpuSeconds: share * cpus().length * seconds };
    (this.samples['machine (all cores)'] ??= []).push(sample);
    out['machine (all cores)'] = sample;
    return out;
  }

  /** Mean CPU and peak memory per group since `from` (an index into each group's samples), then resets nothing. */
  summary(from: Record<string, number> = {}): Record<string, ProcessSummary> {
    const out: Record<string, ProcessSummary> = {};
    for (const [name, list] of Object.entries(this.samples)) {
      const part = list.slice(from[name] ?? 0);
      if (part.length === 0) continue;
      out[name] = {
        cpuMean: Math.round((part.reduce((s, x) => s + x.cpu, 0) / part.length) * 100) / 100,
        cpuMax: Math.max(...part.map((x) => x.cpu)),
        rssMaxMb: Math.max(...part.map((x) => x.rssMb)),
        cpuSeconds: Math.round(part.reduce((s, x) => s + x.cpuSeconds, 0) * 1000) / 1000,
      };
    }
    return out;
  }

  mark(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.samples).map(([k, v]) => [k, v.length]));
  }
}

/** Consumer lag (messages not yet committed) of each service's group, summed over its topics. */
export class LagProbe {
  private admin?: ReturnType<KafkaConnection['kafka']['admin']>;

  constructor(private readonly kafka: KafkaConnection) {}

  async lag(): Promise<Record<string, number>> {
    if (!this.admin) {
      this.admin = this.kafka.kafka.admin();
      await this.admin.connect();
    }
    const admin = this.admin;
    const out: Record<string, number> = {};
    const highs = new Map<string, Map<number, bigint>>();
    const high = async (topic: string) => {
      let map = highs.get(topic);
      if (!map) {
        map = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
        highs.set(topic, map);
      }
      return map;
    };
    for (const [service, groups] of Object.entries(CONSUMER_GROUPS)) {
      let lag = 0n;
      for (const group of groups) {
        const committed = await admin.fetchOffsets({ groupId: this.kafka.topic(group) });
        for (const { topic, partitions } of committed) {
          if (topic.endsWith('.dlq')) continue;
          const highs = await high(topic);
          for (const p of partitions) {
            const h = highs.get(p.partition) ?? 0n;
            const c = BigInt(p.offset) < 0n ? 0n : BigInt(p.offset);
            if (h > c) lag += h - c;
          }
        }
      }
      out[service] = Number(lag);
    }
    return out;
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }
}

/** What a database has done, from Postgres's own counters (pg_stat_database). */
export interface DatabaseWork {
  /** Transactions committed and rolled back, less the probe's own. */
  transactions: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsDeleted: number;
  /** Rows read by index and sequential scans. */
  rowsRead: number;
  /** Events this service produced (rows written to its outbox). */
  eventsPublished: number;
  /** Events its consumer groups applied (rows written to its inbox, one per event and group). */
  eventsApplied: number;
}

/** Each service's outbox backlog, and the work its database does (one connection per database). */
export class BacklogProbe {
  private clients = new Map<string, Client>();
  /** Statements the probe itself ran per service (each is a transaction of its own). */
  private own = new Map<string, number>();

  constructor(private readonly urls: Record<string, string>) {}

  async backlog(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const service of Object.keys(this.urls)) {
      try {
        const { rows } = await this.query(service, `SELECT count(*)::int AS n FROM messaging_outbox WHERE published_at IS NULL`);
        out[service] = (rows[0] as { n: number }).n;
      } catch {
        this.clients.delete(service);
        out[service] = -1;
      }
    }
    return out;
  }

  /** Each database's counters so far; `workBetween` turns two readings into what happened between them. */
  async work(): Promise<Record<string, DatabaseWork>> {
    const out: Record<string, DatabaseWork> = {};
    for (const service of Object.keys(this.urls)) {
      const own = this.own.get(service) ?? 0;
      const { rows } = await this.query(
        service,
        `SELECT (xact_commit + xact_rollback)::float8 AS transactions, tup_inserted::float8 AS "rowsInserted", tup_updated::float8 AS "rowsUpdated",
                tup_deleted::float8 AS "rowsDeleted", (tup_fetched + tup_returned)::float8 AS "rowsRead"
           FROM pg_stat_database WHERE datname = current_database()`,
      );
      const events = await this.query(
        service,
        `SELECT coalesce(sum(n_tup_ins) FILTER (WHERE relname = 'messaging_outbox'), 0)::float8 AS "eventsPublished",
                coalesce(sum(n_tup_ins) FILTER (WHERE relname = 'messaging_inbox'), 0)::float8 AS "eventsApplied"
           FROM pg_stat_user_tables`,
      );
      const row = { ...(rows[0] as DatabaseWork), ...(events.rows[0] as Pick<DatabaseWork, 'eventsPublished' | 'eventsApplied'>) };
      out[service] = { ...row, transactions: row.transactions - own };
    }
    return out;
  }

  private async query(service: string, sql: string) {
    let client = this.clients.get(service);
    if (!client) {
      client = new Client({ connectionString: this.urls[service] });
      client.on('error', () => this.clients.delete(service));
      await client.connect();
      this.clients.set(service, client);
    }
    this.own.set(service, (this.own.get(service) ?? 0) + 1);
    return client.query(sql);
  }

  async close(): Promise<void> {
    for (const client of this.clients.values()) await client.end().catch(() => undefined);
    this.clients.clear();
  }
}

/** Per grievance: what each database did between two readings of `BacklogProbe.work`. */
export function workPerGrievance(before: Record<string, DatabaseWork>, after: Record<string, DatabaseWork>, grievances: number): Record<string, DatabaseWork> {
  const out: Record<string, DatabaseWork> = {};
  if (grievances === 0) return out;
  for (const [service, end] of Object.entries(after)) {
    const start = before[service];
    if (!start) continue;
    const per = (key: keyof DatabaseWork) => Math.round(((end[key] - start[key]) / grievances) * 10) / 10;
    out[service] = {
      transactions: per('transactions'),
      rowsInserted: per('rowsInserted'),
      rowsUpdated: per('rowsUpdated'),
      rowsDeleted: per('rowsDeleted'),
      rowsRead: per('rowsRead'),
      eventsPublished: per('eventsPublished'),
      eventsApplied: per('eventsApplied'),
    };
  }
  return out;
}

/** What the processes used over a step: CPU and memory per group, and CPU per grievance (`stack`: services, broker, Postgres, Redis). */
export interface StackUse {
  processes: Record<string, ProcessSummary>;
  /** CPU milliseconds per accepted grievance, per process group and for the whole stack. */
  cpuPerGrievanceMs: Record<string, number>;
}

/** The sum of a record's values, negatives (a probe that failed) left out. */
export const sum = (r: Record<string, number>): number => Object.values(r).reduce((s, x) => s + Math.max(0, x), 0);

/** Each key's largest value over a list of readings. */
export const maxOf = (list: Record<string, number>[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of list) for (const [k, v] of Object.entries(r)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
};

/** The groups that make up the stack (everything but the benchmark itself and the machine's total). */
export const NOT_STACK = new Set(['bench', 'machine (all cores)']);

/** CPU milliseconds per grievance of each process group, and `stack`, the sum of the groups that make up the stack. */
export function cpuPerGrievance(processes: Record<string, ProcessSummary>, grievances: number): Record<string, number> {
  if (grievances === 0) return {};
  const out: Record<string, number> = {};
  let stack = 0;
  for (const [name, p] of Object.entries(processes)) {
    out[name] = round((p.cpuSeconds * 1000) / grievances);
    if (!NOT_STACK.has(name)) stack += p.cpuSeconds;
  }
  out.stack = round((stack * 1000) / grievances);
  return out;
}

/** Once a second while a step runs: CPU and memory of every process, each group's lag and each outbox's backlog. */
export function sampleWhileRunning(sampler: ProcessSampler, lag: LagProbe, backlog: BacklogProbe): { lags: Record<string, number>[]; backlogs: Record<string, number>[]; stop(): Promise<void> } {
  const lags: Record<string, number>[] = [];
  const backlogs: Record<string, number>[] = [];
  let sampling = true;
  const loop = (async () => {
    while (sampling) {
      const started = Date.now();
      sampler.sample();
      lags.push(await lag.lag().catch(() => ({})));
      backlogs.push(await backlog.backlog());
      await sleep(1000 - (Date.now() - started));
    }
  })();
  return {
    lags,
    backlogs,
    async stop() {
      sampling = false;
      await loop;
    },
  };
}

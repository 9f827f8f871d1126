/**
 * What the benchmark samples while it runs: CPU and memory of each process (from /proc),
 * consumer lag of each service's group, and each service's outbox backlog.
 */
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { KafkaConnection } from '@grievance/messaging';
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

/** The pids of processes whose command name is `name` (e.g. every postgres backend). */
export function pidsNamed(name: string): number[] {
  try {
    return execFileSync('pgrep', ['-x', name], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
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
}

/** Samples CPU and memory of named groups of processes; each group is a function returning its pids now. */
export class ProcessSampler {
  private last = new Map<string, { at: number; cpu: number }>();
  private lastMachine = machineTicks();
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
      const share = Math.max(0, (cpu - prev.cpu) / ((now - prev.at) / 1000));
      const sample = { cpu: Math.round(share * 100) / 100, rssMb: Math.round(rss / 1024 / 1024) };
      (this.samples[name] ??= []).push(sample);
      out[name] = sample;
    }
    // The whole machine, in cores busy: what is not ours above is someone else's load.
    const machine = machineTicks();
    const share = (machine.busy - this.lastMachine.busy) / Math.max(1, machine.total - this.lastMachine.total);
    this.lastMachine = machine;
    const sample = { cpu: Math.round(share * cpus().length * 100) / 100, rssMb: 0 };
    (this.samples['machine (all cores)'] ??= []).push(sample);
    out['machine (all cores)'] = sample;
    return out;
  }

  /** Mean CPU and peak memory per group since `from` (an index into each group's samples), then resets nothing. */
  summary(from: Record<string, number> = {}): Record<string, { cpuMean: number; cpuMax: number; rssMaxMb: number }> {
    const out: Record<string, { cpuMean: number; cpuMax: number; rssMaxMb: number }> = {};
    for (const [name, list] of Object.entries(this.samples)) {
      const part = list.slice(from[name] ?? 0);
      if (part.length === 0) continue;
      out[name] = {
        cpuMean: Math.round((part.reduce((s, x) => s + x.cpu, 0) / part.length) * 100) / 100,
        cpuMax: Math.max(...part.map((x) => x.cpu)),
        rssMaxMb: Math.max(...part.map((x) => x.rssMb)),
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
    for (const [service, group] of Object.entries(CONSUMER_GROUPS)) {
      const committed = await admin.fetchOffsets({ groupId: this.kafka.topic(group) });
      let lag = 0n;
      for (const { topic, partitions } of committed) {
        if (topic.endsWith('.dlq')) continue;
        const highs = await high(topic);
        for (const p of partitions) {
          const h = highs.get(p.partition) ?? 0n;
          const c = BigInt(p.offset) < 0n ? 0n : BigInt(p.offset);
          if (h > c) lag += h - c;
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

/** Outbox rows not yet published, per service database. */
export class BacklogProbe {
  private clients = new Map<string, Client>();

  constructor(private readonly urls: Record<string, string>) {}

  async backlog(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [service, url] of Object.entries(this.urls)) {
      try {
        let client = this.clients.get(service);
        if (!client) {
          client = new Client({ connectionString: url });
          client.on('error', () => this.clients.delete(service));
          await client.connect();
          this.clients.set(service, client);
        }
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM messaging_outbox WHERE published_at IS NULL`);
        out[service] = (rows[0] as { n: number }).n;
      } catch {
        this.clients.delete(service);
        out[service] = -1;
      }
    }
    return out;
  }

  async close(): Promise<void> {
    for (const client of this.clients.values()) await client.end().catch(() => undefined);
    this.clients.clear();
  }
}

/**
 * S4: the whole hazard loop and the appeal chain at an arrival rate (50/s by default).
 *
 * Riders submit hazards (and, one in `appealEvery`, appeals as riders registered with a
 * branch of the demo city) at a fixed arrival rate; every grievance is then played to its end
 * through the public HTTP APIs: the grid worker it was dispatched to sees it, accepts it and
 * confirms it on site; the department it is assigned to sees it in its inbox, accepts and
 * resolves it; the rider sees it resolved, rates it satisfied and sees it closed. Nobody
 * answers an appeal: its liaison member sees it and lets the (compressed) deadline pass, and
 * the branch sees it once it is escalated.
 *
 * Each hop is timed from the event that hands the grievance over (its envelope's occurredAt)
 * to the next holder's own read showing it; the goal is p99 ≤ 100 ms for each hop.
 */
import { round, table } from '../sla/stats';
import { ActorError, Actors } from './actors';
import { appeal, hazardReport, Latency, LatencySummary, nowMs, openLoop, postJson } from './generator';
import { firstSeen, HandOverWatcher, HopLatency, HopSummary } from './hops';
import { BacklogProbe, cpuPerGrievance, LagProbe, maxOf, ProcessSampler, sampleWhileRunning, StackUse, sum } from './probes';
import { BenchSystem } from './system';

/** The branch the appealing riders are registered with (deploy/seed/demo-city/chain-units.csv). */
export const S4_BRANCH = 'br-delivery-meituan-xiangyun';
export const S4_GOAL_P99_MS = 100;

const TOPICS = {
  dispatched: 'ticket.dispatched.v1',
  assigned: 'grievance.assigned.v1',
  resolved: 'grievance.resolved.v1',
  closed: 'grievance.closed.v1',
  routed: 'grievance.routed.v1',
  escalated: 'grievance.escalated.v1',
} as const;

/** The hops, in the order a grievance passes them. */
export const S4_HOPS = {
  dispatched: "ticket.dispatched → in the grid worker's tickets",
  assigned: "grievance.assigned → in the department's inbox",
  resolved: 'grievance.resolved → resolved in the rider’s view',
  closed: 'grievance.closed → closed in the rider’s view',
  routed: "grievance.routed (appeal) → in the member's inbox",
  escalated: "grievance.escalated (by the SLA) → in the branch's inbox",
} as const;

export interface S4Options {
  rate: number;
  seconds: number;
  /** One submission in this many is an appeal. */
  appealEvery: number;
  /** The liaison member's budget to answer an appeal, for the run (the appeal.member policy, calendar time). */
  appealRespondMs: number;
  /** How long any one step of a grievance may take before the grievance counts as stuck. */
  stepTimeoutMs: number;
  /** Riders of the hazard reports, by index (the run's tokens). */
  riders: number;
  log: (line: string) => void;
}

export interface S4Probes {
  system: BenchSystem;
  sampler: ProcessSampler;
  lag: LagProbe;
  backlog: BacklogProbe;
}

/** How far each grievance got. */
export interface S4Counts {
  submitted: number;
  refused: number;
  hazards: number;
  dispatched: number;
  accepted: number;
  verified: number;
  assigned: number;
  departmentAccepted: number;
  resolved: number;
  rated: number;
  closed: number;
  appeals: number;
  routedToMember: number;
  /** Appeals that climbed before their member's read showed them (the member's hop slower than the budget). */
  memberMissed: number;
  escalated: number;
  /** 503 busy answers to the actors' reads and actions, waited out and asked again. */
  busyAnswers: number;
}

export interface S4Result extends StackUse {
  rate: number;
  seconds: number;
  appealEvery: number;
  appealRespondMs: number;
  counts: S4Counts;
  /** Submissions intake refused (not grievances, so not followed), by answer. */
  refusals: Record<string, number>;
  /** Grievances that did not reach their end: id, kind, the step they stopped at and why. */
  stuck: { id: string; kind: 'hazard' | 'appeal'; step: string; why: string }[];
  hops: Record<string, HopSummary>;
  /** The appeal's escalation after its member's deadline (routed + budget → escalated), ms. */
  escalationAfterDeadline: LatencySummary;
  goalP99Ms: number;
  /** Whether every hop's p99 is within the goal. */
  met: boolean;
  scheduledToAnswered: LatencySummary;
  lag: { max: Record<string, number>; after: Record<string, number> };
  outboxBacklog: { max: Record<string, number>; after: Record<string, number> };
}

const emptyCounts = (): S4Counts => ({
  submitted: 0,
  refused: 0,
  hazards: 0,
  dispatched: 0,
  accepted: 0,
  verified: 0,
  assigned: 0,
  departmentAccepted: 0,
  resolved: 0,
  rated: 0,
  closed: 0,
  appeals: 0,
  routedToMember: 0,
  memberMissed: 0,
  escalated: 0,
  busyAnswers: 0,
});

/** Sets the run's compressed appeal budget and registers the appealing riders; then plays S4 and reports it. */
export async function runS4(probes: S4Probes, options: S4Options): Promise<S4Result> {
  const { system } = probes;
  const { log } = options;
  const actors = new Actors((service) => system.url(service));
  const watcher = new HandOverWatcher(system.kafka, Object.values(TOPICS));
  await watcher.start();
  try {
    // The member's deadline, compressed for the run as an operator would change it; the branch keeps its own (the appeal stops there).
    await actors.putSlaPolicy('appeal.member', {
      match: { kind: 'appeal', stage: 'member' },
      targets: { respond: options.appealRespondMs, resolve: 'P1D' },
      calendar: 'calendar',
      reason: 'load benchmark S4: the member lets the deadline pass',
    });
    // Few enough appeals each to stay under intake's per-caller limit (20 a minute) with their
    // retries: ten each in a 30 s run was the limit itself, and a busy intake's 503s, retried, went past it.
    const appealCount = Math.ceil((options.rate * options.seconds) / options.appealEvery);
    const appealRiders = Array.from({ length: Math.max(5, Math.ceil(appealCount / 4)) }, (_, i) => actors.rider(`bench-s4-appeal-rider-${i}`));
    for (const rider of appealRiders) await actors.register(rider, 'rider', S4_BRANCH);
    const hazardRiders = Array.from({ length: options.riders }, (_, i) => actors.rider(`bench-s4-rider-${i}`));

    const counts = emptyCounts();
    const hops = new HopLatency();
    const lateness = new Latency();
    const stuck: S4Result['stuck'] = [];
    const refusals: Record<string, number> = {};
    const lifecycles: Promise<void>[] = [];
    const timeout = options.stepTimeoutMs;

    /** A hazard from dispatch to closed; `step` names where it is, for the stuck list. */
    const hazardLoop = async (id: string, rider: ReturnType<Actors['rider']>, location: { lat: number; lng: number }) => {
      let step = 'dispatch';
      try {
        const dispatched = await watcher.next<{ ticketId: string; gridId: string; gridWorkerId: string }>(TOPICS.dispatched, id, timeout);
        counts.dispatched += 1;
        const worker = actors.gridWorker(dispatched.payload.gridWorkerId, dispatched.payload.gridId);
        step = 'in the grid worker’s tickets';
        hops.record(S4_HOPS.dispatched, dispatched, await firstSeen(() => actors.hasTicket(worker, dispatched.payload.ticketId), step, timeout));
        step = 'grid worker accepts';
        await actors.acceptTicket(worker, dispatched.payload.ticketId);
        counts.accepted += 1;
        step = 'grid worker verifies';
        await actors.confirmOnSite(worker, dispatched.payload.ticketId, location);
        counts.verified += 1;
        step = 'assigned to a department';
        const assigned = await watcher.next<{ departmentCode: string }>(TOPICS.assigned, id, timeout);
        counts.assigned += 1;
        const department = actors.department(assigned.payload.departmentCode);
        step = 'in the department’s inbox';
        hops.record(S4_HOPS.assigned, assigned, await firstSeen(() => actors.inInbox(department, id), step, timeout));
        step = 'department accepts';
        await actors.acceptGrievance(department, id);
        counts.departmentAccepted += 1;
        step = 'department resolves';
        await actors.resolveGrievance(department, id);
        counts.resolved += 1;
        step = 'grievance.resolved';
        const resolved = await watcher.next(TOPICS.resolved, id, timeout);
        step = 'resolved in the rider’s view';
        hops.record(S4_HOPS.resolved, resolved, await firstSeen(async () => (await actors.statusOf(rider, id)) === 'resolved', step, timeout));
        step = 'rider rates';
        // feedback takes the rating once it has read the resolution (a 404 or 409 until then).
        let rating = await actors.rate(rider, id, 'satisfied');
        const rateUntil = nowMs() + timeout;
        while ((rating.status === 404 || rating.status === 409) && nowMs() < rateUntil) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          rating = await actors.rate(rider, id, 'satisfied');
        }
        if (rating.status !== 201 && rating.status !== 200) throw new ActorError('rate', rating);
        counts.rated += 1;
        step = 'grievance.closed';
        const closed = await watcher.next(TOPICS.closed, id, timeout);
        step = 'closed in the rider’s view';
        hops.record(S4_HOPS.closed, closed, await firstSeen(async () => (await actors.statusOf(rider, id)) === 'closed', step, timeout));
        counts.closed += 1;
      } catch (error) {
        stuck.push({ id, kind: 'hazard', step, why: (error as Error).message });
      }
    };

    /** An appeal nobody answers: the member sees it, the deadline passes, the branch sees it. */
    const appealChain = async (id: string) => {
      let step = 'routed to a member';
      try {
        const routed = await watcher.next<{ holder: { id: string; level?: string } }>(TOPICS.routed, id, timeout);
        const member = actors.rung('member', routed.payload.holder.id);
        step = 'in the member’s inbox';
        const escalation = watcher.next<{ toHolder: { id: string }; toLevel: string; automatic: boolean }>(TOPICS.escalated, id, timeout + options.appealRespondMs);
        let climbed = false;
        escalation.then(
          () => (climbed = true),
          () => undefined, // awaited below
        );
        // The member's read races the deadline: once the appeal has climbed, the member never sees it.
        const seen = await firstSeen(() => actors.inInbox(member, id), step, timeout, () => climbed);
        if (seen === undefined) counts.memberMissed += 1;
        else {
          hops.record(S4_HOPS.routed, routed, seen);
          counts.routedToMember += 1;
        }
        step = 'escalated by the SLA';
        const escalated = await escalation;
        if (!escalated.payload.automatic) throw new Error(`escalated, but not by the deadline: ${JSON.stringify(escalated.payload)}`);
        lateness.record(escalated.occurredAt - (routed.occurredAt + options.appealRespondMs));
        const branch = actors.rung(escalated.payload.toLevel, escalated.payload.toHolder.id);
        step = 'in the branch’s inbox';
        hops.record(S4_HOPS.escalated, escalated, await firstSeen(() => actors.inInbox(branch, id), step, timeout));
        counts.escalated += 1;
      } catch (error) {
        stuck.push({ id, kind: 'appeal', step, why: (error as Error).message });
      }
    };

    const mark = probes.sampler.mark();
    const sampling = sampleWhileRunning(probes.sampler, probes.lag, probes.backlog);
    const intake = `${system.url('intake')}/v1/grievances`;
    log(`  sending ${Math.round(options.rate * options.seconds)} grievances at ${options.rate}/s (one in ${options.appealEvery} an appeal; the member's budget ${options.appealRespondMs} ms)…`);
    const sent = await openLoop(options.rate, options.seconds, async (i) => {
      const isAppeal = i % options.appealEvery === options.appealEvery - 1;
      const rider = isAppeal ? appealRiders[i % appealRiders.length]! : hazardRiders[i % hazardRiders.length]!;
      const body = isAppeal ? appeal(i) : hazardReport(i);
      const answer = await postJson(intake, await actors.tokens.of(rider), body);
      counts.submitted += 1;
      if (answer.status !== 201) {
        // Not a grievance: intake refused it (a 503 when it sheds load: the arrival rate was not sustained).
        counts.refused += 1;
        const why = `HTTP ${answer.status} ${answer.body.slice(0, 120)}`;
        refusals[why] = (refusals[why] ?? 0) + 1;
        return answer;
      }
      const id = (JSON.parse(answer.body) as { id: string }).id;
      if (isAppeal) {
        counts.appeals += 1;
        lifecycles.push(appealChain(id));
      } else {
        counts.hazards += 1;
        const location = body.location as { lat: number; lng: number };
        lifecycles.push(hazardLoop(id, rider, location));
      }
      return answer;
    });
    const answered = new Latency();
    for (const s of sent) answered.record(s.answeredAt! - s.scheduledAt);
    log(`  sent; waiting for every grievance to reach its end (each step at most ${timeout / 1000} s)…`);
    await Promise.all(lifecycles);
    await sampling.stop();
    const processes = probes.sampler.summary(mark);
    const grievances = counts.submitted - counts.refused;
    counts.busyAnswers = actors.busyAnswers;
    const hopSummary = hops.summary(Object.values(S4_HOPS));
    const met = Object.values(S4_HOPS).every((name) => (hopSummary[name]?.toHolder.p99 ?? Infinity) <= S4_GOAL_P99_MS);
    return {
      rate: options.rate,
      seconds: options.seconds,
      appealEvery: options.appealEvery,
      appealRespondMs: options.appealRespondMs,
      counts,
      refusals,
      stuck,
      hops: hopSummary,
      escalationAfterDeadline: lateness.summary(),
      goalP99Ms: S4_GOAL_P99_MS,
      met,
      scheduledToAnswered: answered.summary(),
      processes,
      cpuPerGrievanceMs: cpuPerGrievance(processes, grievances),
      lag: { max: maxOf(sampling.lags), after: sampling.lags.at(-1) ?? {} },
      outboxBacklog: { max: maxOf(sampling.backlogs), after: sampling.backlogs.at(-1) ?? {} },
    };
  } finally {
    await watcher.stop();
  }
}

/** Every grievance (every submission intake accepted) at its end: submitted = dispatched = accepted = verified = resolved = rated = closed for hazards, every appeal escalated. */
export function s4Complete(result: S4Result): boolean {
  const c = result.counts;
  const hazardSteps = [c.dispatched, c.accepted, c.verified, c.assigned, c.departmentAccepted, c.resolved, c.rated, c.closed];
  return result.stuck.length === 0 && hazardSteps.every((n) => n === c.hazards) && c.routedToMember + c.memberMissed === c.appeals && c.escalated === c.appeals;
}

/** The counts, each hop against the goal, CPU per grievance, lag and backlog, as printed after the run. */
export function s4Report(result: S4Result): string {
  const c = result.counts;
  const lines = [
    table(
      ['hazards', 'submitted', 'dispatched', 'accepted', 'verified', 'assigned', 'dept accepted', 'resolved', 'rated', 'closed'],
      [[c.hazards, c.hazards, c.dispatched, c.accepted, c.verified, c.assigned, c.departmentAccepted, c.resolved, c.rated, c.closed]],
    ),
    table(['appeals', 'submitted', 'in the member’s inbox', 'climbed before the member saw it', 'escalated (SLA)'], [[c.appeals, c.appeals, c.routedToMember, c.memberMissed, c.escalated]]),
    `  stuck: ${result.stuck.length}; refused at submission (not grievances): ${c.refused}${c.refused ? ` ${JSON.stringify(result.refusals)}` : ''}; 503 busy answers to the actors, waited out: ${c.busyAnswers}`,
    table(
      ['hop: hand-over event → the next holder sees it', 'n', 'p50 ms', 'p99 ms', 'max ms', 'on topic p99', `goal p99 ≤ ${result.goalP99Ms}`],
      Object.entries(result.hops).map(([hop, s]) => [hop, s.toHolder.count, s.toHolder.p50, s.toHolder.p99, s.toHolder.max, s.toTopic.p99, s.toHolder.p99 <= result.goalP99Ms ? 'met' : 'NOT met']),
    ),
    `  the appeal escalated after its member's deadline by p50 ${result.escalationAfterDeadline.p50} ms, p99 ${result.escalationAfterDeadline.p99} ms; submission answered p99 ${result.scheduledToAnswered.p99} ms`,
    table(
      ['process', 'cores (mean)', 'ms CPU per grievance'],
      Object.entries(result.cpuPerGrievanceMs).map(([name, ms]) => [name, name === 'stack' ? '' : (result.processes[name]?.cpuMean ?? ''), ms]),
    ),
    `  lag max ${sum(result.lag.max)} (after ${sum(result.lag.after)}), outbox backlog max ${sum(result.outboxBacklog.max)} (after ${sum(result.outboxBacklog.after)}); CPU per grievance, the whole stack ${result.cpuPerGrievanceMs.stack} ms`,
  ];
  if (result.stuck.length) {
    const byStep = new Map<string, number>();
    for (const s of result.stuck) byStep.set(`${s.kind} at ${s.step}`, (byStep.get(`${s.kind} at ${s.step}`) ?? 0) + 1);
    lines.push(table(['stuck', 'grievances'], [...byStep].map(([k, n]) => [k, n])));
    lines.push(...result.stuck.slice(0, 5).map((s) => `    ${s.kind} ${s.id} at "${s.step}": ${s.why}`));
  }
  lines.push(`  every hop p99 ≤ ${result.goalP99Ms} ms: ${result.met ? 'met' : 'NOT met'} (${round(result.rate)}/s for ${result.seconds} s)`);
  return lines.join('\n');
}

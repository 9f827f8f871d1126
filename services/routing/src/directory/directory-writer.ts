import { Injectable } from '@nestjs/common';
import type { Polygon } from 'geojson';
import { Actor, createEnvelope, DIRECTORY_STREAM_ID, DirectoryKind, GRIEVANCE_KINDS, OCCUPATIONS, WORKER_ACCOUNT_ID } from '@grievance/contracts';
import { polygonCrossing, polygonsOverlap, selfIntersection } from '@grievance/geo';
import { OutboxTransaction } from '@grievance/messaging';
import { Clock, correlationIdForNewWork, currentCorrelationId, DomainError } from '@grievance/platform';
import { canonical, EntryState, KINDS, sameState, StoredEntry } from './directory-entries';
import { DirectoryEntriesRepository } from './directory-entries.repository';

/** How a change is asked for. */
export interface ChangeOptions {
  actor: Actor;
  /** Refuse with 409 when the entry is not at this version (optimistic concurrency). */
  expectedVersion?: number;
  /** A create: refuse with 409 when the entry exists (retired or not). */
  mustBeNew?: boolean;
  /** Refuse with 404 when the entry does not exist (an update). */
  mustExist?: boolean;
  /** The caller's name of the field holding the unit above (`parentId`, `gridId`, `districtId`, …). */
  parentField?: string;
  /** Live polygons read once for many changes in one transaction (an import), kept up to date by the writer. */
  polygons?: LivePolygons;
}

/** The live grids' (and districts') polygons of one transaction, read once, for the overlap checks of many entries. */
export class LivePolygons {
  private readonly byKind = new Map<DirectoryKind, Map<string, Polygon>>();

  async of(kind: DirectoryKind, read: (kind: DirectoryKind) => Promise<{ id: string; polygon: Polygon }[]>): Promise<Map<string, Polygon>> {
    let polygons = this.byKind.get(kind);
    if (!polygons) {
      polygons = new Map((await read(kind)).map((u) => [u.id, u.polygon]));
      this.byKind.set(kind, polygons);
    }
    return polygons;
  }

  /** An entry written (or retired: null) in the transaction. */
  note(kind: DirectoryKind, id: string, polygon: Polygon | null): void {
    const polygons = this.byKind.get(kind);
    if (!polygons) return;
    if (polygon) polygons.set(id, polygon);
    else polygons.delete(id);
  }
}

export interface ChangeResult {
  entry: StoredEntry;
  /** False when the entry already was exactly this (nothing written, nothing published). */
  changed: boolean;
}

const CODE = /^[a-z][a-z0-9_]{1,40}$/;

/**
 * The one way the directory changes, for the admin API and the import alike: checks the
 * entry (references to live entries, polygons simple and not overlapping, known occupations),
 * then writes it with its version raised and publishes its whole state on the compacted
 * directory.entry-changed.v1, in the caller's transaction. The same state again changes nothing.
 * A refusal is a DomainError naming the field; the caller's transaction then writes nothing.
 * The entries are read and written by the DirectoryEntriesRepository in the unit of work's
 * transaction; `tx`, that same transaction, records the events.
 */
@Injectable()
export class DirectoryWriter {
  constructor(
    private readonly clock: Clock,
    private readonly entries: DirectoryEntriesRepository,
  ) {}

  async put(tx: OutboxTransaction, state: EntryState, options: ChangeOptions): Promise<ChangeResult> {
    const next = canonical(state);
    const current = await this.entries.load(next.kind, next.id, true);
    if (!current && KINDS[next.kind].table === 'org_unit') {
      const taken = await this.entries.orgUnitLevelOf(next.id);
      if (taken) throw DomainError.conflict(`id ${next.id} is already a ${taken}`, { field: 'id' }, { key: 'error.directory.idTaken', params: { id: next.id, taken } });
    }
    if (current && options.mustBeNew) {
      throw DomainError.conflict(`${next.kind} ${next.id} exists${current.retired ? ' (retired)' : ''}`, { field: 'id' }, { key: current.retired ? 'error.directory.existsRetired' : 'error.directory.exists', params: { kind: next.kind, id: next.id } });
    }
    if (!current && options.mustExist) throw DomainError.notFound(next.kind, next.id);
    this.checkVersion(current, options.expectedVersion);
    await this.check(next, options);
    // Version 0: stored by an older routing and never published; publish it even if unchanged.
    if (current && current.version > 0 && !current.retired && sameState(current.state, next)) return { entry: current, changed: false };
    const version = (current?.version ?? 0) + 1;
    await this.entries.save(next, version, false);
    if (KINDS[next.kind].polygon) options.polygons?.note(next.kind, next.id, (next.polygon as Polygon | null | undefined) ?? null);
    return { entry: await this.publish(tx, next, version, false, options.actor), changed: true };
  }

  /** Retires an entry: kept as history, no longer used for new work. Refused while live entries depend on it. */
  async retire(tx: OutboxTransaction, kind: DirectoryKind, id: string, options: ChangeOptions): Promise<ChangeResult> {
    const current = await this.entries.load(kind, id, true);
    if (!current) throw DomainError.notFound(kind, id);
    this.checkVersion(current, options.expectedVersion);
    if (current.retired) return { entry: current, changed: false };
    const dependants = await this.entries.liveDependants(kind, id);
    if (dependants.length > 0) {
      throw DomainError.conflict(`${kind} ${id} is still used by ${dependants.slice(0, 5).join(', ')}: retire or move them first`, { field: 'id' }, {
        key: 'error.directory.stillUsed',
        params: { kind, id, dependants: dependants.slice(0, 5).join(', ') },
      });
    }
    await this.entries.save(current.state, current.version + 1, true);
    return { entry: await this.publish(tx, current.state, current.version + 1, true, options.actor), changed: true };
  }

  /**
   * Entries stored before the directory was published (version 0, from an older routing) are
   * published once, at version 1, so the compacted topic holds the whole directory.
   */
  async publishUnpublished(tx: OutboxTransaction, actor: Actor): Promise<number> {
    const unpublished = (await this.entries.all()).filter((entry) => entry.version === 0);
    for (const entry of unpublished) {
      await this.entries.save(entry.state, 1, entry.retired);
      await this.publish(tx, entry.state, 1, entry.retired, actor);
    }
    return unpublished.length;
  }

  private checkVersion(current: StoredEntry | null, expected: number | undefined): void {
    if (expected === undefined) return;
    const actual = current?.version ?? 0;
    if (actual !== expected) {
      throw DomainError.conflict(`expectedVersion ${expected} is stale: the entry is at version ${actual}`, { field: 'expectedVersion', version: actual }, { key: 'error.directory.staleVersion', params: { expected, actual } });
    }
  }

  private async publish(tx: OutboxTransaction, state: EntryState, version: number, retired: boolean, actor: Actor): Promise<StoredEntry> {
    const changedAt = this.clock.now();
    await tx.publish(
      'directory.entry-changed.v1',
      createEnvelope({
        topic: 'directory.entry-changed.v1',
        grievanceId: DIRECTORY_STREAM_ID,
        actor,
        correlationId: currentCorrelationId() ?? correlationIdForNewWork(),
        occurredAt: changedAt,
        payload: { ...state, version, retired, changedAt: changedAt.toISOString() },
      }),
    );
    return { state, version, retired, updatedAt: changedAt };
  }

  /** References, shapes and level facts; throws the first problem, naming its field. */
  private async check(s: EntryState, options: ChangeOptions): Promise<void> {
    const spec = KINDS[s.kind];
    const a = s.attributes ?? {};
    if (spec.parent !== null) {
      await this.mustBeLive(spec.parent, s.parentId ?? null, options.parentField ?? 'parentId');
    }
    if (spec.polygon === 'required' && !s.polygon) throw DomainError.invalid(`a ${s.kind} needs a polygon`, { field: 'polygon' }, { key: 'error.directory.polygonRequired', params: { kind: s.kind } });
    if (s.polygon) await this.checkPolygon(s.kind, s.id, s.polygon as Polygon, options.polygons);
    switch (s.kind) {
      case 'industry_committee': {
        if (typeof a.industry !== 'string' || !CODE.test(a.industry)) {
          throw DomainError.invalid('industry must be a code (lower-case letters, digits and _)', { field: 'industry' }, { key: 'error.directory.industryCode' });
        }
        const occupations = a.occupations;
        if (!Array.isArray(occupations) || occupations.length === 0) throw DomainError.invalid('occupations must list at least one occupation', { field: 'occupations' }, { key: 'error.directory.occupationsRequired' });
        const unknown = occupations.filter((o) => !(OCCUPATIONS as readonly unknown[]).includes(o));
        if (unknown.length > 0) throw DomainError.invalid(`occupations: unknown occupation ${unknown.join(', ')} (known: ${OCCUPATIONS.join(', ')})`, { field: 'occupations' }, {
            key: 'error.directory.unknownOccupation',
            params: { unknown: unknown.join(', ') },
          });
        return;
      }
      case 'district':
        // 督办: the department a hazard goes up to when its reporter is unsatisfied a second time.
        if (a.supervisingOffice !== null && a.supervisingOffice !== undefined) {
          if (typeof a.supervisingOffice !== 'string') throw DomainError.invalid('supervisingOffice must be a department code', { field: 'supervisingOffice' }, { key: 'error.directory.supervisingOfficeCode' });
          await this.mustBeLive('department', a.supervisingOffice, 'supervisingOffice');
        }
        return;
      case 'grid_worker':
        if (a.workerId !== null && a.workerId !== undefined) await this.checkAppointment(s, a.workerId);
        // 驻点: the station they are posted at must be a live one.
        if (a.stationId !== null && a.stationId !== undefined) {
          if (typeof a.stationId !== 'string') throw DomainError.invalid('stationId must name a station', { field: 'stationId' }, { key: 'error.directory.mustName', params: { field: 'stationId', kind: 'station' } });
          await this.mustBeLive('station', a.stationId, 'stationId');
        }
        return;
      case 'branch':
        if (a.fallback !== null && typeof a.fallback !== 'boolean') throw DomainError.invalid('fallback must be true or false', { field: 'fallback' }, { key: 'error.directory.fallbackBoolean' });
        return;
      case 'category':
        if (!(GRIEVANCE_KINDS as readonly unknown[]).includes(a.kind)) throw DomainError.invalid(`kind must be one of ${GRIEVANCE_KINDS.join(', ')}`, { field: 'kind' }, { key: 'error.directory.unknownKind', params: { allowed: GRIEVANCE_KINDS.join(', ') } });
        if (a.defaultDepartment) await this.mustBeLive('department', a.defaultDepartment as string, 'defaultDepartment');
        return;
      case 'category_route':
        await this.mustBeLive('category', a.category as string, 'category');
        await this.mustBeLive('district', a.districtId as string, 'districtId');
        await this.mustBeLive('department', a.departmentCode as string, 'departmentCode');
        return;
      case 'fallback_owner':
        if (a.districtId) await this.mustBeLive('district', a.districtId as string, 'districtId');
        await this.mustBeLive('department', a.departmentCode as string, 'departmentCode');
        return;
      default:
        return;
    }
  }

  private async mustBeLive(kind: DirectoryKind, id: string | null, field: string): Promise<void> {
    if (!id) throw DomainError.invalid(`${field} must name a ${kind}`, { field }, { key: 'error.directory.mustName', params: { field, kind } });
    const entry = await this.entries.load(kind, id);
    if (!entry) throw DomainError.invalid(`${field}: there is no ${kind} ${id}`, { field }, { key: 'error.directory.noSuchEntry', params: { field, kind, id } });
    if (entry.retired) throw DomainError.invalid(`${field}: ${kind} ${id} is retired`, { field }, { key: 'error.directory.entryRetired', params: { field, kind, id } });
  }

  /**
   * 兼职网格员: a grid worker who is a registered worker (workerId) is part-time, and a worker is
   * appointed as one grid worker at most (not retired).
   */
  private async checkAppointment(s: EntryState, workerId: unknown): Promise<void> {
    if (typeof workerId !== 'string' || !WORKER_ACCOUNT_ID.test(workerId)) {
      throw DomainError.invalid('workerId must be a worker account id (letters, digits, _ . : @ -, 1 to 100)', { field: 'workerId' }, { key: 'error.directory.workerIdFormat' });
    }
    if (s.partTime !== true) {
      throw DomainError.invalid('employment must be part_time for a grid worker who is a registered worker (workerId)', { field: 'employment' }, { key: 'error.directory.workerIdNeedsPartTime' });
    }
    const other = await this.entries.appointmentOf(workerId, s.id);
    if (other) {
      throw DomainError.conflict(`workerId: ${workerId} is already appointed as grid worker ${other}`, { field: 'workerId', appointedAs: other }, {
        key: 'error.directory.workerAlreadyAppointed',
        params: { workerId, gridWorkerId: other },
      });
    }
  }

  /** A polygon must be simple, and a grid (or a district) must not overlap a live one of its kind. */
  private async checkPolygon(kind: DirectoryKind, id: string, polygon: Polygon, cache?: LivePolygons): Promise<void> {
    const crossing = polygonCrossing(polygon);
    if (crossing) {
      const { ringA, edgeA, ringB, edgeB } = crossing;
      throw DomainError.invalid(`polygon intersects itself: ${selfIntersection(polygon)}`, { field: 'polygon' }, { key: 'error.directory.polygonSelfIntersects', params: { ringA, edgeA, ringB, edgeB, near: crossing.near.join(', ') } });
    }
    const others = cache ? [...(await cache.of(kind, (k) => this.entries.livePolygons(k)))].map(([otherId, p]) => ({ id: otherId, polygon: p })) : await this.entries.livePolygons(kind);
    const overlapped = others.find((other) => other.id !== id && polygonsOverlap(polygon, other.polygon));
    if (overlapped) throw DomainError.conflict(`polygon overlaps ${kind} ${overlapped.id}`, { field: 'polygon', overlaps: overlapped.id }, { key: 'error.directory.polygonOverlaps', params: { kind, overlaps: overlapped.id } });
  }
}

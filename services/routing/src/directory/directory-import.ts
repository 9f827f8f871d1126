import { Actor } from '@grievance/contracts';
import { CityEntry, CityProblem } from '@grievance/directory-seed';
import { OutboxTransaction } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { KIND_ORDER } from './directory-entries';
import { DirectoryEntriesRepository } from './directory-entries.repository';
import { DirectoryWriter, LivePolygons } from './directory-writer';

export interface ImportSummary {
  /** Entries read. */
  entries: number;
  /** Entries created or changed (each published once). */
  changed: number;
  unchanged: number;
  /** What refused the import (nothing was written then). */
  problems: CityProblem[];
  /** True when the changes were committed (no problems, and not a dry run). */
  applied: boolean;
}

/** Runs work as one unit of work: one transaction with the outbox, the current one for the repositories (TransactionalOutbox.run). */
export type OutboxRunner = <R>(work: (tx: OutboxTransaction) => Promise<R>) => Promise<R>;

/** What an import writes with: the unit of work it runs in, the directory's writer and its entries (over the same database). */
export interface DirectoryImporter {
  run: OutboxRunner;
  writer: DirectoryWriter;
  entries: DirectoryEntriesRepository;
}

const IMPORT_LOCK = 'routing:directory-import';

class RolledBack extends Error {}

/**
 * Imports a city's entries all or nothing, in one transaction: each goes through the same
 * writer as the admin API (what it names must exist, live, in the directory or earlier in the
 * import; grids must not overlap), in an order where what is named comes first. Every problem
 * is collected with its file, row and field; with any, or on a dry run, nothing is written
 * and nothing published. An entry already exactly so changes nothing, so importing the same
 * files again publishes nothing.
 */
export async function importDirectory(
  { run, writer, entries: directory }: DirectoryImporter,
  entries: readonly CityEntry[],
  options: { actor: Actor; dryRun?: boolean },
): Promise<ImportSummary> {
  const ordered = [...entries].sort((a, b) => KIND_ORDER.indexOf(a.state.kind) - KIND_ORDER.indexOf(b.state.kind));
  const summary: ImportSummary = { entries: entries.length, changed: 0, unchanged: 0, problems: [], applied: false };
  try {
    await run(async (tx) => {
      // Two imports at once take turns (each sees the other's grids when checking overlaps).
      await directory.takeTurn(IMPORT_LOCK);
      // The live polygons are read once for the whole import, not once per grid.
      const polygons = new LivePolygons();
      for (const entry of ordered) {
        try {
          const { changed } = await writer.put(tx, entry.state, { actor: options.actor, parentField: entry.parentField, polygons });
          if (changed) summary.changed++;
          else summary.unchanged++;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const named = typeof error.details?.field === 'string' ? error.details.field : '-';
          // A GeoJSON file holds the polygon as the feature's geometry; a code is a department's or category's id.
          const field = named === 'polygon' && entry.source.file.endsWith('.geojson') ? 'geometry' : named === 'id' && ['department', 'category'].includes(entry.state.kind) ? 'code' : named;
          summary.problems.push({ ...entry.source, field, message: error.message.startsWith(`${named}: `) ? error.message.slice(named.length + 2) : error.message });
        }
      }
      if (summary.problems.length > 0 || options.dryRun) throw new RolledBack();
    });
    summary.applied = true;
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return summary;
}

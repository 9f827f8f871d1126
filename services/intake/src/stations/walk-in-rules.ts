import { DomainError } from '@grievance/platform';

/** A station as intake keeps it from the directory (directory.entry-changed.v1). */
export interface StationCopy {
  id: string;
  name: string;
  retired: boolean;
  version: number;
}

/** How far a device's clock may run ahead of ours before its consent time counts as in the future. */
export const CONSENT_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The station a staff member logs walk-ins at: one the directory knows (404 otherwise, as
 * for anything not there) and not retired (403: the staff's claim names a station that no
 * longer takes grievances).
 */
export function stationForWalkIns(station: StationCopy | undefined, stationId: string): StationCopy {
  if (!station) throw DomainError.notFound('station', stationId);
  if (station.retired) {
    throw DomainError.forbidden(`station ${stationId} is retired: it logs no more walk-ins`, { field: 'stationId' }, { key: 'error.station.retired', params: { station: station.name } });
  }
  return station;
}

/** When the worker consented: the time given (not later than now, give or take a device's clock), or now. */
export function consentTime(at: string | undefined, now: Date): Date {
  if (at === undefined) return now;
  const when = new Date(at);
  if (when.getTime() > now.getTime() + CONSENT_CLOCK_SKEW_MS) {
    throw DomainError.invalid('consent.at cannot be later than now', { field: 'consent.at' }, { key: 'error.walkIn.consentInFuture' });
  }
  return when;
}

import { parseArgs } from 'node:util';
import { ROLES } from '@grievance/contracts';
import { isRole, SCOPE_CLAIM_BY_ROLE, type Principal, type ScopeClaim } from '../principal';
import { DEFAULT_DEV_TOKEN_TTL_SEC } from '../settings';

export const TOKEN_USAGE = `Usage: npm run token -- --role <role> --sub <id> [--org <orgUnitId>] [--grid <gridId>] [--department <code>] [--station <stationId>] [--ttl <seconds>]

Prints a token signed with the local development key.
  --role        one of ${ROLES.join(', ')}
  --sub         the person's id
  --org         org unit id (member, branch, industry_committee, two_new_committee)
  --grid        grid id (grid_worker)
  --department  department code (department)
  --station     station id (station_staff)
  --ttl         lifetime in seconds (default ${DEFAULT_DEV_TOKEN_TTL_SEC})`;

/** A mistake on the command line; the message names the flag. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type TokenCommand = { help: true } | { help: false; claims: Principal; ttlSeconds: number };

/** The flag that carries each scope claim. */
const FLAG_BY_SCOPE: Record<ScopeClaim, string> = { orgUnitId: 'org', gridId: 'grid', departmentCode: 'department', stationId: 'station' };

/**
 * Reads the token command's flags. The role rules are checked here rather than left to
 * the verifier, so a forgotten --org is reported now instead of as a 401 later.
 */
export function parseTokenArgs(argv: string[]): TokenCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string' },
        sub: { type: 'string' },
        org: { type: 'string' },
        grid: { type: 'string' },
        department: { type: 'string' },
        station: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // parseArgs' own messages already name the flag ("Unknown option '--rol'").
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };

  const role = values.role?.trim();
  if (!role) throw new UsageError('--role is required');
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}; got "${role}"`);
  const sub = values.sub?.trim();
  if (!sub) throw new UsageError('--sub is required');

  const scopes: Record<ScopeClaim, string | undefined> = {
    orgUnitId: values.org?.trim(),
    gridId: values.grid?.trim(),
    departmentCode: values.department?.trim(),
    stationId: values.station?.trim(),
  };
  const needed = SCOPE_CLAIM_BY_ROLE[role];
  const claims: Principal = { sub, role };
  for (const scope of Object.keys(FLAG_BY_SCOPE) as ScopeClaim[]) {
    const flag = FLAG_BY_SCOPE[scope];
    const value = scopes[scope];
    if (scope === needed) {
      if (!value) throw new UsageError(`--${flag} is required for role ${role}`);
      claims[scope] = value;
    } else if (value !== undefined) {
      // The verifier would drop it; saying so beats a token that silently lacks it.
      throw new UsageError(`--${flag} does not apply to role ${role}`);
    }
  }

  let ttlSeconds = DEFAULT_DEV_TOKEN_TTL_SEC;
  if (values.ttl !== undefined) {
    if (!/^\d+$/.test(values.ttl.trim()) || Number(values.ttl) <= 0) {
      throw new UsageError(`--ttl must be a positive whole number of seconds; got "${values.ttl}"`);
    }
    ttlSeconds = Number(values.ttl);
  }
  return { help: false, claims, ttlSeconds };
}

import { DEFAULT_DEV_TOKEN_TTL_SEC } from '../settings';
import { parseTokenArgs, UsageError } from './token-args';

describe('token command flags', () => {
  it('reads a worker', () => {
    expect(parseTokenArgs(['--role', 'worker', '--sub', 'w-1'])).toEqual({
      help: false,
      claims: { sub: 'w-1', role: 'worker' },
      ttlSeconds: DEFAULT_DEV_TOKEN_TTL_SEC,
    });
  });

  it('reads each scope flag for the role that needs it', () => {
    expect(parseTokenArgs(['--role', 'branch', '--sub', 'b', '--org', 'ou-1', '--ttl', '60'])).toMatchObject({
      claims: { role: 'branch', orgUnitId: 'ou-1' },
      ttlSeconds: 60,
    });
    expect(parseTokenArgs(['--role', 'grid_worker', '--sub', 'g', '--grid', 'grid-1'])).toMatchObject({
      claims: { gridId: 'grid-1' },
    });
    expect(parseTokenArgs(['--role', 'department', '--sub', 'd', '--department', 'HOUSING'])).toMatchObject({
      claims: { departmentCode: 'HOUSING' },
    });
  });

  it.each([
    [[], /--role is required/],
    [['--role', 'worker'], /--sub is required/],
    [['--role', 'boss', '--sub', 'x'], /--role must be one of/],
    [['--role', 'member', '--sub', 'x'], /--org is required for role member/],
    [['--role', 'grid_worker', '--sub', 'x'], /--grid is required/],
    [['--role', 'department', '--sub', 'x'], /--department is required/],
    [['--role', 'worker', '--sub', 'x', '--grid', 'g'], /--grid does not apply to role worker/],
    [['--role', 'worker', '--sub', 'x', '--ttl', '-5'], /--ttl/],
    [['--role', 'worker', '--sub', 'x', '--ttl', 'soon'], /--ttl/],
    [['--role', 'worker', '--sub', 'x', '--rol', 'y'], /--rol/],
    [['--role'], /--role/],
  ])('explains what is wrong with %j', (argv, message) => {
    expect(() => parseTokenArgs(argv)).toThrow(UsageError);
    expect(() => parseTokenArgs(argv)).toThrow(message);
  });
});

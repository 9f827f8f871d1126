/**
 * `npm run token -- --role <role> --sub <id> [...]`: prints a development token on
 * stdout and nothing else, so it can be captured (`TOKEN=$(npm run -s token -- ...)`).
 * Usage mistakes exit 2, other failures 1.
 */
import { signDevToken } from '../dev-token';
import { parseTokenArgs, TOKEN_USAGE, UsageError } from './token-args';

async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseTokenArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`token: ${error.message}\n\n${TOKEN_USAGE}\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${TOKEN_USAGE}\n`);
    return 0;
  }
  const token = await signDevToken(command.claims, { ttlSeconds: command.ttlSeconds });
  process.stdout.write(`${token}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

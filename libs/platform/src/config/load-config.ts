import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ConfigProblem, ServiceConfig } from './service-config';

export type ConfigClass<C extends ServiceConfig = ServiceConfig> = new () => C;
export type Env = Record<string, string | undefined>;

/** Start-up refused: every bad variable at once, each with what is wrong. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly problems: ConfigProblem[],
    service?: string,
  ) {
    super(
      `invalid configuration${service ? ` for ${service}` : ''}: ${problems.length} bad variable${problems.length === 1 ? '' : 's'}\n` +
        problems.map((p) => `  - ${p.variable}: ${p.reasons.join('; ')}`).join('\n'),
    );
  }
}

/**
 * Builds and validates a service's config from the environment. Throws one ConfigError
 * naming every bad variable (values are never echoed: some hold passwords).
 *
 * This is the one place in the code base that reads `process.env`.
 */
export function loadConfig<C extends ServiceConfig>(configClass: ConfigClass<C>, env: Env = process.env): C {
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') plain[name] = value;
  }
  // exposeDefaultValues keeps the class's defaults for variables that are not set.
  const config = plainToInstance(configClass, plain, { exposeDefaultValues: true });
  // whitelist drops every environment variable the class does not declare.
  const errors = validateSync(config, { whitelist: true, validationError: { target: false, value: false } });
  const problems = errors.map(toProblem);
  for (const problem of config.crossCheck()) {
    const known = problems.find((p) => p.variable === problem.variable);
    if (known) known.reasons.push(...problem.reasons.filter((reason) => !known.reasons.includes(reason)));
    else problems.push(problem);
  }
  if (problems.length > 0) throw new ConfigError(problems, typeof config.SERVICE_NAME === 'string' ? config.SERVICE_NAME : undefined);
  return config;
}

function toProblem(error: ValidationError): ConfigProblem {
  const reasons = Object.values(error.constraints ?? {});
  return { variable: error.property, reasons: reasons.length > 0 ? reasons : ['is invalid'] };
}

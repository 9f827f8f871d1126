import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ServiceMetrics } from '@grievance/platform';

interface Rule {
  alert?: string;
  expr?: unknown;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const dir = __dirname;
/** Series Prometheus makes itself rather than scraping them. */
const PROMETHEUS_OWN = new Set(['up']);
const PROMQL_WORDS = new Set([
  'sum', 'max', 'min', 'avg', 'count', 'by', 'without', 'and', 'or', 'unless', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset',
  'rate', 'irate', 'increase', 'deriv', 'delta', 'histogram_quantile', 'topk', 'bottomk', 'abs', 'clamp_min', 'clamp_max', 'label_values',
]);

/** The metric names a PromQL expression reads: label matchers, grouping clauses, ranges and strings taken out first. */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ');
  return [...bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)].map((m) => m[0]).filter((word) => !PROMQL_WORDS.has(word));
}

/** Every series name a service exposes (a histogram as its _bucket, _sum and _count). */
function exposedNames(): Set<string> {
  const metrics = new ServiceMetrics({ serviceName: 'any' });
  const names = new Set<string>();
  for (const metric of metrics.allSeries().getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    names.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
  }
  return names;
}

describe('the alert rules (deploy/observability/alert-rules.yaml)', () => {
  const document = parse(readFileSync(join(dir, 'alert-rules.yaml'), 'utf8')) as { groups: { name: string; rules: Rule[] }[] };
  const rules = document.groups.flatMap((g) => g.rules);
  const exposed = exposedNames();

  it('is a Prometheus rule file: named groups of alerts, each with an expression, a severity and a summary', () => {
    expect(document.groups.length).toBeGreaterThan(0);
    for (const group of document.groups) expect(group.name).toMatch(/^[a-z-]+$/);
    for (const rule of rules) {
      expect(rule).toMatchObject({ alert: expect.stringMatching(/^[A-Z][A-Za-z]+$/), expr: expect.any(String) });
      expect(['warning', 'critical']).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary).toEqual(expect.any(String));
      if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smh]$/);
    }
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
  });

  it('alerts on growing lag, outbox age, parked events and breaches', () => {
    const reads = (name: string) => rules.some((r) => metricNamesIn(String(r.expr)).includes(name));
    expect(reads('messaging_consumer_lag')).toBe(true);
    expect(reads('messaging_outbox_oldest_age_seconds')).toBe(true);
    expect(reads('messaging_events_parked_total')).toBe(true);
    expect(rules.some((r) => String(r.expr).includes('sla.breached.v1'))).toBe(true);
  });

  it('reads only metrics the services expose', () => {
    expect(metricNamesIn('histogram_quantile(0.99, sum by (le) (rate(nope_seconds_bucket{route!="x"}[5m]))) > 1 and up == 0')).toEqual(['nope_seconds_bucket', 'up']);
    const unknown = rules.flatMap((r) => metricNamesIn(String(r.expr)).filter((n) => !exposed.has(n) && !PROMETHEUS_OWN.has(n)).map((n) => `${r.alert}: ${n}`));
    expect(unknown).toEqual([]);
  });
});

describe('the Grafana dashboard (deploy/observability/grafana-dashboard.json)', () => {
  const dashboard = JSON.parse(readFileSync(join(dir, 'grafana-dashboard.json'), 'utf8')) as {
    uid: string;
    panels: { type: string; title: string; targets?: { expr: string }[] }[];
  };
  const exposed = exposedNames();

  it('has panels whose queries read only metrics the services expose', () => {
    const graphs = dashboard.panels.filter((p) => p.type !== 'row');
    expect(graphs.length).toBeGreaterThan(10);
    const unknown = graphs.flatMap((p) => (p.targets ?? []).flatMap((t) => metricNamesIn(t.expr).filter((n) => !exposed.has(n)).map((n) => `${p.title}: ${n}`)));
    expect(unknown).toEqual([]);
  });
});

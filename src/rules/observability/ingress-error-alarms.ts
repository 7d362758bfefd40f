import { z } from 'zod';
import { albGroupMembers } from '../../inventory/ingress-groups.js';
import type { AwsResource, KubeResource } from '../../inventory/types.js';
import { unknownAws, unknownKube } from '../support/coverage.js';
import { cfnText } from '../support/iam.js';
import { kubeResult, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const ALB = 'alb.ingress.kubernetes.io/';

const params = z.object({
  /** Whether alarms are required (alarms.enabled); else a public app without one only warns. */
  required: z.boolean(),
  /** Metric names that count as a 5XX alarm of a load balancer's targets. */
  metrics: z.array(z.string()).min(1),
});

function annotations(r: KubeResource): Record<string, string> {
  return (r.object.metadata.annotations ?? {}) as Record<string, string>;
}

/** `k1=v1,k2=v2` of alb.ingress.kubernetes.io/tags, as [key, value] pairs. */
function tagsOf(r: KubeResource): [string, string][] {
  const raw = annotations(r)[`${ALB}tags`] ?? '';
  return raw
    .split(',')
    .map((kv) => kv.split('=').map((s) => s.trim()) as [string, string?])
    .filter((kv): kv is [string, string] => kv[0] !== '' && kv[1] !== undefined);
}

function isInternetFacingAlb(r: KubeResource): boolean {
  const a = annotations(r);
  const className = (r.object.spec as { ingressClassName?: string } | undefined)?.ingressClassName;
  const alb =
    className === 'alb' || a['kubernetes.io/ingress.class'] === 'alb' || Object.keys(a).some((k) => k.startsWith(ALB));
  return alb && a[`${ALB}scheme`] === 'internet-facing';
}

/** What an alarm watches: its metric names, the tag filters of its Metrics Insights queries, its LoadBalancer dimensions. */
interface Watched {
  readonly metrics: string[];
  readonly tags: [string, string][];
  readonly loadBalancers: string[];
}

function watchedBy(a: AwsResource): Watched {
  const metrics: string[] = [];
  const tags: [string, string][] = [];
  const loadBalancers: string[] = [];
  const dimensions = (dims: unknown) => {
    if (!Array.isArray(dims)) return;
    for (const d of dims as { Name?: unknown; Value?: unknown }[]) {
      const value = cfnText(d.Value);
      if (cfnText(d.Name) === 'LoadBalancer' && value) loadBalancers.push(value);
    }
  };
  const direct = cfnText(a.properties.MetricName);
  if (direct) metrics.push(direct);
  dimensions(a.properties.Dimensions);
  const queries = Array.isArray(a.properties.Metrics) ? (a.properties.Metrics as Record<string, unknown>[]) : [];
  for (const q of queries) {
    const stat = q.MetricStat as { Metric?: { MetricName?: unknown; Dimensions?: unknown } } | undefined;
    const name = cfnText(stat?.Metric?.MetricName);
    if (name) metrics.push(name);
    dimensions(stat?.Metric?.Dimensions);
    const expression = cfnText(q.Expression);
    if (!expression) continue;
    for (const m of expression.matchAll(/\b(?:SUM|AVG|MAX|MIN|COUNT)\(\s*"?([A-Za-z0-9_.-]+)"?\s*\)/gi))
      metrics.push(m[1]);
    for (const m of expression.matchAll(/\btag\.(?:"([^"]+)"|([A-Za-z0-9_]+))\s*=\s*'([^']*)'/g)) {
      tags.push([m[1] ?? m[2], m[3]]);
    }
  }
  return { metrics, tags, loadBalancers };
}

type Watching = { alarm: AwsResource; watched: Watched };

/** The 5XX alarms by the tag pair they filter on and by the ALB name in their LoadBalancer dimension. */
interface AlarmIndex {
  readonly order: Map<Watching, number>;
  readonly byTag: Map<string, Watching[]>;
  readonly byName: Map<string, Watching[]>;
}

const tagKey = (k: string, v: string) => `${k}\u0000${v}`;

function alarmIndex(watching: readonly Watching[]): AlarmIndex {
  const byTag = new Map<string, Watching[]>();
  const byName = new Map<string, Watching[]>();
  const add = (map: Map<string, Watching[]>, key: string, w: Watching) => {
    const list = map.get(key);
    if (!list) map.set(key, [w]);
    else if (list[list.length - 1] !== w) list.push(w);
  };
  const order = new Map<Watching, number>();
  for (const w of watching) {
    order.set(w, order.size);
    for (const [k, v] of w.watched.tags) add(byTag, tagKey(k, v), w);
    // A LoadBalancer dimension is app/<name>/<id>.
    for (const lb of w.watched.loadBalancers) {
      const parts = lb.split('/');
      if (parts.length >= 3 && parts[0] === 'app') add(byName, parts[1], w);
    }
  }
  return { order, byTag, byName };
}

interface GroupAlarms {
  readonly tags: [string, string][];
  readonly covering: Watching[];
}

/** The tags a group's load balancer carries and the alarms that cover it, in the alarms' order. */
function groupAlarms(members: readonly KubeResource[], index: AlarmIndex): GroupAlarms {
  const tags = members.flatMap(tagsOf);
  const name = members.map((m) => annotations(m)[`${ALB}load-balancer-name`]).find(Boolean);
  const found = new Set<Watching>();
  for (const [k, v] of tags) for (const w of index.byTag.get(tagKey(k, v)) ?? []) found.add(w);
  if (name !== undefined) for (const w of index.byName.get(name) ?? []) found.add(w);
  const covering = [...found].sort((a, b) => (index.order.get(a) ?? 0) - (index.order.get(b) ?? 0));
  return { tags, covering };
}

export default defineRule({
  meta: {
    id: 'observability.ingress-error-alarms',
    title: 'Every public app behind an ALB has a target 5XX alarm',
    category: 'observability',
    checklist: ['observability.alarms'],
    severity: { test: 'low', prod: 'high' },
    why: "When a public app starts answering 5XX, users see errors at once; node and pod alarms stay quiet while the app's own responses fail.",
    verified:
      "For every internet-facing ALB Ingress, a CloudWatch alarm watches HTTPCode_Target_5XX_Count of its load balancer: a Metrics Insights alarm whose tag filter (WHERE tag.<key> = '<value>') matches a tag the Ingress puts on the ALB (alb.ingress.kubernetes.io/tags), or a metric alarm whose LoadBalancer dimension names the ALB set by alb.ingress.kubernetes.io/load-balancer-name. Unknown when Ingresses or alarms cannot be read.",
    fix: 'Keep alarms.enabled on: the observability component creates the target 5XX alarm for the apps the generator tags (alarms.target5xx sets its threshold). For other Ingresses, tag the ALB and alarm on a Metrics Insights query filtered by that tag.',
    equivalents: {},
    params,
    defaults: (env) => ({ required: env.alarms.enabled, metrics: ['HTTPCode_Target_5XX_Count'] }),
    needs: { kube: ['Ingress'], aws: ['AWS::CloudWatch::Alarm'] },
  },
  check(inv, p) {
    const missingKube = unknownKube(inv, ['Ingress']);
    if (missingKube) return missingKube;
    const ingresses = inv.kube('Ingress');
    const publicOnes = ingresses.filter(isInternetFacingAlb);
    if (publicOnes.length === 0) {
      return [result('skip', { kind: 'Ingress', name: '*' }, 'no internet-facing ALB Ingress in the sources')];
    }
    const missingAws = unknownAws(inv, ['AWS::CloudWatch::Alarm']);
    if (missingAws) return missingAws;
    const watching = inv
      .aws('AWS::CloudWatch::Alarm')
      .map((a) => ({ alarm: a, watched: watchedBy(a) }))
      .filter((w) => w.watched.metrics.some((m) => p.metrics.includes(m)));
    // Ingresses of one group share a load balancer, which carries the tags of all of them: each group's
    // tags, name and covering alarms are worked out once, and alarms are looked up by tag and by name.
    const index = alarmIndex(watching);
    const byGroup = new Map<readonly KubeResource[], GroupAlarms>();
    const out: RuleResult[] = [];
    for (const ing of publicOnes) {
      const members = albGroupMembers(inv, ing);
      let group = byGroup.get(members);
      if (!group) {
        group = groupAlarms(members, index);
        byGroup.set(members, group);
      }
      const { tags, covering } = group;
      if (covering.length > 0) {
        out.push(
          kubeResult(
            'pass',
            ing,
            `target 5XX alarm(s) cover its load balancer: ${covering.map((c) => c.alarm.id).join(', ')}`,
          ),
        );
        continue;
      }
      const seen =
        tags.length > 0 ? `its ALB tags ${tags.map(([k, v]) => `${k}=${v}`).join(', ')}` : 'it sets no ALB tags';
      out.push(
        kubeResult(
          p.required ? 'fail' : 'warn',
          ing,
          `no alarm watches ${p.metrics.join(' or ')} of its load balancer (${seen}; ${watching.length} 5XX alarm(s) in the sources match none of them)`,
          ['metadata', 'annotations'],
        ),
      );
    }
    return out;
  },
});

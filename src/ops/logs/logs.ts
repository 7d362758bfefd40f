import type { KubeObject } from '../../inventory/types.js';
import { isoBefore } from '../common/events.js';
import {
  containerStatusesOf,
  labelsOf,
  namespaceOf,
  nodeNameOf,
  podPhase,
  workloadOfPod,
} from '../common/kube-reads.js';
import { isErrorLine, signatureOf } from '../common/log-lines.js';
import { describeTermination, troubleOf } from '../common/pod-troubles.js';
import { formatBytes } from '../common/resources.js';
import { type Fact, unknownParts, valueOr } from '../facts.js';
import { type OpsProblem, sortProblems } from '../problems.js';
import { parseLogEvent, workloadOfPodName } from './container-insights.js';
import {
  type ContainerLogRow,
  type ErrorGroup,
  LOGS_DEFAULTS,
  type LogsInput,
  type LogsParams,
  type LogsReport,
  type PodLogRow,
} from './types.js';

/** Whether a pod is one of the app's: its namespace, and its name label or workload. */
export function belongsToApp(pod: KubeObject, app: LogsInput['app']): boolean {
  if (!app) return true;
  if (namespaceOf(pod) !== app.namespace) return false;
  const l = labelsOf(pod);
  return l['app.kubernetes.io/name'] === app.name || l.app === app.name || workloadOfPod(pod).name === app.name;
}

function stateText(s: ReturnType<typeof containerStatusesOf>[number]): string {
  if (s.state?.waiting) return `waiting: ${s.state.waiting.reason ?? ''}`.trim();
  if (s.state?.terminated) return `terminated: ${s.state.terminated.reason ?? ''}`.trim();
  return s.state?.running ? 'running' : 'unknown';
}

function previousOf(fact: Fact<string> | undefined, tailLines: number): ContainerLogRow['previous'] {
  if (!fact) return { unknown: 'the previous log was not read' };
  if (fact.state === 'unknown') return { unknown: fact.reason };
  const lines = fact.value.split('\n').filter((l) => l.trim() !== '');
  const tail = lines.slice(-tailLines);
  return { tail, errorLines: tail.filter(isErrorLine) };
}

function podRow(pod: KubeObject, input: LogsInput, p: LogsParams): PodLogRow {
  const ns = namespaceOf(pod);
  return {
    namespace: ns,
    name: pod.metadata.name,
    phase: podPhase(pod),
    ...(nodeNameOf(pod) ? { node: nodeNameOf(pod) } : {}),
    containers: containerStatusesOf(pod).map((s): ContainerLogRow => {
      const trouble = troubleOf(s);
      const crashed = trouble?.kind === 'crash-loop' || trouble?.kind === 'oom-killed' || (s.restartCount ?? 0) > 0;
      const last = s.lastState?.terminated;
      return {
        name: s.name,
        ready: s.ready === true,
        restarts: s.restartCount ?? 0,
        state: stateText(s),
        ...(last
          ? { lastTermination: { reason: last.reason, exitCode: last.exitCode, finishedAt: last.finishedAt } }
          : {}),
        ...(crashed
          ? { previous: previousOf(input.previousLogs[`${ns}/${pod.metadata.name}/${s.name}`], p.tailLines) }
          : {}),
      };
    }),
  };
}

function errorGroups(input: LogsInput, from: string): { groups: ErrorGroup[]; total: number; outside: number } {
  const events = input.errorEvents.state === 'read' ? input.errorEvents.value.events : [];
  const fromMs = Date.parse(from);
  const toMs = Date.parse(input.now);
  const groups = new Map<string, { g: Omit<ErrorGroup, 'pods'> & { pods: Set<string> } }>();
  let total = 0;
  let outside = 0;
  for (const e of [...events].sort((a, b) => a.timestamp - b.timestamp)) {
    const line = parseLogEvent(e.message);
    if (input.app) {
      if (line.namespace !== undefined && line.namespace !== input.app.namespace) continue;
      const workload = line.pod ? workloadOfPodName(line.pod) : undefined;
      if (line.app !== input.app.name && workload !== input.app.name) continue;
    }
    if (e.timestamp < fromMs || e.timestamp > toMs) {
      outside++;
      continue;
    }
    total++;
    const namespace = line.namespace ?? '';
    const workload = line.app ?? (line.pod ? workloadOfPodName(line.pod) : '');
    const signature = signatureOf(line.text);
    const key = `${namespace}\u0000${workload}\u0000${signature}`;
    const at = new Date(e.timestamp).toISOString();
    const cur = groups.get(key);
    if (cur) {
      cur.g = { ...cur.g, count: cur.g.count + 1, last: at, latest: line.text, pods: cur.g.pods };
      if (line.pod) cur.g.pods.add(line.pod);
    } else
      groups.set(key, {
        g: {
          namespace,
          workload,
          signature,
          count: 1,
          first: at,
          last: at,
          latest: line.text,
          pods: new Set(line.pod ? [line.pod] : []),
        },
      });
  }
  const list = [...groups.values()]
    .map(({ g }) => ({ ...g, pods: [...g.pods].sort() }))
    .sort((a, b) => b.count - a.count || b.last.localeCompare(a.last) || a.signature.localeCompare(b.signature));
  return { groups: list, total, outside };
}

const EXIT_NOTICE = /\b(exiting|exited|exit(ed)? with|shutting down)\b/i;

function problemsOf(report: Omit<LogsReport, 'problems' | 'unknown'>, input: LogsInput, p: LogsParams): OpsProblem[] {
  const out: OpsProblem[] = [];
  for (const pod of report.pods)
    for (const c of pod.containers) {
      if (!c.previous || c.state !== 'waiting: CrashLoopBackOff') continue;
      const errors = 'errorLines' in c.previous ? c.previous.errorLines : [];
      // The cause is the last error that is not the process saying it exits.
      const telling = errors.filter((l) => !EXIT_NOTICE.test(l));
      const lastError = telling.at(-1) ?? errors.at(-1) ?? ('tail' in c.previous ? c.previous.tail.at(-1) : undefined);
      out.push({
        severity: 'critical',
        code: 'logs.crash-loop',
        object: { kind: 'Pod', name: pod.name, namespace: pod.namespace },
        what: `container ${c.name} crash-looping, ${c.restarts} restarts, last ${describeTermination(c.lastTermination) ?? 'termination unknown'}`,
        ...(lastError
          ? { cause: `previous log: ${lastError.trim()}` }
          : 'unknown' in c.previous
            ? { cause: `previous log unknown: ${c.previous.unknown}` }
            : {}),
        next: `kubectl logs pod/${pod.name} -n ${pod.namespace} -c ${c.name} --previous`,
        source: 'kubernetes',
      });
    }
  for (const g of report.logGroups) {
    const r = g.retentionInDays;
    if (r !== undefined && r >= p.minRetentionDays && r <= p.maxRetentionDays) continue;
    out.push({
      severity: 'warning',
      code: 'log-group.retention',
      object: { kind: 'LogGroup', name: g.name },
      what:
        r === undefined
          ? `kept forever (no retention)${g.storedBytes !== undefined ? `, ${formatBytes(g.storedBytes)} stored` : ''}`
          : `retention ${r} days, outside ${p.minRetentionDays}–${p.maxRetentionDays}`,
      cause: 'without a retention policy CloudWatch storage costs grow without bound',
      next: `aws logs put-retention-policy --log-group-name ${g.name} --retention-in-days ${Math.min(Math.max(30, p.minRetentionDays), p.maxRetentionDays)}`,
      source: 'aws',
    });
  }
  for (const g of report.errors.groups)
    if (g.count >= p.burstCount)
      out.push({
        severity: 'warning',
        code: 'logs.error-burst',
        object: { kind: 'Workload', name: g.workload, namespace: g.namespace },
        what: `${g.count} errors "${g.signature}" since ${g.first}`,
        cause: `latest: ${g.latest}`,
        next: `aws logs filter-log-events --log-group-name ${report.errors.logGroup ?? '<group>'} --start-time ${Date.parse(input.now) - input.sinceSeconds * 1000} --filter-pattern ERROR`,
        source: 'aws',
      });
  return out;
}

/**
 * Logs of an app (or of the cluster): its pods and containers, the tail of
 * the previous container's log for those that crashed, the cluster's log
 * groups with retention and size, and the error lines of the window grouped
 * by namespace, workload and message signature (numbers and ids normalised),
 * most frequent first.
 */
export function logsReport(input: LogsInput, params: Partial<LogsParams> = {}): LogsReport {
  const p: LogsParams = { ...LOGS_DEFAULTS, ...params };
  const from = isoBefore(input.now, input.sinceSeconds);
  const pods = valueOr(input.pods, [])
    .filter((pod) => belongsToApp(pod, input.app))
    .map((pod) => podRow(pod, input, p))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  const { groups, total, outside } = errorGroups(input, from);
  const ev = input.errorEvents.state === 'read' ? input.errorEvents.value : undefined;
  const base = {
    ...(input.app ? { app: input.app } : {}),
    window: { from, to: input.now },
    pods,
    logGroups: [...valueOr(input.logGroups, [])].sort((a, b) => a.name.localeCompare(b.name)),
    errors: {
      ...(ev ? { logGroup: ev.logGroup } : {}),
      ...(ev?.filterPattern ? { filterPattern: ev.filterPattern } : {}),
      total,
      outsideWindow: outside,
      groups: groups.slice(0, p.maxGroups),
      moreGroups: Math.max(0, groups.length - p.maxGroups),
    },
  };
  return {
    ...base,
    problems: sortProblems(problemsOf(base, input, p)),
    unknown: unknownParts({ pods: input.pods, logGroups: input.logGroups, errorEvents: input.errorEvents }),
  };
}

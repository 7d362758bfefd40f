import type { RunbookAlarm, RunbookFacts } from './facts.js';
import { page, steps } from './page.js';
import { partLines } from './sections.js';

const FIRST_COMMANDS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  node_cpu_utilization: [
    ['Which nodes are busy', 'kubectl top nodes'],
    ['Which pods use the CPU', 'kubectl top pods -A --sort-by=cpu | head -20'],
  ],
  node_memory_utilization: [
    ['Which nodes are full', 'kubectl top nodes'],
    ['Which pods use the memory', 'kubectl top pods -A --sort-by=memory | head -20'],
  ],
  cluster_failed_node_count: [
    ['Which node is not Ready', 'kubectl get nodes'],
    ['Why', 'kubectl describe node <node> | sed -n "/Conditions/,/Addresses/p"'],
  ],
  pod_number_of_container_restarts: [
    ['Which pods restart', 'kubectl get pods -A --sort-by=.status.containerStatuses[0].restartCount | tail -10'],
    ['Why the last one stopped', 'kubectl describe pod <pod> -n <namespace> | grep -A5 "Last State"'],
  ],
  ApplicationErrorLines: [
    [
      'The error lines',
      'kubectl logs -l app.kubernetes.io/name=<app> -n <namespace> --since=15m | grep -E "ERROR|FATAL|panic"',
    ],
  ],
};

function alarmSection(f: RunbookFacts, a: RunbookAlarm): string[] {
  const first = (a.metric && FIRST_COMMANDS[a.metric]) || [
    ['Its history', `aws cloudwatch describe-alarm-history --alarm-name ${a.name} --region ${f.region}`] as const,
  ];
  const notifies =
    a.actions === undefined
      ? []
      : [a.actions.length ? `Notifies ${a.actions.join(', ')}.` : 'Notifies no one (it has no actions).', ''];
  return [
    `## ${a.name}`,
    '',
    `${a.description ?? 'No description.'}${a.metric ? ` (metric ${a.metric}${a.threshold === undefined ? '' : `, threshold ${a.threshold}`})` : ''}${a.state ? ` State now: ${a.state}.` : ''}`,
    '',
    ...notifies,
    steps([['Its state', `aws cloudwatch describe-alarms --alarm-names ${a.name} --region ${f.region}`], ...first]),
    '',
  ];
}

export function alarmsPage(f: RunbookFacts): string {
  return page(
    'Alarms',
    f,
    partLines(f, 'alarms', f.alarms, (list) =>
      list.length
        ? list.flatMap((a) => alarmSection(f, a))
        : [
            f.source === 'config'
              ? 'No alarms are configured (alarms.enabled is false).'
              : 'The account has no alarm for this cluster.',
          ],
    ),
  );
}

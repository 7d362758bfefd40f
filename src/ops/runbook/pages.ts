import type { RunbookApp, RunbookFacts, RunbookNodeGroup, RunbookSecret, RunbookVolume } from './facts.js';
import { phasesMarkdown, scenarioMarkdown } from './markdown.js';
import { page, steps } from './page.js';
import { appRunbookPath, RUNBOOK_PAGES, RUNBOOK_WORKLOAD_KINDS } from './paths.js';
import { partLines, unreadLines } from './sections.js';

export function indexPage(f: RunbookFacts): string {
  const apps = partLines(f, 'apps', f.apps, (list) =>
    list.length
      ? list.map((a) => `- [${a.namespace}/${a.name}](${appRunbookPath(a)}) (${a.kind})`)
      : ['No workloads found.'],
  );
  return page(`Runbooks: ${f.environment}`, f, [
    `- [Cluster health](${RUNBOOK_PAGES.clusterHealth})`,
    `- [Nodes: drain and scaling](${RUNBOOK_PAGES.nodes})`,
    `- [Secrets: refresh and rotation](${RUNBOOK_PAGES.secrets})`,
    `- [Logs](${RUNBOOK_PAGES.logs})`,
    `- [Alarms](${RUNBOOK_PAGES.alarms})`,
    `- [Restore](${RUNBOOK_PAGES.restore})`,
    `- [Upgrade](${RUNBOOK_PAGES.upgrade})`,
    '',
    '## Applications',
    '',
    ...apps,
    ...unreadLines(f, [...RUNBOOK_WORKLOAD_KINDS, 'HorizontalPodAutoscaler', 'ScaledObject']),
  ]);
}

export function clusterHealthPage(f: RunbookFacts): string {
  return page('Cluster health', f, [
    steps([
      ['Connect', `aws eks update-kubeconfig --name ${f.clusterName} --region ${f.region}`],
      [
        'Control plane status and version',
        `aws eks describe-cluster --name ${f.clusterName} --region ${f.region} --query 'cluster.[status,version]'`,
      ],
      [
        'Nodes, their group and zone',
        'kubectl get nodes -L slipway.io/node-group,slipway.io/capacity,topology.kubernetes.io/zone',
      ],
      [
        'Pods that are not running',
        'kubectl get pods -A --field-selector=status.phase!=Running,status.phase!=Succeeded',
      ],
      ['Recent warnings', 'kubectl get events -A --field-selector type=Warning --sort-by=.lastTimestamp | tail -30'],
      ['Node and pod usage', 'kubectl top nodes && kubectl top pods -A --sort-by=memory | head -20'],
      ['The checklist against the live cluster', `slipway verify --env ${f.environment} --live`],
    ]),
  ]);
}

function lower(kind: string): string {
  return kind.toLowerCase();
}

/** Where the workload's runbook annotation points, and whether that is this page. */
function annotationLines(a: RunbookApp): string[] {
  if (!a.annotation) return [];
  const mine = appRunbookPath(a);
  return [
    '',
    a.annotation.endsWith(mine)
      ? `Its runbook annotation points here (${a.annotation}).`
      : `Its runbook annotation points at ${a.annotation}, not at this page (${mine}).`,
  ];
}

export function appPage(f: RunbookFacts, a: RunbookApp): string {
  const ref = `${lower(a.kind)}/${a.name}`;
  const ns = `-n ${a.namespace}`;
  const sel = a.selector || `app.kubernetes.io/name=${a.name}`;
  const rolls = a.kind === 'Deployment' || a.kind === 'StatefulSet' || a.kind === 'DaemonSet';
  const body: string[] = [
    `${a.kind} ${a.name} in namespace ${a.namespace}${a.replicas === undefined ? '' : `, ${a.replicas} replica(s)`}; containers: ${a.containers.join(', ')}.`,
    ...annotationLines(a),
    '',
    '## Status',
    '',
    steps([
      ['What runs', `kubectl get ${ref} ${ns} -o wide && kubectl get pods ${ns} -l ${sel} -o wide`],
      ['Why a pod is unhappy', `kubectl describe pod -l ${sel} ${ns}`],
    ]),
  ];
  if (rolls) {
    body.push(
      '',
      '## Deploy',
      '',
      steps([
        [
          'Change the image tag in slipway.config.yaml, synthesize, and let GitOps apply it',
          `slipway synth --env ${f.environment}`,
        ],
        ['Watch the rollout', `kubectl rollout status ${ref} ${ns} --timeout=10m`],
      ]),
      '',
      '## Roll back',
      '',
      steps([
        ['See the revisions', `kubectl rollout history ${ref} ${ns}`],
        [
          'Go back one revision (then revert the change in Git, or GitOps re-applies it)',
          `kubectl rollout undo ${ref} ${ns}`,
        ],
        ['Watch it', `kubectl rollout status ${ref} ${ns}`],
      ]),
      '',
      '## Restart',
      '',
      steps([['Replace the pods one by one', `kubectl rollout restart ${ref} ${ns}`]]),
    );
  }
  if (a.kind !== 'DaemonSet' && a.kind !== 'CronJob' && a.kind !== 'Job') {
    body.push(
      '',
      '## Scale',
      '',
      a.scaledBy
        ? steps([
            [
              `${a.scaledBy.kind} ${a.scaledBy.name} scales it${a.scaledBy.min !== undefined ? ` between ${a.scaledBy.min} and ${a.scaledBy.max ?? '?'}` : ''}; change its bounds rather than the replicas`,
              `kubectl get ${lower(a.scaledBy.kind)} ${a.scaledBy.name} ${ns}`,
            ],
          ])
        : steps([
            [
              'Set the replicas (and replicas in slipway.config.yaml, or GitOps reverts it)',
              `kubectl scale ${ref} ${ns} --replicas=<n>`,
            ],
          ]),
    );
  }
  if (a.kind === 'CronJob') {
    body.push(
      '',
      '## Run now',
      '',
      steps([
        [
          'Start one run outside the schedule',
          `kubectl create job ${a.name}-manual-$(date +%s) --from=cronjob/${a.name} ${ns}`,
        ],
        ['Pause the schedule', `kubectl patch cronjob ${a.name} ${ns} -p '{"spec":{"suspend":true}}'`],
      ]),
    );
  }
  body.push(
    '',
    '## Logs',
    '',
    steps([
      ['Follow every pod', `kubectl logs -f -l ${sel} ${ns} --all-containers --max-log-requests=10`],
      ['The previous container after a crash', `kubectl logs -l ${sel} ${ns} --previous`],
    ]),
  );
  return page(`${a.namespace}/${a.name}`, f, body);
}

function secretSection(f: RunbookFacts, s: RunbookSecret): string[] {
  return [
    `## ${s.namespace}/${s.name}`,
    '',
    `Writes Secret ${s.target} from ${s.store}${s.refreshInterval ? `, refreshed every ${s.refreshInterval}` : ''}; reads ${s.keys.join(', ') || 'no key'}.`,
    '',
    steps([
      ['Is it in sync?', `kubectl get externalsecret ${s.name} -n ${s.namespace}`],
      [
        'Read it again now',
        `kubectl annotate externalsecret ${s.name} -n ${s.namespace} force-sync=$(date +%s) --overwrite`,
      ],
      ...s.keys.map(
        (k) =>
          [
            `Rotate ${k}: write the new value, then read it again (above) and restart the pods that use it`,
            `aws secretsmanager put-secret-value --secret-id ${k} --secret-string file://new-value.json --region ${f.region}`,
          ] as const,
      ),
    ]),
    '',
  ];
}

export function secretsPage(f: RunbookFacts): string {
  return page(
    'Secrets: refresh and rotation',
    f,
    partLines(f, 'secrets', f.secrets, (list) =>
      list.length ? list.flatMap((s) => secretSection(f, s)) : ['No ExternalSecret found.'],
    ),
  );
}

export function logsPage(f: RunbookFacts): string {
  const first = f.logGroups.state === 'read' ? f.logGroups.value[0]?.name : undefined;
  return page('Logs', f, [
    ...partLines(f, 'logGroups', f.logGroups, (list) => [
      '| log group | retention |',
      '|---|---|',
      ...(list.length
        ? list.map(
            (g) => `| ${g.name} | ${g.retentionDays === undefined ? 'never expires' : `${g.retentionDays} days`} |`,
          )
        : ['| (none found) | |']),
    ]),
    '',
    steps([
      ['Follow a log group', `aws logs tail ${first ?? '<log-group>'} --follow --region ${f.region}`],
      [
        'Search the last hour for errors',
        `aws logs filter-log-events --log-group-name ${first ?? '<log-group>'} --filter-pattern ERROR --start-time $(($(date +%s) - 3600))000 --region ${f.region}`,
      ],
      ['A pod’s own output', 'kubectl logs <pod> -n <namespace> --all-containers'],
    ]),
  ]);
}

function nodeGroupSection(f: RunbookFacts, g: RunbookNodeGroup): string[] {
  const ng = `${f.clusterName}-${g.name}`.slice(0, 63);
  const bounds = g.min === undefined ? undefined : `${g.min} to ${g.max ?? '?'} nodes`;
  const size =
    g.nodes === undefined
      ? (bounds ?? 'size not known')
      : `${g.nodes} node(s) running${bounds ? `; the config allows ${bounds}` : '; not in the config, so its bounds are not known'}`;
  const scaling = g.min === undefined ? 'desiredSize=<n>' : `minSize=${g.min},maxSize=${g.max},desiredSize=<n>`;
  return [
    `## Node group ${ng}`,
    '',
    `${g.capacity} capacity, ${g.instanceTypes.join(', ') || 'instance types not known'}, ${size}.`,
    '',
    steps([
      ['Its nodes', `kubectl get nodes -l slipway.io/node-group=${g.name}`],
      [
        'Scale it now (the next slipway deploy restores the config values; change nodes.groups there to keep it)',
        `aws eks update-nodegroup-config --cluster-name ${f.clusterName} --nodegroup-name ${ng} --scaling-config ${scaling} --region ${f.region}`,
      ],
    ]),
  ];
}

export function nodesPage(f: RunbookFacts): string {
  const body: string[] = [
    steps([
      [
        'Move the pods off a node before maintenance',
        'kubectl cordon <node> && kubectl drain <node> --ignore-daemonsets --delete-emptydir-data --timeout=10m',
      ],
      ['A drain that does not finish is held by a PodDisruptionBudget', 'kubectl get pdb -A'],
      ['Let the node take pods again', 'kubectl uncordon <node>'],
    ]),
  ];
  body.push(
    '',
    ...partLines(f, 'nodeGroups', f.nodeGroups, (list) =>
      list.flatMap((g, i) => [...(i ? [''] : []), ...nodeGroupSection(f, g)]),
    ),
  );
  return page('Nodes: drain and scaling', f, body);
}

function volumeLines(list: readonly RunbookVolume[]): string[] {
  return list.length
    ? [
        '| claim | storage class | EBS volume |',
        '|---|---|---|',
        ...list.map(
          (v) => `| ${v.namespace}/${v.claim} | ${v.storageClass ?? ''} | ${v.volumeId ?? '(not bound to EBS)'} |`,
        ),
      ]
    : ['No PersistentVolumeClaim found.'];
}

export function restorePage(f: RunbookFacts): string {
  if ('unavailable' in f.dr) return page('Restore', f, [f.dr.unavailable]);
  const body = [
    ...(f.volumes ? ['## Volumes', '', ...partLines(f, 'volumes', f.volumes, volumeLines), ''] : []),
    `${f.dr.counts.covered} volume(s) covered by a backup plan, ${f.dr.counts.notCovered} not covered, ${f.dr.counts.unknown} unknown (\`slipway dr --env ${f.environment}\` for the table).`,
  ];
  for (const s of f.dr.scenarios) body.push('', scenarioMarkdown(s));
  return page('Restore', f, body);
}

export function upgradePage(f: RunbookFacts): string {
  if ('unavailable' in f.upgrade) return page('Upgrade', f, [f.upgrade.unavailable]);
  const u = f.upgrade;
  const blockers = u.problems
    .filter((p) => p.severity === 'critical')
    .map((p) => `- ${p.object.kind} ${p.object.namespace ? `${p.object.namespace}/` : ''}${p.object.name}: ${p.what}`);
  return page(`Upgrade ${u.from} → ${u.to}`, f, [
    blockers.length
      ? `Blockers (\`slipway upgrade plan --env ${f.environment}\` for the full plan):`
      : 'No blocker found in the config and files.',
    ...(blockers.length ? ['', ...blockers] : []),
    '',
    phasesMarkdown(u.phases),
  ]);
}

/** Where the generated set keeps each page, relative to the output directory. */
export const RUNBOOK_PAGES = {
  index: 'README.md',
  clusterHealth: 'cluster-health.md',
  secrets: 'secrets.md',
  logs: 'logs.md',
  nodes: 'nodes.md',
  alarms: 'alarms.md',
  restore: 'restore.md',
  upgrade: 'upgrade.md',
} as const;

/** The page of one workload: `apps/<namespace>-<name>.md`. */
export function appRunbookPath(w: { readonly namespace: string; readonly name: string }): string {
  return `apps/${w.namespace}-${w.name}.md`;
}

/** The workload kinds that get a page of their own. */
export const RUNBOOK_WORKLOAD_KINDS = ['CronJob', 'DaemonSet', 'Deployment', 'StatefulSet'] as const;

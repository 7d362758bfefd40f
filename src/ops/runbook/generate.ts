import { alarmsPage } from './alarms-page.js';
import type { RunbookFacts } from './facts.js';
import {
  appPage,
  clusterHealthPage,
  indexPage,
  logsPage,
  nodesPage,
  restorePage,
  secretsPage,
  upgradePage,
} from './pages.js';
import { appRunbookPath, RUNBOOK_PAGES } from './paths.js';

export interface RunbookFile {
  /** Path inside the output directory. */
  readonly path: string;
  readonly content: string;
}

/** Every runbook page of an environment, sorted by path; the same facts give the same bytes. */
export function generateRunbooks(f: RunbookFacts): RunbookFile[] {
  const files: RunbookFile[] = [
    { path: RUNBOOK_PAGES.index, content: indexPage(f) },
    { path: RUNBOOK_PAGES.clusterHealth, content: clusterHealthPage(f) },
    { path: RUNBOOK_PAGES.secrets, content: secretsPage(f) },
    { path: RUNBOOK_PAGES.logs, content: logsPage(f) },
    { path: RUNBOOK_PAGES.nodes, content: nodesPage(f) },
    { path: RUNBOOK_PAGES.alarms, content: alarmsPage(f) },
    { path: RUNBOOK_PAGES.restore, content: restorePage(f) },
    { path: RUNBOOK_PAGES.upgrade, content: upgradePage(f) },
    ...(f.apps.state === 'read' ? f.apps.value : []).map((a) => ({ path: appRunbookPath(a), content: appPage(f, a) })),
  ];
  const seen = new Set<string>();
  return files
    .filter((x) => (seen.has(x.path) ? false : seen.add(x.path)))
    .sort((a, b) => a.path.localeCompare(b.path));
}

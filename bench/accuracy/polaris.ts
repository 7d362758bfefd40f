/**
 * Polaris: every file under test/checks/<check>/ is one case, failure.* or
 * success.*. Slipway agrees when a mapped rule reports (fail or warn) on an
 * object of the kind the Polaris check targets (pkg/config/checks/<check>.yaml
 * `target:`; Controller, PodSpec, PodTemplate and Container mean workloads)
 * in a failure file, and on none in a success file.
 */
import { basename } from 'node:path';
import { answering, listFiles, type Mapping, newRow, type Row, showFile, WORKLOAD_KINDS } from './peers.js';
import { type EnvName, reportedBy } from './slipway-run.js';

function targetKinds(dir: string, check: string): ReadonlySet<string> | undefined {
  // Built-in checks live in pkg/config/checks; a test's own custom check beside its cases.
  let text: string | undefined;
  for (const path of [`pkg/config/checks/${check}.yaml`, `test/checks/${check}/check.yaml`]) {
    try {
      text = showFile(dir, path);
      break;
    } catch {}
  }
  if (text === undefined) return undefined;
  const target = /^target:\s*(\S+)/m.exec(text)?.[1];
  if (!target || ['Controller', 'PodSpec', 'PodTemplate', 'Container'].includes(target)) return WORKLOAD_KINDS;
  return new Set([target.slice(target.lastIndexOf('/') + 1)]);
}

export function polarisRows(dir: string, mapping: Mapping, env: EnvName): Row[] {
  const files = listFiles(dir, 'test/checks/');
  const rows: Row[] = [];
  for (const [check, m] of Object.entries(mapping.polaris)) {
    const own = newRow('Polaris', check, m);
    const other = m.differentCases
      ? newRow('Polaris', `${check}, fixtures of another meaning`, {
          ...m,
          meaning: 'different',
          why: [...new Set(Object.values(m.differentCases))].join('; '),
        })
      : undefined;
    const kinds = targetKinds(dir, check);
    for (const path of files.filter((f) => f.startsWith(`test/checks/${check}/`))) {
      const name = basename(path);
      const expected = name.startsWith('failure');
      if (!expected && !name.startsWith('success')) continue;
      const row = other && m.differentCases?.[name.replace(/\.ya?ml$/, '')] !== undefined ? other : own;
      const reports = answering(reportedBy([{ file: path, text: showFile(dir, path) }], m.rules, env), m).filter(
        (r) => !kinds || kinds.has(r.kind),
      );
      const ours = reports.length > 0;
      row.cases++;
      if (ours === expected) row.agree++;
      else {
        const seen = reports.map((r) => `${r.ruleId} ${r.status} ${r.kind}/${r.name}: ${r.message}`).join(' | ');
        row.divergent.push(
          `${name}: Polaris ${expected ? 'fails' : 'passes'}, Slipway ${ours ? `reports (${seen})` : 'passes'}`,
        );
      }
    }
    rows.push(own);
    if (other && other.cases > 0) rows.push(other);
  }
  return rows;
}

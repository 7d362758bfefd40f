/**
 * False-positive run: verifies published third-party manifests that run in
 * production elsewhere and lists every critical-severity failure (each one is
 * either a false positive to fix or a true finding explained in docs/accuracy.md).
 *
 *   npx tsx bench/accuracy/real-manifests.ts --kube-prometheus <git dir> --eks-workshop <git dir>
 *
 * (or KUBE_PROMETHEUS_GIT / EKS_WORKSHOP_GIT). Sets: kube-prometheus' manifests/
 * (setup/ with its CRDs included) and the EKS workshop's manifests/base-application
 * (kustomization.yaml files are kustomize's input, not objects, and are left out).
 * Each set is verified alone with --env test and --env prod thresholds (the
 * presets, no config file), in process, from the sources.
 */
import { headCommit, listFiles, showFile } from './peers.js';
import { type EnvName, type Reported, reportedBy } from './slipway-run.js';

function arg(name: string, env: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : process.env[env];
}

interface ManifestSet {
  readonly name: string;
  readonly dir: string;
  readonly under: string;
}

const sets: ManifestSet[] = [];
const kp = arg('--kube-prometheus', 'KUBE_PROMETHEUS_GIT');
const ew = arg('--eks-workshop', 'EKS_WORKSHOP_GIT');
if (kp) sets.push({ name: 'kube-prometheus', dir: kp, under: 'manifests/' });
if (ew) sets.push({ name: 'eks-workshop base-application', dir: ew, under: 'manifests/base-application/' });
if (!sets.length)
  throw new Error('no manifests given: pass --kube-prometheus and/or --eks-workshop with a git directory');

function count(reports: readonly Reported[], pick: (r: Reported) => boolean): number {
  return reports.filter(pick).length;
}

for (const set of sets) {
  const files = listFiles(set.dir, set.under).filter(
    (f) => /\.ya?ml$/.test(f) && !/(^|\/)kustomization\.ya?ml$/.test(f),
  );
  const texts = files.map((f) => ({ file: f, text: showFile(set.dir, f) }));
  console.log(`## ${set.name} (${headCommit(set.dir)}), ${files.length} files\n`);
  for (const env of ['test', 'prod'] as EnvName[]) {
    const reports = reportedBy(texts, [], env);
    const fails = reports.filter((r) => r.status === 'fail');
    const critical = fails.filter((r) => r.severity === 'critical');
    console.log(
      `--env ${env}: ${fails.length} failures (${critical.length} critical, ${count(fails, (r) => r.severity === 'high')} high), ${count(reports, (r) => r.status === 'warn')} warnings`,
    );
    const byRule = new Map<string, number>();
    for (const r of fails)
      byRule.set(`${r.ruleId} (${r.severity})`, (byRule.get(`${r.ruleId} (${r.severity})`) ?? 0) + 1);
    for (const [rule, n] of [...byRule].sort()) console.log(`  ${rule}: ${n}`);
    if (critical.length) console.log('  critical:');
    for (const r of critical) {
      const where = `${r.kind}/${r.namespace ? `${r.namespace}/` : ''}${r.name}${r.container ? ` container ${r.container}` : ''}`;
      console.log(`  - ${r.ruleId} ${where}: ${r.message}`);
    }
    console.log('');
  }
}

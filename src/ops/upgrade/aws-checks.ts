import type { VersionLock } from '../../versions/lock.js';
import type { OpsProblem } from '../problems.js';
import type { UpgradeFacts } from './facts.js';

/**
 * What EKS itself says about the target: an add-on version of the lock that
 * EKS does not offer for the target minor (the update would be refused), and
 * the cluster's upgrade insights that are not passing.
 */
export function awsUpgradeProblems(facts: UpgradeFacts, to: string, lock: VersionLock): OpsProblem[] {
  const out: OpsProblem[] = [];
  const offered = facts.addonVersions?.state === 'read' ? facts.addonVersions.value : [];
  for (const a of offered) {
    if (a.kubernetesVersion !== to) continue;
    const want = lock.addons[a.addon as keyof VersionLock['addons']];
    if (want === undefined || a.versions.includes(want)) continue;
    const newest = a.versions[0];
    out.push({
      severity: 'critical',
      code: 'upgrade.addon-incompatible',
      object: { kind: 'Addon', name: a.addon },
      what: a.versions.length
        ? `the lock's ${want} is not among the ${a.versions.length} version(s) EKS offers for ${to} (newest ${newest})`
        : `EKS offers no version of ${a.addon} for ${to}`,
      cause: 'EKS DescribeAddonVersions for the target minor',
      next: a.versions.length
        ? `set addons["${a.addon}"] of ${to} in src/versions/lock.ts to an offered version, such as ${newest}`
        : `check aws eks describe-addon-versions --addon-name ${a.addon} --kubernetes-version ${to}`,
      source: 'aws',
    });
  }
  const insights = facts.insights?.state === 'read' ? facts.insights.value : [];
  for (const i of insights) {
    if (i.status !== 'ERROR' && i.status !== 'WARNING') continue;
    if (i.kubernetesVersion && i.kubernetesVersion !== to) continue;
    out.push({
      severity: i.status === 'ERROR' ? 'critical' : 'warning',
      code: 'upgrade.insight',
      object: { kind: 'Insight', name: i.name },
      what: `EKS upgrade insight ${i.status}${i.reason ? `: ${i.reason}` : ''}${i.resources ? ` (${i.resources} resource(s))` : ''}`,
      ...(i.recommendation ? { cause: i.recommendation } : {}),
      next: `aws eks describe-insight --cluster-name ${facts.clusterName} --region ${facts.region} --id ${i.id}`,
      source: 'aws',
    });
  }
  return out;
}

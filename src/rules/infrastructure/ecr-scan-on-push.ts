import { z } from 'zod';
import type { Inventory } from '../../inventory/inventory.js';
import type { AwsResource } from '../../inventory/types.js';
import { checkRepositories, importedRegistryHome } from '../support/ecr-repositories.js';
import { cfnText } from '../support/iam.js';
import { awsResult } from '../support/results.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** The environment whose stack creates the repositories, when this one imports them. */
  registryHome: z.string().optional(),
  /** Registry scanning frequencies that count as scanning new images. */
  registryFrequencies: z.array(z.string()),
});

interface RegistryRule {
  ScanFrequency?: string;
  RepositoryFilters?: { Filter?: string; FilterType?: string }[];
}

function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(name);
}

/** A registry-level scanning rule that covers the repository, if any. */
function registryRule(inv: Inventory, repo: AwsResource, frequencies: readonly string[]): string | undefined {
  const name = cfnText(repo.properties.RepositoryName) ?? repo.id;
  for (const cfg of inv.aws('AWS::ECR::RegistryScanningConfiguration')) {
    const rules = Array.isArray(cfg.properties.Rules) ? (cfg.properties.Rules as RegistryRule[]) : [];
    for (const r of rules) {
      if (!r.ScanFrequency || !frequencies.includes(r.ScanFrequency)) continue;
      if ((r.RepositoryFilters ?? []).some((f) => f.Filter && globMatch(f.Filter, name))) {
        return `${String(cfg.properties.ScanType ?? 'registry')} scanning (${r.ScanFrequency})`;
      }
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'infrastructure.ecr-scan-on-push',
    title: 'ECR repositories scan images on push',
    category: 'infrastructure',
    checklist: ['infrastructure.ecr-scanning'],
    severity: { test: 'medium', prod: 'high' },
    why: 'Scanning on push reports known vulnerabilities before the image is deployed, not after an incident.',
    verified:
      'Every AWS::ECR::Repository has ImageScanningConfiguration.ScanOnPush: true, or a registry scanning configuration rule (scan on push or continuous) whose filter matches it.',
    fix: 'Set imageScanOnPush: true on the repository (the platform registry does), or enable enhanced scanning for the registry.',
    equivalents: { checkov: ['CKV_AWS_163'] },
    params,
    defaults: (env) => ({
      registryFrequencies: ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN'],
      registryHome: importedRegistryHome(env),
    }),
    needs: { aws: ['AWS::ECR::Repository', 'AWS::ECR::RegistryScanningConfiguration'] },
  },
  check: (inv, p) =>
    checkRepositories(inv, p.registryHome, (repo) => {
      const cfg = repo.properties.ImageScanningConfiguration as { ScanOnPush?: unknown } | undefined;
      if (cfg?.ScanOnPush === true || cfg?.ScanOnPush === 'true') {
        return awsResult('pass', repo, 'scans on push', ['ImageScanningConfiguration', 'ScanOnPush']);
      }
      const registry = registryRule(inv, repo, p.registryFrequencies);
      return registry
        ? awsResult('pass', repo, `covered by registry ${registry}`)
        : awsResult('fail', repo, 'does not scan on push', cfg ? ['ImageScanningConfiguration'] : []);
    }),
});

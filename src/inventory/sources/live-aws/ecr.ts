import type { ScanningRepositoryFilter } from '@aws-sdk/client-ecr';
import { parseEcrImage } from '../../../aws/ecr-image.js';
import { mapLimit } from '../../../aws/paging.js';
import {
  describeImageScanFindings,
  describeRepositories,
  getRegistryScanningConfiguration,
} from '../../../aws/readers/ecr.js';
import type { LiveAwsContext } from './context.js';

function filterMatches(filters: readonly ScanningRepositoryFilter[] | undefined, name: string): boolean {
  return (filters ?? []).some((f) => {
    const re = new RegExp(`^${(f.filter ?? '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    return re.test(name);
  });
}

/** Answers that mean "no scan to show" rather than a failure. */
const NO_SCAN = new Set(['ScanNotFoundException', 'ImageNotFoundException', 'RepositoryNotFoundException']);

export async function collectEcr(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(['AWS::ECR::Repository', 'AWS::ECR::RegistryScanningConfiguration'], async () => {
    const registry = await getRegistryScanningConfiguration(ctx.aws);
    const scanning = registry.scanningConfiguration;
    if (ctx.wants('AWS::ECR::RegistryScanningConfiguration')) {
      ctx.add('AWS::ECR::RegistryScanningConfiguration', `registry/${registry.registryId ?? 'default'}`, {
        ScanType: scanning?.scanType,
        Rules: (scanning?.rules ?? []).map((rule) => ({
          ScanFrequency: rule.scanFrequency,
          RepositoryFilters: (rule.repositoryFilters ?? []).map((f) => ({
            Filter: f.filter,
            FilterType: f.filterType,
          })),
        })),
      });
    }
    if (!ctx.wants('AWS::ECR::Repository')) return;
    const repos = await describeRepositories(ctx.aws);
    const region = await ctx.aws.clients.region();
    const images = [...new Set(ctx.target.images)].sort().flatMap((image) => {
      const ref = parseEcrImage(image);
      return ref && ref.region === region ? [{ image, ref }] : [];
    });
    const findings = await mapLimit(images, 4, async ({ image, ref }) => {
      try {
        const out = await describeImageScanFindings(ctx.aws, {
          registryId: ref.registryId,
          repositoryName: ref.repository,
          imageId: ref.digest ? { imageDigest: ref.digest } : { imageTag: ref.tag },
        });
        return {
          image,
          ref,
          status: out.imageScanStatus?.status ?? 'UNKNOWN',
          counts: out.imageScanFindings?.findingSeverityCounts ?? {},
        };
      } catch (e) {
        const name = e instanceof Error ? e.name : '';
        if (NO_SCAN.has(name)) return { image, ref, status: name.replace(/Exception$/, ''), counts: {} };
        throw e;
      }
    });
    for (const r of repos) {
      const name = r.repositoryName ?? '';
      const registryRules = (scanning?.rules ?? []).filter((rule) => filterMatches(rule.repositoryFilters, name));
      const imageFindings = Object.fromEntries(
        findings
          .filter((f) => f.ref.repository === name && f.ref.registryId === r.registryId)
          .map((f) => [f.image, { status: f.status, severityCounts: f.counts }]),
      );
      ctx.add(
        'AWS::ECR::Repository',
        r.repositoryArn ?? name,
        {
          RepositoryName: name,
          ImageTagMutability: r.imageTagMutability,
          ImageScanningConfiguration: { ScanOnPush: r.imageScanningConfiguration?.scanOnPush ?? false },
          EncryptionConfiguration: r.encryptionConfiguration && {
            EncryptionType: r.encryptionConfiguration.encryptionType,
            KmsKey: r.encryptionConfiguration.kmsKey,
          },
        },
        {
          repositoryUri: r.repositoryUri,
          registryScanType: scanning?.scanType,
          registryScanFrequencies: registryRules.map((rule) => rule.scanFrequency),
          imageFindings,
        },
      );
    }
    const known = new Set(repos.map((r) => `${r.registryId}/${r.repositoryName}`));
    for (const f of findings) {
      if (!known.has(`${f.ref.registryId}/${f.ref.repository}`)) {
        ctx.notes.push(`image ${f.image}: repository ${f.ref.repository} is not in this account's registry`);
      }
    }
  });
}

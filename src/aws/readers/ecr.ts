import type {
  DescribeImageScanFindingsCommandOutput,
  ImageDetail,
  ImageIdentifier,
  RegistryScanningConfiguration,
  Repository,
} from '@aws-sdk/client-ecr';
import { allPages } from '../paging.js';
import type { AwsReader } from '../read-context.js';

/** GetRegistryScanningConfiguration: basic or enhanced (Inspector) scanning, and its rules. */
export async function getRegistryScanningConfiguration(
  aws: AwsReader,
): Promise<{ registryId?: string; scanningConfiguration?: RegistryScanningConfiguration }> {
  const ecr = await aws.clients.ecr();
  const { GetRegistryScanningConfigurationCommand } = await import('@aws-sdk/client-ecr');
  return aws.call('ecr:GetRegistryScanningConfiguration', () =>
    ecr.send(new GetRegistryScanningConfigurationCommand({})),
  );
}

/** DescribeRepositories: every repository of the registry. */
export async function describeRepositories(aws: AwsReader): Promise<Repository[]> {
  const ecr = await aws.clients.ecr();
  const { DescribeRepositoriesCommand } = await import('@aws-sdk/client-ecr');
  return allPages(
    (nextToken) => aws.call('ecr:DescribeRepositories', () => ecr.send(new DescribeRepositoriesCommand({ nextToken }))),
    (p) => p.repositories,
    (p) => p.nextToken,
  );
}

/** DescribeImages: tags, digest, push time and scan summary of images in one repository (all, or the ids given). */
export async function describeImages(
  aws: AwsReader,
  repositoryName: string,
  options: { registryId?: string; imageIds?: ImageIdentifier[] } = {},
): Promise<ImageDetail[]> {
  const ecr = await aws.clients.ecr();
  const { DescribeImagesCommand } = await import('@aws-sdk/client-ecr');
  return allPages(
    (nextToken) =>
      aws.call('ecr:DescribeImages', () =>
        ecr.send(
          new DescribeImagesCommand({
            repositoryName,
            registryId: options.registryId,
            imageIds: options.imageIds,
            nextToken: options.imageIds ? undefined : nextToken,
          }),
        ),
      ),
    (p) => p.imageDetails,
    (p) => (options.imageIds ? undefined : p.nextToken),
  );
}

/**
 * DescribeImageScanFindings of one image: status, counts by severity and the
 * findings (basic and enhanced), every page. Throws the SDK's
 * ScanNotFoundException / ImageNotFoundException / RepositoryNotFoundException.
 */
export async function describeImageScanFindings(
  aws: AwsReader,
  image: { registryId?: string; repositoryName: string; imageId: ImageIdentifier },
): Promise<DescribeImageScanFindingsCommandOutput> {
  const ecr = await aws.clients.ecr();
  const { DescribeImageScanFindingsCommand } = await import('@aws-sdk/client-ecr');
  let first: DescribeImageScanFindingsCommandOutput | undefined;
  const findings = [];
  const enhanced = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await aws.call('ecr:DescribeImageScanFindings', () =>
      ecr.send(new DescribeImageScanFindingsCommand({ ...image, nextToken })),
    );
    first ??= page;
    findings.push(...(page.imageScanFindings?.findings ?? []));
    enhanced.push(...(page.imageScanFindings?.enhancedFindings ?? []));
    nextToken = page.nextToken;
  } while (nextToken && ++pages < 100);
  if (!first.imageScanFindings) return first;
  return {
    ...first,
    nextToken: undefined,
    imageScanFindings: { ...first.imageScanFindings, findings, enhancedFindings: enhanced },
  };
}

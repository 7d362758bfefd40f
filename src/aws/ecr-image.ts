/** An ECR image reference split into its parts. */
export interface EcrImageRef {
  readonly registryId: string;
  readonly region: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

const ECR_IMAGE =
  /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([^@]+))?(?:@(sha256:[a-f0-9]{64}))?$/;

/** Splits an ECR image reference; undefined for images from other registries. */
export function parseEcrImage(image: string): EcrImageRef | undefined {
  const m = ECR_IMAGE.exec(image);
  if (!m) return undefined;
  return { registryId: m[1], region: m[2], repository: m[3], tag: m[4] ?? (m[5] ? undefined : 'latest'), digest: m[5] };
}

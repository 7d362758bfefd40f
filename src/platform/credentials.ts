/** No usable AWS credentials: nothing was changed. */
export class CredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsError';
  }
}

/** A credential provider in the SDK v3 shape. */
export type CredentialProvider = () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;

export interface ResolvedCredentials {
  readonly provider: CredentialProvider;
  readonly region: string;
  /** Where they came from, for the message (profile name or "default chain"). */
  readonly source: string;
}

/** The SDK's default provider chain (env vars, shared files/--profile, SSO, web identity, container, instance). */
export async function resolveDefaultCredentials(opts: {
  profile?: string;
  region: string;
}): Promise<ResolvedCredentials> {
  const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
  const provider = fromNodeProviderChain(opts.profile ? { profile: opts.profile } : {});
  try {
    await provider();
  } catch (e) {
    throw new CredentialsError(
      `no AWS credentials found${opts.profile ? ` for profile "${opts.profile}"` : ''} ` +
        `(${e instanceof Error ? e.message : String(e)}); nothing was changed. Provide them with AWS_PROFILE=<name> ` +
        `or --profile <name> (see ~/.aws/config), or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, and a region with ` +
        `--region or the environment's region (${opts.region}).`,
    );
  }
  return {
    provider,
    region: opts.region,
    source: opts.profile ? `profile ${opts.profile}` : 'default credential chain',
  };
}

import { PLACEHOLDER_ACCOUNT } from '../config/presets.js';
import type { EnvironmentConfig } from '../config/types.js';
import { type ResolvedCredentials, resolveDefaultCredentials } from './credentials.js';
import { RefusedError } from './deploy.js';

export interface BootstrapRequest {
  readonly env: EnvironmentConfig;
  readonly profile?: string;
  /** Overrides the environment's region. */
  readonly region?: string;
  /** Bootstrap without asking; needed when there is no terminal. */
  readonly yes?: boolean;
}

/** What the bootstrap of one account and region did. */
export interface BootstrapOutcome {
  /** `success` when the CDKToolkit stack was created or updated, `no-op` when it was already current. */
  readonly status: 'success' | 'no-op';
}

export interface BootstrapDeps {
  /** Resolves credentials; throws when there are none. Default: the SDK's default provider chain. */
  readonly resolveCredentials?: (opts: { profile?: string; region: string }) => Promise<ResolvedCredentials>;
  /** Bootstraps `aws://<account>/<region>`. Default: @aws-cdk/toolkit-lib's bootstrap with the default template. */
  readonly bootstrap?: (opts: {
    target: string;
    credentials: ResolvedCredentials;
    log: (line: string) => void;
  }) => Promise<BootstrapOutcome>;
  /** Asks the user a question; undefined when there is no terminal. */
  readonly prompt?: (question: string) => Promise<string | undefined>;
  readonly log: (line: string) => void;
}

export interface BootstrapResult {
  readonly environment: string;
  /** `aws://<account>/<region>`. */
  readonly target: string;
  readonly account: string;
  readonly region: string;
  readonly status: 'success' | 'no-op';
  readonly credentials: string;
}

/**
 * Bootstraps the CDK in the account and region of one environment (the
 * CDKToolkit stack: the assets bucket and repository and the deploy roles),
 * so `slipway deploy` can run there. Refused before anything changes when
 * the environment has no account (the placeholder is never bootstrapped),
 * and when there is no terminal to confirm and no --yes.
 */
export async function runBootstrap(req: BootstrapRequest, deps: BootstrapDeps): Promise<BootstrapResult> {
  const { env } = req;
  const region = req.region ?? env.region;
  if (!env.account) {
    throw new RefusedError(
      `environment "${env.name}" has no account setting, so there is no account to bootstrap (synthesis uses the ` +
        `placeholder ${PLACEHOLDER_ACCOUNT}); nothing was changed. Set account: "<12-digit id>" in slipway.config.yaml ` +
        `(top level or under environments.${env.name})`,
    );
  }
  const target = `aws://${env.account}/${region}`;
  if (!req.yes && !deps.prompt) {
    throw new RefusedError(
      `bootstrap creates the CDKToolkit stack (an S3 bucket, an ECR repository and IAM roles) in ${target} and there is ` +
        `no terminal to ask; pass --yes to go ahead (slipway bootstrap --env ${env.name} --yes)`,
    );
  }
  const resolve = deps.resolveCredentials ?? resolveDefaultCredentials;
  const credentials = await resolve({ profile: req.profile, region });
  if (!req.yes) {
    const answer = deps.prompt
      ? await deps.prompt(
          `Bootstrap ${target} for environment ${env.name} (creates or updates the CDKToolkit stack)? (y/N) `,
        )
      : undefined;
    if (answer === undefined || !/^y(es)?$/i.test(answer.trim())) {
      throw new RefusedError(`bootstrap of ${target} not confirmed; nothing was changed`);
    }
  }
  const bootstrap = deps.bootstrap ?? toolkitBootstrap;
  const outcome = await bootstrap({ target, credentials, log: deps.log });
  return {
    environment: env.name,
    target,
    account: env.account,
    region,
    status: outcome.status,
    credentials: credentials.source,
  };
}

/** The real bootstrap: @aws-cdk/toolkit-lib with its default template, the same the CDK CLI deploys. */
async function toolkitBootstrap(opts: {
  target: string;
  credentials: ResolvedCredentials;
  log: (line: string) => void;
}): Promise<BootstrapOutcome> {
  const [{ BootstrapEnvironments }, { newToolkit }] = await Promise.all([
    import('@aws-cdk/toolkit-lib'),
    import('./cdk-toolkit.js'),
  ]);
  // The user confirmed the bootstrap itself; the toolkit's own questions get "yes".
  const toolkit = await newToolkit({ ...opts, confirm: async () => true });
  const result = await toolkit.bootstrap(BootstrapEnvironments.fromList([opts.target]));
  const statuses = result.environments.map((e) => e.status);
  return { status: statuses.includes('success') ? 'success' : 'no-op' };
}

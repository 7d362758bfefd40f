import type { BootstrapVersion } from '../aws/bootstrap-version.js';
import { PLACEHOLDER_ACCOUNT } from '../config/presets.js';
import type { EnvironmentConfig } from '../config/types.js';
import { newToolkit } from './cdk-toolkit.js';
import { type ResolvedCredentials, resolveDefaultCredentials } from './credentials.js';
import { platformStackName } from './stack.js';

export { type CredentialProvider, CredentialsError, type ResolvedCredentials } from './credentials.js';

/** What `deploy`, `diff` and `destroy` do to an environment's platform stack. */
export type PlatformAction = 'deploy' | 'diff' | 'destroy';

/** The action was refused before anything changed (missing confirmation, prod without --force). Reported like a usage error (exit 1, no stack trace). */
export class RefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The toolkit operations this module needs; the real one wraps @aws-cdk/toolkit-lib. */
export interface PlatformToolkit {
  deploy(): Promise<void>;
  diff(): Promise<void>;
  destroy(): Promise<void>;
}

export interface PlatformActionRequest {
  readonly env: EnvironmentConfig;
  readonly action: PlatformAction;
  readonly profile?: string;
  /** Overrides the environment's region. */
  readonly region?: string;
  /** Destroy: the cluster name typed on the command line (`--confirm` / `--yes-i-typed`). */
  readonly confirm?: string;
  /** Destroy: allow a prod-preset environment. */
  readonly force?: boolean;
  /** Deploy: approve the toolkit's questions (security changes) without asking; needed without a terminal. */
  readonly yes?: boolean;
}

export interface PlatformActionDeps {
  /** Resolves credentials; throws when there are none. Default: the SDK's default provider chain. */
  readonly resolveCredentials?: (opts: { profile?: string; region: string }) => Promise<ResolvedCredentials>;
  /** Builds the toolkit for a stack with those credentials. Default: @aws-cdk/toolkit-lib. */
  readonly createToolkit?: (opts: {
    env: EnvironmentConfig;
    credentials: ResolvedCredentials;
    log: (line: string) => void;
    confirm: (question: string) => Promise<boolean>;
  }) => Promise<PlatformToolkit>;
  /** Reads the CDK bootstrap version of the target account and region. Default: CloudFormation, then SSM. */
  readonly bootstrapVersion?: (credentials: ResolvedCredentials) => Promise<BootstrapVersion>;
  /** Asks the user a question; undefined when there is no terminal. */
  readonly prompt?: (question: string) => Promise<string | undefined>;
  readonly log: (line: string) => void;
}

export interface PlatformActionResult {
  readonly action: PlatformAction;
  readonly environment: string;
  readonly stackName: string;
  readonly region: string;
  readonly credentials: string;
}

/**
 * Deploys, diffs or destroys one environment's platform stack. Order: refuse
 * what is never allowed (destroying prod without --force), then resolve
 * credentials (stop with instructions when there are none), then for destroy
 * make the user type the cluster name, then act. Nothing changes before all
 * of these pass.
 */
export async function runPlatformAction(
  req: PlatformActionRequest,
  deps: PlatformActionDeps,
): Promise<PlatformActionResult> {
  const { env, action } = req;
  const region = req.region ?? env.region;
  if (action === 'destroy' && env.cluster.destroyNeedsForce && !req.force) {
    throw new RefusedError(
      `environment "${env.name}" has cluster.destroyNeedsForce on (the prod preset's default); destroying it needs ` +
        `--force as well as the typed cluster name (slipway destroy --env ${env.name} --force --confirm ${env.clusterName})`,
    );
  }

  if (action === 'deploy' && !env.account) {
    throw new RefusedError(
      `environment "${env.name}" has no account setting: its platform stack is account-agnostic, and its apps name the ` +
        `placeholder account ${PLACEHOLDER_ACCOUNT} in image names and role ARNs; nothing was deployed. ` +
        'Set account: "<12-digit id>" in slipway.config.yaml (top level or under ' +
        `environments.${env.name}) and synthesize again`,
    );
  }
  if (action === 'deploy' && !req.yes && !deps.prompt) {
    throw new RefusedError(
      'deploy may ask to approve IAM and security-group changes and there is no terminal to ask; ' +
        `pass --yes to approve them (slipway deploy --env ${env.name} --yes)`,
    );
  }

  const resolve = deps.resolveCredentials ?? resolveDefaultCredentials;
  const credentials = await resolve({ profile: req.profile, region });

  if (action === 'destroy') await confirmDestroy(req, deps);
  if (action === 'deploy') await checkBootstrap(env, region, credentials, deps.bootstrapVersion ?? defaultBootstrap);

  const create = deps.createToolkit ?? createCdkToolkit;
  const toolkit = await create({
    env,
    credentials,
    log: deps.log,
    // The typed name was the confirmation; the toolkit's own yes/no questions get "yes" for destroy only.
    confirm: async (q) => {
      if (action === 'destroy' || req.yes) return true;
      const answer = deps.prompt ? await deps.prompt(`${q} (y/N) `) : undefined;
      return answer !== undefined && /^y(es)?$/i.test(answer.trim());
    },
  });
  if (action === 'deploy') await toolkit.deploy();
  else if (action === 'diff') await toolkit.diff();
  else await toolkit.destroy();
  return {
    action,
    environment: env.name,
    stackName: platformStackName(env),
    region,
    credentials: credentials.source,
  };
}

async function confirmDestroy(req: PlatformActionRequest, deps: PlatformActionDeps): Promise<void> {
  const expected = req.env.clusterName;
  if (req.confirm !== undefined) {
    if (req.confirm !== expected) {
      throw new RefusedError(
        `--confirm "${req.confirm}" does not match the cluster name "${expected}"; nothing was destroyed`,
      );
    }
    return;
  }
  const answer = deps.prompt
    ? await deps.prompt(
        `This deletes the ${req.env.name} platform (${platformStackName(req.env)}). Type the cluster name (${expected}) to continue: `,
      )
    : undefined;
  if (answer === undefined) {
    throw new RefusedError(
      `destroy needs confirmation and there is no terminal to ask; pass --confirm ${expected} (or --yes-i-typed ${expected})`,
    );
  }
  if (answer.trim() !== expected) {
    throw new RefusedError(
      `typed "${answer.trim()}", which is not the cluster name "${expected}"; nothing was destroyed`,
    );
  }
}

/** Oldest CDK bootstrap version the platform stack's synthesizer accepts. */
export const MIN_BOOTSTRAP_VERSION = 6;

/** Stops a deploy into an account and region that is not bootstrapped (or too old), saying how to bootstrap it. */
async function checkBootstrap(
  env: EnvironmentConfig,
  region: string,
  credentials: ResolvedCredentials,
  read: (credentials: ResolvedCredentials) => Promise<BootstrapVersion>,
): Promise<void> {
  const found = await read(credentials);
  if (found.version !== undefined && found.version >= MIN_BOOTSTRAP_VERSION) return;
  const seen =
    found.version === undefined
      ? 'is not bootstrapped for CDK (no CDKToolkit stack and no /cdk-bootstrap/hnb659fds/version parameter)'
      : `has CDK bootstrap version ${found.version} (${found.source}), older than the ${MIN_BOOTSTRAP_VERSION} the platform needs`;
  throw new RefusedError(
    `account ${env.account}, region ${region} ${seen}; nothing was deployed. ` +
      `Bootstrap it once with: slipway bootstrap --env ${env.name}${region !== env.region ? ` --region ${region}` : ''} ` +
      `(or npx cdk bootstrap aws://${env.account}/${region})`,
  );
}

async function defaultBootstrap(credentials: ResolvedCredentials): Promise<BootstrapVersion> {
  const [{ CloudFormationClient }, { SSMClient }, { readBootstrapVersion }] = await Promise.all([
    import('@aws-sdk/client-cloudformation'),
    import('@aws-sdk/client-ssm'),
    import('../aws/bootstrap-version.js'),
  ]);
  const config = { region: credentials.region, credentials: credentials.provider, maxAttempts: 3 };
  return readBootstrapVersion({ cloudFormation: new CloudFormationClient(config), ssm: new SSMClient(config) });
}

/** The real toolkit: synthesizes the stack (assets staged) and runs the toolkit-lib action on it. */
async function createCdkToolkit(opts: {
  env: EnvironmentConfig;
  credentials: ResolvedCredentials;
  log: (line: string) => void;
  confirm: (question: string) => Promise<boolean>;
}): Promise<PlatformToolkit> {
  const { StackSelectionStrategy } = await import('@aws-cdk/toolkit-lib');
  const { buildPlatformApp } = await import('./synth.js');
  const toolkit = await newToolkit(opts);
  const cx = await toolkit.fromAssemblyBuilder(async (props) => {
    const { app } = await buildPlatformApp(opts.env, {
      outdir: props.outdir,
      context: props.context,
      stageAssets: true,
    });
    return app.synth();
  });
  const stacks = { strategy: StackSelectionStrategy.ALL_STACKS };
  return {
    async deploy() {
      await toolkit.deploy(cx, { stacks });
    },
    async diff() {
      await toolkit.diff(cx, { stacks });
    },
    async destroy() {
      await toolkit.destroy(cx, { stacks });
    },
  };
}

import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import { appPolicyStatements } from './aws-access.js';
import { namespaceOf, repositoryOf } from './naming.js';

export type Component =
  | 'ECR'
  | 'EKS base'
  | 'Ingress'
  | 'EBS storage'
  | 'Pod Identity'
  | 'External Secrets'
  | 'CloudWatch';

/** The component decision matrix, one column per pattern plus the multi-tier column. */
export const DECISION_MATRIX: Record<
  Component,
  Record<AppConfig['pattern'] | 'multiTier', string> & { readonly part: string }
> = {
  ECR: { part: '1.1', web: 'Yes', stateful: 'Yes', worker: 'Yes', cron: 'Yes', multiTier: 'Yes' },
  'EKS base': { part: '1.2', web: 'Yes', stateful: 'Yes', worker: 'Yes', cron: 'Yes', multiTier: 'Yes' },
  Ingress: { part: '1.3', web: 'Yes', stateful: 'No', worker: 'No', cron: 'No', multiTier: 'Frontend only' },
  'EBS storage': { part: '1.4', web: 'No', stateful: 'Yes', worker: 'No', cron: 'No', multiTier: 'Data tier' },
  'Pod Identity': {
    part: '1.5',
    web: 'If AWS calls',
    stateful: 'If AWS calls',
    worker: 'Usually',
    cron: 'Usually',
    multiTier: 'Per service',
  },
  'External Secrets': { part: '1.6', web: 'Yes', stateful: 'Yes', worker: 'Yes', cron: 'Yes', multiTier: 'Yes' },
  CloudWatch: { part: '1.7', web: 'Yes', stateful: 'Yes', worker: 'Yes', cron: 'Yes', multiTier: 'Yes' },
};

export interface ComponentNeed {
  readonly component: Component;
  /** Series part that built it (1.1 … 1.7). */
  readonly part: string;
  /** What the decision matrix says for this pattern (and the multi-tier column when the app has a tier). */
  readonly matrix: string;
  /** Whether this app, with this config, uses it. */
  readonly needed: boolean;
  readonly why: string;
  /** Set when the app needs the component but the environment has it switched off. */
  readonly warning?: string;
}

export interface AppExplanation {
  readonly app: string;
  readonly pattern: AppConfig['pattern'];
  readonly tier?: string;
  readonly namespace: string;
  readonly environment: string;
  readonly components: readonly ComponentNeed[];
}

function awsSummary(app: AppConfig): string {
  const parts: string[] = [];
  if (app.pattern === 'worker' && app.queue) parts.push(`consumes SQS ${app.queue.name}`);
  for (const q of app.aws?.sqs ?? []) parts.push(`SQS ${q.queue}`);
  for (const b of app.aws?.s3 ?? []) parts.push(`S3 ${b.bucket} (${b.access})`);
  for (const t of app.aws?.sns ?? []) parts.push(`SNS ${t.topic}`);
  for (const t of app.aws?.dynamodb ?? []) parts.push(`DynamoDB ${t.table} (${t.access})`);
  return parts.join(', ');
}

/**
 * Which platform components an app needs, and why: the component decision matrix
 * applied to the app's actual config (its image, host, storage, AWS access,
 * secrets) in one environment, with a warning when the environment has a
 * needed component switched off.
 */
export function explainApp(app: AppConfig, env: EnvironmentConfig): AppExplanation {
  const comps = env.components;
  const matrixOf = (c: Component) =>
    app.tier
      ? `${DECISION_MATRIX[c][app.pattern]} (multi-tier: ${DECISION_MATRIX[c].multiTier})`
      : DECISION_MATRIX[c][app.pattern];
  const need = (component: Component, needed: boolean, why: string, enabled = true): ComponentNeed => ({
    component,
    part: DECISION_MATRIX[component].part,
    matrix: matrixOf(component),
    needed,
    why,
    ...(needed && !enabled ? { warning: `needed, but components are off in ${env.name}` } : {}),
  });
  const repo = repositoryOf(app);
  const aws = appPolicyStatements(app, env).length > 0;
  const served = app.pattern === 'web' && app.host !== undefined;
  return {
    app: app.name,
    pattern: app.pattern,
    tier: app.tier,
    namespace: namespaceOf(app, env),
    environment: env.name,
    components: [
      need(
        'ECR',
        repo !== undefined,
        repo
          ? `image from the platform repository ${repo} (scanned on push)`
          : `external image ${String(app.image)}; push it to ECR to get scanning and lifecycle rules`,
        comps.registry,
      ),
      need('EKS base', true, `runs as a ${workloadKind(app)} in namespace ${namespaceOf(app, env)}`),
      need(
        'Ingress',
        served,
        served
          ? `public host ${app.host}: HTTPS through the shared ALB`
          : app.pattern === 'web'
            ? 'no host: reachable inside the cluster only'
            : 'not internet-facing',
        comps.ingress,
      ),
      need(
        'EBS storage',
        app.storage !== undefined,
        app.storage
          ? `one ${app.storage.class} volume per replica at ${app.storage.mountPath}`
          : 'stateless: no persistent volume',
        comps.storage,
      ),
      need(
        'Pod Identity',
        aws,
        aws ? `calls AWS: ${awsSummary(app)}; role scoped to those resources` : 'makes no AWS calls: no role, no token',
        comps.identity,
      ),
      need(
        'External Secrets',
        app.secrets.length > 0,
        app.secrets.length
          ? `${app.secrets.length} secret(s) from ${env.secretsPath}/… mounted as files`
          : 'declares no secrets',
        comps.secrets,
      ),
      need('CloudWatch', true, 'container logs and metrics (Container Insights)', comps.observability),
    ],
  };
}

function workloadKind(app: AppConfig): string {
  return { web: 'Deployment', stateful: 'StatefulSet', worker: 'Deployment (KEDA-scaled)', cron: 'CronJob' }[
    app.pattern
  ];
}

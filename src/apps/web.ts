import { bareHostViolation } from '../config/app-cross-checks.js';
import { replicasOf } from '../config/app-floor.js';
import { ConfigError } from '../config/errors.js';
import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import { albGroupName, albGroupTags } from './alb-group.js';
import * as k8s from './cdk/k8s.js';
import {
  type AppScope,
  addCpuAutoscaler,
  addDeployment,
  addPodDisruptionBudget,
  addServiceAccount,
  objectMeta,
} from './common.js';
import { WEB_PRESTOP_SECONDS } from './defaults.js';
import { valueFor } from './naming.js';
import { PORT_NAMES, podTemplate, probesFor } from './pod.js';
import { webDefaultMax } from './quota.js';
import { spreadConstraints } from './scheduling.js';
import { addExternalSecrets } from './secrets.js';

/** The Ingress class of the AWS Load Balancer Controller. */
export const INGRESS_CLASS = 'alb';

/** TLS policy of the HTTPS listener: TLS 1.3 and 1.2 only. */
export const ALB_SSL_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

function appIndex(app: AppConfig, env: EnvironmentConfig): number {
  return env.apps.findIndex((a) => a.name === app.name);
}

/**
 * `www` → `www.<domain>`; a name with a dot is used as written. A bare name
 * without a domain is refused with the loader's own check and message.
 */
export function hostOf(app: AppConfig, env: EnvironmentConfig): string | undefined {
  if (!app.host) return undefined;
  const bare = bareHostViolation(app, appIndex(app, env), env.name, env);
  if (bare) throw new ConfigError([bare]);
  return env.domain && !app.host.includes('.') ? `${app.host}.${env.domain.name}` : app.host;
}

/** Scrape annotations for a metrics endpoint (Prometheus convention, read by the CloudWatch agent too). */
export function scrapeAnnotations(app: AppConfig): Record<string, string> | undefined {
  if (!app.metrics) return undefined;
  return {
    'prometheus.io/path': app.metrics.path,
    'prometheus.io/port': String(app.metrics.port),
    'prometheus.io/scrape': 'true',
  };
}

/**
 * ALB settings: HTTPS only (HTTP 80 answers with a redirect to 443), pod IPs as
 * targets, one ALB shared by every ingress of the environment (group.name; an
 * ALB is billed per hour plus LCU), health checks on the app's health path.
 * Without certificate-arn the controller finds the ACM certificate by host.
 */
export function albAnnotations(app: AppConfig, env: EnvironmentConfig): Record<string, string> {
  const out: Record<string, string> = {
    'alb.ingress.kubernetes.io/group.name': albGroupName(env),
    'alb.ingress.kubernetes.io/healthcheck-path': app.healthPath,
    'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP": 80}, {"HTTPS": 443}]',
    'alb.ingress.kubernetes.io/scheme': app.public === false ? 'internal' : 'internet-facing',
    'alb.ingress.kubernetes.io/ssl-policy': ALB_SSL_POLICY,
    'alb.ingress.kubernetes.io/ssl-redirect': '443',
    // The platform's target 5XX alarm finds the group's ALB by this tag (src/apps/alb-group.ts).
    'alb.ingress.kubernetes.io/tags': albGroupTags(env),
    'alb.ingress.kubernetes.io/target-type': 'ip',
  };
  if (env.domain?.certificateArn) out['alb.ingress.kubernetes.io/certificate-arn'] = env.domain.certificateArn;
  return out;
}

/**
 * Pattern 1, stateless web: a Deployment that rolls one new pod in before an
 * old one leaves (maxUnavailable 0, maxSurge 1), spread over zones and nodes,
 * with readiness and liveness probes on the health path, a Service, an HTTPS
 * ALB Ingress when it has a host, a CPU autoscaler from `replicas` up to
 * `autoscaling.max`, and a PodDisruptionBudget.
 */
export function addWebApp(s: AppScope): void {
  const { app, env } = s;
  const port = app.port as number;
  const replicas = replicasOf(app, env.name, env);

  if (app.public === true && !app.host) {
    throw new ConfigError([
      {
        path: ['apps', appIndex(app, env), 'public'],
        received: true,
        message: `web app "${app.name}" is public but has no host; set host (such as www) so the ingress has a name`,
      },
    ]);
  }

  addServiceAccount(s);
  addExternalSecrets(s.scope, app, env, s.namespace, s.labels);

  addDeployment(s, {
    replicas,
    template: podTemplate({
      app,
      env,
      labels: s.labels,
      annotations: scrapeAnnotations(app),
      probes: probesFor(app),
      preStopSeconds: WEB_PRESTOP_SECONDS,
      topologySpreadConstraints: spreadConstraints(s.selector, env),
    }),
  });

  const ports: k8s.ServicePort[] = [
    { name: PORT_NAMES.main, port, targetPort: k8s.IntOrString.fromString(PORT_NAMES.main), protocol: 'TCP' },
  ];
  if (app.metrics && app.metrics.port !== port) {
    ports.push({
      name: PORT_NAMES.metrics,
      port: app.metrics.port,
      targetPort: k8s.IntOrString.fromString(PORT_NAMES.metrics),
      protocol: 'TCP',
    });
  }
  new k8s.KubeService(s.scope, 'service', {
    metadata: objectMeta(s),
    spec: { type: 'ClusterIP', selector: s.selector, ports },
  });

  const host = hostOf(app, env);
  if (host && env.components.ingress) {
    new k8s.KubeIngress(s.scope, 'ingress', {
      metadata: { ...objectMeta(s), annotations: { ...objectMeta(s).annotations, ...albAnnotations(app, env) } },
      spec: {
        ingressClassName: INGRESS_CLASS,
        tls: [{ hosts: [host] }],
        rules: [
          {
            host,
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: app.name, port: { name: PORT_NAMES.main } } },
                },
              ],
            },
          },
        ],
      },
    });
  } else if (host) {
    s.notes.add(`components.ingress is off in ${env.name}: ${app.name} gets no Ingress for ${host}`);
  }

  const min = valueFor(app.autoscaling?.min, env.name, replicas);
  const max = valueFor(app.autoscaling?.max, env.name, webDefaultMax(replicas));
  addCpuAutoscaler(s, min, Math.max(max, min), app.autoscaling?.cpuPercent ?? 70);
  addPodDisruptionBudget(s, Math.min(min, replicas));
}

import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import { appPolicyStatements, queueUrl } from './aws-access.js';
import * as k8s from './cdk/k8s.js';
import { probeKindOf, resourcesOf, uidOf } from './defaults.js';
import { appAnnotations } from './labels.js';
import { imageOf, serviceAccountOf } from './naming.js';
import { kubeSecretName, secretMountPath, secretVolumeName } from './secrets.js';

/** Port names used by containers and Services. */
export const PORT_NAMES = { main: 'main', metrics: 'metrics' } as const;

/** True when the app calls AWS APIs through Pod Identity (its role has at least one statement). */
export function hasAwsAccess(app: AppConfig, env: Pick<EnvironmentConfig, 'region' | 'account'>): boolean {
  return appPolicyStatements(app, env).length > 0;
}

export interface PodOptions {
  readonly app: AppConfig;
  readonly env: EnvironmentConfig;
  readonly labels: Record<string, string>;
  /** Pod-level annotations besides the runbook (scrape settings…). */
  readonly annotations?: Record<string, string>;
  readonly probes?: { readonly readiness: k8s.Probe; readonly liveness: k8s.Probe };
  /** Seconds of preStop sleep before SIGTERM. */
  readonly preStopSeconds?: number;
  readonly terminationGracePeriodSeconds?: number;
  readonly affinity?: k8s.Affinity;
  readonly topologySpreadConstraints?: k8s.TopologySpreadConstraint[];
  /** Mounts of volumes that the workload adds itself (volumeClaimTemplates). */
  readonly extraMounts?: k8s.VolumeMount[];
  readonly restartPolicy?: 'Always' | 'Never' | 'OnFailure';
}

function quantities(r: { cpu: string; memory: string }): Record<string, k8s.Quantity> {
  return { cpu: k8s.Quantity.fromString(r.cpu), memory: k8s.Quantity.fromString(r.memory) };
}

/** Probes on the app port: HTTP GET on the health path, or a TCP connect for non-HTTP servers. */
export function probesFor(app: AppConfig): { readiness: k8s.Probe; liveness: k8s.Probe } | undefined {
  if (app.port === undefined) return undefined;
  const port = k8s.IntOrString.fromNumber(app.port);
  const check: Pick<k8s.Probe, 'httpGet' | 'tcpSocket'> =
    probeKindOf(app) === 'tcp' ? { tcpSocket: { port } } : { httpGet: { path: app.healthPath, port } };
  // The pattern's values: readiness after 5s every 10s; liveness after 15s every 20s.
  // Databases get longer before liveness may restart them (recovery after a crash takes time).
  return {
    readiness: { ...check, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 },
    liveness: {
      ...check,
      initialDelaySeconds: app.pattern === 'stateful' ? 30 : 15,
      periodSeconds: 20,
      timeoutSeconds: 2,
      failureThreshold: 3,
    },
  };
}

/** Plain values from config, plus the region for AWS SDKs and the queue URL for workers, sorted by name. */
function envVars(app: AppConfig, env: EnvironmentConfig): k8s.EnvVar[] {
  const values: Record<string, string> = {};
  if (hasAwsAccess(app, env)) values.AWS_REGION = env.region;
  if (app.pattern === 'worker' && app.queue) values.QUEUE_URL = queueUrl(app.queue.name, env);
  Object.assign(values, app.env);
  return Object.keys(values)
    .sort()
    .map((name) => ({ name, value: values[name] }));
}

/** A writable directory's volume name: `/var/run/postgresql` → `writable-var-run-postgresql`. */
function writableVolumeName(path: string): string {
  const slug = path
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `writable-${slug}`.slice(0, 63).replace(/-$/, '');
}

/**
 * The pod template every pattern shares: one container, non-root with a
 * read-only root filesystem and no capabilities, a writable /tmp, secrets as
 * read-only files, requests and limits, and the pattern's probes and placement.
 */
export function podTemplate(opts: PodOptions): k8s.PodTemplateSpec {
  const { app, env } = opts;
  const uid = uidOf(app);
  const res = resourcesOf(app, env);
  const aws = hasAwsAccess(app, env);
  const vars = envVars(app, env);

  const volumes: k8s.Volume[] = [{ name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('256Mi') } }];
  const mounts: k8s.VolumeMount[] = [{ name: 'tmp', mountPath: '/tmp' }];
  for (const path of [...app.writablePaths].sort()) {
    const name = writableVolumeName(path);
    volumes.push({ name, emptyDir: {} });
    mounts.push({ name, mountPath: path });
  }
  app.secrets.forEach((secret, i) => {
    const name = secretVolumeName(i, secret);
    // 0440: readable by the container's group (fsGroup) only, never world-readable.
    volumes.push({ name, secret: { secretName: kubeSecretName(app, secret), defaultMode: 0o440 } });
    mounts.push({ name, mountPath: secretMountPath(secret), readOnly: true });
  });
  mounts.push(...(opts.extraMounts ?? []));

  const ports: k8s.ContainerPort[] = [];
  if (app.port !== undefined) ports.push({ name: PORT_NAMES.main, containerPort: app.port, protocol: 'TCP' });
  if (app.metrics && app.metrics.port !== app.port) {
    ports.push({ name: PORT_NAMES.metrics, containerPort: app.metrics.port, protocol: 'TCP' });
  }

  const container: k8s.Container = {
    name: app.name,
    image: imageOf(app, env),
    imagePullPolicy: 'IfNotPresent',
    command: app.command,
    args: app.args,
    ports: ports.length ? ports : undefined,
    env: vars.length ? vars : undefined,
    resources: { requests: quantities(res.requests), limits: quantities(res.limits) },
    readinessProbe: opts.probes?.readiness,
    livenessProbe: opts.probes?.liveness,
    lifecycle: opts.preStopSeconds ? { preStop: { sleep: { seconds: opts.preStopSeconds } } } : undefined,
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: uid,
      runAsGroup: uid,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumeMounts: mounts,
  };

  const annotations = { ...appAnnotations(app), ...opts.annotations };
  return {
    metadata: {
      labels: opts.labels,
      annotations: Object.keys(annotations).length ? annotations : undefined,
    },
    spec: {
      serviceAccountName: serviceAccountOf(app),
      // Pod Identity injects credentials through a projected token; apps that call no AWS API get no token at all.
      automountServiceAccountToken: aws,
      enableServiceLinks: false,
      restartPolicy: opts.restartPolicy,
      terminationGracePeriodSeconds: opts.terminationGracePeriodSeconds ?? env.workloads.terminationGraceSeconds,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: uid,
        runAsGroup: uid,
        fsGroup: uid,
        fsGroupChangePolicy: 'OnRootMismatch',
        seccompProfile: { type: 'RuntimeDefault' },
      },
      affinity: opts.affinity,
      topologySpreadConstraints: opts.topologySpreadConstraints,
      containers: [container],
      volumes,
    },
  };
}

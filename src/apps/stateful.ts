import { replicasOf } from '../config/app-floor.js';
import * as k8s from './cdk/k8s.js';
import { type AppScope, addPodDisruptionBudget, addServiceAccount, objectMeta } from './common.js';
import { valueFor } from './naming.js';
import { PORT_NAMES, podTemplate, probesFor } from './pod.js';
import { onDemandOnly, zoneAntiAffinity } from './scheduling.js';
import { addExternalSecrets } from './secrets.js';

/** Name of the volume claim template (and of each claim's prefix: data-<app>-<n>). */
export const DATA_VOLUME = 'data';

/** The "EKS StatefulSet vs managed service" table, said once per run when a stateful app is generated. */
export const MANAGED_SERVICE_ADVICE = [
  'Stateful apps on EKS: consider a managed service (RDS for PostgreSQL, ElastiCache for Redis) first.',
  '  Run a StatefulSet when you need a version or configuration the managed service lacks, are cost-sensitive at',
  '  scale, already have Kubernetes expertise, or need custom extensions.',
  '  Prefer the managed service when you want zero operational overhead, need multi-AZ automatic failover,',
  '  have a small team, or a standard configuration is fine.',
].join('\n');

/**
 * Pattern 2, stateful: a StatefulSet with a headless Service for stable pod
 * names, one EBS volume per replica from the gp3 (or io2) class — the class
 * binds WaitForFirstConsumer so each volume is created in its pod's zone —
 * kept when the set is deleted or scaled down, pods only on on-demand nodes and
 * spread over zones, TCP (or HTTP) probes on the port, and a PodDisruptionBudget.
 */
export function addStatefulApp(s: AppScope): void {
  const { app, env } = s;
  const port = app.port as number;
  const storage = app.storage as NonNullable<typeof app.storage>;
  const replicas = replicasOf(app, env.name, env);
  s.notes.add(MANAGED_SERVICE_ADVICE);

  addServiceAccount(s);
  addExternalSecrets(s.scope, app, env, s.namespace, s.labels);

  new k8s.KubeService(s.scope, 'service', {
    metadata: objectMeta(s),
    spec: {
      clusterIp: 'None',
      selector: s.selector,
      ports: [
        { name: PORT_NAMES.main, port, targetPort: k8s.IntOrString.fromString(PORT_NAMES.main), protocol: 'TCP' },
      ],
    },
  });

  new k8s.KubeStatefulSet(s.scope, 'statefulset', {
    metadata: objectMeta(s),
    spec: {
      serviceName: app.name,
      replicas,
      revisionHistoryLimit: 5,
      selector: { matchLabels: s.selector },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate' },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      template: podTemplate({
        app,
        env,
        labels: s.labels,
        probes: probesFor(app),
        affinity: { nodeAffinity: onDemandOnly(), podAntiAffinity: zoneAntiAffinity(s.selector) },
        extraMounts: [{ name: DATA_VOLUME, mountPath: storage.mountPath }],
      }),
      volumeClaimTemplates: [
        {
          metadata: { name: DATA_VOLUME, labels: s.labels },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: storage.class,
            resources: { requests: { storage: k8s.Quantity.fromString(valueFor(storage.size, env.name, '10Gi')) } },
          },
        },
      ],
    },
  });

  addPodDisruptionBudget(s, replicas);
}

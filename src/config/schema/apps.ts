import { z } from 'zod';

/**
 * The `apps:` section: one entry per application, built on one of the
 * patterns. Values that differ between environments take either a single value
 * or a map keyed by environment name (`replicas: { test: 2, prod: 3 }`).
 */

const appName = z
  .string()
  .regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, 'a DNS label: lowercase letters, digits and "-", starting with a letter')
  .max(40);

const quantityCpu = z.string().regex(/^(\d+m|\d+(\.\d+)?)$/, 'a CPU quantity such as 250m or 1');
const quantityMemory = z.string().regex(/^\d+(Ki|Mi|Gi|Ti)$/, 'a memory quantity such as 256Mi or 1Gi');
const quantityStorage = z.string().regex(/^\d+(Mi|Gi|Ti)$/, 'a storage size such as 20Gi');

const IMAGE_REFERENCE = /^[\w.-]+(:\d+)?(\/[\w.-]+)+(:[\w.-]+|@sha256:[a-f0-9]{64})?$/;
const IMAGE_EXAMPLE =
  'such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.4.0 or ghcr.io/org/app@sha256:<64 hex>';

/** What is wrong with an external image reference, or undefined when it is one. */
export function imageReferenceProblem(ref: string): string | undefined {
  if (IMAGE_REFERENCE.test(ref)) return undefined;
  const why = /\s/.test(ref)
    ? 'it contains whitespace'
    : !ref.includes('/')
      ? 'it has no registry or path: write <registry>/<repository>[:tag], or use { repository, tag } for a platform ECR repository'
      : /@/.test(ref) && !/@sha256:[a-f0-9]{64}$/.test(ref)
        ? 'a digest is @sha256: followed by 64 lowercase hex digits'
        : /:[^/]*$/.test(ref) && !/:[\w.-]+$/.test(ref)
          ? 'the tag after ":" may hold only letters, digits, "_", "." and "-"'
          : /\/\/|\/$|^\//.test(ref)
            ? 'a path segment is empty'
            : 'it has characters an image reference cannot hold (letters, digits, ".", "_", "-", "/", ":" and "@sha256:" only)';
  return `an image reference ${IMAGE_EXAMPLE}; ${why}`;
}

/** A value that may differ per environment: either one value or `{ <env>: value }`. */
export function perEnvironment<T extends z.ZodType>(inner: T) {
  return z.union([inner, z.record(z.string(), inner)]);
}

export const resourcesSchema = z.strictObject({
  requests: z.strictObject({ cpu: quantityCpu, memory: quantityMemory }),
  limits: z.strictObject({ cpu: quantityCpu, memory: quantityMemory }),
});

const arnOrName = z.string().min(1);

export const awsAccessSchema = z.strictObject({
  sqs: z
    .array(
      z.strictObject({
        queue: arnOrName.describe('Queue name (in the environment region and account) or ARN.'),
        actions: z.array(z.string().regex(/^sqs:[A-Za-z]+$/)).optional(),
      }),
    )
    .default([]),
  s3: z
    .array(
      z.strictObject({
        bucket: arnOrName,
        access: z.enum(['read', 'write', 'readwrite']).default('read'),
        prefix: z.string().optional(),
      }),
    )
    .default([]),
  sns: z
    .array(z.strictObject({ topic: arnOrName, actions: z.array(z.string().regex(/^sns:[A-Za-z]+$/)).optional() }))
    .default([]),
  dynamodb: z
    .array(z.strictObject({ table: arnOrName, access: z.enum(['read', 'write', 'readwrite']).default('read') }))
    .default([]),
});
export type AwsAccessConfig = z.infer<typeof awsAccessSchema>;

/** Most replicas an app may ask for: far above any real app, far below what breaks a manifest (int32). */
export const MAX_REPLICAS = 10_000;
const replicaCount = z.number().int().max(MAX_REPLICAS);

export const appSchema = z.strictObject({
  name: appName,
  pattern: z.enum(['web', 'stateful', 'worker', 'cron']),
  image: z
    .union([
      z.strictObject({
        repository: z
          .string()
          .regex(
            /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
            'an ECR repository name: lowercase letters, digits, ".", "_", "-" and "/" between parts, such as shop/api',
          )
          .min(2)
          .max(256)
          .describe('A platform ECR repository name; Slipway creates it.'),
        tag: z
          .string()
          .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'an image tag: letters, digits, "_", "." and "-", up to 128')
          .default('latest'),
      }),
      z.string().regex(IMAGE_REFERENCE, { error: (issue) => imageReferenceProblem(String(issue.input)) }),
    ])
    .describe('A platform ECR repository ({ repository, tag }) or an external image reference.'),
  namespace: appName.optional().describe('Default: the tier name, else the project name.'),
  tier: z.enum(['frontend', 'backend', 'data', 'workers']).optional(),
  talksTo: z.array(appName).default([]).describe('Apps this one opens connections to (NetworkPolicy allow rules).'),
  port: z.number().int().min(1).max(65535).optional(),
  healthPath: z.string().startsWith('/').default('/health'),
  probe: z
    .enum(['http', 'tcp'])
    .optional()
    .describe(
      'How probes check the port: http GET on healthPath, or a TCP connect. Default: tcp for stateful, else http.',
    ),
  runAsUser: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      'Non-root UID the containers run as. Default 10001; stateful 999 (the official postgres and redis images).',
    ),
  writablePaths: z
    .array(z.string().startsWith('/'))
    .default([])
    .describe('Extra writable directories (emptyDir) besides /tmp; the root filesystem is read-only.'),
  host: z
    .string()
    .regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
      'a DNS name: lowercase letters, digits, "-" and "." (no spaces), such as api or api.example.com',
    )
    .max(253)
    .optional()
    .describe('Public host name for a web app (ingress).'),
  public: z.boolean().optional().describe('Web apps: expose through the ALB ingress. Default: true when host is set.'),
  replicas: perEnvironment(replicaCount.min(0)).optional(),
  resources: perEnvironment(resourcesSchema).optional(),
  autoscaling: z
    .strictObject({
      min: perEnvironment(replicaCount.min(1)).optional(),
      max: perEnvironment(replicaCount.min(1)),
      cpuPercent: z.number().int().min(1).max(100).default(70),
    })
    .optional(),
  secrets: z
    .array(z.string().regex(/^[A-Za-z0-9/_+=.@-]+$/))
    .default([])
    .describe("Secret names under the environment's secrets path; mounted as files."),
  aws: awsAccessSchema.optional(),
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).default({}),
  command: z.array(z.string()).optional(),
  args: z.array(z.string()).optional(),
  metrics: z
    .strictObject({ port: z.number().int().min(1).max(65535), path: z.string().default('/metrics') })
    .optional(),
  runbook: z.url().optional(),
  storage: z
    .strictObject({
      size: perEnvironment(quantityStorage),
      class: z.enum(['gp3', 'io2']).default('gp3'),
      mountPath: z.string().startsWith('/'),
    })
    .optional()
    .describe('Stateful apps: the volume claimed per replica.'),
  queue: z
    .strictObject({
      name: arnOrName,
      visibilityTimeoutSeconds: z.number().int().min(0).max(43200).default(30),
      messagesPerReplica: z.number().int().min(1).default(5),
      minReplicas: perEnvironment(replicaCount.min(0))
        .optional()
        .describe(
          'Fewest workers KEDA keeps; default the environment minimum (workloads.minReplicas). 0 scales to zero.',
        ),
      maxReplicas: perEnvironment(replicaCount.min(1)).default(10),
    })
    .optional()
    .describe('Worker apps: the SQS queue whose depth drives scaling.'),
  schedule: z.string().optional().describe('Cron apps: the schedule, such as "0 2 * * *".'),
  timeZone: z.string().optional(),
  startingDeadlineSeconds: z.number().int().min(1).default(300),
  activeDeadlineSeconds: z.number().int().min(1).default(3600),
  ttlSecondsAfterFinished: z.number().int().min(0).default(86400),
  backoffLimit: z.number().int().min(0).default(2),
});
export type AppConfig = z.infer<typeof appSchema>;
export type AppInput = z.input<typeof appSchema>;

/** Cross-field rules that a single app's schema cannot state alone. */
export const appsSchema = z.array(appSchema).check((ctx) => {
  const apps = ctx.value;
  const names = new Map<string, number>();
  apps.forEach((app, i) => {
    if (names.has(app.name)) {
      ctx.issues.push({
        code: 'custom',
        input: app.name,
        path: [i, 'name'],
        message: `duplicate app name "${app.name}" (first at apps[${names.get(app.name)}])`,
      });
    } else names.set(app.name, i);
  });
  apps.forEach((app, i) => {
    const need = (cond: unknown, field: string, why: string) => {
      if (!cond)
        ctx.issues.push({
          code: 'custom',
          input: undefined,
          path: [i, field],
          message: `${field} is required: ${why}`,
        });
    };
    if (app.pattern === 'web' || app.pattern === 'stateful') need(app.port, 'port', `${app.pattern} apps serve a port`);
    if (app.pattern === 'stateful') need(app.storage, 'storage', 'stateful apps claim a volume');
    if (app.pattern === 'worker') need(app.queue, 'queue', 'workers scale on queue depth');
    if (app.pattern === 'cron') need(app.schedule, 'schedule', 'cron apps run on a schedule');
    for (const [j, target] of app.talksTo.entries()) {
      if (!names.has(target))
        ctx.issues.push({
          code: 'custom',
          input: target,
          path: [i, 'talksTo', j],
          message: `talksTo names "${target}", which is not an app; known apps: ${[...names.keys()].join(', ')}`,
        });
    }
  });
});

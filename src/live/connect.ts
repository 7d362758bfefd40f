import type { AwsClients } from '../aws/clients.js';
import type { AwsReader } from '../aws/read-context.js';
import type { KubeReader } from '../kube/reader.js';
import type { LiveConnectOptions } from './options.js';

export type { LiveAwsOptions, LiveConnectOptions } from './options.js';

/** The AWS side of a connection: clients and the read-only reader every AWS reader goes through. */
export interface LiveAws {
  readonly clients: AwsClients;
  readonly reader: AwsReader;
  readonly profile?: string;
  readonly region?: string;
}

/** One live connection, shared by verify --live and every day-2 command. */
export interface LiveConnection {
  readonly kube: KubeReader;
  /** Undefined when AWS is not read (--no-aws). */
  readonly aws?: LiveAws;
  readonly namespace?: string;
  /** What was read, as a report shows it: `context prod (https://…), all namespaces; AWS profile audit, eu-west-1`. */
  readonly source: string;
}

/**
 * Opens the cluster connection (kubeconfig and context are checked now; a bad
 * context fails here, with the contexts there are) and prepares AWS clients
 * (created on first use; no call is made yet). Read-only: the reader has GET
 * only and every AWS call goes through the read-only guard.
 */
export async function connectLive(options: LiveConnectOptions<AwsClients> = {}): Promise<LiveConnection> {
  let kube = options.reader;
  let server: string | undefined;
  if (!kube) {
    const [{ connectKube }, { ApiKubeReader }] = await Promise.all([
      import('../kube/transport.js'),
      import('../kube/reader.js'),
    ]);
    const transport = await connectKube({
      kubeconfig: options.kubeconfig,
      context: options.context,
      limits: options.limits,
      expected: options.expected,
    });
    server = transport.server;
    kube = new ApiKubeReader(transport);
  }
  let aws: LiveAws | undefined;
  if (options.aws !== false) {
    const [{ AwsClients }, { AwsReader }] = await Promise.all([
      import('../aws/clients.js'),
      import('../aws/read-context.js'),
    ]);
    const o = options.aws ?? {};
    const clients = o.clients ?? new AwsClients({ profile: o.profile, region: o.region });
    aws = { clients, reader: new AwsReader(clients), profile: o.profile, region: o.region };
  }
  return {
    kube,
    aws,
    namespace: options.namespace,
    source: sourceLabel({ context: kube.context, server, namespace: options.namespace, aws }),
  };
}

/** `context prod (https://…), namespace shop; AWS profile audit, region eu-west-1` or `…; AWS not read`. */
export function sourceLabel(parts: {
  context: string;
  server?: string;
  namespace?: string;
  aws?: Pick<LiveAws, 'profile' | 'region'>;
}): string {
  const cluster = `context ${parts.context}${parts.server ? ` (${parts.server})` : ''}`;
  const scope = parts.namespace ? `namespace ${parts.namespace}` : 'all namespaces';
  const aws = parts.aws
    ? `AWS ${parts.aws.profile ? `profile ${parts.aws.profile}` : 'default credentials'}${parts.aws.region ? `, region ${parts.aws.region}` : ''}`
    : 'AWS not read';
  return `${cluster}, ${scope}; ${aws}`;
}

import type { BackupClient } from '@aws-sdk/client-backup';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { DLMClient } from '@aws-sdk/client-dlm';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { EKSClient } from '@aws-sdk/client-eks';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { STSClient } from '@aws-sdk/client-sts';

export interface AwsClientConfig {
  /** Region; default: the SDK's own resolution (the CLI passes --region or AWS_REGION). */
  readonly region?: string;
  /** Shared-config profile (the CLI passes --profile or AWS_PROFILE). */
  readonly profile?: string;
  /** Attempts per call (SDK retry strategy); default 3. */
  readonly maxAttempts?: number;
  /** Longest wait for a connection to AWS; default 5 s. */
  readonly connectTimeoutMs?: number;
  /** Longest one HTTP request to AWS may go without an answer; default 30 s. */
  readonly requestTimeoutMs?: number;
}

/**
 * SDK v3 clients, each created on first use with a dynamic import, so commands
 * that never touch a service never load it.
 */
export class AwsClients {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(readonly config: AwsClientConfig = {}) {}

  private options() {
    return {
      ...(this.config.region ? { region: this.config.region } : {}),
      ...(this.config.profile ? { profile: this.config.profile } : {}),
      maxAttempts: this.config.maxAttempts ?? 3,
      // A service that stops answering ends the request instead of holding the run.
      requestHandler: {
        connectionTimeout: this.config.connectTimeoutMs ?? 5_000,
        requestTimeout: this.config.requestTimeoutMs ?? 30_000,
      },
    };
  }

  private once<T>(name: string, make: () => Promise<T>): Promise<T> {
    let client = this.cache.get(name) as Promise<T> | undefined;
    if (!client) {
      client = make();
      this.cache.set(name, client);
    }
    return client;
  }

  sts(): Promise<STSClient> {
    return this.once('sts', async () => new (await import('@aws-sdk/client-sts')).STSClient(this.options()));
  }
  eks(): Promise<EKSClient> {
    return this.once('eks', async () => new (await import('@aws-sdk/client-eks')).EKSClient(this.options()));
  }
  ec2(): Promise<EC2Client> {
    return this.once('ec2', async () => new (await import('@aws-sdk/client-ec2')).EC2Client(this.options()));
  }
  ecr(): Promise<ECRClient> {
    return this.once('ecr', async () => new (await import('@aws-sdk/client-ecr')).ECRClient(this.options()));
  }
  logs(): Promise<CloudWatchLogsClient> {
    return this.once(
      'logs',
      async () => new (await import('@aws-sdk/client-cloudwatch-logs')).CloudWatchLogsClient(this.options()),
    );
  }
  cloudwatch(): Promise<CloudWatchClient> {
    return this.once(
      'cloudwatch',
      async () => new (await import('@aws-sdk/client-cloudwatch')).CloudWatchClient(this.options()),
    );
  }
  elbv2(): Promise<ElasticLoadBalancingV2Client> {
    return this.once(
      'elbv2',
      async () =>
        new (await import('@aws-sdk/client-elastic-load-balancing-v2')).ElasticLoadBalancingV2Client(this.options()),
    );
  }
  iam(): Promise<IAMClient> {
    return this.once('iam', async () => new (await import('@aws-sdk/client-iam')).IAMClient(this.options()));
  }
  backup(): Promise<BackupClient> {
    return this.once('backup', async () => new (await import('@aws-sdk/client-backup')).BackupClient(this.options()));
  }
  dlm(): Promise<DLMClient> {
    return this.once('dlm', async () => new (await import('@aws-sdk/client-dlm')).DLMClient(this.options()));
  }
  secrets(): Promise<SecretsManagerClient> {
    return this.once(
      'secrets',
      async () => new (await import('@aws-sdk/client-secrets-manager')).SecretsManagerClient(this.options()),
    );
  }

  /** The region the clients resolved (after the SDK's defaults). */
  async region(): Promise<string | undefined> {
    const sts = await this.sts();
    try {
      return await sts.config.region();
    } catch {
      return undefined;
    }
  }
}

/**
 * AWS facts the day-2 commands join with Kubernetes objects: small typed
 * records of what the readers return (DescribeSecret, DescribeRepositories +
 * DescribeImages + DescribeImageScanFindings, ListPodIdentityAssociations,
 * GetRole, DescribeVolumes, DescribeLoadBalancers + DescribeTargetHealth,
 * DescribeNodegroup, DescribeLogGroups, FilterLogEvents). Never a secret value.
 */
import type { Fact } from '../facts.js';

/** DescribeSecret of one secret: metadata only. */
export type SecretDescription =
  | {
      readonly exists: true;
      readonly name: string;
      readonly arn?: string;
      readonly lastChangedDate?: string;
      readonly lastRotatedDate?: string;
      /** Set when the secret is scheduled for deletion. */
      readonly deletedDate?: string;
      readonly rotationEnabled?: boolean;
      readonly kmsKeyId?: string;
    }
  | { readonly exists: false };

/** Secrets Manager facts by the key an ExternalSecret names (name or ARN); a key not present was not asked. */
export type SecretsManagerFacts = Readonly<Record<string, Fact<SecretDescription>>>;

export interface EcrImageFact {
  readonly digest: string;
  readonly tags: readonly string[];
  readonly pushedAt?: string;
  readonly sizeBytes?: number;
  readonly scan?: {
    /** COMPLETE, IN_PROGRESS, FAILED, UNSUPPORTED_IMAGE, ACTIVE (enhanced), SCAN_ELIGIBILITY_EXPIRED, … */
    readonly status: string;
    /** Finding counts by severity (CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNDEFINED). */
    readonly findingCounts?: Readonly<Record<string, number>>;
    /** Ids (CVE-…) of the critical findings. */
    readonly criticalIds?: readonly string[];
  };
}

/** One ECR repository with the images the readers described. */
export type EcrRepositoryFact =
  | {
      readonly registry: string;
      readonly name: string;
      readonly exists: true;
      readonly scanOnPush?: boolean;
      readonly tagMutability?: 'MUTABLE' | 'IMMUTABLE' | string;
      readonly images: readonly EcrImageFact[];
    }
  | { readonly registry: string; readonly name: string; readonly exists: false };

export interface PodIdentityAssociationFact {
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly roleArn: string;
  readonly associationId?: string;
}

export interface IamRoleFact {
  readonly arn: string;
  readonly exists: boolean;
  /** Whether the trust policy lets pods.eks.amazonaws.com assume it. */
  readonly trustsPodIdentity?: boolean;
}

export interface EbsVolumeFact {
  readonly volumeId: string;
  /** creating, available, in-use, deleting, deleted, error. */
  readonly state: string;
  readonly sizeGiB?: number;
  readonly type?: string;
  readonly availabilityZone?: string;
  readonly encrypted?: boolean;
}

export interface LoadBalancerFact {
  readonly dnsName: string;
  /** active, provisioning, active_impaired, failed. */
  readonly state: string;
  readonly scheme?: string;
  readonly arn?: string;
  /** The `ingress.k8s.aws/stack` tag: the IngressGroup name, or `namespace/ingress` of the Ingress it serves. */
  readonly stack?: string;
  readonly targetGroups?: readonly {
    readonly name: string;
    readonly healthy: number;
    readonly unhealthy: number;
    readonly unhealthyReasons?: readonly string[];
  }[];
}

/** A managed node group's (or Karpenter NodePool's) size limits. */
export interface NodeGroupScalingFact {
  readonly name: string;
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredSize: number;
  readonly source?: 'eks' | 'karpenter';
}

export interface LogGroupFact {
  readonly name: string;
  /** Undefined: logs are kept forever. */
  readonly retentionInDays?: number;
  readonly storedBytes?: number;
}

/** One FilterLogEvents result. */
export interface FilteredLogEvent {
  readonly logStreamName?: string;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly message: string;
}

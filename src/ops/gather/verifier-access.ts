import { type IamPolicyDocument, verifierPolicy } from '../../aws/verifier-policy.js';
import { verifierRbac } from '../../kube/verifier-role.js';
import { OPS_ACCESS, type OpsCommand, opsAccessUnion } from './access.js';

export interface VerifierAccessInput {
  /** What the selected rules need live (needsOf): Kubernetes kinds and CloudFormation types. */
  readonly needs: { readonly kube: readonly string[]; readonly aws: readonly string[] };
  readonly clusterName: string;
  readonly region: string;
  /** Day-2 commands to cover besides verify; default every one in OPS_ACCESS, [] for verify alone. */
  readonly commands?: readonly OpsCommand[];
  readonly name?: string;
  readonly group?: string;
  readonly includeSecrets?: boolean;
}

export interface VerifierAccess {
  /** The day-2 commands whose reads are granted too, sorted. */
  readonly commands: OpsCommand[];
  readonly iamPolicy: IamPolicyDocument;
  readonly clusterRole: Record<string, unknown>;
  readonly clusterRoleBinding: Record<string, unknown>;
  /** CloudFormation types verify cannot read live. */
  readonly unsupported: string[];
  /** Kinds or reads with no API mapping, left out of the role. */
  readonly unmapped: string[];
  /** Kinds left out on purpose (Secrets, unless included). */
  readonly withheld: string[];
}

/**
 * The read-only access of the verifier's identity, generated from the
 * declarations: the IAM actions and Kubernetes kinds the selected rules need,
 * joined with what each covered day-2 command declares in OPS_ACCESS (its AWS
 * actions, the kinds it lists, pod logs and metrics.k8s.io). Nothing here is a
 * second list: a new read in OPS_ACCESS is granted by the next print.
 */
export function verifierAccess(input: VerifierAccessInput): VerifierAccess {
  const commands = [...new Set(input.commands ?? (Object.keys(OPS_ACCESS) as OpsCommand[]))].sort();
  const ops = opsAccessUnion(commands);
  const { policy, unsupported } = verifierPolicy(
    input.needs.aws,
    { clusterName: input.clusterName, region: input.region },
    { extraActions: ops.aws },
  );
  const rbac = verifierRbac([...input.needs.kube, ...ops.kinds], {
    name: input.name,
    group: input.group,
    includeSecrets: input.includeSecrets,
    subresources: ops.subresources,
  });
  return {
    commands,
    iamPolicy: policy,
    clusterRole: rbac.clusterRole,
    clusterRoleBinding: rbac.clusterRoleBinding,
    unsupported,
    unmapped: rbac.unmapped,
    withheld: rbac.withheld,
  };
}

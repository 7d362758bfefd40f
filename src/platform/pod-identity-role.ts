import { Construct } from 'constructs';
import { CfnPodIdentityAssociation, type ICluster } from './cdk/aws-eks-v2.js';
import * as iam from './cdk/aws-iam.js';
import { Stack } from './cdk/core.js';

/** One statement of a Pod Identity role's policy; plain data so apps and components share the shape. */
export interface PodIdentityStatement {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /**
   * IAM conditions (operator → key → value), for grants whose resource cannot be named in advance.
   * @default - no condition
   */
  readonly conditions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface PodIdentityRoleProps {
  readonly cluster: ICluster;
  readonly namespace: string;
  readonly serviceAccount: string;
  /** Inline permissions, each scoped to named resources. */
  readonly statements?: readonly PodIdentityStatement[];
  /** AWS managed policies, for add-ons whose documented policy is a managed one. */
  readonly managedPolicies?: readonly string[];
  /** A customer managed policy document (for example the load balancer controller's published policy). */
  readonly policyDocument?: iam.PolicyDocument;
  /** A fixed role name, when other code must know the ARN before deployment. */
  readonly roleName?: string;
  /** Additional principals trusted to assume the role (for example a controller assuming a tier role). */
  readonly extraTrust?: readonly iam.IPrincipal[];
}

/**
 * The one way the platform grants AWS access to pods: an IAM role trusted by
 * the EKS Pod Identity service and an association binding it to exactly one
 * (namespace, ServiceAccount). Used by every component and by apps, so the
 * trust policy and the association are identical everywhere.
 */
export class PodIdentityRole extends Construct {
  readonly role: iam.Role;
  readonly association: CfnPodIdentityAssociation;
  readonly namespace: string;
  readonly serviceAccount: string;

  constructor(scope: Construct, id: string, props: PodIdentityRoleProps) {
    super(scope, id);
    this.namespace = props.namespace;
    this.serviceAccount = props.serviceAccount;
    const principal = new iam.ServicePrincipal('pods.eks.amazonaws.com');
    this.role = new iam.Role(this, 'Role', {
      roleName: props.roleName,
      description: `Pod Identity for ${props.namespace}/${props.serviceAccount}`,
      assumedBy: new iam.SessionTagsPrincipal(principal),
      managedPolicies: (props.managedPolicies ?? []).map((n) => iam.ManagedPolicy.fromAwsManagedPolicyName(n)),
      inlinePolicies: policies(props),
    });
    for (const p of props.extraTrust ?? []) {
      this.role.assumeRolePolicy?.addStatements(
        new iam.PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], principals: [p] }),
      );
    }
    this.association = new CfnPodIdentityAssociation(this, 'Association', {
      clusterName: props.cluster.clusterName,
      namespace: props.namespace,
      serviceAccount: props.serviceAccount,
      roleArn: this.role.roleArn,
    });
  }

  /** Shorthand used by the summary: `namespace/serviceaccount`. */
  get subject(): string {
    return `${this.namespace}/${this.serviceAccount}`;
  }

  /** The stack this role lives in (for ARN formatting by callers). */
  get stack(): Stack {
    return Stack.of(this);
  }
}

function policies(props: PodIdentityRoleProps): Record<string, iam.PolicyDocument> | undefined {
  const out: Record<string, iam.PolicyDocument> = {};
  const statements = props.statements ?? [];
  if (statements.length > 0) {
    out.Access = new iam.PolicyDocument({
      statements: statements.map(
        (s) =>
          new iam.PolicyStatement({
            effect: iam.Effect.ALLOW,
            actions: [...s.actions],
            resources: [...s.resources],
            conditions: s.conditions ? { ...s.conditions } : undefined,
          }),
      ),
    });
  }
  if (props.policyDocument) out.Controller = props.policyDocument;
  return Object.keys(out).length > 0 ? out : undefined;
}

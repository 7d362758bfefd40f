/**
 * The one table of what live verify calls in AWS: for each CloudFormation type
 * it maps to, the read-only API calls (named as their IAM actions) the AWS
 * source makes. The source checks its calls against it, and
 * `slipway verifier-access` builds the least-privilege policy from it.
 */
const ROLE_ACTIONS = [
  'eks:ListPodIdentityAssociations',
  'eks:DescribePodIdentityAssociation',
  'iam:GetRole',
  'iam:ListRolePolicies',
  'iam:GetRolePolicy',
  'iam:ListAttachedRolePolicies',
  'iam:GetPolicy',
  'iam:GetPolicyVersion',
];

export const AWS_TYPE_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'AWS::EKS::Cluster': ['eks:DescribeCluster', 'eks:ListInsights'],
  'AWS::EKS::Nodegroup': ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
  'AWS::EKS::Addon': ['eks:ListAddons', 'eks:DescribeAddon'],
  'AWS::EKS::PodIdentityAssociation': ['eks:ListPodIdentityAssociations', 'eks:DescribePodIdentityAssociation'],
  'AWS::EC2::Subnet': ['eks:DescribeCluster', 'ec2:DescribeSubnets', 'ec2:DescribeRouteTables'],
  'AWS::EC2::RouteTable': ['eks:DescribeCluster', 'ec2:DescribeRouteTables'],
  'AWS::EC2::Route': ['eks:DescribeCluster', 'ec2:DescribeRouteTables'],
  'AWS::EC2::SubnetRouteTableAssociation': ['eks:DescribeCluster', 'ec2:DescribeRouteTables'],
  'AWS::EC2::Volume': ['ec2:DescribeVolumes'],
  // A managed node group's launch template, at the version the group launches.
  'AWS::EC2::LaunchTemplate': ['eks:ListNodegroups', 'eks:DescribeNodegroup', 'ec2:DescribeLaunchTemplateVersions'],
  'AWS::ECR::Repository': [
    'ecr:DescribeRepositories',
    'ecr:GetRegistryScanningConfiguration',
    'ecr:DescribeImageScanFindings',
  ],
  'AWS::ECR::RegistryScanningConfiguration': ['ecr:GetRegistryScanningConfiguration'],
  'AWS::Logs::LogGroup': ['logs:DescribeLogGroups'],
  'AWS::CloudWatch::Alarm': ['cloudwatch:DescribeAlarms'],
  'AWS::IAM::Role': ROLE_ACTIONS,
  // Inline policies live inside the roles (Role.Policies); these types are read with them.
  'AWS::IAM::Policy': ROLE_ACTIONS,
  'AWS::IAM::RolePolicy': ROLE_ACTIONS,
  'AWS::IAM::ManagedPolicy': [
    'eks:ListPodIdentityAssociations',
    'eks:DescribePodIdentityAssociation',
    'iam:ListAttachedRolePolicies',
    'iam:GetPolicy',
    'iam:GetPolicyVersion',
  ],
  'AWS::Backup::BackupPlan': ['backup:ListBackupPlans', 'backup:GetBackupPlan'],
  'AWS::Backup::BackupSelection': [
    'backup:ListBackupPlans',
    'backup:ListBackupSelections',
    'backup:GetBackupSelection',
  ],
  'AWS::DLM::LifecyclePolicy': ['dlm:GetLifecyclePolicies', 'dlm:GetLifecyclePolicy'],
  'AWS::SecretsManager::Secret': ['secretsmanager:ListSecrets'],
  // CDK's Helm chart custom resource is a deployment-time artefact: a live account holds none
  // (the charts show as the Kubernetes objects they created).
  'Custom::AWSCDK-EKS-HelmChart': [],
};

/** Actions IAM does not scope to a resource (a cluster ARN in Resource would refuse them). */
export const UNSCOPED_ACTIONS: readonly string[] = ['eks:DescribeAddonVersions'];

/** CloudFormation types the live AWS source can read. */
export function supportedAwsTypes(): string[] {
  return Object.keys(AWS_TYPE_ACTIONS).sort();
}

/** The IAM actions needed to read these types, sorted and unique. */
export function actionsFor(types: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const t of types) for (const a of AWS_TYPE_ACTIONS[t] ?? []) out.add(a);
  return [...out].sort();
}

/** True when an action is read-only by its name (Describe*, List*, Get*, Filter*). */
export function isReadOnlyAction(action: string): boolean {
  return /^[a-z0-9-]+:(Describe|List|Get|Filter)[A-Za-z]+$/.test(action);
}

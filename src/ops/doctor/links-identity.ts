import type { IamRoleFact, PodIdentityAssociationFact } from '../common/aws-facts.js';
import type { DoctorFacts } from './facts-view.js';
import type { DoctorLink } from './types.js';

/** The pods' ServiceAccount → its Pod Identity association → the IAM role it names. */
export function identityLinks(serviceAccount: string, f: DoctorFacts): DoctorLink[] {
  const ns = f.input.target.namespace;
  const object = { kind: 'ServiceAccount', name: serviceAccount, namespace: ns };
  const out: DoctorLink[] = [];
  const accounts = f.list('ServiceAccount');
  if (!accounts)
    out.push({
      step: 'ServiceAccount',
      object,
      state: 'unknown',
      detail: serviceAccount,
      reason: f.reason('ServiceAccount'),
    });
  else if (!accounts.some((a) => a.metadata.name === serviceAccount)) {
    out.push({
      step: 'ServiceAccount',
      object,
      state: 'problem',
      detail: 'does not exist',
      problem: {
        severity: 'critical',
        code: 'serviceaccount.missing',
        object,
        what: `ServiceAccount ${serviceAccount} does not exist: new pods are refused`,
        next: `kubectl create serviceaccount ${serviceAccount} -n ${ns}`,
        source: 'kubernetes',
      },
    });
    return out;
  } else out.push({ step: 'ServiceAccount', object, state: 'ok', detail: 'exists' });

  const assocObject = { kind: 'PodIdentityAssociation', name: `${ns}/${serviceAccount}` };
  const associations = f.aws<readonly PodIdentityAssociationFact[]>('podIdentityAssociations');
  if (!associations) {
    out.push({
      step: 'Pod Identity',
      object: assocObject,
      state: 'unknown',
      detail: serviceAccount,
      reason: f.awsReason('podIdentityAssociations'),
    });
    return out;
  }
  const assoc = associations.find((a) => a.namespace === ns && a.serviceAccount === serviceAccount);
  if (!assoc) {
    out.push({
      step: 'Pod Identity',
      object: assocObject,
      state: 'ok',
      detail: 'no association: the pods get no AWS credentials (needed only if the app calls AWS)',
    });
    return out;
  }
  out.push({
    step: 'Pod Identity',
    object: { ...assocObject, name: assoc.associationId ?? assocObject.name },
    state: 'ok',
    detail: `role ${assoc.roleArn}`,
  });
  const roleObject = { kind: 'IAMRole', name: assoc.roleArn };
  const roles = f.aws<readonly IamRoleFact[]>('iamRoles');
  if (!roles) {
    out.push({
      step: 'IAM role',
      object: roleObject,
      state: 'unknown',
      detail: assoc.roleArn,
      reason: f.awsReason('iamRoles'),
    });
    return out;
  }
  const role = roles.find((r) => r.arn === assoc.roleArn);
  if (!role)
    out.push({
      step: 'IAM role',
      object: roleObject,
      state: 'unknown',
      detail: assoc.roleArn,
      reason: 'the role was not read',
    });
  else if (!role.exists || role.trustsPodIdentity === false)
    out.push({
      step: 'IAM role',
      object: roleObject,
      state: 'problem',
      detail: role.exists ? 'does not trust pods.eks.amazonaws.com' : 'does not exist',
      problem: {
        severity: 'critical',
        code: role.exists ? 'iam.role-not-trusting-pod-identity' : 'iam.role-missing',
        object: roleObject,
        what: role.exists
          ? 'the role does not trust pods.eks.amazonaws.com: the pods get no credentials'
          : 'the role of the association does not exist',
        next: `aws iam get-role --role-name ${assoc.roleArn.split('/').pop()}`,
        source: 'joined',
      },
    });
  else out.push({ step: 'IAM role', object: roleObject, state: 'ok', detail: 'exists, trusts pods.eks.amazonaws.com' });
  return out;
}

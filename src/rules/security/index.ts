import type { Rule } from '../types.js';
import externalSecretsPath from './external-secrets-path.js';
import httpsOnly from './https-only.js';
import iamLeastPrivilege from './iam-least-privilege.js';
import imdsEgress from './imds-egress.js';
import liveExternalsecretSync from './live-externalsecret-sync.js';
import liveImageFindings from './live-image-findings.js';
import networkPolicies from './network-policies.js';
import networkPolicyTargets from './network-policy-targets.js';
import noPlainSecrets from './no-plain-secrets.js';
import noPrivilegeEscalation from './no-privilege-escalation.js';
import podIdentity from './pod-identity.js';
import rbac from './rbac.js';
import rbacPermissions from './rbac-permissions.js';
import readOnlyRootFs from './read-only-root-fs.js';
import runAsNonRoot from './run-as-non-root.js';
import secretEnvVars from './secret-env-vars.js';

/** The security rules: one per file in this folder. */
export const rules: readonly Rule[] = [
  externalSecretsPath,
  httpsOnly,
  iamLeastPrivilege,
  imdsEgress,
  liveExternalsecretSync,
  liveImageFindings,
  networkPolicies,
  networkPolicyTargets,
  noPlainSecrets,
  noPrivilegeEscalation,
  podIdentity,
  rbac,
  rbacPermissions,
  readOnlyRootFs,
  runAsNonRoot,
  secretEnvVars,
];

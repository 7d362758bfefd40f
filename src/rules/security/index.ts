import type { Rule } from '../types.js';
import capabilities from './capabilities.js';
import clusterSecretStoreScope from './cluster-secret-store-scope.js';
import externalSecretsPath from './external-secrets-path.js';
import hostNamespaces from './host-namespaces.js';
import hostPath from './host-path.js';
import httpsOnly from './https-only.js';
import iamLeastPrivilege from './iam-least-privilege.js';
import images from './images.js';
import imdsEgress from './imds-egress.js';
import liveExternalsecretSync from './live-externalsecret-sync.js';
import liveImageFindings from './live-image-findings.js';
import networkPolicies from './network-policies.js';
import networkPolicyEnforcement from './network-policy-enforcement.js';
import networkPolicyTargets from './network-policy-targets.js';
import noPlainSecrets from './no-plain-secrets.js';
import noPrivilegeEscalation from './no-privilege-escalation.js';
import placeholderAccount from './placeholder-account.js';
import podIdentity from './pod-identity.js';
import podSecurityContext from './pod-security-context.js';
import rbac from './rbac.js';
import rbacPermissions from './rbac-permissions.js';
import readOnlyRootFs from './read-only-root-fs.js';
import runAsNonRoot from './run-as-non-root.js';
import seccompApparmor from './seccomp-apparmor.js';
import secretEnvVars from './secret-env-vars.js';
import secretValues from './secret-values.js';
import serviceAccounts from './service-accounts.js';

/** The security rules: one per file in this folder. */
export const rules: readonly Rule[] = [
  capabilities,
  clusterSecretStoreScope,
  externalSecretsPath,
  hostNamespaces,
  hostPath,
  httpsOnly,
  iamLeastPrivilege,
  images,
  imdsEgress,
  liveExternalsecretSync,
  liveImageFindings,
  networkPolicies,
  networkPolicyEnforcement,
  networkPolicyTargets,
  noPlainSecrets,
  noPrivilegeEscalation,
  placeholderAccount,
  podIdentity,
  podSecurityContext,
  rbac,
  rbacPermissions,
  readOnlyRootFs,
  runAsNonRoot,
  seccompApparmor,
  secretEnvVars,
  secretValues,
  serviceAccounts,
];

import { ALB_GROUP_ANNOTATION } from '../../inventory/ingress-groups.js';
import type { KubeObject } from '../../inventory/types.js';

/** The tags the AWS Load Balancer Controller puts on the load balancers it makes for Ingresses. */
export const STACK_TAG = 'ingress.k8s.aws/stack';
export const CLUSTER_TAG = 'elbv2.k8s.aws/cluster';

/**
 * The stack an Ingress's ALB carries in `ingress.k8s.aws/stack`: the
 * IngressGroup's name when the Ingress joins one, else `namespace/name`.
 */
export function ingressStack(ing: KubeObject): string {
  const group = ing.metadata.annotations?.[ALB_GROUP_ANNOTATION];
  return typeof group === 'string' && group !== ''
    ? group
    : `${ing.metadata.namespace ?? 'default'}/${ing.metadata.name}`;
}

/** The DNS name in an Ingress's status, when the controller has provisioned one. */
export function ingressHostname(ing: KubeObject): string | undefined {
  const status = ing.status as { loadBalancer?: { ingress?: { hostname?: string }[] } } | undefined;
  return status?.loadBalancer?.ingress?.[0]?.hostname || undefined;
}

import type { Construct } from 'constructs';
import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import * as k8s from './cdk/k8s.js';
import type { AppScope } from './common.js';
import { selectorLabels } from './labels.js';
import { namespaceOf } from './naming.js';
import { hasAwsAccess } from './pod.js';

/** Every namespace carries this label (set by Kubernetes), so policies can select namespaces by name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The EKS Pod Identity agent answers credential requests on this link-local address, port 80. */
export const POD_IDENTITY_AGENT_CIDR = '169.254.170.23/32';

/** The CloudWatch Observability add-on's namespace; its agent scrapes metrics ports. */
export const CLOUDWATCH_NAMESPACE = 'amazon-cloudwatch';

const tcp = (port: number): k8s.NetworkPolicyPort => ({ protocol: 'TCP', port: k8s.IntOrString.fromNumber(port) });

function peerOf(app: AppConfig, env: Pick<EnvironmentConfig, 'project'>): k8s.NetworkPolicyPeer {
  return {
    namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespaceOf(app, env) } },
    podSelector: { matchLabels: selectorLabels(app) },
  };
}

/** True when a web app is reached from the ALB (target-type ip sends traffic straight to pod IPs). */
export function servedByLoadBalancer(app: AppConfig, env: Pick<EnvironmentConfig, 'components'>): boolean {
  return app.pattern === 'web' && app.host !== undefined && env.components.ingress;
}

/**
 * The allow rules of one app, on top of its namespace's default deny:
 * - ingress on its port from each app that lists it in `talksTo` (namespace and pod selector);
 * - ingress from the VPC range for web apps behind the ALB (target-type ip: the ALB's
 *   addresses are in the VPC, not known in advance);
 * - ingress on the metrics port from the CloudWatch agent's namespace;
 * - egress to each `talksTo` target on the target's port;
 * - egress on 443 for apps that call AWS APIs (public endpoints or VPC endpoints), and to
 *   the Pod Identity agent for their credentials.
 * DNS is allowed namespace-wide by the baseline. Returns nothing when no rule applies.
 */
export function addAppNetworkPolicy(s: AppScope): void {
  const { app, env } = s;
  const byName = new Map(env.apps.map((a) => [a.name, a]));
  const ingress: k8s.NetworkPolicyIngressRule[] = [];
  const egress: k8s.NetworkPolicyEgressRule[] = [];

  const callers = env.apps.filter((a) => a.talksTo.includes(app.name)).sort((a, b) => a.name.localeCompare(b.name));
  if (app.port !== undefined && callers.length) {
    ingress.push({ from: callers.map((c) => peerOf(c, env)), ports: [tcp(app.port)] });
  }
  if (app.port !== undefined && servedByLoadBalancer(app, env)) {
    ingress.push({ from: [{ ipBlock: { cidr: env.network.vpcCidr } }], ports: [tcp(app.port)] });
  }
  if (app.metrics) {
    ingress.push({
      from: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: CLOUDWATCH_NAMESPACE } } }],
      ports: [tcp(app.metrics.port)],
    });
  }

  for (const name of [...app.talksTo].sort()) {
    const target = byName.get(name);
    if (!target) continue;
    if (target.port === undefined) {
      s.notes.add(`${app.name} talks to ${name}, which serves no port: no network rule was generated for it`);
      continue;
    }
    egress.push({ to: [peerOf(target, env)], ports: [tcp(target.port)] });
  }
  if (hasAwsAccess(app, env)) {
    egress.push({ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [tcp(443)] });
    egress.push({ to: [{ ipBlock: { cidr: POD_IDENTITY_AGENT_CIDR } }], ports: [tcp(80)] });
  }

  if (!ingress.length && !egress.length) return;
  new k8s.KubeNetworkPolicy(s.scope, 'network-policy', {
    metadata: { name: app.name, namespace: s.namespace, labels: s.labels },
    spec: {
      podSelector: { matchLabels: s.selector },
      policyTypes: ['Ingress', 'Egress'],
      ingress: ingress.length ? ingress : undefined,
      egress: egress.length ? egress : undefined,
    },
  });
}

/**
 * The namespace baseline: deny every connection in and out (Pattern 5, "restrict
 * traffic between tiers"), then allow DNS to CoreDNS; each app adds its own rules.
 */
export function addBaselinePolicies(scope: Construct, namespace: string, labels: Record<string, string>): void {
  new k8s.KubeNetworkPolicy(scope, `${namespace}-default-deny`, {
    metadata: { name: 'default-deny', namespace, labels },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });
  new k8s.KubeNetworkPolicy(scope, `${namespace}-allow-dns`, {
    metadata: { name: 'allow-dns', namespace, labels },
    spec: {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [
            { protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) },
            { protocol: 'TCP', port: k8s.IntOrString.fromNumber(53) },
          ],
        },
      ],
    },
  });
}

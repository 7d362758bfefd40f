/**
 * The version lock: every add-on, Helm chart and kubectl layer the platform
 * installs, keyed by Kubernetes minor. It is data only, below config in the
 * layering, so the config loader can refuse a minor the lock does not hold
 * and synthesis can read versions from it. Nothing asks AWS for "latest", so a
 * template is the same on every machine and an upgrade is a reviewed change to
 * this file.
 *
 * To support a new minor: add an entry, install its kubectl layer package
 * (`npm i @aws-cdk/lambda-layer-kubectl-vNN`), run `slipway synth --all`.
 */

export interface HelmChartLock {
  /** Chart name in the repository (or an OCI reference). */
  readonly chart: string;
  /** Helm repository URL; empty when `chart` is an OCI reference. */
  readonly repository: string;
  readonly version: string;
}

export interface VersionLock {
  /** EKS managed add-on versions. */
  readonly addons: {
    readonly 'vpc-cni': string;
    readonly coredns: string;
    readonly 'kube-proxy': string;
    readonly 'eks-pod-identity-agent': string;
    readonly 'aws-ebs-csi-driver': string;
    readonly 'amazon-cloudwatch-observability': string;
  };
  readonly charts: {
    readonly awsLoadBalancerController: HelmChartLock & {
      /** Controller release the chart installs; selects the IAM policy document shipped with aws-cdk-lib. */
      readonly appVersion: string;
    };
    readonly externalSecrets: HelmChartLock;
    readonly metricsServer: HelmChartLock;
    readonly keda: HelmChartLock;
    readonly karpenter: HelmChartLock;
    readonly argocd: HelmChartLock;
    readonly clusterAutoscaler: HelmChartLock & {
      /** Cluster Autoscaler image tag; its minor must match the cluster's Kubernetes minor. */
      readonly imageTag: string;
    };
  };
  /** npm package of the kubectl/helm Lambda layer used by the kubectl provider. */
  readonly kubectlLayer: { readonly package: string; readonly className: string };
}

const repos = {
  eks: 'https://aws.github.io/eks-charts',
  eso: 'https://charts.external-secrets.io',
  metrics: 'https://kubernetes-sigs.github.io/metrics-server/',
  keda: 'https://kedacore.github.io/charts',
  argo: 'https://argoproj.github.io/argo-helm',
  autoscaler: 'https://kubernetes.github.io/autoscaler',
} as const;

/** Charts that do not depend on the Kubernetes minor within the supported range. */
const sharedCharts = {
  externalSecrets: { chart: 'external-secrets', repository: repos.eso, version: '0.19.2' },
  metricsServer: { chart: 'metrics-server', repository: repos.metrics, version: '3.13.0' },
  keda: { chart: 'keda', repository: repos.keda, version: '2.17.2' },
  // Karpenter 1.12.2: release tag v1.12.2 of github.com/aws/karpenter-provider-aws (2026-07-10); the chart is
  // published to that OCI repository under the release version. Its compatibility matrix
  // (hack/docs/compatibilitymatrix_gen/compatibility.yaml) gives 1.12.x Kubernetes 1.26-1.35, which covers every
  // minor of this lock; the 1.6.x line stops at 1.34. The controller policy in src/platform/karpenter-policy.ts
  // follows the v1.12 getting-started CloudFormation template.
  karpenter: { chart: 'oci://public.ecr.aws/karpenter/karpenter', repository: '', version: '1.12.2' },
  argocd: { chart: 'argo-cd', repository: repos.argo, version: '8.3.0' },
} as const;

/** AWS Load Balancer Controller chart releases, with the controller release each installs. */
const albController = {
  v2_13_4: { chart: 'aws-load-balancer-controller', repository: repos.eks, version: '1.13.4', appVersion: 'v2.13.4' },
  v2_14_1: { chart: 'aws-load-balancer-controller', repository: repos.eks, version: '1.14.1', appVersion: 'v2.14.1' },
} as const;

/**
 * The Cluster Autoscaler chart, run with the autoscaler release of each Kubernetes minor.
 * Chart 9.59.0: tag cluster-autoscaler-chart-9.59.0 of github.com/kubernetes/autoscaler and the gh-pages
 * index.yaml of https://kubernetes.github.io/autoscaler (appVersion 1.35.0). The chart README's table asks
 * 9.51.0+ for Kubernetes 1.34, and only 9.54.0+ ships a 1.35 appVersion, so the 9.50.1 written before was too
 * old for 1.34 and 1.35. The image tag is set per minor below, so one chart serves every minor.
 */
function clusterAutoscaler(imageTag: string): VersionLock['charts']['clusterAutoscaler'] {
  return { chart: 'cluster-autoscaler', repository: repos.autoscaler, version: '9.59.0', imageTag };
}

/** The charts of one minor: the shared ones plus its Load Balancer Controller and Cluster Autoscaler releases. */
function chartsWith(
  awsLoadBalancerController: VersionLock['charts']['awsLoadBalancerController'],
  autoscalerImageTag: string,
): VersionLock['charts'] {
  return { ...sharedCharts, awsLoadBalancerController, clusterAutoscaler: clusterAutoscaler(autoscalerImageTag) };
}

export const VERSION_LOCK: Readonly<Record<string, VersionLock>> = {
  '1.32': {
    addons: {
      'vpc-cni': 'v1.19.6-eksbuild.7',
      coredns: 'v1.11.4-eksbuild.14',
      'kube-proxy': 'v1.32.6-eksbuild.8',
      'eks-pod-identity-agent': 'v1.3.8-eksbuild.2',
      'aws-ebs-csi-driver': 'v1.46.0-eksbuild.1',
      'amazon-cloudwatch-observability': 'v4.3.0-eksbuild.1',
    },
    // Cluster Autoscaler v1.32.7: the newest patch of 1.32, tag cluster-autoscaler-1.32.7 of
    // github.com/kubernetes/autoscaler (2026-02-13); image registry.k8s.io/autoscaling/cluster-autoscaler.
    charts: chartsWith(albController.v2_13_4, 'v1.32.7'),
    kubectlLayer: { package: '@aws-cdk/lambda-layer-kubectl-v32', className: 'KubectlV32Layer' },
  },
  '1.33': {
    addons: {
      'vpc-cni': 'v1.20.1-eksbuild.3',
      coredns: 'v1.12.1-eksbuild.2',
      'kube-proxy': 'v1.33.3-eksbuild.4',
      'eks-pod-identity-agent': 'v1.3.8-eksbuild.2',
      'aws-ebs-csi-driver': 'v1.47.0-eksbuild.1',
      'amazon-cloudwatch-observability': 'v4.3.0-eksbuild.1',
    },
    // Cluster Autoscaler v1.33.6: the newest patch of 1.33, tag cluster-autoscaler-1.33.6 of
    // github.com/kubernetes/autoscaler (2026-07-22); image registry.k8s.io/autoscaling/cluster-autoscaler.
    charts: chartsWith(albController.v2_14_1, 'v1.33.6'),
    kubectlLayer: { package: '@aws-cdk/lambda-layer-kubectl-v33', className: 'KubectlV33Layer' },
  },
  '1.34': {
    addons: {
      'vpc-cni': 'v1.20.4-eksbuild.1',
      coredns: 'v1.12.4-eksbuild.1',
      'kube-proxy': 'v1.34.0-eksbuild.4',
      'eks-pod-identity-agent': 'v1.3.8-eksbuild.2',
      'aws-ebs-csi-driver': 'v1.48.0-eksbuild.2',
      'amazon-cloudwatch-observability': 'v4.4.0-eksbuild.1',
    },
    // Cluster Autoscaler v1.34.5: the newest patch of 1.34, tag cluster-autoscaler-1.34.5 of
    // github.com/kubernetes/autoscaler (2026-07-22); image registry.k8s.io/autoscaling/cluster-autoscaler.
    charts: chartsWith(albController.v2_14_1, 'v1.34.5'),
    kubectlLayer: { package: '@aws-cdk/lambda-layer-kubectl-v34', className: 'KubectlV34Layer' },
  },
  '1.35': {
    addons: {
      'vpc-cni': 'v1.21.1-eksbuild.1',
      coredns: 'v1.13.2-eksbuild.4',
      'kube-proxy': 'v1.35.3-eksbuild.13',
      'eks-pod-identity-agent': 'v1.3.8-eksbuild.2',
      'aws-ebs-csi-driver': 'v1.59.0-eksbuild.1',
      'amazon-cloudwatch-observability': 'v4.4.0-eksbuild.1',
    },
    // Cluster Autoscaler v1.35.2: the newest patch of 1.35, tag cluster-autoscaler-1.35.2 of
    // github.com/kubernetes/autoscaler (2026-07-22); image registry.k8s.io/autoscaling/cluster-autoscaler.
    charts: chartsWith(albController.v2_14_1, 'v1.35.2'),
    kubectlLayer: { package: '@aws-cdk/lambda-layer-kubectl-v35', className: 'KubectlV35Layer' },
  },
};

/** The Kubernetes minors the lock holds, oldest first. */
export const SUPPORTED_KUBERNETES_VERSIONS: readonly string[] = Object.keys(VERSION_LOCK).sort(
  (a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]),
);

/** API version of the External Secrets resources served by the locked chart (v1 since ESO 0.17). */
export const EXTERNAL_SECRETS_API_VERSION = 'external-secrets.io/v1';

/** The lock for a Kubernetes minor; an unknown minor is an error naming the supported ones. */
export function versionsFor(kubernetesVersion: string): VersionLock {
  const lock = VERSION_LOCK[kubernetesVersion];
  if (!lock) {
    throw new Error(
      `kubernetesVersion "${kubernetesVersion}" has no entry in the version lock (src/versions/lock.ts); ` +
        `supported: ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}. Pick one of those or add an entry.`,
    );
  }
  return lock;
}

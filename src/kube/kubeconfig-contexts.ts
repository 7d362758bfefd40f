import { redactUrls } from '../util/redact-url.js';
import { KubeConnectionError, noKubeconfigMessage } from './transport.js';

/** One context of a kubeconfig: its name, the cluster it points at and that cluster's API server. */
export interface KubeContextInfo {
  readonly name: string;
  /** The kubeconfig cluster entry's name ('' when the context names none). */
  readonly cluster: string;
  /** The cluster's API server URL, credentials redacted ('' when the cluster entry is missing). */
  readonly server: string;
}

/**
 * The contexts of a kubeconfig file, or of the merged KUBECONFIG list
 * (client-node's conventions, as kubectl merges them) when no file is given,
 * in the order the kubeconfig lists them. Reads no cluster.
 */
export async function listKubeContexts(kubeconfig?: string): Promise<KubeContextInfo[]> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  try {
    if (kubeconfig) kc.loadFromFile(kubeconfig);
    else kc.loadFromDefault();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new KubeConnectionError(`cannot read the kubeconfig ${kubeconfig ?? '(KUBECONFIG, ~/.kube/config)'}: ${why}`);
  }
  const contexts = kc.getContexts();
  // client-node's stand-in when no kubeconfig exists: one context on localhost:8080.
  if (!kubeconfig && contexts.length === 1 && contexts[0].name === 'loaded-context') {
    throw new KubeConnectionError(noKubeconfigMessage());
  }
  return contexts.map((c) => {
    const cluster = c.cluster ? kc.getCluster(c.cluster) : null;
    return { name: c.name, cluster: c.cluster ?? '', server: cluster ? redactUrls(cluster.server) : '' };
  });
}

import type { LiveConnection } from '../../live/connect.js';
import { type Fact, unknownFact } from '../facts.js';
import { controlPlaneVersionFact } from './aws-eks.js';
import { readFact } from './read-fact.js';

/**
 * The control plane's version: the API server's own answer (GET /version,
 * `v1.34.2-eks-…`) first, so it is known without AWS; EKS DescribeCluster
 * only when the API server does not tell. Unknown, with both reasons, when
 * neither answers.
 */
export async function controlPlaneVersion(
  conn: Pick<LiveConnection, 'kube' | 'aws'>,
  cluster: string | undefined,
): Promise<Fact<string>> {
  const api = await readFact(
    'the API server version (GET /version)',
    async () => (await conn.kube.version()).gitVersion,
  );
  if (api.state === 'read') return api;
  const eks = await controlPlaneVersionFact(conn.aws, cluster);
  if (eks.state === 'read') return eks;
  return unknownFact(`${api.reason}; EKS DescribeCluster: ${eks.reason}`);
}

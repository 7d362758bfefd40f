import type { LiveConnection } from '../../live/connect.js';
import { ecrFacts } from '../gather/aws-ecr.js';
import { DEFAULT_CONCURRENCY, type GatherLimits, listFact } from '../gather/kube-lists.js';
import type { ImagesInput } from './types.js';

export interface ImagesGatherOptions extends GatherLimits {
  readonly environment: ImagesInput['environment'];
}

/**
 * Reads what `imagesReport` needs: the pods (what runs, with the digest from
 * container status), then from ECR the repositories of the running images
 * that come from the environment's registries, their running tags and
 * digests, and each one's scan findings.
 */
export async function gatherImages(conn: LiveConnection, options: ImagesGatherOptions): Promise<ImagesInput> {
  const pods = await listFact(conn.kube, 'Pod', conn.namespace, options);
  return {
    environment: options.environment,
    pods,
    ecr: await ecrFacts(conn.aws, pods, options.environment.registries, options.concurrency ?? DEFAULT_CONCURRENCY),
  };
}

import { apiError, KubeApiError, parseBody } from './errors.js';
import type { KubeTransport } from './transport.js';

/** What the API server says of itself (GET /version): `gitVersion` such as `v1.34.2-eks-3025e55`. */
export interface ServerVersion {
  readonly major: string;
  readonly minor: string;
  readonly gitVersion: string;
  readonly platform?: string;
}

const PATH = '/version';

/**
 * The API server's version (GET /version, which every authenticated user may
 * read). An answer without a `gitVersion` of the form vMAJOR.MINOR… is a
 * KubeApiError naming the path and what came back.
 */
export async function readServerVersion(transport: KubeTransport): Promise<ServerVersion> {
  const res = await transport.get(PATH);
  if (res.status !== 200) throw apiError(res.status, PATH, res.body);
  const v = parseBody(res.body, PATH) as Partial<Record<keyof ServerVersion, unknown>> | null;
  const git = v && typeof v === 'object' ? v.gitVersion : undefined;
  if (typeof git !== 'string' || !/^v?\d+\.\d+/.test(git)) {
    throw new KubeApiError(
      res.status,
      'InvalidBody',
      PATH,
      `GET ${PATH}: expected a gitVersion such as "v1.34.2"; got ${JSON.stringify(git ?? null)}`,
    );
  }
  return {
    major: typeof v?.major === 'string' ? v.major : '',
    minor: typeof v?.minor === 'string' ? v.minor : '',
    gitVersion: git,
    ...(typeof v?.platform === 'string' ? { platform: v.platform } : {}),
  };
}

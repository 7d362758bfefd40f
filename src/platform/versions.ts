/**
 * The platform's view of the version lock. The data lives in
 * src/versions/lock.ts (below config, so the loader can check a config's
 * Kubernetes minor against it); constructs import it from here.
 */
export {
  EXTERNAL_SECRETS_API_VERSION,
  type HelmChartLock,
  SUPPORTED_KUBERNETES_VERSIONS,
  VERSION_LOCK,
  type VersionLock,
  versionsFor,
} from '../versions/lock.js';

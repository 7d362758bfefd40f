import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';

/**
 * The names the generated Ingresses and the platform's 5XX alarm agree on.
 * Every Ingress of an environment joins one IngressGroup, so the Load
 * Balancer Controller runs one ALB for it and gives each app its own target
 * group. The ALB's name and ARN exist only at run time, so the alarm finds it
 * by a tag the Ingresses put on it (`alb.ingress.kubernetes.io/tags`). The
 * key is letters only, so a Metrics Insights query can name it without quoting.
 */
export const ALB_GROUP_TAG = 'SlipwayAlbGroup';

/** The IngressGroup (and tag value) of an environment's ALB: `<project>-<environment>`. */
export function albGroupName(env: Pick<EnvironmentConfig, 'project' | 'name'>): string {
  return `${env.project}-${env.name}`;
}

/** The `alb.ingress.kubernetes.io/tags` value every Ingress of the environment carries (the same on each, so the group's tags never conflict). */
export function albGroupTags(env: Pick<EnvironmentConfig, 'project' | 'name'>): string {
  return `${ALB_GROUP_TAG}=${albGroupName(env)}`;
}

/** Web apps that get an internet-facing Ingress in this environment. */
export function publicWebApps(env: Pick<EnvironmentConfig, 'apps' | 'components'>): AppConfig[] {
  if (!env.components.ingress) return [];
  return env.apps.filter((a) => a.pattern === 'web' && Boolean(a.host) && a.public !== false);
}

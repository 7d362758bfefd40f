import type { AppConfig } from '../config/schema/apps.js';
import type { EnvironmentConfig } from '../config/types.js';
import { MANAGED_BY_LABEL, MANAGED_BY_SLIPWAY } from '../contract/labels.js';

/** The label every selector matches on: one app, one value. */
export const APP_LABEL = 'app.kubernetes.io/name';

/** Annotation naming the runbook of an app (checklist: runbooks documented). */
export const RUNBOOK_ANNOTATION = 'slipway.io/runbook';

/** Labels that select an app's pods; kept minimal so they never change after the first deploy. */
export function selectorLabels(app: Pick<AppConfig, 'name'>): Record<string, string> {
  return { [APP_LABEL]: app.name };
}

/** Labels on every object of an app (selector labels plus descriptive ones). */
export function appLabels(app: AppConfig, env: Pick<EnvironmentConfig, 'project' | 'name'>): Record<string, string> {
  return {
    ...selectorLabels(app),
    'app.kubernetes.io/component': app.pattern,
    [MANAGED_BY_LABEL]: MANAGED_BY_SLIPWAY,
    'app.kubernetes.io/part-of': env.project,
    'slipway.io/environment': env.name,
    ...(app.tier ? { 'slipway.io/tier': app.tier } : {}),
  };
}

/** Labels on the namespace-level objects (namespaces, baseline policies, quotas). */
export function baseLabels(env: Pick<EnvironmentConfig, 'project' | 'name'>): Record<string, string> {
  return {
    [MANAGED_BY_LABEL]: MANAGED_BY_SLIPWAY,
    'app.kubernetes.io/part-of': env.project,
    'slipway.io/environment': env.name,
  };
}

/** Workload annotations: the runbook link when there is one. */
export function appAnnotations(app: AppConfig): Record<string, string> | undefined {
  return app.runbook ? { [RUNBOOK_ANNOTATION]: app.runbook } : undefined;
}

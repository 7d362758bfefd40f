import { DOCTOR_KINDS, type DoctorKind, type DoctorTarget } from './types.js';

const ALIASES: Readonly<Record<string, DoctorKind>> = {
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  ds: 'DaemonSet',
  cronjob: 'CronJob',
  cronjobs: 'CronJob',
  cj: 'CronJob',
  job: 'Job',
  jobs: 'Job',
  pod: 'Pod',
  pods: 'Pod',
  po: 'Pod',
  app: 'App',
};

/**
 * `kind/name` (deployment/web, sts/db, pod/web-7d9f-x2k4p, app/web) in a
 * namespace; a bare name is an app. Returns the target, or an error that says
 * what was wrong, the value seen and what is allowed.
 */
export function parseDoctorTarget(
  text: string,
  namespace: string,
): { readonly target: DoctorTarget } | { readonly error: string } {
  const t = text.trim();
  const slash = t.indexOf('/');
  const kindText = slash >= 0 ? t.slice(0, slash) : 'app';
  const name = slash >= 0 ? t.slice(slash + 1) : t;
  const kind = ALIASES[kindText.toLowerCase()];
  if (!kind)
    return {
      error: `doctor: kind "${kindText}" in "${text}" is not supported; use one of ${DOCTOR_KINDS.map((k) => k.toLowerCase()).join(', ')} (as kind/name)`,
    };
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name))
    return {
      error: `doctor: "${name}" in "${text}" is not a Kubernetes object name (lowercase letters, digits, '-' and '.')`,
    };
  return { target: { kind, name, namespace } };
}

import { createRequire } from 'node:module';
import { isPlainObject, type ValuePath } from '../util/paths.js';
import type { AppFloorViolation } from './app-floor.js';
import type { AppConfig } from './schema/apps.js';
import type { EnvironmentSettings } from './schema/file.js';

/** App fields that take one value or a map keyed by environment name. */
const PER_ENVIRONMENT_FIELDS: readonly (readonly string[])[] = [
  ['replicas'],
  ['resources'],
  ['autoscaling', 'min'],
  ['autoscaling', 'max'],
  ['storage', 'size'],
  ['queue', 'minReplicas'],
  ['queue', 'maxReplicas'],
];

/** Keys of a single `resources` value (so it is not taken for a per-environment map). */
const RESOURCES_KEYS = new Set(['requests', 'limits']);

/**
 * Checks that need the whole file, run once at load: every per-environment
 * map is keyed by environment names only (a typo such as `prd` would
 * otherwise leave prod on the fallback), and each cron app's schedule and time
 * zone are valid.
 */
export function checkAppsAtLoad(apps: readonly AppConfig[], environments: readonly string[]): AppFloorViolation[] {
  const out: AppFloorViolation[] = [];
  apps.forEach((app, i) => {
    for (const field of PER_ENVIRONMENT_FIELDS) {
      let v: unknown = app;
      for (const seg of field) v = isPlainObject(v) ? v[seg] : undefined;
      if (!isPlainObject(v)) continue;
      if (field[0] === 'resources' && Object.keys(v).some((k) => RESOURCES_KEYS.has(k))) continue;
      for (const key of Object.keys(v)) {
        if (environments.includes(key)) continue;
        out.push({
          path: ['apps', i, ...field, key] as ValuePath,
          received: key,
          message: `"${key}" is not an environment; a per-environment value is keyed by environment names only: ${environments.join(', ')}`,
        });
      }
    }
    if (app.schedule !== undefined) {
      const problem = cronProblem(app.schedule);
      if (problem) out.push({ path: ['apps', i, 'schedule'], received: app.schedule, message: problem });
    }
    if (app.timeZone !== undefined && !isTimeZone(app.timeZone)) {
      out.push({
        path: ['apps', i, 'timeZone'],
        received: app.timeZone,
        message: `"${app.timeZone}" is not an IANA time zone known to this runtime (such as Europe/Berlin, America/New_York or UTC)`,
      });
    }
  });
  return out;
}

/**
 * Checks of the apps against one environment's settings: a bare host name
 * needs the environment's domain to append.
 */
export function checkAppsInEnvironment(
  apps: readonly AppConfig[],
  envName: string,
  settings: Pick<EnvironmentSettings, 'domain'>,
): AppFloorViolation[] {
  return apps.flatMap((app, i) => bareHostViolation(app, i, envName, settings) ?? []);
}

/**
 * A bare host (no dot, such as `www`) is completed with the environment's
 * domain.name; without one there is no name to give the Ingress. The loader
 * runs this for every app and environment; the web pattern runs it again for
 * library callers that build an environment without the loader.
 */
export function bareHostViolation(
  app: Pick<AppConfig, 'name' | 'host'>,
  index: number,
  envName: string,
  settings: Pick<EnvironmentSettings, 'domain'>,
): AppFloorViolation | undefined {
  if (!app.host || app.host.includes('.') || settings.domain) return undefined;
  return {
    path: ['apps', index, 'host'],
    received: app.host,
    message: `host "${app.host}" of "${app.name}" is a bare name, but environment "${envName}" has no domain.name to append; set domain.name or write the full host name`,
  };
}

type CronClass = typeof import('croner').Cron;
let cron: CronClass | undefined;

/**
 * croner (33 kB, no dependencies) loads on the first schedule checked: most commands never need it. It reads
 * a pattern without locales (cron-parser, used before, built a luxon date and asked ICU for the locale:
 * ~55 ms of a `config show` of the example, against ~7 ms).
 */
function loadCron(): CronClass {
  cron ??= (createRequire(import.meta.url)('croner') as typeof import('croner')).Cron;
  return cron;
}

/** Why a Kubernetes CronJob schedule (five fields, or a macro such as @daily) is not valid; undefined when it is. */
export function cronProblem(schedule: string): string | undefined {
  const fields = schedule.trim().split(/\s+/);
  const macro = /^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$/.test(schedule.trim());
  if (!macro && fields.length !== 5) {
    return `"${schedule}" is not a cron schedule: Kubernetes takes five fields (minute hour day-of-month month day-of-week), such as "0 2 * * *" for 02:00 every day, or a macro such as @daily`;
  }
  let job: InstanceType<CronClass>;
  try {
    // Paused: the pattern is read and checked, nothing is scheduled.
    job = new (loadCron())(schedule.trim(), { paused: true });
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/^CronPattern: /, '');
    return `"${schedule}" is not a cron schedule: ${why}; such as "0 2 * * *" for 02:00 every day`;
  }
  // Kubernetes takes a schedule such as "0 0 31 2 *" (February 31) and then never runs the job.
  const next = job.nextRun();
  job.stop();
  if (next === null) {
    return `"${schedule}" never runs: no date has that day of the month in those months; such as "0 2 * * *" for 02:00 every day`;
  }
  return undefined;
}

let zones: Set<string> | undefined;

/** Whether the runtime's IANA list (Intl.supportedValuesOf) holds the zone; UTC is always accepted. */
export function isTimeZone(zone: string): boolean {
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  return zone === 'UTC' || zone === 'Etc/UTC' || zones.has(zone);
}

import { PLACEHOLDER_ACCOUNT } from './presets.js';
import type { EnvironmentSettings } from './schema/file.js';

/** Where one environment's ECR repositories live. */
export interface RegistryHome {
  /** The environment whose stack creates the repositories (this one when it owns them). */
  readonly environment: string;
  /** The account of that environment's registry (undefined: it sets none) and its region: the image address. */
  readonly account?: string;
  readonly region: string;
  /** On the owner: the environments that import its repositories, sorted. */
  readonly importers: readonly string[];
  /** On the owner: importers in other accounts, whose roles the repository policy lets pull, sorted by environment. */
  readonly pullers: readonly { readonly environment: string; readonly account: string }[];
  /** On the owner: repository names the importers configure (`registry.repositories`), created here as well. */
  readonly extraRepositories: readonly string[];
}

/** The settings a registry home is decided from. */
export interface RegistryHomeInput {
  readonly name: string;
  readonly preset: string;
  readonly settings: Pick<EnvironmentSettings, 'account' | 'region' | 'registry' | 'components'>;
}

export interface RegistryHomeProblem {
  /** The environment whose `registry.home` is wrong. */
  readonly environment: string;
  readonly message: string;
  readonly received: string;
}

/** The account and region an environment deploys to, as one key. */
export function placeOf(s: Pick<EnvironmentSettings, 'account' | 'region'>): string {
  return `${s.account ?? PLACEHOLDER_ACCOUNT}/${s.region}`;
}

/**
 * Gives the repositories of each account and region one home. Images are built
 * once and promoted, so the environments that share an account and region
 * share one set of repositories: the owner's stack creates them, the others
 * import them by name. The owner is `registry.home` when it names an
 * environment in the same place; an environment without the setting goes to
 * the first prod-preset environment there that has the registry on and no
 * `registry.home` of its own (production's immutable tags and replication then
 * hold for every image), else to the first such environment of any preset.
 * Without `registry.home`, environments in other accounts or regions keep
 * their own repositories; with it, they pull from the home's registry in its
 * account and region, and the home's repository policy lets them (both
 * accounts must then be set, or the address and the grant are unknown).
 */
export function resolveRegistryHomes(envs: readonly RegistryHomeInput[]): {
  homes: Map<string, RegistryHome>;
  problems: RegistryHomeProblem[];
} {
  const problems: RegistryHomeProblem[] = [];
  const byName = new Map(envs.map((e) => [e.name, e]));
  const withRegistry = envs.filter((e) => e.settings.components.registry);
  const owner = new Map<string, string>();
  for (const e of withRegistry) {
    const home = e.settings.registry.home;
    const here = withRegistry.filter((o) => placeOf(o.settings) === placeOf(e.settings));
    if (home !== undefined) {
      const target = byName.get(home);
      if (!target) {
        problems.push({
          environment: e.name,
          message: `registry.home names environment "${home}", which is not defined; use one of ${[...byName.keys()].join(', ')}`,
          received: home,
        });
        continue;
      }
      if (!target.settings.components.registry) {
        problems.push({
          environment: e.name,
          message: `registry.home names environment "${home}", whose components.registry is off; name an environment that builds the registry`,
          received: home,
        });
        continue;
      }
      if (placeOf(target.settings) !== placeOf(e.settings) && target.settings.account !== e.settings.account) {
        const missing = [target, e].filter((x) => !x.settings.account).map((x) => x.name);
        if (missing.length > 0) {
          problems.push({
            environment: e.name,
            message:
              `registry.home names environment "${home}" in another account; pulling across accounts needs both ` +
              `accounts, and ${missing.map((m) => `"${m}"`).join(' and ')} ${missing.length > 1 ? 'set' : 'sets'} no account: ` +
              `set account under environments.${missing[0]}, or leave registry.home unset to keep repositories of its own`,
            received: home,
          });
          continue;
        }
      }
      owner.set(e.name, home);
      continue;
    }
    const unset = here.filter((o) => o.settings.registry.home === undefined);
    const first = unset.find((o) => o.preset === 'prod') ?? unset[0] ?? e;
    owner.set(e.name, first.name);
  }
  // An owner must own its own repositories, or two environments would each expect the other to create them.
  for (const [env, home] of owner) {
    if (owner.get(home) !== home) {
      problems.push({
        environment: env,
        message: `registry.home names environment "${home}", which imports its repositories from "${owner.get(home)}"; name the environment that creates them ("${owner.get(home)}")`,
        received: home,
      });
      owner.set(env, env);
    }
  }
  const homes = new Map<string, RegistryHome>();
  for (const e of withRegistry) {
    const home = owner.get(e.name) ?? e.name;
    const at = byName.get(home)?.settings ?? e.settings;
    const where = { ...(at.account ? { account: at.account } : {}), region: at.region };
    if (home !== e.name) {
      homes.set(e.name, { environment: home, ...where, importers: [], pullers: [], extraRepositories: [] });
      continue;
    }
    const importers = withRegistry.filter((o) => o.name !== e.name && owner.get(o.name) === e.name);
    const extra = new Set<string>();
    const own = new Set(e.settings.registry.repositories.map((r) => r.name));
    for (const i of importers)
      for (const r of i.settings.registry.repositories) if (!own.has(r.name)) extra.add(r.name);
    const pullers = importers
      .filter((i) => i.settings.account && i.settings.account !== e.settings.account)
      .map((i) => ({ environment: i.name, account: i.settings.account as string }))
      .sort((a, b) => a.environment.localeCompare(b.environment));
    homes.set(e.name, {
      environment: e.name,
      ...where,
      importers: importers.map((i) => i.name).sort(),
      pullers,
      extraRepositories: [...extra].sort(),
    });
  }
  return { homes, problems };
}

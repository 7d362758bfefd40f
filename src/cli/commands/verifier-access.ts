import type { Command } from 'commander';
import type { CliApp } from '../app.js';
import { globalOptions, UsageError } from '../context.js';
import { loadCliConfig, selectEnvironments } from '../load-config.js';

interface Options {
  env?: string;
  include?: string[];
  exclude?: string[];
  name: string;
  group: string;
  includeSecrets?: boolean;
  ops: boolean;
}

const HELP = `
Prints what \`slipway verify --live\` and the live day-2 commands (status,
doctor, secrets, images, logs, cost, upgrade, dr) need and nothing more,
generated from the selected rules' declared needs and each command's declared
reads: an IAM policy (only Describe/List/Get/Filter calls, EKS scoped to the
environment's cluster; secret metadata, never a secret value) and a
get/list-only ClusterRole (plus get on pods/log and metrics.k8s.io reads) with a binding to a group (map the verifier's IAM
role to that group with an EKS access entry). The role grants nothing on
Secrets: RBAC cannot grant a metadata-only read, and get/list on Secrets reads
every value. Rules that look at Secrets then report unknown; --include-secrets
grants the read, with a warning. docs/verify.md lists what each rule needs.

Examples:
  $ slipway verifier-access --env prod -o json > verifier.json
  $ slipway verifier-access --env prod --include 'security.*' -o yaml
  $ slipway verifier-access --env prod --no-ops          verify --live alone`;

export function registerVerifierAccess(app: CliApp, program: Command): void {
  program
    .command('verifier-access')
    .description(
      'print the least-privilege IAM policy and read-only ClusterRole that live verify and day-2 commands need',
    )
    .option('-e, --env <name>', 'environment (its cluster name and region scope the policy)')
    .option('--include <rules>', 'only rules matching these ids or globs (comma-separated, repeatable)', list)
    .option('--exclude <rules>', 'leave out rules matching these ids or globs (comma-separated, repeatable)', list)
    .option('--name <name>', 'name of the ClusterRole and binding', 'slipway-verifier')
    .option('--group <group>', 'Kubernetes group the binding grants the role to', 'slipway:verifiers')
    .option(
      '--include-secrets',
      'also grant get/list on Secrets (every secret value in the cluster becomes readable to the verifier)',
    )
    .option('--no-ops', 'grant only what verify --live needs, not the day-2 commands')
    .addHelpText('after', HELP)
    .action(
      app.action(async (opts: Options, cmd: Command) => {
        const g = globalOptions(cmd);
        if (!['table', 'json', 'yaml'].includes(g.output)) {
          throw new UsageError(`--output "${g.output}" is not supported by verifier-access; use json or yaml`);
        }
        const config = await loadCliConfig(g, app.io);
        const names = Object.keys(config.environments);
        const envName = opts.env
          ? selectEnvironments(config, opts.env)[0]
          : names.includes('prod')
            ? 'prod'
            : selectEnvironments(config, undefined)[0];
        const env = config.environments[envName];
        const [{ loadRules }, { selected }, { needsOf }, { verifierAccess }] = await Promise.all([
          import('../../rules/engine/load-rules.js'),
          import('../../rules/engine/glob.js'),
          import('../../inventory/sources/needs.js'),
          import('../../ops/gather/verifier-access.js'),
        ]);
        const rules = (await loadRules()).filter((r) => selected(r.meta.id, opts.include, opts.exclude));
        if (rules.length === 0) throw new UsageError('no rules are selected: check --include and --exclude');
        const access = verifierAccess({
          needs: needsOf(rules),
          clusterName: env.clusterName,
          region: env.region,
          ...(opts.ops ? {} : { commands: [] }),
          name: opts.name,
          group: opts.group,
          includeSecrets: opts.includeSecrets,
        });
        const data = {
          environment: envName,
          cluster: env.clusterName,
          region: env.region,
          rules: rules.map((r) => r.meta.id).sort(),
          commands: access.commands,
          iamPolicy: access.iamPolicy,
          kubernetes: [access.clusterRole, access.clusterRoleBinding],
        };
        if (!g.quiet) {
          for (const t of access.unsupported)
            app.io.stderr(`note: ${t} is not read live; rules needing it report unknown\n`);
          for (const k of access.unmapped) app.io.stderr(`note: kind ${k} has no API mapping; it is not in the role\n`);
          for (const k of access.withheld) {
            app.io.stderr(
              `note: the role grants nothing on ${k}s (RBAC cannot grant a metadata-only read); rules and commands reading them report unknown. --include-secrets grants get/list on every ${k}\n`,
            );
          }
          if (opts.includeSecrets) {
            app.io.stderr(
              'warning: --include-secrets lets the verifier read every Secret value in the cluster; verify only reads what the rules need, but the role allows all of it\n',
            );
          }
        }
        const { loadYamlRenderer, renderJson, renderYaml } = await import('../render.js');
        if (g.output !== 'json') await loadYamlRenderer();
        if (g.output === 'json') app.io.stdout(renderJson(data));
        else if (g.output === 'yaml') app.io.stdout(renderYaml(data));
        else {
          app.io.stdout(
            `# IAM policy for the verifier's role (${rules.length} rules${access.commands.length ? ` and ${access.commands.join(', ')}` : ''}, cluster ${env.clusterName} in ${env.region})\n${renderJson(access.iamPolicy)}` +
              `# Kubernetes: kubectl apply -f - (then map the role to group ${opts.group} with an EKS access entry)\n` +
              `${renderYaml(access.clusterRole)}---\n${renderYaml(access.clusterRoleBinding)}`,
          );
        }
        return 0;
      }),
    );
}

function list(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

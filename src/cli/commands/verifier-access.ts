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
}

const HELP = `
Prints what \`slipway verify --live\` needs and nothing more, generated from the
selected rules' declared needs: an IAM policy (only Describe/List/Get calls the
AWS source makes, EKS scoped to the environment's cluster; no secret values) and
a get/list-only ClusterRole with a binding to a group (map the verifier's IAM
role to that group with an EKS access entry). The role grants nothing on
Secrets: RBAC cannot grant a metadata-only read, and get/list on Secrets reads
every value. Rules that look at Secrets then report unknown; --include-secrets
grants the read, with a warning. docs/verify.md lists what each rule needs.

Examples:
  $ slipway verifier-access --env prod -o json > verifier.json
  $ slipway verifier-access --env prod --include 'security.*' -o yaml`;

export function registerVerifierAccess(app: CliApp, program: Command): void {
  program
    .command('verifier-access')
    .description('print the least-privilege IAM policy and read-only ClusterRole that live verify needs')
    .option('-e, --env <name>', 'environment (its cluster name and region scope the policy)')
    .option('--include <rules>', 'only rules matching these ids or globs (comma-separated, repeatable)', list)
    .option('--exclude <rules>', 'leave out rules matching these ids or globs (comma-separated, repeatable)', list)
    .option('--name <name>', 'name of the ClusterRole and binding', 'slipway-verifier')
    .option('--group <group>', 'Kubernetes group the binding grants the role to', 'slipway:verifiers')
    .option(
      '--include-secrets',
      'also grant get/list on Secrets (every secret value in the cluster becomes readable to the verifier)',
    )
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
        const [{ loadRules }, { selected }, { needsOf }, { verifierPolicy }, { verifierRbac }] = await Promise.all([
          import('../../rules/engine/load-rules.js'),
          import('../../rules/engine/glob.js'),
          import('../../inventory/sources/needs.js'),
          import('../../aws/verifier-policy.js'),
          import('../../kube/verifier-role.js'),
        ]);
        const rules = (await loadRules()).filter((r) => selected(r.meta.id, opts.include, opts.exclude));
        if (rules.length === 0) throw new UsageError('no rules are selected: check --include and --exclude');
        const needs = needsOf(rules);
        const { policy, unsupported } = verifierPolicy(needs.aws, { clusterName: env.clusterName, region: env.region });
        const rbac = verifierRbac(needs.kube, {
          name: opts.name,
          group: opts.group,
          includeSecrets: opts.includeSecrets,
        });
        const data = {
          environment: envName,
          cluster: env.clusterName,
          region: env.region,
          rules: rules.map((r) => r.meta.id).sort(),
          iamPolicy: policy,
          kubernetes: [rbac.clusterRole, rbac.clusterRoleBinding],
        };
        if (!g.quiet) {
          for (const t of unsupported) app.io.stderr(`note: ${t} is not read live; rules needing it report unknown\n`);
          for (const k of rbac.unmapped) app.io.stderr(`note: kind ${k} has no API mapping; it is not in the role\n`);
          for (const k of rbac.withheld) {
            app.io.stderr(
              `note: the role grants nothing on ${k}s (RBAC cannot grant a metadata-only read); rules reading them report unknown. --include-secrets grants get/list on every ${k}\n`,
            );
          }
          if (opts.includeSecrets) {
            app.io.stderr(
              'warning: --include-secrets lets the verifier read every Secret value in the cluster; verify only reads what the rules need, but the role allows all of it\n',
            );
          }
        }
        const { renderJson, renderYaml } = await import('../render.js');
        if (g.output === 'json') app.io.stdout(renderJson(data));
        else if (g.output === 'yaml') app.io.stdout(renderYaml(data));
        else {
          app.io.stdout(
            `# IAM policy for the verifier's role (${rules.length} rules, cluster ${env.clusterName} in ${env.region})\n${renderJson(policy)}` +
              `# Kubernetes: kubectl apply -f - (then map the role to group ${opts.group} with an EKS access entry)\n` +
              `${renderYaml(rbac.clusterRole)}---\n${renderYaml(rbac.clusterRoleBinding)}`,
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

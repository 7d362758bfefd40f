/**
 * Locating findings in one-line (minified) JSON against the same data indented: a List of
 * Deployments and a CloudFormation template with many resources, each written both ways.
 * Each case runs in its own process: read the file into an inventory, run every registered
 * rule, locate every finding (`file:line:column`) and render the JSON report.
 *
 * Run: npx tsx bench/locate-minified.ts [--deployments=1000] [--resources=10000] [--runs=3]
 * (offline; writes to a temp dir and removes it)
 * Target: minified within a small factor of indented (positions are found in time linear in the input).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const DEPLOYMENTS = arg('deployments', 1000);
const RESOURCES = arg('resources', 10_000);
const RUNS = arg('runs', 3);
const fileArg = process.argv.find((a) => a.startsWith('--file='))?.slice(7);

if (fileArg) await measure(fileArg);
else orchestrate();

/** One file, one process: prints `{ ms, objects, findings }` as JSON. */
async function measure(file: string): Promise<void> {
  const { inventoryFromPaths } = await import('../src/inventory/sources/static-inventory.js');
  const { verify } = await import('../src/rules/engine/verify.js');
  const { loadRules } = await import('../src/rules/engine/load-rules.js');
  const { defineConfig } = await import('../src/config/load.js');
  const { renderJsonReport } = await import('../src/report/json.js');
  const env = defineConfig({
    project: 'adhoc',
    environments: { prod: { preset: 'prod', alarms: { email: ['ops@example.com'] } } },
  }).environments.prod;
  const rules = await loadRules();
  const t0 = performance.now();
  const inventory = await inventoryFromPaths([file]);
  const report = verify(inventory, { env, rules });
  renderJsonReport([report]);
  const ms = performance.now() - t0;
  const objects = inventory.kubeResources.length + inventory.awsResources.length;
  process.stdout.write(JSON.stringify({ ms, objects, findings: report.findings.length }));
}

function orchestrate(): void {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-bench-locate-'));
  try {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: Array.from({ length: DEPLOYMENTS }, (_, i) => deployment(i)),
    };
    const template = { AWSTemplateFormatVersion: '2010-09-09', Resources: resources(RESOURCES) };
    const cases: [string, string][] = [
      [`deployments-${DEPLOYMENTS}.min.json`, JSON.stringify(list)],
      [`deployments-${DEPLOYMENTS}.json`, JSON.stringify(list, null, 2)],
      [`template-${RESOURCES}.min.json`, JSON.stringify(template)],
      [`template-${RESOURCES}.json`, JSON.stringify(template, null, 1)],
    ];
    const self = fileURLToPath(import.meta.url);
    for (const [name, text] of cases) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const runs: { ms: number; objects: number; findings: number }[] = [];
      for (let r = 0; r < RUNS; r++) {
        const out = execFileSync(process.execPath, ['--import', 'tsx', self, `--file=${file}`], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        runs.push(JSON.parse(out));
      }
      const ms = runs.map((x) => x.ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
      const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
      console.log(
        `${name.padEnd(28)} ${mb.padStart(5)} MB: median ${(ms / 1000).toFixed(2)} s over ${RUNS} runs, ${runs[0].objects} objects, ${runs[0].findings} findings`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A Deployment; one in ten has one replica, no probes and no resources (so it has findings to locate). */
function deployment(i: number): Record<string, unknown> {
  const name = `app-${i}`;
  const sloppy = i % 10 === 0;
  const container: Record<string, unknown> = {
    name: 'app',
    image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/${name}:1.${i % 17}.${i % 5}`,
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    env: [
      { name: 'APP_NAME', value: name },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ],
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
  };
  if (!sloppy) {
    container.readinessProbe = { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 };
    container.livenessProbe = { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 };
    container.resources = { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } };
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: `team-${i % 40}`, labels: { 'app.kubernetes.io/name': name } },
    spec: {
      replicas: sloppy ? 1 : 3,
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': name } },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [container],
        },
      },
    },
  };
}

/** Log groups (every other one without a retention), repositories and roles, as a large stack holds. */
function resources(n: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const kind = i % 3;
    if (kind === 0) {
      out[`LogGroup${i}`] = {
        Type: 'AWS::Logs::LogGroup',
        Properties: { LogGroupName: `/app/${i}`, ...(i % 2 ? { RetentionInDays: 30 } : {}) },
      };
    } else if (kind === 1) {
      out[`Repository${i}`] = {
        Type: 'AWS::ECR::Repository',
        Properties: { RepositoryName: `shop/app-${i}`, ImageScanningConfiguration: { ScanOnPush: i % 2 === 0 } },
      };
    } else {
      out[`Role${i}`] = {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
          ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        },
      };
    }
  }
  return out;
}

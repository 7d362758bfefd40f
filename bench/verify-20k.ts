/**
 * Static verify over 20,000 Kubernetes objects (~14 MB of YAML in 400 multi-document files).
 * Compares parsing alone (js-yaml loadAll over every file), building the inventory
 * (read, split, parse, index: `load`) and the full `verify` (load, every registered
 * rule, findings located, JSON report),
 * each in its own process so peak RSS is per mode.
 *
 * The parse-only baseline (`parse`) keeps every parsed document in an array, as every
 * consumer of a parser does (verify needs all objects at once); keeping them costs the
 * garbage collector work a parse that drops each document at once does not. That
 * drop-at-once figure is still measured (`parse-drop`) and its ratio printed, for reference, and so
 * is parsing with the schema Slipway itself reads manifests with (`parse-schema`: no timestamp
 * resolution, so a little faster than js-yaml's default schema).
 *
 * Run: npx tsx bench/verify-20k.ts   (offline; writes to a temp dir and removes it)
 * Data only, kept for profiling: npx tsx bench/verify-20k.ts --generate=DIR
 * Targets: verify ≤ 1.5 × parse-only time; peak RSS < 500 MB.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadVerifyModes } from './support/verify-modes.js';

const OBJECTS = 20_000;
const PER_FILE = 50;
const RUNS = 5;
const MODES = ['parse', 'parse-schema', 'parse-drop', 'load', 'verify'];

const mode = process.argv.find((a) => a.startsWith('--mode='))?.slice(7);
const dirArg = process.argv.find((a) => a.startsWith('--dir='))?.slice(6);
const keepArg = process.argv.find((a) => a.startsWith('--generate='))?.slice(11);

if (mode && dirArg) await measure(mode, dirArg);
else if (keepArg)
  console.log(`generated ${OBJECTS} objects, ${(generate(keepArg) / 1024 / 1024).toFixed(1)} MB in ${keepArg}`);
else await orchestrate();

/** One mode, one process: prints `{ ms, rssMB, objects, findings, rules }` as JSON. */
async function measure(m: string, dir: string): Promise<void> {
  const run = await loadVerifyModes('adhoc');
  const t0 = performance.now();
  const result = await run(m, dir);
  const ms = performance.now() - t0;
  const rssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, rssMB, ...result }));
}

async function orchestrate(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-bench-20k-'));
  try {
    const bytes = generate(dir);
    console.log(`generated ${OBJECTS} objects in ${OBJECTS / PER_FILE} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
    const self = fileURLToPath(import.meta.url);
    const results: Record<string, { ms: number; rssMB: number; objects: number; findings: number; rules: number }[]> =
      {};
    for (let i = 0; i < RUNS; i++) {
      for (const m of MODES) {
        const out = execFileSync(process.execPath, ['--import', 'tsx', self, `--mode=${m}`, `--dir=${dir}`], {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        });
        results[m] = [...(results[m] ?? []), JSON.parse(out)];
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const parse = median(results.parse.map((r) => r.ms));
    const full = median(results.verify.map((r) => r.ms));
    for (const m of MODES) {
      const rs = results[m];
      console.log(
        `${m.padEnd(10)}: median ${median(rs.map((r) => r.ms)).toFixed(0)} ms over ${RUNS} runs, peak RSS ${Math.max(...rs.map((r) => r.rssMB)).toFixed(0)} MB, ${rs[0].objects} objects${m === 'verify' ? `, ${rs[0].rules} rules, ${rs[0].findings} findings` : ''}`,
      );
    }
    const load = median(results.load.map((r) => r.ms));
    const drop = median(results['parse-drop'].map((r) => r.ms));
    const schema = median(results['parse-schema'].map((r) => r.ms));
    console.log(
      `ratio verify/parse: ${(full / parse).toFixed(2)} (target ≤ 1.5); inventory load/parse: ${(load / parse).toFixed(2)}; verify/parse-schema: ${(full / schema).toFixed(2)}; verify/parse-drop: ${(full / drop).toFixed(2)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes realistic manifests: per app a Deployment, Service, ConfigMap, HPA, PDB and NetworkPolicy (the
 * first app of each namespace also brings its default-deny policy); one app in ten has one replica, no
 * probes and no resources.
 */
function generate(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const kinds = [deployment, service, configMap, hpa, pdb, networkPolicy];
  let n = 0;
  let file = 0;
  let buf: string[] = [];
  let bytes = 0;
  const flush = () => {
    const text = buf.join('---\n');
    const p = join(dir, `apps-${String(file++).padStart(4, '0')}.yaml`);
    writeFileSync(p, text);
    bytes += statSync(p).size;
    buf = [];
  };
  for (let app = 0; n < OBJECTS; app++) {
    for (const k of kinds) {
      if (n >= OBJECTS) break;
      buf.push(k(app));
      n++;
      if (buf.length === PER_FILE) flush();
    }
  }
  if (buf.length) flush();
  return bytes;
}

function names(app: number) {
  return { name: `app-${app}`, ns: `team-${app % 40}` };
}

function deployment(app: number): string {
  const { name, ns } = names(app);
  const sloppy = app % 10 === 0;
  return `# Source: platform/templates/${name}/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
    app.kubernetes.io/managed-by: slipway
  annotations:
    slipway.io/runbook: https://runbooks.example.com/${name}
spec:
  replicas: ${sloppy ? 1 : 3}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
        app.kubernetes.io/part-of: shop
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
    spec:
      serviceAccountName: ${name}
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: ${name}
      containers:
        - name: app
          image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/${name}:1.${app % 17}.${app % 5}
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
            - name: metrics
              containerPort: 9090
              protocol: TCP
          env:
            - name: APP_NAME
              value: ${name}
            - name: LOG_LEVEL
              value: info
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
          envFrom:
            - configMapRef:
                name: ${name}-config
${
  sloppy
    ? ''
    : `          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
            failureThreshold: 3
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 10
            periodSeconds: 10
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              cpu: "1"
              memory: 512Mi
`
}          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: secrets
              mountPath: /var/run/secrets/app
              readOnly: true
      volumes:
        - name: tmp
          emptyDir: {}
        - name: secrets
          secret:
            secretName: ${name}-secrets
`;
}

function service(app: number): string {
  const { name, ns } = names(app);
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${name}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
    - name: metrics
      port: 9090
      targetPort: metrics
      protocol: TCP
`;
}

function configMap(app: number): string {
  const { name, ns } = names(app);
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  namespace: ${ns}
data:
  FEATURE_FLAGS: "checkout,search,recommendations"
  UPSTREAM_URL: http://app-${(app + 1) % 1000}.team-${(app + 1) % 40}.svc.cluster.local
  CACHE_TTL_SECONDS: "300"
  settings.json: |
    {"timeouts": {"connect": 2, "read": 10}, "retries": 3, "regions": ["us-east-1", "us-west-2"]}
`;
}

function hpa(app: number): string {
  const { name, ns } = names(app);
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: ${app % 10 === 0 ? 1 : 3}
  maxReplicas: 12
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
`;
}

function networkPolicy(app: number): string {
  const { name, ns } = names(app);
  const allow = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ingress
      ports:
        - port: 8080
          protocol: TCP
  egress:
    - ports:
        - port: 53
          protocol: UDP
`;
  if (app >= 40) return allow;
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: ${ns}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
${allow}`;
}

function pdb(app: number): string {
  const { name, ns } = names(app);
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
`;
}

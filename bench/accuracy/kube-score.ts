/**
 * kube-score: its expected verdicts live in Go tests (score/*_test.go), as
 * calls `testExpectedScore(t, "file.yaml", "Check Name", scorecard.GradeX)` and
 * `testExpectedScoreWithConfig(t, []ks.NamedReader{testFile("a.yaml"), …},
 * checksConfig, runConfig, "Check Name", scorecard.GradeX)` over files of
 * score/testdata. Grade Critical or Warning means kube-score reports; AlmostOK
 * and AllOK mean it does not; 0 means the check was skipped. Calls with options
 * Slipway cannot reproduce (a checks config, run options other than the
 * Kubernetes version and enabling optional checks) are skipped and counted.
 * Slipway agrees when a mapped rule reports (fail or warn) on an object of the
 * kind the check judges (from the check name: Pod/Container checks judge workloads).
 */
import { answering, type Mapping, newRow, type Row, showFile, WORKLOAD_KINDS } from './peers.js';
import { type EnvName, reportedBy } from './slipway-run.js';

export interface ScoreCall {
  readonly source: string;
  readonly files: readonly string[];
  readonly check: string;
  readonly grade: string;
  /** Why the call cannot be reproduced, when it cannot. */
  readonly unreproducible?: string;
}

// KubernetesVersion is not among them: Slipway judges at the environment's version.
const REPRODUCIBLE_RUN_OPTIONS = new Set(['EnabledOptionalTests']);

/** The arguments of a call starting at `open` (the index of its "("), split at top-level commas. */
function callArgs(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === '`') {
      const end = c === '"' ? /(?<!\\)"/g : /`/g;
      end.lastIndex = i + 1;
      i = end.exec(text)?.index ?? text.length;
      continue;
    }
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) {
        args.push(text.slice(start, i).trim());
        return args;
      }
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args;
}

function stringLiteral(arg: string): string | undefined {
  return /^"((?:[^"\\]|\\.)*)"$/.exec(arg)?.[1];
}

function whyNotReproducible(checksConfig: string, runConfig: string): string | undefined {
  if (checksConfig !== 'nil') return `checks config ${checksConfig.replace(/\s+/g, ' ')}`;
  if (runConfig === 'nil') return undefined;
  const body = /^&config\.RunConfiguration\{([\s\S]*)\}$/.exec(runConfig)?.[1];
  if (body === undefined) return `run config ${runConfig.replace(/\s+/g, ' ')}`;
  // Only the top-level fields: nested literals (config.Semver{Major: 1, Minor: 18}) are values.
  let top = body;
  while (/\{[^{}]*\}/.test(top)) top = top.replace(/\{[^{}]*\}/g, '');
  const fields = [...top.matchAll(/(?:^|[,\s])([A-Z][A-Za-z]+):/g)].map((m) => m[1]);
  const other = fields.filter((f) => !REPRODUCIBLE_RUN_OPTIONS.has(f));
  return other.length ? `run options ${other.join(', ')}` : undefined;
}

/**
 * The file names an argument stands for: a literal, or "prefix"+v+"suffix" inside
 * `for _, v := range []string{"a", "b"}` (the loop nearest before the call).
 */
function fileNames(arg: string, text: string, at: number): string[] {
  const literal = stringLiteral(arg.trim());
  if (literal !== undefined) return [literal];
  const parts = /^"([^"]*)"\s*\+\s*(\w+)\s*\+\s*"([^"]*)"$/.exec(arg.trim());
  if (!parts) return [];
  const loops = [...text.slice(0, at).matchAll(/for _, (\w+) := range \[\]string\{([^}]*)\}/g)];
  const loop = loops.at(-1);
  if (!loop || loop[1] !== parts[2]) return [];
  return [...loop[2].matchAll(/"([^"]+)"/g)].map((v) => `${parts[1]}${v[1]}${parts[3]}`);
}

export function parseScoreCalls(source: string, text: string): ScoreCall[] {
  const calls: ScoreCall[] = [];
  for (const m of text.matchAll(/(?<!func )\btestExpectedScore(WithConfig)?\(/g)) {
    const args = callArgs(text, (m.index ?? 0) + m[0].length - 1);
    const withConfig = m[1] !== undefined;
    const [filesArg, check, grade] = withConfig ? [args[1], args[4], args[5]] : [args[1], args[2], args[3]];
    const name = check === undefined ? undefined : stringLiteral(check);
    if (filesArg === undefined || name === undefined || grade === undefined) continue;
    // One file set per call; a loop over versions makes one call per version.
    const sets = withConfig
      ? [[...filesArg.matchAll(/testFile\(([^)]+)\)/g)].flatMap((f) => fileNames(f[1], text, m.index ?? 0))]
      : fileNames(filesArg, text, m.index ?? 0).map((f) => [f]);
    const why = withConfig ? whyNotReproducible(args[2], args[3]) : undefined;
    const g = grade.replace(/^scorecard\./, '');
    if (!sets.length || !sets[0].length) {
      calls.push({ source, files: [], check: name, grade: g, unreproducible: `files ${filesArg}` });
      continue;
    }
    for (const files of sets) calls.push({ source, files, check: name, grade: g, unreproducible: why });
  }
  return calls;
}

/** kube-score's check id: the name, lower case, spaces as dashes. */
export function checkId(name: string): string {
  return name.toLowerCase().replaceAll(' ', '-');
}

const KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'CronJob',
  'Service',
  'Ingress',
  'NetworkPolicy',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
]);

/** The kinds a check judges, from the first word of its name (every kind when it names none, as "Stable version"). */
function judgedKinds(name: string): ReadonlySet<string> | undefined {
  const first = name.split(' ')[0];
  if (first === 'Pod' || first === 'Container' || first === 'Environment') return WORKLOAD_KINDS;
  return KINDS.has(first) ? new Set([first]) : undefined;
}

export function kubeScoreRows(dir: string, mapping: Mapping, env: EnvName, testFiles: readonly string[]): Row[] {
  const calls = testFiles.flatMap((f) => parseScoreCalls(f, showFile(dir, f)));
  const rows: Row[] = [];
  for (const [id, m] of Object.entries(mapping.kubeScore)) {
    const row = newRow('kube-score', id, m);
    rows.push(row);
    for (const call of calls.filter((c) => checkId(c.check) === id)) {
      const label = `${call.files.join('+')} (${call.source.replace(/^score\//, '')}, ${call.grade})`;
      const expected =
        call.grade === 'GradeCritical' || call.grade === 'GradeWarning'
          ? true
          : call.grade === 'GradeAllOK' || call.grade === 'GradeAlmostOK'
            ? false
            : undefined;
      if (call.unreproducible || expected === undefined) {
        row.skipped++;
        row.skips.push(`${label}: ${call.unreproducible ?? 'kube-score skips the check'}`);
        continue;
      }
      const texts = call.files.map((f) => ({ file: f, text: showFile(dir, `score/testdata/${f}`) }));
      const kinds = judgedKinds(call.check);
      const reports = answering(reportedBy(texts, m.rules, env), m).filter((r) => !kinds || kinds.has(r.kind));
      const ours = reports.length > 0;
      row.cases++;
      if (ours === expected) row.agree++;
      else {
        const seen = reports.map((r) => `${r.ruleId} ${r.status} ${r.kind}/${r.name}: ${r.message}`).join(' | ');
        row.divergent.push(
          `${label}: kube-score ${expected ? 'reports' : 'passes'}, Slipway ${ours ? `reports (${seen})` : 'passes'}`,
        );
      }
    }
  }
  return rows;
}

import { describe, expect, it } from 'vitest';
import { known, unknownFact, unknownParts, valueOr } from '../../src/ops/facts.js';
import { type OpsProblem, problemsExitCode, refOf, sortProblems } from '../../src/ops/problems.js';

const p = (severity: OpsProblem['severity'], name: string, namespace?: string): OpsProblem => ({
  severity,
  code: 'pod.crash-loop',
  object: namespace ? { kind: 'Pod', name, namespace } : { kind: 'Pod', name },
  what: 'CrashLoopBackOff',
  source: 'kubernetes',
});

describe('ops problems', () => {
  it('exits 2 when a warning or critical problem exists and 0 for info only', () => {
    expect(problemsExitCode([p('info', 'a')])).toBe(0);
    expect(problemsExitCode([p('info', 'a'), p('warning', 'b')])).toBe(2);
    expect(problemsExitCode([])).toBe(0);
  });

  it('orders critical first, then by namespace and name, stably', () => {
    const sorted = sortProblems([p('warning', 'z', 'a'), p('critical', 'b', 'b'), p('critical', 'a', 'b')]);
    expect(sorted.map((x) => `${x.severity}:${x.object.name}`)).toEqual(['critical:a', 'critical:b', 'warning:z']);
  });

  it('builds an object reference without a namespace for cluster-scoped objects', () => {
    expect(refOf({ kind: 'Node', metadata: { name: 'n1' } })).toEqual({ kind: 'Node', name: 'n1' });
    expect(refOf({ kind: 'Pod', metadata: { name: 'p', namespace: 'shop' } })).toEqual({
      kind: 'Pod',
      name: 'p',
      namespace: 'shop',
    });
  });
});

describe('ops facts', () => {
  it('names every part that was not read, with its reason', () => {
    const facts = { nodes: known([1]), addons: unknownFact('no AWS credentials') };
    expect(unknownParts(facts)).toEqual({ addons: 'no AWS credentials' });
    expect(valueOr(facts.addons, [] as number[])).toEqual([]);
    expect(valueOr(facts.nodes, [])).toEqual([1]);
  });
});

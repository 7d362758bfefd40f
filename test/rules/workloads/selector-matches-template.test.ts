import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/selector-matches-template.js';
import { deployment, inventory, run, statefulSet, statusOf } from '../helpers.js';

describe('workloads.selector-matches-template', () => {
  it.each([
    ['passes a Deployment whose selector matches its template', deployment(), 'pass'],
    [
      'fails a Deployment whose selector differs from its template',
      deployment({ spec: { selector: { matchLabels: { app: 'web' } } } }),
      'fail',
    ],
    ['fails a Deployment without a selector', deployment({ spec: { selector: undefined } }), 'fail'],
    [
      'passes a selector by matchExpressions',
      deployment({ spec: { selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['api'] }] } } }),
      'pass',
    ],
    [
      'fails a StatefulSet whose selector differs',
      statefulSet({ name: 'api', spec: { selector: { matchLabels: { app: 'x' } } } }),
      'fail',
    ],
  ])('%s', (_name, obj, expected) => {
    expect(statusOf(run(rule, inventory({ kube: [obj] })), 'api')).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { isReadOnlyAction } from '../../../src/aws/access-table.js';
import { kindInfo } from '../../../src/kube/kinds.js';
import { OPS_ACCESS, opsAccessUnion } from '../../../src/ops/gather/access.js';
import { verifierAccess } from '../../../src/ops/gather/verifier-access.js';

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
}

const target = { clusterName: 'shop-prod', region: 'eu-west-1' };
const verifyNeeds = { kube: ['Deployment', 'NetworkPolicy'], aws: ['AWS::EKS::Nodegroup', 'AWS::EC2::Subnet'] };
const rulesOf = (a: ReturnType<typeof verifierAccess>) => a.clusterRole.rules as Rule[];
const grants = (rules: Rule[], group: string, resource: string, verb: string) =>
  rules.some((r) => r.apiGroups?.includes(group) && r.resources?.includes(resource) && r.verbs.includes(verb));

describe('verifier access for verify and the day-2 commands', () => {
  const access = verifierAccess({ needs: verifyNeeds, ...target });
  const actions = access.iamPolicy.Statement.flatMap((s) => s.Action);
  const rules = rulesOf(access);

  it('grants every AWS action each command declares, and what verify needs', () => {
    for (const [command, declared] of Object.entries(OPS_ACCESS))
      for (const action of declared.aws) expect(actions, `${command}: ${action}`).toContain(action);
    for (const action of ['eks:ListNodegroups', 'eks:DescribeNodegroup', 'ec2:DescribeRouteTables'])
      expect(actions).toContain(action);
    expect(actions).toEqual(expect.arrayContaining(['ecr:DescribeImageScanFindings', 'logs:FilterLogEvents']));
    expect(access.commands).toEqual([
      'cost',
      'doctor',
      'dr',
      'images',
      'logs',
      'runbook',
      'secrets',
      'status',
      'upgrade',
    ]);
  });

  it('grants exactly the union of the declarations: no action beyond them', () => {
    const verifyOnly = verifierAccess({ needs: verifyNeeds, ...target, commands: [] });
    const expected = new Set([...verifyOnly.iamPolicy.Statement.flatMap((s) => s.Action), ...opsAccessUnion().aws]);
    expect([...new Set(actions)].sort()).toEqual([...expected].sort());
    expect(actions.length).toBe(new Set(actions).size);
  });

  it('grants get/list on every kind a command lists, except Secrets, which are withheld', () => {
    for (const [command, declared] of Object.entries(OPS_ACCESS))
      for (const kind of declared.kinds) {
        const info = kindInfo(kind);
        expect(info, `${command}: ${kind} has an API mapping`).toBeDefined();
        if (kind === 'Secret') continue;
        for (const verb of ['get', 'list'])
          expect(grants(rules, info?.group ?? '', info?.plural ?? '', verb), `${command}: ${verb} ${kind}`).toBe(true);
      }
    expect(access.withheld).toEqual(['Secret']);
    expect(access.unmapped).toEqual([]);
    expect(rules.some((r) => r.resources?.includes('secrets'))).toBe(false);
    expect(grants(rules, 'discovery.k8s.io', 'endpointslices', 'list')).toBe(true);
  });

  it('grants get on pods/log and get/list on metrics.k8s.io nodes and pods', () => {
    expect(rules).toContainEqual({ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] });
    expect(rules).toContainEqual({
      apiGroups: ['metrics.k8s.io'],
      resources: ['nodes', 'pods'],
      verbs: ['get', 'list'],
    });
  });

  it('allows no write: only get/list verbs and Describe/List/Get/Filter actions, never a secret value', () => {
    const verbs = new Set(rules.flatMap((r) => r.verbs));
    expect([...verbs].sort()).toEqual(['get', 'list']);
    for (const a of actions) {
      expect(isReadOnlyAction(a), a).toBe(true);
      expect(a).not.toMatch(/:(Put|Create|Delete|Update|Tag|Untag|Start|Batch)/);
    }
    expect(actions).not.toContain('secretsmanager:GetSecretValue');
  });

  it('grants Secrets only when included', () => {
    const opted = verifierAccess({ needs: verifyNeeds, ...target, includeSecrets: true });
    expect(grants(rulesOf(opted), '', 'secrets', 'get')).toBe(true);
    expect(opted.withheld).toEqual([]);
  });

  it('covers verify alone when no command is named: no pod logs, no metrics, no day-2 actions', () => {
    const alone = verifierAccess({ needs: verifyNeeds, ...target, commands: [] });
    const r = rulesOf(alone);
    expect(r.some((x) => x.resources?.includes('pods/log'))).toBe(false);
    expect(r.some((x) => x.apiGroups?.includes('metrics.k8s.io'))).toBe(false);
    expect(alone.iamPolicy.Statement.flatMap((s) => s.Action)).not.toContain('logs:FilterLogEvents');
  });
});

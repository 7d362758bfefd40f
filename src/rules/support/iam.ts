import type { AwsResource } from '../../inventory/types.js';
import type { ValuePath } from '../../util/paths.js';

/** One IAM policy statement, with where it sits in its resource. */
export interface FoundStatement {
  readonly statement: Statement;
  readonly path: ValuePath;
  /** The inline policy's name, for messages. */
  readonly policy?: string;
}

export interface Statement {
  Effect?: string;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}

/** Types whose properties hold policy documents. */
export const POLICY_TYPES = ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy'];

function statementsOf(doc: unknown, base: ValuePath, policy?: string): FoundStatement[] {
  if (!doc || typeof doc !== 'object') return [];
  const st = (doc as { Statement?: unknown }).Statement;
  if (Array.isArray(st)) {
    return st.map((s, i) => ({ statement: (s ?? {}) as Statement, path: [...base, 'Statement', i], policy }));
  }
  if (st && typeof st === 'object') return [{ statement: st as Statement, path: [...base, 'Statement'], policy }];
  return [];
}

/** Every statement of a role's inline policies or of a policy resource. */
export function policyStatements(r: AwsResource): FoundStatement[] {
  if (r.type === 'AWS::IAM::Role') {
    const policies = Array.isArray(r.properties.Policies) ? r.properties.Policies : [];
    return policies.flatMap((p, i) => {
      const pol = (p ?? {}) as { PolicyName?: unknown; PolicyDocument?: unknown };
      const name = typeof pol.PolicyName === 'string' ? pol.PolicyName : undefined;
      return statementsOf(pol.PolicyDocument, ['Policies', i, 'PolicyDocument'], name);
    });
  }
  return statementsOf(r.properties.PolicyDocument, ['PolicyDocument']);
}

/**
 * A CloudFormation value as text, intrinsics flattened: Fn::Join joins its
 * parts, Fn::Sub keeps its template, Ref and GetAtt become `${Name}`
 * (AWS::Partition becomes `aws`). Undefined for anything else.
 */
export function cfnText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.Ref === 'string') return o.Ref === 'AWS::Partition' ? 'aws' : `\${${o.Ref}}`;
  const att = o['Fn::GetAtt'];
  if (Array.isArray(att)) return `\${${att.join('.')}}`;
  if (typeof att === 'string') return `\${${att}}`;
  const join = o['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return join[1].map((part) => cfnText(part) ?? '<?>').join(join[0]);
  }
  const sub = o['Fn::Sub'];
  if (typeof sub === 'string') return sub;
  if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0];
  return undefined;
}

/** A string or list of strings (intrinsics flattened; unreadable parts become <?>). */
export function textList(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((x) => cfnText(x) ?? '<?>');
}

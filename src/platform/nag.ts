import type { IConstruct } from 'constructs';
import { CfnCondition, CfnElement, Stack, Validations } from './cdk/core.js';

/**
 * cdk-nag (AwsSolutions) acknowledgements. cdk-nag 3 reports IAM findings per
 * policy or resource (`AwsSolutions-IAM4[Policy::…]`), and CDK matches an
 * acknowledgement by that exact id, so these helpers build the ids from the
 * same data the policies are built from. Every call carries its reason.
 */

/** AWS managed policies attached on purpose (the ones AWS documents for that role). */
export function acknowledgeManagedPolicies(scope: IConstruct, policyNames: readonly string[], reason: string): void {
  for (const name of policyNames) {
    Validations.of(scope).acknowledge({
      id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${name}]`,
      reason,
    });
  }
}

/** Wildcard resources that are intentional (each is named in the reason's context). */
export function acknowledgeWildcardResources(scope: IConstruct, resources: readonly string[], reason: string): void {
  const stack = Stack.of(scope);
  for (const resource of new Set(resources.filter((r) => r.includes('*')).map((r) => nagText(stack.resolve(r))))) {
    Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason });
  }
}

/**
 * A resolved value as cdk-nag writes it in a finding id: literals as they are,
 * `Ref` and `Fn::GetAtt` as `<Name>` (so an account-agnostic stack's
 * `${AWS::AccountId}` reads `<AWS::AccountId>`), joins concatenated.
 */
function nagText(value: unknown): string {
  if (typeof value === 'string') return value;
  const o = (value ?? {}) as Record<string, unknown>;
  if (typeof o.Ref === 'string') return `<${o.Ref}>`;
  const att = o['Fn::GetAtt'];
  if (Array.isArray(att)) return `<${att.join('.')}>`;
  const join = o['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return join[1].map(nagText).join(join[0]);
  }
  return JSON.stringify(value);
}

/** Every Resource string of a policy document's JSON. */
export function policyResources(doc: unknown): string[] {
  const statements = (doc as { Statement?: unknown[] })?.Statement ?? [];
  return statements.flatMap((s) => {
    const r = (s as { Resource?: unknown }).Resource;
    return [r].flat().filter((x): x is string => typeof x === 'string');
  });
}

/** Logical id of the CfnElement found under `scope` at the given relative path of construct ids. */
export function logicalIdAt(scope: IConstruct, ...path: string[]): string | undefined {
  let node: IConstruct | undefined = scope;
  for (const id of path) node = node?.node.tryFindChild(id);
  if (!node) return undefined;
  const element = node instanceof CfnElement ? node : node.node.defaultChild;
  return element instanceof CfnElement ? Stack.of(element).getLogicalId(element) : undefined;
}

/** Finds the CfnCondition with this construct id under `scope`. */
export function conditionLogicalId(scope: IConstruct, id: string): string | undefined {
  const c = scope.node.findAll().find((x) => x instanceof CfnCondition && x.node.id === id);
  return c instanceof CfnCondition ? Stack.of(c).getLogicalId(c) : undefined;
}

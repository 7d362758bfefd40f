import type { LifecyclePolicy } from '@aws-sdk/client-dlm';
import { mapLimit } from '../paging.js';
import type { AwsReader } from '../read-context.js';

/** GetLifecyclePolicies + GetLifecyclePolicy of each: EBS snapshot schedules. */
export async function describeLifecyclePolicies(aws: AwsReader): Promise<LifecyclePolicy[]> {
  const dlm = await aws.clients.dlm();
  const m = await import('@aws-sdk/client-dlm');
  const { Policies } = await aws.call('dlm:GetLifecyclePolicies', () =>
    dlm.send(new m.GetLifecyclePoliciesCommand({})),
  );
  const details = await mapLimit(Policies ?? [], 4, (p) =>
    aws.call('dlm:GetLifecyclePolicy', () => dlm.send(new m.GetLifecyclePolicyCommand({ PolicyId: p.PolicyId }))),
  );
  return details.flatMap((d) => (d.Policy ? [d.Policy] : []));
}

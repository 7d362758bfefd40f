import { nameOf } from '../../aws/errors.js';
import { mapLimit } from '../../aws/paging.js';
import { describeVolumes } from '../../aws/readers/ec2.js';
import { readRole } from '../../aws/readers/iam.js';
import type { LiveAws } from '../../live/connect.js';
import type { EbsVolumeFact, IamRoleFact } from '../common/aws-facts.js';
import { type Fact, known, unknownFact } from '../facts.js';
import { AWS_NOT_READ, readFact } from './read-fact.js';

function trustsPodIdentity(doc: string | undefined): boolean {
  if (!doc) return false;
  let text = doc;
  try {
    text = decodeURIComponent(doc);
  } catch {
    // already decoded
  }
  return text.includes('pods.eks.amazonaws.com');
}

/** GetRole of each role ARN: whether it exists and whether its trust policy lets Pod Identity assume it. */
export async function iamRoleFacts(
  aws: LiveAws | undefined,
  arns: readonly string[],
  concurrency: number,
): Promise<Fact<readonly IamRoleFact[]>> {
  if (!aws) return unknownFact(AWS_NOT_READ);
  const unique = [...new Set(arns)].sort();
  return readFact('iam:GetRole', () =>
    mapLimit(unique, concurrency, async (arn): Promise<IamRoleFact> => {
      try {
        const r = await readRole(aws.reader, arn);
        return { arn, exists: true, trustsPodIdentity: trustsPodIdentity(r.role?.AssumeRolePolicyDocument) };
      } catch (e) {
        if (nameOf(e) === 'NoSuchEntityException' || nameOf(e) === 'NoSuchEntity') return { arn, exists: false };
        throw e;
      }
    }),
  );
}

/** DescribeVolumes of the EBS volumes behind the PersistentVolumes. */
export async function ebsVolumeFacts(
  aws: LiveAws | undefined,
  volumeIds: readonly string[],
): Promise<Fact<readonly EbsVolumeFact[]>> {
  if (!aws) return unknownFact(AWS_NOT_READ);
  const ids = [...new Set(volumeIds)].sort();
  if (ids.length === 0) return known([]);
  return readFact('ec2:DescribeVolumes', async () =>
    (await describeVolumes(aws.reader, [{ Name: 'volume-id', Values: ids }])).map((v) => ({
      volumeId: v.VolumeId ?? '',
      state: v.State ?? 'unknown',
      ...(v.Size !== undefined ? { sizeGiB: v.Size } : {}),
      ...(v.VolumeType ? { type: v.VolumeType } : {}),
      ...(v.AvailabilityZone ? { availabilityZone: v.AvailabilityZone } : {}),
      ...(v.Encrypted !== undefined ? { encrypted: v.Encrypted } : {}),
    })),
  );
}

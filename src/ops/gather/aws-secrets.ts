import { nameOf } from '../../aws/errors.js';
import { mapLimit } from '../../aws/paging.js';
import { describeSecret } from '../../aws/readers/secrets-manager.js';
import type { LiveAws } from '../../live/connect.js';
import type { SecretDescription, SecretsManagerFacts } from '../common/aws-facts.js';
import { type Fact, known, unknownFact } from '../facts.js';
import { AWS_NOT_READ, readFact } from './read-fact.js';

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);

/** DescribeSecret of one key: metadata only (never GetSecretValue); a key that does not exist is `exists: false`. */
async function describeOne(aws: LiveAws, key: string): Promise<SecretDescription> {
  try {
    const d = await describeSecret(aws.reader, key);
    const out: Record<string, unknown> = { exists: true, name: d.Name ?? key };
    if (d.ARN) out.arn = d.ARN;
    for (const [field, value] of [
      ['lastChangedDate', iso(d.LastChangedDate)],
      ['lastRotatedDate', iso(d.LastRotatedDate)],
      ['deletedDate', iso(d.DeletedDate)],
    ] as const)
      if (value) out[field] = value;
    if (d.RotationEnabled !== undefined) out.rotationEnabled = d.RotationEnabled;
    if (d.KmsKeyId) out.kmsKeyId = d.KmsKeyId;
    return out as SecretDescription;
  } catch (e) {
    if (nameOf(e) === 'ResourceNotFoundException') return { exists: false };
    throw e;
  }
}

/** DescribeSecret of each remote key, `concurrency` at a time; each key is its own Fact (one denial hides one key). */
export async function secretDescriptionFacts(
  aws: LiveAws | undefined,
  keys: readonly string[],
  concurrency: number,
): Promise<Fact<SecretsManagerFacts>> {
  if (!aws) return unknownFact(AWS_NOT_READ);
  const unique = [...new Set(keys)].sort();
  const facts = await mapLimit(unique, concurrency, (key) =>
    readFact(`secretsmanager:DescribeSecret ${key}`, () => describeOne(aws, key)),
  );
  return known(Object.fromEntries(unique.map((key, i) => [key, facts[i]])));
}

/**
 * vCPUs and memory of the instance types the price table holds, from the
 * naming scheme of EC2: the size gives the vCPUs (large 2, xlarge 4, 2xlarge
 * 8, 4xlarge 16; t3.medium 2) and the family letter the GiB per vCPU
 * (c 2, m and t 4, r 8).
 */

export interface InstanceShape {
  readonly vcpus: number;
  readonly memoryGi: number;
}

const GI_PER_VCPU: Readonly<Record<string, number>> = { c: 2, m: 4, t: 4, r: 8 };

function vcpusOf(size: string): number | undefined {
  if (size === 'medium') return 2;
  if (size === 'large') return 2;
  if (size === 'xlarge') return 4;
  const m = /^(\d+)xlarge$/.exec(size);
  return m ? Number(m[1]) * 4 : undefined;
}

/** The shape of an instance type, or undefined for a family or size outside the scheme. */
export function instanceShape(type: string): InstanceShape | undefined {
  const [family, size] = type.split('.');
  if (!family || !size) return undefined;
  const perVcpu = GI_PER_VCPU[family[0]];
  const vcpus = vcpusOf(size);
  if (perVcpu === undefined || vcpus === undefined) return undefined;
  // t3.medium and t3a.medium: 2 vCPUs and 4 GiB.
  const memoryGi = family.startsWith('t') && size === 'medium' ? 4 : vcpus * perVcpu;
  return { vcpus, memoryGi };
}

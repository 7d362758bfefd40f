import type { KubeResource } from '../../inventory/types.js';

/** Provisioners that create EBS volumes. */
export const EBS_PROVISIONERS = ['ebs.csi.aws.com', 'kubernetes.io/aws-ebs'];

export function provisionerOf(sc: KubeResource): string {
  return typeof sc.object.provisioner === 'string' ? sc.object.provisioner : '';
}

export function isDefaultClass(sc: KubeResource): boolean {
  const a = sc.object.metadata.annotations ?? {};
  return (
    a['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
}

/** The EBS volume type a class creates: parameters.type, else the provisioner's default. */
export function ebsVolumeType(sc: KubeResource): string {
  const params = (sc.object.parameters ?? {}) as Record<string, unknown>;
  const type = params.type;
  if (typeof type === 'string') return type.toLowerCase();
  // The in-tree plugin defaults to gp2; the EBS CSI driver to gp3.
  return provisionerOf(sc) === 'kubernetes.io/aws-ebs' ? 'gp2' : 'gp3';
}

/**
 * The StorageClass a claim uses: its storageClassName, or the default class
 * of the sources when it names none; undefined when the class is not in the
 * sources (or the claim binds statically, with storageClassName "").
 */
export function claimClass(
  classes: readonly KubeResource[],
  storageClassName: string | null | undefined,
): KubeResource | undefined {
  if (storageClassName === '') return undefined;
  if (typeof storageClassName === 'string') return classes.find((sc) => sc.object.metadata.name === storageClassName);
  return classes.find(isDefaultClass);
}

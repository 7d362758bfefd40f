import { Construct } from 'constructs';
import * as ec2 from './cdk/aws-ec2.js';

/** The root device of the Amazon Linux 2023 EKS AMIs. */
export const ROOT_DEVICE_NAME = '/dev/xvda';

export interface NodeLaunchTemplateProps {
  /** Root volume size in GiB. */
  readonly rootVolumeGb: number;
  /**
   * Instance metadata hops allowed. 1 keeps the node role's credentials away
   * from pods (they use Pod Identity); host-network pods still reach the metadata service.
   * @default 1
   */
  readonly metadataHopLimit?: number;
}

/**
 * The launch template every managed node group uses: IMDSv2 required with a
 * hop limit of 1, an encrypted gp3 root volume, and no SSH key (nodes are
 * reached through SSM Session Manager when at all).
 */
export class NodeLaunchTemplate extends Construct {
  readonly template: ec2.LaunchTemplate;

  constructor(scope: Construct, id: string, props: NodeLaunchTemplateProps) {
    super(scope, id);
    this.template = new ec2.LaunchTemplate(this, 'Template', {
      requireImdsv2: true,
      httpTokens: ec2.LaunchTemplateHttpTokens.REQUIRED,
      httpPutResponseHopLimit: props.metadataHopLimit ?? 1,
      httpEndpoint: true,
      blockDevices: [
        {
          deviceName: ROOT_DEVICE_NAME,
          volume: ec2.BlockDeviceVolume.ebs(props.rootVolumeGb, {
            volumeType: ec2.EbsDeviceVolumeType.GP3,
            encrypted: true,
            deleteOnTermination: true,
          }),
        },
      ],
    });
  }

  /** The launch template reference a managed node group takes. */
  get spec(): { id: string; version: string } {
    return { id: this.template.launchTemplateId as string, version: this.template.latestVersionNumber };
  }
}

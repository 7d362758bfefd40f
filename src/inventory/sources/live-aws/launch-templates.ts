import type { LaunchTemplateVersion, ResponseLaunchTemplateData } from '@aws-sdk/client-ec2';
import { mapLimit } from '../../../aws/paging.js';
import { describeLaunchTemplateVersion } from '../../../aws/readers/ec2.js';
import { describeNodegroups } from '../../../aws/readers/eks.js';
import type { LiveAwsContext } from './context.js';

/**
 * The launch template of each managed node group, at the version the group
 * launches, as AWS::EC2::LaunchTemplate with the template's id as its id (the
 * node group's LaunchTemplate.Id resolves to it). Two groups launching
 * different versions of one template leave it out with a note: which of the
 * two a rule would judge could not be told.
 */
export async function collectLaunchTemplates(ctx: LiveAwsContext): Promise<void> {
  await ctx.guard(['AWS::EC2::LaunchTemplate'], async () => {
    const groups = await describeNodegroups(ctx.aws, ctx.target.clusterName);
    const refs = new Map<string, { id?: string; name?: string; versions: Set<string>; groups: string[] }>();
    for (const g of groups) {
      const lt = g.launchTemplate;
      if (!lt || (!lt.id && !lt.name)) continue;
      const key = lt.id ?? `name:${lt.name}`;
      const ref = refs.get(key) ?? { id: lt.id, name: lt.name, versions: new Set(), groups: [] };
      ref.versions.add(lt.version ?? '$Default');
      ref.groups.push(g.nodegroupName ?? '');
      refs.set(key, ref);
    }
    const read = await mapLimit([...refs.values()], 4, async (ref) => {
      if (ref.versions.size > 1) {
        ctx.notes.push(
          `launch template ${ref.id ?? ref.name} is launched at versions ${[...ref.versions].sort().join(', ')} by node groups ${ref.groups.sort().join(', ')}; it is left out (one verdict cannot cover both)`,
        );
        return undefined;
      }
      const [version] = ref.versions;
      return describeLaunchTemplateVersion(ctx.aws, { id: ref.id, name: ref.name, version });
    });
    for (const v of read) if (v) addTemplate(ctx, v);
  });
}

function addTemplate(ctx: LiveAwsContext, v: LaunchTemplateVersion): void {
  ctx.add(
    'AWS::EC2::LaunchTemplate',
    v.LaunchTemplateId ?? v.LaunchTemplateName ?? '',
    { LaunchTemplateName: v.LaunchTemplateName, LaunchTemplateData: templateData(v.LaunchTemplateData) },
    { version: v.VersionNumber, defaultVersion: v.DefaultVersion },
  );
}

/** The API's answer in the shape of a template's LaunchTemplateData (the fields the rules read). */
function templateData(d: ResponseLaunchTemplateData | undefined): Record<string, unknown> {
  if (!d) return {};
  const m = d.MetadataOptions;
  return dropEmpty({
    KeyName: d.KeyName,
    ImageId: d.ImageId,
    InstanceType: d.InstanceType,
    MetadataOptions: m && {
      HttpTokens: m.HttpTokens,
      HttpPutResponseHopLimit: m.HttpPutResponseHopLimit,
      HttpEndpoint: m.HttpEndpoint,
    },
    BlockDeviceMappings: d.BlockDeviceMappings?.map((b) => ({
      DeviceName: b.DeviceName,
      Ebs: b.Ebs && {
        Encrypted: b.Ebs.Encrypted,
        VolumeType: b.Ebs.VolumeType,
        VolumeSize: b.Ebs.VolumeSize,
        Iops: b.Ebs.Iops,
        Throughput: b.Ebs.Throughput,
        KmsKeyId: b.Ebs.KmsKeyId,
        DeleteOnTermination: b.Ebs.DeleteOnTermination,
      },
    })),
  });
}

function dropEmpty(o: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
}

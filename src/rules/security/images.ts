import { z } from 'zod';
import { type ContainerVerdict, checkContainers } from '../support/container-checks.js';
import { parseImageRef } from '../support/image-ref.js';
import { defineRule } from '../types.js';

const verdict = z.enum(['fail', 'warn']);

const params = z.object({
  /** Status of an image without a tag or tagged latest. */
  mutableTag: verdict,
  /** Tags that name no fixed build. */
  mutableTags: z.array(z.string()),
  /** Whether a tag without a digest is a warning (pinning by digest makes the image immutable). */
  requireDigest: z.boolean(),
  /** Registries images may come from; images from elsewhere are a warning. Empty allows any. */
  registries: z.array(z.string()),
  ignoreNamespaces: z.array(z.string()),
});

export default defineRule({
  meta: {
    id: 'security.images',
    title: "Images are pinned to a fixed version from the environment's registries",
    category: 'security',
    checklist: ['infrastructure.ecr-scanning'],
    severity: { test: 'medium', prod: 'high' },
    why: 'A missing or latest tag means each node may run a different build and a rollback has nothing to go back to; imagePullPolicy Never runs whatever a node happens to hold; images from outside the environment registry skip its scan on push and depend on another registry being up.',
    verified:
      'Every container and init container names an image with a tag outside mutableTags (latest) or a digest, does not set imagePullPolicy: Never, and comes from one of the registries (by default the account ECR registry of the environment; a warning otherwise). With requireDigest, a tag without a digest is a warning.',
    fix: 'Tag images with their version (the ECR repositories of prod refuse to overwrite a tag), use imagePullPolicy IfNotPresent, and mirror third-party images into ECR (or list their registry under verify.rules.security.images.params.registries).',
    equivalents: {
      polaris: ['tagNotSpecified', 'pullPolicyNotAlways'],
      kubeScore: ['container-image-tag', 'container-image-pull-policy'],
      kubeLinter: ['latest-tag'],
      kubescape: ['C-0075', 'C-0078'],
      checkov: ['CKV_K8S_14', 'CKV_K8S_43', 'CKV_K8S_15'],
    },
    params,
    defaults: (env) => ({
      mutableTag: env.registry.immutableTags ? ('fail' as const) : ('warn' as const),
      mutableTags: ['latest'],
      requireDigest: false,
      registries: [`${env.account ?? '000000000000'}.dkr.ecr.${env.region}.amazonaws.com`],
      ignoreNamespaces: ['kube-system', 'amazon-cloudwatch'],
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check: (inv, p) =>
    checkContainers(inv, p, (_w, c) => {
      const name = c.container.name;
      const image = typeof c.container.image === 'string' ? c.container.image : '';
      const at = c.path.concat('image');
      if (image === '') return { status: 'fail', message: `container ${name} names no image`, path: at };
      const ref = parseImageRef(image);
      const out: ContainerVerdict[] = [];
      if (ref.digest === undefined && (ref.tag === undefined || p.mutableTags.includes(ref.tag))) {
        const seen = ref.tag === undefined ? 'no tag' : `tag ${ref.tag}`;
        out.push({
          status: p.mutableTag,
          message: `container ${name} runs ${image} with ${seen}; expected a version tag or a digest`,
          path: at,
        });
      } else if (ref.digest === undefined && p.requireDigest) {
        out.push({ status: 'warn', message: `container ${name} runs ${image} without a digest`, path: at });
      }
      if (c.container.imagePullPolicy === 'Never') {
        out.push({
          status: p.mutableTag,
          message: `container ${name} sets imagePullPolicy: Never, so a node without the image cannot start it; expected IfNotPresent or Always`,
          path: c.path.concat('imagePullPolicy'),
        });
      }
      if (p.registries.length > 0 && !p.registries.includes(ref.registry)) {
        out.push({
          status: 'warn',
          message: `container ${name} pulls from ${ref.registry}, outside the environment's registries (${p.registries.join(', ')})`,
          path: at,
        });
      }
      if (out.length === 0)
        out.push({ status: 'pass', message: `container ${name} runs the pinned image ${image}`, path: at });
      return out;
    }),
});

import { z } from 'zod';
import { checkRepositories, importedRegistryHome } from '../support/ecr-repositories.js';
import { awsResult } from '../support/results.js';
import { defineRule } from '../types.js';

const params = z.object({
  /** The environment whose stack creates the repositories, when this one imports them. */
  registryHome: z.string().optional(),
  /** Whether tags must be immutable (registry.immutableTags). */
  required: z.boolean(),
});

export default defineRule({
  meta: {
    id: 'infrastructure.ecr-immutable-tags',
    title: 'ECR image tags are immutable',
    category: 'infrastructure',
    checklist: ['infrastructure.ecr-scanning'],
    severity: { test: 'low', prod: 'medium' },
    why: 'A scan result belongs to the image that was pushed under a tag; if the tag can be overwritten, what runs may not be what was scanned, and a rollback may not restore what ran before.',
    verified:
      'Every AWS::ECR::Repository has ImageTagMutability IMMUTABLE when registry.immutableTags is on (production).',
    fix: 'Set registry.immutableTags: true and push each build under a new tag (a version or commit id).',
    equivalents: { checkov: ['CKV_AWS_51'] },
    params,
    defaults: (env) => ({ required: env.registry.immutableTags, registryHome: importedRegistryHome(env) }),
    needs: { aws: ['AWS::ECR::Repository'] },
  },
  check: (inv, p) =>
    checkRepositories(inv, p.registryHome, (repo) => {
      const mode = repo.properties.ImageTagMutability;
      if (mode === 'IMMUTABLE' || mode === 'IMMUTABLE_WITH_EXCLUSION') {
        return awsResult('pass', repo, 'tags are immutable', ['ImageTagMutability']);
      }
      if (!p.required) {
        return awsResult('skip', repo, 'tags are mutable, which this environment allows (registry.immutableTags off)');
      }
      return awsResult(
        'fail',
        repo,
        `tags are ${typeof mode === 'string' ? mode : 'MUTABLE (the default)'}`,
        mode ? ['ImageTagMutability'] : [],
      );
    }),
});

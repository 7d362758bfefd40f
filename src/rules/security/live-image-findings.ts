import { z } from 'zod';
import { parseEcrImage } from '../../aws/ecr-image.js';
import type { KubeResource } from '../../inventory/types.js';
import { unknownAws, unknownKube } from '../support/coverage.js';
import { needsLiveFacts } from '../support/live-facts.js';
import { count, kubeResult, result } from '../support/results.js';
import { defineRule, type RuleResult } from '../types.js';

const severity = z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED']);

const params = z.object({
  /** Finding severities that fail an image. */
  failOn: z.array(severity),
  /** Finding severities that warn. */
  warnOn: z.array(severity),
});

interface Findings {
  status?: string;
  severityCounts?: Record<string, number>;
}

export default defineRule({
  meta: {
    id: 'security.live-image-findings',
    title: 'Running images have no critical scan findings',
    category: 'security',
    checklist: ['infrastructure.ecr-scanning'],
    severity: { test: 'medium', prod: 'critical' },
    why: 'Scan on push only helps when someone acts on it: an image with critical findings that is already running is the exposure the scan was meant to prevent.',
    verified:
      'Live: for each ECR image the running pods use, DescribeImageScanFindings severity counts. CRITICAL fails in production (warns in test); HIGH warns. Images with no completed scan are unknown; images from other registries are skipped.',
    fix: 'Rebuild the image on a patched base, push it (scan on push runs), and roll the workload to the new tag or digest.',
    equivalents: {},
    params,
    defaults: (env): z.infer<typeof params> =>
      env.preset === 'prod' ? { failOn: ['CRITICAL'], warnOn: ['HIGH'] } : { failOn: [], warnOn: ['CRITICAL', 'HIGH'] },
    needs: { kube: ['Pod'], aws: ['AWS::ECR::Repository'] },
  },
  check(inv, p) {
    const subject = { kind: 'Pod', name: '*' };
    const skip = needsLiveFacts(inv, subject, 'What runs and its scan findings');
    if (skip) return skip;
    const unknown = unknownKube(inv, ['Pod']) ?? unknownAws(inv, ['AWS::ECR::Repository']);
    if (unknown) return unknown;
    const byImage = new Map<string, KubeResource[]>();
    for (const pod of inv.kube('Pod')) {
      const spec = pod.object.spec as
        | { containers?: { image?: string }[]; initContainers?: { image?: string }[] }
        | undefined;
      for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
        if (!c.image || !parseEcrImage(c.image)) continue;
        const list = byImage.get(c.image) ?? [];
        if (!list.includes(pod)) list.push(pod);
        byImage.set(c.image, list);
      }
    }
    if (byImage.size === 0) return [result('skip', subject, 'no running pod uses an ECR image')];
    const out: RuleResult[] = [];
    for (const [image, pods] of [...byImage].sort(([a], [b]) => a.localeCompare(b))) {
      const ref = parseEcrImage(image);
      const repo = inv
        .aws('AWS::ECR::Repository')
        .find(
          (r) =>
            r.properties.RepositoryName === ref?.repository &&
            (r.live?.imageFindings as Record<string, Findings> | undefined)?.[image],
        );
      const where = `image ${image} (${count(pods.length, 'pod')})`;
      const f = (repo?.live?.imageFindings as Record<string, Findings> | undefined)?.[image];
      if (!f) {
        out.push(
          kubeResult(
            'unknown',
            pods[0],
            `${where}: no scan findings were read for it (repository not in this account or region)`,
          ),
        );
        continue;
      }
      if (f.status !== 'COMPLETE' && f.status !== 'ACTIVE') {
        out.push(kubeResult('unknown', pods[0], `${where}: scan status ${f.status ?? 'unknown'}, no completed scan`));
        continue;
      }
      const counts = f.severityCounts ?? {};
      const text = (sev: readonly string[]) =>
        sev
          .filter((s) => (counts[s] ?? 0) > 0)
          .map((s) => `${counts[s]} ${s}`)
          .join(', ');
      const failing = text(p.failOn);
      const warning = text(p.warnOn);
      if (failing) out.push(kubeResult('fail', pods[0], `${where} has ${failing} findings`));
      else if (warning) out.push(kubeResult('warn', pods[0], `${where} has ${warning} findings`));
      else out.push(kubeResult('pass', pods[0], `${where}: no ${[...p.failOn, ...p.warnOn].join('/')} findings`));
    }
    return out;
  },
});

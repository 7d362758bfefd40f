import { z } from 'zod';
import { podSpecPath } from '../../inventory/workload-facts.js';
import type { Workload } from '../../inventory/workloads.js';
import {
  checkPodSecurity,
  type PodSecurityBreach,
  podSecurityDefaults,
  podSecurityParams,
} from '../support/pod-security.js';
import { containersOf, WITH_INIT } from '../support/workloads.js';
import { defineRule } from '../types.js';

const params = podSecurityParams.extend({
  /** Host paths that give control of the node: the path itself and everything below it (`/` only itself). */
  sensitivePaths: z.array(z.string().startsWith('/')),
});

interface Volume {
  name?: string;
  hostPath?: { path?: string };
}

/** `/var/run/` → `/var/run`; `/` stays `/`. */
function normalise(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** The sensitive entry a host path is, or lies under. */
export function sensitiveEntry(path: string, sensitive: readonly string[]): string | undefined {
  const p = normalise(path);
  return sensitive.find((entry) => {
    const e = normalise(entry);
    return e === '/' ? p === '/' : p === e || p.startsWith(`${e}/`);
  });
}

/** Containers that mount the volume without readOnly: true. */
function writers(w: Workload, volume: string): string[] {
  const out: string[] = [];
  for (const c of containersOf(w, WITH_INIT)) {
    const mounts = (c.container.volumeMounts ?? []) as { name?: string; readOnly?: boolean }[];
    if (mounts.some((m) => m.name === volume && m.readOnly !== true)) out.push(c.container.name);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'security.host-path',
    title: "Pods do not mount the node's filesystem",
    category: 'security',
    checklist: ['security.iam-least-privilege'],
    severity: { test: 'high', prod: 'high' },
    why: 'A hostPath volume reaches past the container onto the node: the container runtime socket, /etc, /proc or / hand over the node, and any writable host directory lets a pod plant files other pods and the kubelet read. The data also stays on one node, so the pod cannot move.',
    verified:
      'No pod has a hostPath volume (Pod Security Standards baseline). A hostPath that a container mounts writable, or that is (or lies under) one of sensitivePaths (the runtime sockets, /, /etc, /var/run, /proc, /sys, …), fails; a read-only mount of another host path is a warning.',
    fix: 'Use an emptyDir for scratch space, a PersistentVolumeClaim for data, a ConfigMap or Secret for files; a node agent that truly needs the host belongs in a system namespace with its own exemption.',
    equivalents: {
      polaris: ['hostPathSet'],
      kubeLinter: ['docker-sock', 'sensitive-host-mounts', 'writable-host-mount'],
      kubescape: ['C-0048', 'C-0045', 'C-0074'],
      checkov: ['CKV_K8S_27'],
    },
    params,
    defaults: (env) => ({
      ...podSecurityDefaults(env),
      sensitivePaths: [
        '/',
        '/etc',
        '/proc',
        '/sys',
        '/boot',
        '/dev',
        '/root',
        '/run',
        '/var/run',
        '/var/lib/kubelet',
        '/var/lib/docker',
        '/var/lib/containerd',
        '/var/log',
      ],
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check: (inv, p) =>
    checkPodSecurity(inv, p, 'mounts no host path', (w) => {
      const volumes = (w.template.spec?.volumes ?? []) as Volume[];
      const out: PodSecurityBreach[] = [];
      volumes.forEach((v, i) => {
        if (!v.hostPath) return;
        const path = typeof v.hostPath.path === 'string' ? v.hostPath.path : '';
        const at = podSpecPath(w, 'volumes', i, 'hostPath');
        const entry = sensitiveEntry(path, p.sensitivePaths);
        const writing = writers(w, v.name ?? '');
        const what = `volume ${v.name} mounts host path ${path || '(empty)'}`;
        if (entry !== undefined) {
          out.push({ profile: 'baseline', message: `${what}, which is (or lies under) ${entry}`, path: at });
        } else if (writing.length > 0) {
          out.push({ profile: 'baseline', message: `${what} writable in ${writing.join(', ')}`, path: at });
        } else {
          out.push({ profile: 'baseline', status: 'warn', message: `${what} read-only`, path: at });
        }
      });
      return out;
    }),
});

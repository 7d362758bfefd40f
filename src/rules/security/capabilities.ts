import { z } from 'zod';
import {
  checkPodSecurity,
  type PodSecurityBreach,
  podSecurityDefaults,
  podSecurityParams,
} from '../support/pod-security.js';
import { containerContext } from '../support/security-context.js';
import { containersOf, WITH_INIT } from '../support/workloads.js';
import { defineRule } from '../types.js';

const capability = z.string().min(1);

const params = podSecurityParams.extend({
  /** Capabilities the baseline profile lets a container add (the container runtime's default set). */
  baselineCapabilities: z.array(capability),
  /** Capabilities the restricted profile lets a container add back after dropping ALL. */
  restrictedCapabilities: z.array(capability),
  /** Capabilities a container runtime grants when nothing is dropped (containerd and CRI-O: the baseline set and NET_RAW). */
  runtimeDefaults: z.array(capability),
});

/** What a container that does not drop ALL keeps: the runtime defaults it did not drop by name, or a note that it dropped each. */
function keptText(runtimeDefaults: readonly string[], dropped: readonly string[]): string {
  const kept = runtimeDefaults.filter((cap) => !dropped.includes(cap));
  return kept.length > 0
    ? `so it keeps the runtime's defaults ${kept.join(', ')}`
    : `though it drops each of the runtime's defaults by name: the restricted profile asks for ALL, which also removes any capability a runtime grants beyond them`;
}

/** `cap_net_raw`, `CAP_NET_RAW` and `net_raw` are all NET_RAW. */
function normalise(cap: string): string {
  return cap.toUpperCase().replace(/^CAP_/, '');
}

export default defineRule({
  meta: {
    id: 'security.capabilities',
    title: 'Containers drop all Linux capabilities and add back only harmless ones',
    category: 'security',
    checklist: ['security.iam-least-privilege'],
    severity: { test: 'medium', prod: 'high' },
    why: 'Capabilities are slices of root: SYS_ADMIN is nearly all of it, NET_ADMIN rewrites the node network, and NET_RAW (in the runtime default set) allows spoofed packets and ARP poisoning of neighbouring pods.',
    verified:
      'No container or init container adds a capability outside baselineCapabilities (Pod Security Standards baseline); each one drops ALL and adds back nothing but restrictedCapabilities (restricted). NET_RAW is never added.',
    fix: 'Set securityContext.capabilities.drop: [ALL] on every container and add back only NET_BIND_SERVICE where a port below 1024 is needed (the app generators drop ALL).',
    equivalents: {
      polaris: ['dangerousCapabilities', 'insecureCapabilities'],
      kubeLinter: ['drop-net-raw-capability', 'privileged-ports'],
      kubescape: ['C-0046', 'C-0055'],
      checkov: ['CKV_K8S_28', 'CKV_K8S_37', 'CKV_K8S_39'],
    },
    params,
    defaults: (env) => ({
      ...podSecurityDefaults(env),
      baselineCapabilities: [
        'AUDIT_WRITE',
        'CHOWN',
        'DAC_OVERRIDE',
        'FOWNER',
        'FSETID',
        'KILL',
        'MKNOD',
        'NET_BIND_SERVICE',
        'SETFCAP',
        'SETGID',
        'SETPCAP',
        'SETUID',
        'SYS_CHROOT',
      ],
      restrictedCapabilities: ['NET_BIND_SERVICE'],
      runtimeDefaults: [
        'AUDIT_WRITE',
        'CHOWN',
        'DAC_OVERRIDE',
        'FOWNER',
        'FSETID',
        'KILL',
        'MKNOD',
        'NET_BIND_SERVICE',
        'NET_RAW',
        'SETFCAP',
        'SETGID',
        'SETPCAP',
        'SETUID',
        'SYS_CHROOT',
      ],
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check: (inv, p) => {
    const baseline = new Set(p.baselineCapabilities.map(normalise));
    const restricted = new Set(p.restrictedCapabilities.map(normalise));
    const runtimeDefaults = p.runtimeDefaults.map(normalise);
    return checkPodSecurity(inv, p, 'every container drops ALL capabilities', (w) => {
      const out: PodSecurityBreach[] = [];
      for (const c of containersOf(w, WITH_INIT)) {
        const caps = containerContext(c).capabilities ?? {};
        const name = c.container.name;
        const at = c.path.concat('securityContext', 'capabilities');
        const added = (caps.add ?? []).map(normalise);
        const beyondBaseline = added.filter((cap) => !baseline.has(cap));
        const beyondRestricted = added.filter((cap) => baseline.has(cap) && !restricted.has(cap));
        if (beyondBaseline.length > 0) {
          const message = `container ${name} adds ${beyondBaseline.join(', ')} (the baseline allows ${[...baseline].join(', ')})`;
          out.push({ profile: 'baseline', container: c, message, path: at.concat('add') });
        }
        if (beyondRestricted.length > 0) {
          const message = `container ${name} adds ${beyondRestricted.join(', ')} (restricted allows only ${[...restricted].join(', ') || 'none'})`;
          out.push({ profile: 'restricted', container: c, message, path: at.concat('add') });
        }
        const dropped = (caps.drop ?? []).map(normalise);
        if (!dropped.includes('ALL')) {
          const message = `container ${name} does not drop ALL capabilities, ${keptText(runtimeDefaults, dropped)}`;
          out.push({ profile: 'restricted', container: c, message, path: at });
        }
      }
      return out;
    });
  },
});

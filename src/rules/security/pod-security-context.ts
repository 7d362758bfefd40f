import { z } from 'zod';
import { podSpecPath } from '../../inventory/workload-facts.js';
import type { ValuePath } from '../../util/paths.js';
import {
  checkPodSecurity,
  type PodSecurityBreach,
  podSecurityDefaults,
  podSecurityParams,
} from '../support/pod-security.js';
import type { ContainerRef } from '../support/workloads.js';
import { containersOf, WITH_INIT } from '../support/workloads.js';
import { defineRule } from '../types.js';

const params = podSecurityParams.extend({
  /** Sysctls that are namespaced to the pod and cannot affect the node (the Pod Security Standards' safe set). */
  safeSysctls: z.array(z.string().min(1)),
  /** SELinux types a pod or container may ask for ('' means the runtime default). */
  allowedSeLinuxTypes: z.array(z.string()),
});

interface SeLinuxOptions {
  type?: string;
  user?: string;
  role?: string;
}

interface Context {
  runAsGroup?: number;
  procMount?: string;
  seLinuxOptions?: SeLinuxOptions;
  sysctls?: { name?: string }[];
}

/** The SELinux settings that break the baseline at one place (pod or container). */
function seLinuxBreaches(
  options: SeLinuxOptions | undefined,
  where: string,
  at: ValuePath,
  allowed: readonly string[],
  container?: ContainerRef,
): PodSecurityBreach[] {
  if (!options) return [];
  const out: PodSecurityBreach[] = [];
  if (options.type !== undefined && !allowed.includes(options.type)) {
    const message = `${where} asks for SELinux type ${options.type} (allowed: ${allowed.filter(Boolean).join(', ')})`;
    out.push({ profile: 'baseline', container, message, path: at.concat('seLinuxOptions', 'type') });
  }
  for (const key of ['user', 'role'] as const) {
    if (options[key] !== undefined && options[key] !== '') {
      const message = `${where} sets SELinux ${key} ${options[key]} (the baseline allows none)`;
      out.push({ profile: 'baseline', container, message, path: at.concat('seLinuxOptions', key) });
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'security.pod-security-context',
    title: "Pods keep the kernel's masks, safe sysctls, SELinux defaults and a non-root group",
    category: 'security',
    checklist: ['security.iam-least-privilege'],
    severity: { test: 'medium', prod: 'high' },
    why: "An Unmasked /proc shows the node's kernel internals; an unsafe sysctl changes the whole node's kernel; a custom SELinux type, user or role can lift the label that keeps containers apart; group 0 gives the process root's group rights on every file it can reach.",
    verified:
      'No container sets procMount other than Default, the pod sets only sysctls in safeSysctls, and no pod or container asks for an SELinux type outside allowedSeLinuxTypes or sets an SELinux user or role (Pod Security Standards baseline); no pod or container runs with runAsGroup 0 (restricted).',
    fix: 'Remove procMount, unsafe sysctls and seLinuxOptions; set runAsGroup to a non-zero group (the app generators use the app user id).',
    equivalents: {
      polaris: ['procMount'],
      kubeLinter: ['unsafe-proc-mount', 'unsafe-sysctls', 'run-as-non-root'],
      kubescape: ['C-0013', 'C-0055'],
      checkov: ['CKV_K8S_23'],
    },
    params,
    defaults: (env) => ({
      ...podSecurityDefaults(env),
      safeSysctls: [
        'kernel.shm_rmid_forced',
        'net.ipv4.ip_local_port_range',
        'net.ipv4.ip_unprivileged_port_start',
        'net.ipv4.tcp_syncookies',
        'net.ipv4.ping_group_range',
        'net.ipv4.ip_local_reserved_ports',
        'net.ipv4.tcp_keepalive_time',
        'net.ipv4.tcp_fin_timeout',
        'net.ipv4.tcp_keepalive_intvl',
        'net.ipv4.tcp_keepalive_probes',
      ],
      allowedSeLinuxTypes: ['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'],
    }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check: (inv, p) =>
    checkPodSecurity(
      inv,
      p,
      'keeps the default procMount, safe sysctls, SELinux defaults and a non-root group',
      (w) => {
        const out: PodSecurityBreach[] = [];
        const pod = (w.template.spec?.securityContext ?? {}) as Context;
        const podAt = podSpecPath(w, 'securityContext');
        (pod.sysctls ?? []).forEach((s, i) => {
          if (s.name !== undefined && p.safeSysctls.includes(s.name)) return;
          const message = `the pod sets sysctl ${s.name} (safe: ${p.safeSysctls.join(', ')})`;
          out.push({ profile: 'baseline', message, path: podAt.concat('sysctls', i) });
        });
        out.push(...seLinuxBreaches(pod.seLinuxOptions, 'the pod', podAt, p.allowedSeLinuxTypes));
        if (pod.runAsGroup === 0) {
          out.push({
            profile: 'restricted',
            message: 'the pod runs as group 0 (root)',
            path: podAt.concat('runAsGroup'),
          });
        }
        for (const c of containersOf(w, WITH_INIT)) {
          const own = (c.container.securityContext ?? {}) as Context;
          const name = c.container.name;
          const at = c.path.concat('securityContext');
          if (own.procMount !== undefined && own.procMount !== 'Default') {
            const message = `container ${name} sets procMount: ${own.procMount} (allowed: Default)`;
            out.push({ profile: 'baseline', container: c, message, path: at.concat('procMount') });
          }
          out.push(...seLinuxBreaches(own.seLinuxOptions, `container ${name}`, at, p.allowedSeLinuxTypes, c));
          if (own.runAsGroup === 0) {
            const message = `container ${name} runs as group 0 (root)`;
            out.push({ profile: 'restricted', container: c, message, path: at.concat('runAsGroup') });
          }
        }
        return out;
      },
    ),
});

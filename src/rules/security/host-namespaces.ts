import { z } from 'zod';
import { podSpecPath } from '../../inventory/workload-facts.js';
import {
  checkPodSecurity,
  type PodSecurityBreach,
  podSecurityDefaults,
  podSecurityParams,
} from '../support/pod-security.js';
import { containersOf, WITH_INIT } from '../support/workloads.js';
import { defineRule } from '../types.js';

const params = podSecurityParams.extend({
  /** Host ports a workload may bind (none by default). */
  allowedHostPorts: z.array(z.number().int().min(1).max(65535)),
});

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export default defineRule({
  meta: {
    id: 'security.host-namespaces',
    title: "Pods do not share the node's network, process or IPC namespaces, nor bind host ports",
    category: 'security',
    checklist: ['security.iam-least-privilege'],
    severity: { test: 'high', prod: 'high' },
    why: "A pod in the host's network namespace sees every interface of the node, bypasses NetworkPolicies and can reach the instance metadata; hostPID lets it see and signal every process on the node; hostIPC shares its memory segments; a hostPort ties the pod to one port on the node and exposes it outside the Service.",
    verified:
      'The pod spec sets none of hostNetwork, hostPID and hostIPC to true, and no container or init container port sets a hostPort outside allowedHostPorts (Pod Security Standards baseline).',
    fix: 'Remove hostNetwork, hostPID, hostIPC and hostPort; reach the pod through a Service (and an Ingress for outside traffic).',
    equivalents: {
      polaris: ['hostNetworkSet', 'hostPIDSet', 'hostIPCSet', 'hostPortSet'],
      kubeLinter: ['host-network', 'host-pid', 'host-ipc'],
      kubescape: ['C-0038', 'C-0041', 'C-0044'],
      checkov: ['CKV_K8S_19', 'CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_26'],
    },
    params,
    defaults: (env) => ({ ...podSecurityDefaults(env), allowedHostPorts: [] }),
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check: (inv, p) =>
    checkPodSecurity(inv, p, 'shares no host namespace and binds no host port', (w) => {
      const spec = w.template.spec ?? {};
      const out: PodSecurityBreach[] = [];
      for (const key of HOST_NAMESPACES) {
        if (spec[key] === true) {
          out.push({ profile: 'baseline', message: `the pod sets ${key}: true`, path: podSpecPath(w, key) });
        }
      }
      for (const c of containersOf(w, WITH_INIT)) {
        const ports = (c.container.ports ?? []) as { hostPort?: number }[];
        ports.forEach((port, i) => {
          const hostPort = port.hostPort;
          if (typeof hostPort !== 'number' || hostPort === 0 || p.allowedHostPorts.includes(hostPort)) return;
          out.push({
            profile: 'baseline',
            container: c,
            message: `container ${c.container.name} binds host port ${hostPort} (allowed: ${p.allowedHostPorts.join(', ') || 'none'})`,
            path: c.path.concat('ports', i, 'hostPort'),
          });
        });
      }
      return out;
    }),
});

import { annotationOf, podSpecPath } from '../../inventory/workload-facts.js';
import type { Workload } from '../../inventory/workloads.js';
import {
  checkPodSecurity,
  type PodSecurityBreach,
  podSecurityDefaults,
  podSecurityParams,
} from '../support/pod-security.js';
import { containersOf, WITH_INIT } from '../support/workloads.js';
import { defineRule } from '../types.js';

interface Profile {
  type?: string;
}

interface ProfileContext {
  seccompProfile?: Profile;
  appArmorProfile?: Profile;
}

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

/** Profile types that confine: the runtime's default or one loaded on the node. */
const CONFINED = ['RuntimeDefault', 'Localhost'];

function podProfiles(w: Workload): ProfileContext {
  return (w.template.spec?.securityContext ?? {}) as ProfileContext;
}

function podAnnotation(w: Workload, key: string): string | undefined {
  return annotationOf(w, [key])?.value;
}

export default defineRule({
  meta: {
    id: 'security.seccomp-apparmor',
    title: 'Containers run under the RuntimeDefault seccomp profile and are not AppArmor-unconfined',
    category: 'security',
    checklist: ['security.iam-least-privilege'],
    severity: { test: 'medium', prod: 'high' },
    why: 'Seccomp and AppArmor cut the kernel surface a container can reach: without them a container may call every system call, and most container escapes start with one it never needed.',
    verified:
      'No pod or container sets a seccomp or AppArmor profile of type Unconfined, in securityContext or in the legacy annotations (Pod Security Standards baseline); every container runs under RuntimeDefault or a Localhost seccomp profile, its own or the pod one (restricted).',
    fix: 'Set securityContext.seccompProfile.type: RuntimeDefault on the pod (the app generators do) and remove Unconfined profiles and annotations.',
    equivalents: {
      kubeScore: ['container-seccomp-profile'],
      kubescape: ['C-0210', 'C-0055'],
      checkov: ['CKV_K8S_31', 'CKV_K8S_32'],
    },
    params: podSecurityParams,
    defaults: podSecurityDefaults,
    needs: { kube: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] },
  },
  check: (inv, p) =>
    checkPodSecurity(inv, p, 'every container runs under a confining seccomp profile', (w) => {
      const out: PodSecurityBreach[] = [];
      const pod = podProfiles(w);
      const podContextPath = podSpecPath(w, 'securityContext');
      for (const key of ['seccompProfile', 'appArmorProfile'] as const) {
        if (pod[key]?.type === 'Unconfined') {
          const message = `the pod sets ${key}.type: Unconfined`;
          out.push({ profile: 'baseline', message, path: podContextPath.concat(key, 'type') });
        }
      }
      const podSeccompAnnotation = podAnnotation(w, SECCOMP_POD_ANNOTATION);
      if (podSeccompAnnotation === 'unconfined') {
        const message = `the pod annotation ${SECCOMP_POD_ANNOTATION} is unconfined`;
        out.push({ profile: 'baseline', message, path: w.templatePath.concat('metadata', 'annotations') });
      }
      for (const c of containersOf(w, WITH_INIT)) {
        const own = (c.container.securityContext ?? {}) as ProfileContext;
        const name = c.container.name;
        const at = c.path.concat('securityContext');
        for (const key of ['seccompProfile', 'appArmorProfile'] as const) {
          if (own[key]?.type === 'Unconfined') {
            const message = `container ${name} sets ${key}.type: Unconfined`;
            out.push({ profile: 'baseline', container: c, message, path: at.concat(key, 'type') });
          }
        }
        for (const prefix of [SECCOMP_CONTAINER_ANNOTATION, APPARMOR_CONTAINER_ANNOTATION]) {
          if (podAnnotation(w, `${prefix}${name}`) === 'unconfined') {
            const message = `the annotation ${prefix}${name} is unconfined`;
            out.push({ profile: 'baseline', container: c, message, path: w.templatePath.concat('metadata') });
          }
        }
        const seccomp = own.seccompProfile?.type ?? pod.seccompProfile?.type;
        if (seccomp !== 'Unconfined' && !CONFINED.includes(seccomp ?? '')) {
          const message = `container ${name} sets no seccomp profile (${seccomp ?? 'none'}), itself or through the pod; expected RuntimeDefault or Localhost`;
          out.push({ profile: 'restricted', container: c, message, path: at });
        }
      }
      return out;
    }),
});

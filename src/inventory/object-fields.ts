import type { LabelSelector } from './selectors.js';
import type { KubeResource } from './types.js';

/** Typed reads of the fields the relationship index follows. */

export function serviceSelector(s: KubeResource): Record<string, string> | undefined {
  return (s.object.spec as { selector?: Record<string, string> } | undefined)?.selector;
}

export function pdbSelector(p: KubeResource): LabelSelector | undefined {
  return (p.object.spec as { selector?: LabelSelector } | undefined)?.selector;
}

export function pdbMatchLabels(p: KubeResource): Readonly<Record<string, string>> | undefined {
  return pdbSelector(p)?.matchLabels;
}

export function podSelector(p: KubeResource): LabelSelector {
  return (p.object.spec as { podSelector?: LabelSelector } | undefined)?.podSelector ?? {};
}

export function podSelectorMatchLabels(p: KubeResource): Readonly<Record<string, string>> | undefined {
  return podSelector(p).matchLabels;
}

interface IngressSpec {
  defaultBackend?: { service?: { name?: string } };
  rules?: { http?: { paths?: { backend?: { service?: { name?: string } } }[] } }[];
}

/** Names of the Services an Ingress sends traffic to. */
export function ingressBackends(ing: KubeResource): string[] {
  const spec = (ing.object.spec ?? {}) as IngressSpec;
  const out: string[] = [];
  if (spec.defaultBackend?.service?.name) out.push(spec.defaultBackend.service.name);
  for (const rule of spec.rules ?? []) {
    for (const p of rule.http?.paths ?? []) if (p.backend?.service?.name) out.push(p.backend.service.name);
  }
  return out;
}

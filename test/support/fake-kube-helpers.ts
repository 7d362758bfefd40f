/** Pieces of the fake Kubernetes API server (fake-kube-server.ts): JSON merge patch, field selectors, its kubeconfig. */

/** RFC 7386: objects merge key by key, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** `involvedObject.kind=Pod,involvedObject.name=web` → [[path, value], …]; `==` is the same as `=`. */
export function parseFieldSelector(selector: string | null): [string[], string][] {
  if (!selector) return [];
  return selector.split(',').map((term) => {
    const [path, value] = term.split(/==?/, 2);
    return [path.split('.'), value ?? ''];
  });
}

export function fieldOf(o: Record<string, unknown>, path: readonly string[]): string {
  let v: unknown = o;
  for (const seg of path) v = (v as Record<string, unknown> | undefined)?.[seg];
  return v === undefined || v === null ? '' : String(v);
}

export function kubeconfigYaml(url: string, token: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: fake',
    '    cluster:',
    `      server: ${url}`,
    '      insecure-skip-tls-verify: true',
    'users:',
    '  - name: verifier',
    '    user:',
    `      token: ${token}`,
    'contexts:',
    '  - name: fake',
    '    context: { cluster: fake, user: verifier }',
    '  - name: other',
    '    context: { cluster: fake, user: verifier, namespace: shop }',
    'current-context: fake',
    '',
  ].join('\n');
}

/** "v1.33.4-eks-1234567" → { major: 1, minor: 33 }; undefined when it is not a version. */
export function parseMinor(
  version: string | undefined,
): { readonly major: number; readonly minor: number } | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** Minor versions `kubelet` is behind `server` (negative when ahead); undefined when either is not a version. */
export function minorSkew(server: string | undefined, kubelet: string | undefined): number | undefined {
  const s = parseMinor(server);
  const k = parseMinor(kubelet);
  if (!s || !k || s.major !== k.major) return undefined;
  return s.minor - k.minor;
}

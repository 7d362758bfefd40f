/** Kubernetes resource quantities ("500m", "2", "256Mi", "1.5Gi", "1e3"). */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/;

/** Parsed quantities by text (null: not a quantity); manifests repeat a handful of values many times. */
const parsed = new Map<string, number | null>();
const MAX_CACHED = 10_000;

/** The quantity as a plain number (cores or bytes); undefined when it is not a quantity. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let n = parsed.get(value);
  if (n === undefined) {
    n = parseText(value);
    if (parsed.size >= MAX_CACHED) parsed.clear();
    parsed.set(value, n);
  }
  return n === null ? undefined : n;
}

function parseText(value: string): number | null {
  const m = QUANTITY.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const suffix = m[2];
  if (suffix in BINARY) return n * BINARY[suffix];
  if (suffix in DECIMAL) return n * DECIMAL[suffix];
  return null;
}

/** Bytes as GiB. */
export function toGi(bytes: number): number {
  return bytes / 2 ** 30;
}

/** IPv4 CIDR arithmetic for NetworkPolicy ipBlocks. */

function toNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

/** Whether an IPv4 CIDR (such as 169.254.0.0/16) contains an address; undefined when it is not IPv4. */
export function cidrContains(cidr: string, ip: string): boolean | undefined {
  const [base, bitsText = '32'] = cidr.split('/');
  const b = toNumber(base);
  const a = toNumber(ip);
  const bits = Number(bitsText);
  if (b === undefined || a === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
}

/**
 * A whole number with comma thousands separators, as `n.toLocaleString('en-US')` prints it, without the
 * locale machinery: the first toLocaleString of a process initialises ICU, ~15–20 ms of a short CLI run.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

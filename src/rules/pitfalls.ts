/** The seed's seven common pitfalls; each maps to at least one rule (`meta.pitfall`). */
export const PITFALLS: Readonly<Record<number, string>> = {
  1: 'No resource limits',
  2: 'Single replica in production',
  3: 'Secrets in environment variables',
  4: 'No readiness probes',
  5: 'Ignoring Pod Identity (AWS credentials in env vars or files)',
  6: 'Oversized persistent volumes',
  7: 'No log retention',
};

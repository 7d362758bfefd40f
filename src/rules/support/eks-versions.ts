/**
 * Amazon EKS support calendar per Kubernetes minor: standard support lasts
 * 14 months from the EKS release, extended support 12 months more (at extra
 * cost per cluster hour). Update this table when EKS publishes a new minor;
 * a minor without dates is reported as unknown support.
 */
export interface EksVersion {
  readonly minor: string;
  /** YYYY-MM-DD; undefined when not yet recorded. */
  readonly released?: string;
  readonly standardEnd?: string;
  readonly extendedEnd?: string;
}

export const EKS_VERSIONS: readonly EksVersion[] = [
  { minor: '1.28', released: '2023-09-26', standardEnd: '2024-11-26', extendedEnd: '2025-11-26' },
  { minor: '1.29', released: '2024-01-23', standardEnd: '2025-03-23', extendedEnd: '2026-03-23' },
  { minor: '1.30', released: '2024-05-23', standardEnd: '2025-07-23', extendedEnd: '2026-07-23' },
  { minor: '1.31', released: '2024-09-26', standardEnd: '2025-11-26', extendedEnd: '2026-11-26' },
  { minor: '1.32', released: '2025-01-23', standardEnd: '2026-03-23', extendedEnd: '2027-03-23' },
  { minor: '1.33', released: '2025-05-29', standardEnd: '2026-07-29', extendedEnd: '2027-07-29' },
  { minor: '1.34', released: '2025-10-02', standardEnd: '2026-12-02', extendedEnd: '2027-12-02' },
  { minor: '1.35', released: '2026-01-27', standardEnd: '2027-03-27', extendedEnd: '2028-03-27' },
  { minor: '1.36' },
];

export function eksVersion(minor: string): EksVersion | undefined {
  return EKS_VERSIONS.find((v) => v.minor === minor);
}

/** The next minor after this one in the table, if EKS has released it. */
export function nextEksVersion(minor: string): EksVersion | undefined {
  const i = EKS_VERSIONS.findIndex((v) => v.minor === minor);
  const next = i >= 0 ? EKS_VERSIONS[i + 1] : undefined;
  return next?.released ? next : undefined;
}

/** `1.34` from `1.34`, `1.34.2`, `v1.34.2-eks-abc`. */
export function minorOf(version: string): string | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return m ? `${m[1]}.${m[2]}` : undefined;
}

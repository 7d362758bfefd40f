/**
 * The report's colours. Every status has a background and a foreground whose
 * contrast is at least 4.5:1 (WCAG AA for normal text); test/report/html-palette
 * checks it. Status is never shown by colour alone: each badge carries its word
 * and a symbol.
 */
export const PAGE = {
  background: '#ffffff',
  text: '#1b1f24',
  muted: '#4d5560',
  link: '#0b57b7',
  rule: '#c9ced6',
} as const;

/** Verdicts of checklist items and findings, and `error`: a fleet cluster that could not be read. */
export type StatusKey = 'pass' | 'fail' | 'warn' | 'unknown' | 'skip' | 'error';

export interface StatusStyle {
  readonly label: string;
  readonly symbol: string;
  readonly background: string;
  readonly foreground: string;
}

export const STATUS_STYLE: Readonly<Record<StatusKey, StatusStyle>> = {
  pass: { label: 'PASS', symbol: '✓', background: '#1e6b34', foreground: '#ffffff' },
  fail: { label: 'FAIL', symbol: '✗', background: '#b3261e', foreground: '#ffffff' },
  warn: { label: 'WARN', symbol: '!', background: '#f2c744', foreground: '#1b1f24' },
  unknown: { label: 'UNKNOWN', symbol: '?', background: '#4f4b8f', foreground: '#ffffff' },
  skip: { label: 'N/A', symbol: '–', background: '#e3e6ea', foreground: '#1b1f24' },
  error: { label: 'ERROR', symbol: '⚠', background: '#6b1f14', foreground: '#ffffff' },
};

/** Display order of statuses in charts and legends. */
export const STATUS_ORDER: readonly StatusKey[] = ['fail', 'warn', 'unknown', 'pass', 'skip'];

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`colour "${hex}" is not #rrggbb`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

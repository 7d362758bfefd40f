import { esc } from './escape.js';
import { STATUS_ORDER, STATUS_STYLE, type StatusKey } from './palette.js';

export type Tally = Readonly<Partial<Record<StatusKey, number>>>;

/** `3 fail, 1 warn, 8 pass`: the counts in words, zeros left out. */
export function describeTally(t: Tally): string {
  const parts = STATUS_ORDER.filter((k) => (t[k] ?? 0) > 0).map(
    (k) => `${t[k]} ${STATUS_STYLE[k].label.toLowerCase()}`,
  );
  return parts.length ? parts.join(', ') : 'nothing counted';
}

/**
 * A horizontal stacked bar of a tally, drawn as inline SVG from the numbers:
 * one segment per status, each labelled with its symbol and count when wide
 * enough; the whole chart carries its counts in words for screen readers.
 */
export function stackedBar(t: Tally, opts: { readonly width?: number; readonly title: string }): string {
  const width = opts.width ?? 220;
  const height = 22;
  const total = STATUS_ORDER.reduce((s, k) => s + (t[k] ?? 0), 0);
  const label = `${opts.title}: ${describeTally(t)}`;
  const parts: string[] = [];
  if (total === 0) {
    parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#e3e6ea"/>`);
  } else {
    let x = 0;
    for (const k of STATUS_ORDER) {
      const n = t[k] ?? 0;
      if (!n) continue;
      const w = Math.max(1, Math.round((n / total) * width * 100) / 100);
      const s = STATUS_STYLE[k];
      parts.push(`<rect x="${round(x)}" y="0" width="${round(w)}" height="${height}" fill="${s.background}"/>`);
      const text = `${s.symbol}${n}`;
      if (w >= text.length * 7 + 4)
        parts.push(
          `<text x="${round(x + w / 2)}" y="15" text-anchor="middle" font-size="12" font-weight="700" fill="${s.foreground}">${esc(text)}</text>`,
        );
      x += w;
    }
  }
  return `<svg class="bar" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>${parts.join('')}</svg>`;
}

/** A ring showing a 0–100 score, the number in the middle; `—` when nothing was scored. */
export function scoreRing(score: number | null, opts: { readonly size?: number; readonly title: string }): string {
  const size = opts.size ?? 96;
  const r = size / 2 - 8;
  const c = 2 * Math.PI * r;
  const shown = score === null ? '—' : String(score);
  const label = `${opts.title}: ${score === null ? 'not scored' : `${score} of 100`}`;
  const colour = score === null ? '#e3e6ea' : score >= 90 ? '#1e6b34' : score >= 70 ? '#8a5a00' : '#b3261e';
  const arc =
    score === null
      ? ''
      : `<circle cx="${size / 2}" cy="${size / 2}" r="${round(r)}" fill="none" stroke="${colour}" stroke-width="10" stroke-dasharray="${round((c * score) / 100)} ${round(c)}" transform="rotate(-90 ${size / 2} ${size / 2})"/>`;
  return `<svg class="ring" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title><circle cx="${size / 2}" cy="${size / 2}" r="${round(r)}" fill="none" stroke="#e3e6ea" stroke-width="10"/>${arc}<text x="50%" y="50%" dominant-baseline="central" text-anchor="middle" font-size="${Math.round(size / 3.6)}" font-weight="700" fill="#1b1f24">${esc(shown)}</text></svg>`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

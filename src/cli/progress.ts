/** The stream progress goes to (the CLI's standard error), and the environment that decides whether it shows. */
export interface ProgressTarget {
  readonly stream?: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** --quiet: no progress. */
  readonly quiet?: boolean;
}

/**
 * Progress of a long run, for the engine and the synthesizers to report to:
 * `start(label, total)`, `tick(n, next)` when n more items are done (and what
 * comes next), `stop()` at the end (also after a failure). It prints nothing
 * unless the target is a terminal.
 */
export interface Progress {
  start(label: string, total?: number): void;
  tick(n?: number, next?: string): void;
  stop(): void;
}

const SILENT: Progress = { start() {}, tick() {}, stop() {} };

/**
 * Whether progress shows: only on a terminal, never under CI (`CI` set and not
 * `false`/`0`), a `dumb` terminal or --quiet.
 */
export function progressEnabled(t: ProgressTarget): boolean {
  if (t.quiet || !t.stream?.isTTY) return false;
  const ci = t.env.CI;
  if (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') return false;
  return t.env.TERM !== 'dumb';
}

/** A spinner with `label done/total` on the target, or a progress that prints nothing; ora loads only when it shows. */
export async function createProgress(t: ProgressTarget): Promise<Progress> {
  if (!progressEnabled(t) || !t.stream) return SILENT;
  const { default: ora } = await import('ora');
  const noColor = (t.env.NO_COLOR ?? '') !== '';
  const spinner = ora({ stream: t.stream, isEnabled: true, discardStdin: false, ...(noColor ? { color: false } : {}) });
  let label = '';
  let done = 0;
  let total: number | undefined;
  let next: string | undefined;
  const text = () =>
    `${label}${total !== undefined ? ` ${done}/${total}` : done ? ` ${done}` : ''}${next ? ` (${next})` : ''}`;
  return {
    start(l, tot) {
      label = l;
      total = tot;
      done = 0;
      next = undefined;
      spinner.start(text());
    },
    tick(n = 1, upcoming) {
      done += n;
      next = upcoming;
      spinner.text = text();
      // Work between ticks is often synchronous (a synth), so draw now rather than on the spinner's timer.
      spinner.render();
    },
    stop() {
      spinner.stop();
    },
  };
}

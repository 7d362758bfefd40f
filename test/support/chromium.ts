import { existsSync } from 'node:fs';

/** Debian's Chromium, or the one CHROMIUM_PATH names; undefined when neither exists (browser tests then skip). */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
}

export const NO_CHROMIUM =
  'skipped: no Chromium found (CHROMIUM_PATH, /usr/bin/chromium); install it with `apt-get install -y chromium` or set CHROMIUM_PATH';

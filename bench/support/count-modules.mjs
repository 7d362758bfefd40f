// Module resolve hook for bench/cli-startup.ts: appends every module URL a run resolves to $SLIPWAY_MODULE_LOG.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const file = process.env.SLIPWAY_MODULE_LOG;
  if (file) appendFileSync(file, `${result.url}\n`);
  return result;
}

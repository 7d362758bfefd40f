// Module resolve hook: appends every resolved module URL to $SLIPWAY_IMPORT_TRACE (node_modules, our own, builtins).
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const file = process.env.SLIPWAY_IMPORT_TRACE;
  if (file) appendFileSync(file, `${result.url}\n`);
  return result;
}

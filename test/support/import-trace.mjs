// Module resolve hook: appends every resolved node_modules URL to $SLIPWAY_IMPORT_TRACE.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const file = process.env.SLIPWAY_IMPORT_TRACE;
  if (file && result.url.includes('/node_modules/')) appendFileSync(file, `${result.url}\n`);
  return result;
}

// Runs one CLI entry module directly, without bin/launch.js choosing it: node run-cli-entry.mjs <entry.js> [args…]
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main([process.argv[0], 'slipway', ...args]);

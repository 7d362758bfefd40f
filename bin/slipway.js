#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// `slipway … | head` closes the pipe early: stop quietly instead of crashing.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`slipway: unexpected error: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);

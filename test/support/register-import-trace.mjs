import { register } from 'node:module';

register('./import-trace.mjs', import.meta.url);

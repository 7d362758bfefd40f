import { register } from 'node:module';

register('./count-modules.mjs', import.meta.url);

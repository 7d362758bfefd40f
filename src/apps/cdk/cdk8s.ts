import { createRequire } from 'node:module';
import type * as T from 'cdk8s';

export type * from 'cdk8s';

// cdk8s loaded with require(): imported as an ES module, Node would read every export of it (and of the
// modules its index re-exports) before running it. Only the classes named below are used.
const require = createRequire(import.meta.url);
const m: typeof T = require('cdk8s');

export const ApiObject = m.ApiObject;
export type ApiObject = T.ApiObject;
export const App = m.App;
export type App = T.App;
export const Chart = m.Chart;
export type Chart = T.Chart;

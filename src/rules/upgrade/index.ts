import type { Rule } from '../types.js';
import deprecatedApis from './deprecated-apis.js';

/** The upgrade rules: one per file in this folder. */
export const rules: readonly Rule[] = [deprecatedApis];

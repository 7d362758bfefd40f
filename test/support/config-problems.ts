import { expect } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { parseConfig } from '../../src/config/load.js';

/** The problems a config text is refused for (fails the test when it loads). */
export function configProblems(text: string) {
  try {
    parseConfig(text, 'cfg.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

import { describe, expect, it } from 'vitest';
import { normalizeRepoURL, parseRepoURL, placeholderReason } from '../../src/util/repo-url.js';

describe('repository URLs', () => {
  it('converts between the scp-like ssh form and https', () => {
    expect(normalizeRepoURL('git@github.com:o/r.git', 'https')).toBe('https://github.com/o/r.git');
    expect(normalizeRepoURL('https://github.com/o/r.git', 'ssh')).toBe('git@github.com:o/r.git');
    expect(normalizeRepoURL('ssh://git@gitlab.internal:2222/o/r.git')).toBe('ssh://git@gitlab.internal:2222/o/r.git');
  });

  it('strips credentials from https URLs and keeps the form as written without a transport', () => {
    expect(normalizeRepoURL('https://bot:token@github.com/o/r.git')).toBe('https://github.com/o/r.git');
    expect(normalizeRepoURL('git@github.com:o/r.git')).toBe('git@github.com:o/r.git');
  });

  it('refuses what a controller cannot clone', () => {
    expect(parseRepoURL('/srv/git/r.git')).toBeUndefined();
    expect(parseRepoURL('file:///srv/git/r.git')).toBeUndefined();
    expect(parseRepoURL('deploy')).toBeUndefined();
  });

  it('names placeholders and reserved example domains', () => {
    expect(placeholderReason('https://git.example.com/REPLACE-ME/deploy.git')).toMatch(/placeholder/);
    expect(placeholderReason('git@git.example.org:o/r.git')).toMatch(/reserved/);
    expect(placeholderReason('https://repo.test/o/r.git')).toMatch(/reserved/);
    expect(placeholderReason('https://github.com/acme/shop.git')).toBeUndefined();
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findGitRepository, parseGitConfig, remoteURL } from '../../src/util/git-repository.js';

const root = mkdtempSync(join(tmpdir(), 'slipway-git-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('finding the Git repository of a folder', () => {
  it('walks up to a .git folder and reads origin from a hand-written config', () => {
    const repo = join(root, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(
      join(repo, '.git', 'config'),
      '[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/up/r.git\n[remote "origin"]\n\turl = git@github.com:me/r.git ; mine\n',
    );
    const found = findGitRepository(join(repo, 'deploy', 'rendered', 'prod', 'apps'));
    expect(found?.root).toBe(repo);
    expect(found && remoteURL(found)).toBe('git@github.com:me/r.git');
  });

  it('follows a .git file with gitdir: and the commondir of a linked worktree', () => {
    const common = join(root, 'main', '.git');
    mkdirSync(join(common, 'worktrees', 'wt'), { recursive: true });
    writeFileSync(join(common, 'config'), '[remote "origin"]\n  url = https://github.com/o/r.git\n');
    writeFileSync(join(common, 'worktrees', 'wt', 'commondir'), '../..\n');
    const wt = join(root, 'wt');
    mkdirSync(wt);
    writeFileSync(join(wt, '.git'), `gitdir: ${join(common, 'worktrees', 'wt')}\n`);
    const found = findGitRepository(wt);
    expect(found).toMatchObject({ root: wt, commonDir: common });
    expect(found && remoteURL(found)).toBe('https://github.com/o/r.git');
  });

  it('finds nothing outside a repository', () => {
    const outside = mkdtempSync(join(tmpdir(), 'slipway-nogit-'));
    try {
      expect(findGitRepository(outside)).toBeUndefined();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('parses sections with subsections and quoted values', () => {
    const cfg = parseGitConfig('[Remote "origin"]\n\tURL = "https://h/o/r.git"\n[branch.main]\nremote = origin\n');
    expect(cfg.get('remote.origin.url')).toBe('https://h/o/r.git');
    expect(cfg.get('branch.main.remote')).toBe('origin');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

function hasShell(shell: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
}

/** Runs the bash completion function as bash would on TAB and returns the candidates. */
function bashComplete(script: string, typed: string[]): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'slipway-completion-')), 'slipway.bash');
  writeFileSync(file, script);
  const words = typed.map((w) => `'${w}'`).join(' ');
  const r = spawnSync(
    'bash',
    [
      '-c',
      `source "${file}"; COMP_WORDS=(${words}); COMP_CWORD=${typed.length - 1}; _slipway_completion; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('slipway completion', () => {
  it('completes commands, subcommands and options in bash from the command tree', async () => {
    const r = await runCli(['completion', 'bash']);
    expect(r.code).toBe(0);
    expect(bashComplete(r.stdout, ['slipway', 'ver'])).toEqual(['verify', 'verifier-access']);
    expect(bashComplete(r.stdout, ['slipway', 'config', ''])).toEqual(
      expect.arrayContaining(['diff', 'show', 'schema']),
    );
    expect(bashComplete(r.stdout, ['slipway', '--verbose', 'verify', '--fail'])).toEqual(['--fail-on']);
    expect(bashComplete(r.stdout, ['slipway', 'completion', ''])).not.toContain('verify');
  });

  it('prints zsh and fish scripts that name every top-level command', async () => {
    for (const shell of ['zsh', 'fish']) {
      const r = await runCli(['completion', shell]);
      expect(r.code).toBe(0);
      for (const cmd of ['init', 'config', 'synth', 'verify', 'rules', 'completion']) expect(r.stdout).toContain(cmd);
      if (hasShell(shell)) {
        const file = join(mkdtempSync(join(tmpdir(), 'slipway-completion-')), `slipway.${shell}`);
        writeFileSync(file, r.stdout);
        expect(spawnSync(shell, ['-n', file], { encoding: 'utf8' }).stderr).toBe('');
      }
    }
    expect((await runCli(['completion', 'zsh'])).stdout.startsWith('#compdef slipway')).toBe(true);
  });

  it('refuses a shell it has no script for, naming the ones it has', async () => {
    const r = await runCli(['completion', 'powershell']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('shell "powershell" is not supported; use one of: bash, zsh, fish');
  });
});

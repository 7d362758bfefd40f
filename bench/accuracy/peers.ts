/**
 * What the peer readers share: the mapping (bench/accuracy/mapping.json), reading
 * a peer's git directory, and the row each peer check adds to the table.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Reported } from './slipway-run.js';

export interface Mapped {
  readonly rules: readonly string[];
  readonly meaning: 'same' | 'different';
  readonly why?: string;
  /** When one Slipway rule judges several things: the findings (by message) that answer this peer check. */
  readonly match?: string;
  /** Slipway reports on one kind where the peer reports on another (e.g. the Role a RoleBinding uses). */
  readonly reportedAs?: Readonly<Record<string, string>>;
  /**
   * Fixtures of a "same" check that test something else: a semantics Slipway
   * rejects on purpose (file base name → why). They are counted in a row of
   * different meaning beside the check's own, never dropped.
   */
  readonly differentCases?: Readonly<Record<string, string>>;
}
export type PeerKey = 'polaris' | 'kubeScore' | 'kubeLinter';
export type Mapping = Record<PeerKey, Record<string, Mapped>>;

export const ROOT = resolve(import.meta.dirname, '../..');

export function loadMapping(): Mapping {
  const raw = JSON.parse(readFileSync(join(ROOT, 'bench/accuracy/mapping.json'), 'utf8')) as Mapping & {
    $comment?: string;
  };
  return { polaris: raw.polaris, kubeScore: raw.kubeScore, kubeLinter: raw.kubeLinter };
}

/** Runs git on a bare git directory (the peers' repositories, read only). */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function showFile(dir: string, path: string): string {
  return git(dir, 'show', `HEAD:${path}`);
}

export function listFiles(dir: string, under: string): string[] {
  const out = git(dir, 'ls-tree', '-r', '--name-only', 'HEAD', under).trim();
  return out ? out.split('\n') : [];
}

export function headCommit(dir: string): string {
  return git(dir, 'log', '-1', '--format=%H %cs').trim();
}

/** The reports that answer a peer check: those its `match` selects, under the kind the peer reports on. */
export function answering(reports: readonly Reported[], m: Mapped): Reported[] {
  const match = m.match ? new RegExp(m.match) : undefined;
  return reports
    .filter((r) => !match || match.test(r.message))
    .map((r) => (m.reportedAs?.[r.kind] ? { ...r, kind: m.reportedAs[r.kind] } : r));
}

/** One peer check: how many of its cases Slipway agrees on, and where it does not. */
export interface Row {
  readonly peer: string;
  readonly check: string;
  readonly meaning: 'same' | 'different';
  readonly why?: string;
  cases: number;
  agree: number;
  skipped: number;
  readonly divergent: string[];
  readonly skips: string[];
}

export function newRow(peer: string, check: string, m: Mapped): Row {
  return { peer, check, meaning: m.meaning, why: m.why, cases: 0, agree: 0, skipped: 0, divergent: [], skips: [] };
}

/** Kinds that carry a pod template (or are a pod): what "Controller", "PodSpec" and "Container" checks judge. */
export const WORKLOAD_KINDS = new Set([
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
]);

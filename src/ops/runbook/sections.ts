import type { Fact } from '../facts.js';
import type { RunbookFacts, RunbookPart } from './facts.js';

const LACKS: Readonly<Record<RunbookPart, string>> = {
  apps: 'workloads in the config that are not running in the cluster',
  secrets: 'ExternalSecrets in the config that the cluster does not have',
  logGroups: 'log groups in the config that the account does not have',
  nodeGroups: 'node groups in the config that no node carries',
  alarms: 'alarms in the config that the account does not have',
  volumes: 'claims in the config that the cluster does not have',
};

/**
 * The lines of one part of a page: `body` of the value when it was read, else
 * that it was not read and why (nothing is listed rather than guessed); then
 * what the config names that the cluster or account lacks.
 */
export function partLines<T>(
  f: RunbookFacts,
  part: RunbookPart,
  fact: Fact<T>,
  body: (value: T) => readonly string[],
): string[] {
  const lines =
    fact.state === 'read'
      ? [...body(fact.value)]
      : [`**Not read**: ${fact.reason}. Nothing is listed here rather than guessed.`];
  const missing = f.configOnly?.[part] ?? [];
  if (missing.length) lines.push('', `**Not found live**, ${LACKS[part]}: ${missing.join(', ')}.`);
  return lines;
}

/** Kinds the cluster refused, one line each, for the pages built from them. */
export function unreadLines(f: RunbookFacts, kinds: readonly string[]): string[] {
  const refused = kinds.filter((k) => f.unread?.[k]);
  return refused.length
    ? ['', ...refused.map((k) => `**Not read**: ${k} (${f.unread?.[k]}); none of them is listed.`)]
    : [];
}

/** Where a rule is described: its heading's anchor in docs/rules.md (GitHub's heading slug of the id). */
export const RULES_DOCS_URL = 'https://github.com/slipway-dev/slipway/blob/main/docs/rules.md';

export function ruleDocsAnchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

export function ruleDocsUrl(id: string): string {
  return `${RULES_DOCS_URL}#${ruleDocsAnchor(id)}`;
}

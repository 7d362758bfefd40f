import type { VerifyReport } from '../../rules/engine/types.js';
import { esc } from './escape.js';
import { type PageSection, renderPage, type SelectFilter } from './layout.js';
import { STATUS_STYLE } from './palette.js';
import {
  checklistTable,
  findingsBlock,
  fleetTable,
  setAsideTable,
  summaryBlock,
  waiverTable,
} from './verify-sections.js';
import { buildHtmlView, type EnvironmentView, type HtmlReportView, type HtmlViewOptions } from './verify-view.js';

export type HtmlReportOptions = HtmlViewOptions;

/**
 * Verify's report as one self-contained HTML page: the score and a chart per
 * checklist category, the checklist with each item's verdict, the findings by
 * category and object with their location, fix and rule docs, and what was
 * waived or suppressed and why. A fleet (several environments or clusters)
 * gets one row per cluster and a filter by cluster or environment.
 */
export function renderHtmlReport(reports: readonly VerifyReport[], opts: HtmlReportOptions): string {
  return renderHtmlView(buildHtmlView(reports, opts));
}

export function renderHtmlView(view: HtmlReportView): string {
  const many = view.environments.length > 1;
  const showCluster = view.clusters.length > 0;
  const sections: PageSection[] = [];
  if (many) sections.push({ id: 'fleet', heading: 'Fleet', body: fleetTable(view) });
  const per = (render: (e: EnvironmentView, level: number) => string) =>
    view.environments
      .map((e) =>
        many
          ? `<div data-group data-f-env="${esc(e.environment)}"><h3>${esc(e.environment)}</h3>\n${render(e, 4)}</div>`
          : render(e, 3),
      )
      .join('\n');
  sections.push(
    {
      id: 'summary',
      heading: 'Summary',
      body: view.environments
        .map(
          (e) =>
            `<div id="${esc(e.anchor)}">${many ? `<h3>${esc(e.environment)}</h3>` : ''}${summaryBlock(e, many ? 4 : 3)}</div>`,
        )
        .join('\n'),
    },
    { id: 'checklist', heading: 'Checklist', body: per((e) => checklistTable(e)) },
    { id: 'findings', heading: 'Findings', body: per((e, level) => findingsBlock(e, level, showCluster)) },
    { id: 'set-aside', heading: 'Waived and suppressed', body: per((e) => setAsideTable(e, showCluster)) },
    { id: 'waivers', heading: 'Waivers in effect', body: per((e) => waiverTable(e)) },
  );
  const selects: SelectFilter[] = [
    { field: 'category', label: 'Category', options: view.categories.map((c) => ({ value: c, label: c })) },
    {
      field: 'status',
      label: 'Status',
      options: (['fail', 'warn', 'unknown'] as const).map((s) => ({ value: s, label: STATUS_STYLE[s].label })),
    },
  ];
  if (showCluster)
    selects.push({ field: 'cluster', label: 'Cluster', options: view.clusters.map((c) => ({ value: c, label: c })) });
  if (many)
    selects.push({
      field: 'env',
      label: 'Environment',
      options: view.environments.map((e) => ({ value: e.environment, label: e.environment })),
    });
  const total = view.environments.reduce((s, e) => s + e.findings.total, 0);
  const failing = view.environments.filter((e) => e.result === 'fail').map((e) => e.environment);
  const unread = view.environments.filter((e) => e.result === 'error').map((e) => e.environment);
  const fleet = view.environments.some((e) => e.context !== undefined);
  const counted = `${view.environments.length} ${fleet ? 'cluster' : 'environment'}${many ? 's' : ''}`;
  const lead = `<p class="lead">${counted}, ${total} finding${total === 1 ? '' : 's'} that count; ${
    failing.length ? `<strong>failing: ${esc(failing.join(', '))}</strong>` : 'none failing'
  }${unread.length ? `; <strong>could not be read: ${esc(unread.join(', '))}</strong>` : ''}.</p>`;
  return renderPage({
    title: view.title,
    lead,
    filters: total ? { selects, textLabel: 'Text (object, rule, message)' } : undefined,
    sections,
    footer: `Written by slipway ${view.toolVersion}${view.generatedAt ? ` on ${view.generatedAt}` : ''}. Rule docs: docs/rules.md.`,
  });
}

import { STATUS_LABEL } from '../describe.js';
import { describeTally, scoreRing, stackedBar } from './charts.js';
import { attr, esc, slug } from './escape.js';
import { STATUS_STYLE, type StatusKey } from './palette.js';
import {
  type CategoryFindings,
  type EnvironmentView,
  type FindingRow,
  type HtmlReportView,
  type RuleFindings,
  SEVERITY_RANK,
} from './verify-view.js';

const STATUS_SORT: Readonly<Record<StatusKey, number>> = {
  error: -1,
  fail: 0,
  unknown: 1,
  warn: 2,
  pass: 3,
  skip: 4,
};

/** `<span class="badge st-fail">✗ FAIL</span>`: the status in words and a symbol, the colour only on top. */
export function badge(status: StatusKey): string {
  const s = STATUS_STYLE[status];
  return `<span class="badge st-${status}">${s.symbol} ${status === 'skip' ? s.label : STATUS_LABEL[status]}</span>`;
}

function statusCell(status: StatusKey): string {
  return `<td data-k="${STATUS_SORT[status]}">${badge(status)}</td>`;
}

function docsLink(ruleId: string, docs: string): string {
  return `<a href="${esc(docs)}"><code>${esc(ruleId)}</code></a>`;
}

/** A heading of the given level (2–6) with an id. */
function heading(level: number, id: string, text: string): string {
  const h = Math.min(6, level);
  return `<h${h} id="${esc(id)}">${esc(text)}</h${h}>`;
}

/** The fleet: one row per environment or cluster, with its result, score and counts. */
export function fleetTable(view: HtmlReportView): string {
  const rows = view.fleet.map(
    (f) =>
      `<tr><th scope="row"><a href="#${esc(f.anchor)}">${esc(f.environment)}</a></th><td>${esc(f.cluster)}</td><td>${esc(f.mode)}</td>` +
      `${statusCell(f.result)}<td class="num">${f.score ?? '—'}</td><td class="num">${f.counts.fail ?? 0}</td><td class="num">${f.counts.warn ?? 0}</td><td class="num">${f.counts.unknown ?? 0}</td></tr>`,
  );
  return [
    '<table data-sortable><caption>One row per environment and cluster</caption>',
    '<thead><tr><th scope="col" data-sort>Environment</th><th scope="col" data-sort>Cluster</th><th scope="col" data-sort>Source</th><th scope="col" data-sort>Result</th><th scope="col" class="num" data-sort>Score</th><th scope="col" class="num" data-sort>Failures</th><th scope="col" class="num" data-sort>Warnings</th><th scope="col" class="num" data-sort>Unknown</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

/** Score, result, what the run fails on, and one chart per checklist category; a cluster that could not be read says why. */
export function summaryBlock(e: EnvironmentView, level: number): string {
  if (e.error !== undefined) {
    return [
      `<p>Result: ${badge('error')}: context <code>${esc(e.context ?? '')}</code>, cluster <code>${esc(e.cluster)}</code> could not be read.</p>`,
      `<p role="alert"><strong>Error:</strong> ${esc(e.error)}</p>`,
    ].join('\n');
  }
  const cards = e.charts.map(
    (c) =>
      `<div class="card"><h${level}>${esc(c.category)}</h${level}>${stackedBar(c.items, { title: `${c.category} checklist items` })}` +
      `<p>${esc(describeTally(c.items))} (items)</p><p>Score: <strong>${c.score ?? '—'}</strong></p></div>`,
  );
  const facts = [
    `Result: ${badge(e.result)} (the run fails on ${esc(e.failOn)})`,
    `Preset <strong>${esc(e.preset)}</strong>, ${e.context !== undefined ? `context <code>${esc(e.context)}</code>, ` : ''}cluster <code>${esc(e.cluster)}</code>, source ${esc(e.mode)}, thresholds ${esc(e.thresholds)}`,
    `Checklist items: ${esc(e.coverage)}`,
    `Results that count: ${esc(describeTally(e.counts))}`,
  ];
  const out = [
    `<div class="cards"><div class="card">${scoreRing(e.score, { title: `${e.environment} score` })}<p class="muted">Score out of 100</p></div>`,
    `<div class="card" style="grid-column:span 2"><ul>${facts.map((f) => `<li>${f}</li>`).join('')}</ul></div></div>`,
  ];
  if (e.nothingToVerify) out.push(`<p><strong>Nothing to verify:</strong> ${esc(e.nothingToVerify)}.</p>`);
  out.push(`<div class="cards">${cards.join('\n')}</div>`);
  if (e.notes.length)
    out.push(
      `<details><summary>Notes (${e.notes.length})</summary><ul>${e.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></details>`,
    );
  return out.join('\n');
}

/** The seed's checklist: each item's verdict, how it was verified, and the rules that ran for it. */
export function checklistTable(e: EnvironmentView): string {
  const rows = e.checklist.map(
    (c) =>
      `<tr><td>${esc(c.category)}</td><th scope="row">${esc(c.item)}</th>${statusCell(c.status)}` +
      `<td>${esc(c.howVerified)}${c.note ? `<br><span class="muted">${esc(c.note)}</span>` : ''}</td>` +
      `<td>${c.rules.map((r) => `<code>${esc(r)}</code>`).join(' ')}</td></tr>`,
  );
  return [
    `<table data-sortable><caption>Checklist of ${esc(e.environment)}</caption>`,
    '<thead><tr><th scope="col" data-sort>Category</th><th scope="col" data-sort>Item</th><th scope="col" data-sort>Verdict</th><th scope="col">How verified</th><th scope="col">Rules</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

/** Findings by category, then by object (or, past the detail limit, by rule with the objects listed). */
export function findingsBlock(e: EnvironmentView, level: number, showCluster: boolean): string {
  if (!e.findings.total) return '<p>No findings.</p>';
  const out: string[] = [];
  if (e.findings.collapsed)
    out.push(
      `<p>${e.findings.total} findings: too many to list one by one, so they are grouped per rule with the objects each was found on. <code>-o json</code> has every message.</p>`,
    );
  for (const c of e.findings.categories) {
    const id = `${e.anchor}-cat-${slug(c.category)}`;
    out.push(
      `<div data-group${attr('data-f-category', c.category)}>${heading(level, id, `${c.category} (${describeTally(c.counts)})`)}`,
      e.findings.collapsed ? ruleList(c, level + 1, showCluster) : objectTable(c, showCluster),
      '</div>',
    );
  }
  return out.join('\n');
}

function objectTable(c: CategoryFindings, showCluster: boolean): string {
  const cols = ['Status', 'Severity', 'Rule', 'Location', ...(showCluster ? ['Cluster'] : []), 'Message', 'Fix'];
  const head = cols
    .map((h) => `<th scope="col"${h === 'Message' || h === 'Fix' ? '' : ' data-sort'}>${h}</th>`)
    .join('');
  const bodies = c.objects.map((o) => {
    const rows = o.rows.map((r) => findingTr(r, showCluster));
    return `<tbody data-group data-rows><tr data-head><th scope="rowgroup" colspan="${cols.length}">${esc(o.subject)}</th></tr>\n${rows.join('\n')}</tbody>`;
  });
  return [
    `<table data-sortable><caption>${esc(c.category)} findings by object</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    ...bodies,
    '</table>',
  ].join('\n');
}

function findingTr(r: FindingRow, showCluster: boolean): string {
  return (
    `<tr${attr('data-f-status', r.status)}${attr('data-f-cluster', r.cluster)}>${statusCell(r.status)}` +
    `<td data-k="${SEVERITY_RANK[r.severity]}">${esc(r.severity)}</td><td>${docsLink(r.ruleId, r.docs)}</td>` +
    `<td class="mono">${esc(r.location || '—')}</td>${showCluster ? `<td>${esc(r.cluster ?? '')}</td>` : ''}` +
    `<td>${esc(r.message)}</td><td>${esc(r.fix)}</td></tr>`
  );
}

function ruleList(c: CategoryFindings, level: number, showCluster: boolean): string {
  return c.rules.map((r) => ruleEntry(r, level, showCluster)).join('\n');
}

function ruleEntry(r: RuleFindings, level: number, showCluster: boolean): string {
  const items = r.objects.map(
    (o) =>
      `<li${attr('data-f-cluster', o.cluster)}>${esc(o.subject)}${o.location ? ` <span class="mono">${esc(o.location)}</span>` : ''}${showCluster && o.cluster ? ` (${esc(o.cluster)})` : ''}</li>`,
  );
  const h = Math.min(6, level);
  return [
    `<div data-group${attr('data-f-status', r.status)}>`,
    `<h${h}>${badge(r.status)} ${esc(r.ruleTitle)} (${docsLink(r.ruleId, r.docs)}, ${esc(r.severity)}): ${r.count} objects</h${h}>`,
    `<p>Example: ${esc(r.example)}</p><p>Fix: ${esc(r.fix)}</p>`,
    `<details><summary>${r.count > r.objects.length ? `The first ${r.objects.length} of ${r.count} objects (<code>-o json</code> lists every one)` : `Objects (${r.count})`}</summary><ul class="objects" data-rows>${items.join('')}</ul></details>`,
    '</div>',
  ].join('\n');
}

/** Findings set aside by a suppression annotation, a config exemption or a waiver, with the reason and the expiry. */
export function setAsideTable(e: EnvironmentView, showCluster: boolean): string {
  if (!e.setAside.length) return '<p>Nothing waived or suppressed.</p>';
  const rows = e.setAside.map(
    (s) =>
      `<tr><td>${docsLink(s.ruleId, s.docs)}</td><th scope="row">${esc(s.subject)}</th><td class="mono">${esc(s.location || '—')}</td>` +
      `${showCluster ? `<td>${esc(s.cluster ?? '')}</td>` : ''}${statusCell(s.status)}<td>${esc(s.label)} by ${esc(s.by)} <code>${esc(s.key)}</code></td>` +
      `<td>${esc(s.reason)}</td><td>${esc(s.expires ?? 'no expiry')}</td></tr>`,
  );
  return [
    `<table data-sortable><caption>Waived and suppressed findings of ${esc(e.environment)}</caption>`,
    `<thead><tr><th scope="col" data-sort>Rule</th><th scope="col" data-sort>Object</th><th scope="col">Location</th>${showCluster ? '<th scope="col" data-sort>Cluster</th>' : ''}<th scope="col" data-sort>Status</th><th scope="col">By</th><th scope="col">Reason</th><th scope="col" data-sort>Expires</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

/** Every waiver, exemption and suppression annotation in effect, and how many findings each set aside. */
export function waiverTable(e: EnvironmentView): string {
  if (!e.waivers.length) return '<p>No waivers, exemptions or suppression annotations.</p>';
  const rows = e.waivers.map(
    (w) =>
      `<tr><td>${esc(w.by)}</td><th scope="row"><code>${esc(w.key)}</code></th><td><code>${esc(w.covers)}</code></td><td>${esc(w.reason)}</td>` +
      `<td>${esc(w.expires ?? 'no expiry')}${w.expired ? ' <strong>(expired)</strong>' : ''}</td><td class="num">${w.findings}</td></tr>`,
  );
  return [
    `<table data-sortable><caption>Waivers, exemptions and suppressions of ${esc(e.environment)}</caption>`,
    '<thead><tr><th scope="col" data-sort>By</th><th scope="col" data-sort>Key</th><th scope="col" data-sort>Covers</th><th scope="col">Reason</th><th scope="col" data-sort>Expires</th><th scope="col" class="num" data-sort>Findings set aside</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

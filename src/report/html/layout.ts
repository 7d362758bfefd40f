import { attr, esc } from './escape.js';
import { PAGE_SCRIPT } from './page-script.js';
import { STYLES } from './styles.js';

/** One part of a page: its id (the link target), its heading, and its body (HTML, already escaped). */
export interface PageSection {
  readonly id: string;
  readonly heading: string;
  readonly body: string;
}

/** A select filter over the rows' `data-f-<field>` values. */
export interface SelectFilter {
  readonly field: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

export interface PageInput {
  /** The document title and the page's h1. */
  readonly title: string;
  /** HTML under the title (already escaped). */
  readonly lead?: string;
  readonly filters?: { readonly selects: readonly SelectFilter[]; readonly textLabel: string };
  readonly sections: readonly PageSection[];
  /** Plain text at the foot of the page. */
  readonly footer?: string;
}

/**
 * A self-contained HTML page: inline styles and script, no external
 * resources (the content security policy forbids fetching any), headings and
 * a contents list; readable without the script, which only adds filtering and
 * sorting. Generic over its content: verify's report is one user, status and
 * cost pages can be others.
 */
export function renderPage(p: PageInput): string {
  const nav = p.sections.map((s) => `<li><a href="#${esc(s.id)}">${esc(s.heading)}</a></li>`).join('');
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(p.title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#content">Skip to the report</a>',
    '<main id="content">',
    `<h1>${esc(p.title)}</h1>`,
    p.lead ?? '',
    `<nav aria-label="Contents"><ul>${nav}</ul></nav>`,
    p.filters ? filterForm(p.filters) : '',
    ...p.sections.map(
      (s) =>
        `<section id="${esc(s.id)}" aria-labelledby="${esc(s.id)}-h"><h2 id="${esc(s.id)}-h">${esc(s.heading)}</h2>\n${s.body}\n</section>`,
    ),
    p.footer ? `<footer><p class="muted">${esc(p.footer)}</p></footer>` : '',
    '</main>',
    `<script>${PAGE_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ];
  return out.filter((l) => l !== '').join('\n');
}

function filterForm(f: NonNullable<PageInput['filters']>): string {
  const selects = f.selects
    .map((s) => {
      const id = `filter-${s.field}`;
      const options = [
        `<option value="">All</option>`,
        ...s.options.map((o) => `<option${attr('value', o.value)}>${esc(o.label)}</option>`),
      ];
      return `<label for="${esc(id)}">${esc(s.label)}<select id="${esc(id)}" data-filter="${esc(s.field)}">${options.join('')}</select></label>`;
    })
    .join('');
  return [
    '<form class="filters" data-filters hidden role="search" aria-label="Filter findings">',
    selects,
    `<label for="filter-text">${esc(f.textLabel)}<input id="filter-text" type="search" data-filter="text" autocomplete="off"></label>`,
    '<button type="reset">Clear</button>',
    '<output id="filter-count" aria-live="polite"></output>',
    '</form>',
  ].join('');
}

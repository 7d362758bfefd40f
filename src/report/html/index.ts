export { type PageInput, type PageSection, renderPage, type SelectFilter } from './layout.js';
export { type HtmlReportOptions, renderHtmlReport, renderHtmlView } from './verify-page.js';
export { buildHtmlView, DEFAULT_HTML_DETAIL_LIMIT, type HtmlReportView } from './verify-view.js';

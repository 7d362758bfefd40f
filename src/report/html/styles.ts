import { PAGE, STATUS_STYLE, type StatusKey } from './palette.js';

const badgeRules = (Object.keys(STATUS_STYLE) as StatusKey[])
  .map((k) => `.st-${k}{background:${STATUS_STYLE[k].background};color:${STATUS_STYLE[k].foreground}}`)
  .join('\n');

/** The page's one stylesheet: screen layout, status badges, tables, and a print layout. */
export const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:${PAGE.text};background:${PAGE.background}}
main{max-width:1200px;margin:0 auto;padding:1rem 1.25rem 3rem}
a{color:${PAGE.link}}
a:focus,button:focus,input:focus,select:focus,summary:focus{outline:3px solid ${PAGE.link};outline-offset:2px}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:2px solid ${PAGE.rule};padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.5rem 0 .4rem}
h4{font-size:1rem;margin:1rem 0 .3rem}
.muted{color:${PAGE.muted}}
.lead{margin:.25rem 0 1rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid ${PAGE.rule};padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th{background:#eef1f4}
tbody th[scope=rowgroup]{background:#f6f7f9;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;overflow-wrap:anywhere}
.badge{display:inline-block;min-width:5.2em;padding:.05rem .4rem;border-radius:.25rem;font-weight:700;font-size:.8rem;white-space:nowrap}
${badgeRules}
.score{font-size:2.4rem;font-weight:700}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:.75rem;margin:.5rem 0}
.card{border:1px solid ${PAGE.rule};border-radius:.4rem;padding:.5rem .7rem}
.card h3{margin:.1rem 0 .3rem;font-size:1rem}
.card p{margin:.2rem 0;font-size:.85rem}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;padding:.6rem;border:1px solid ${PAGE.rule};border-radius:.4rem;background:#f6f7f9;margin:1rem 0}
.filters label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600}
.filters input,.filters select{font:inherit;padding:.2rem .3rem;min-width:10rem}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-decoration:underline dotted}
details>summary{cursor:pointer}
ul.objects{margin:.3rem 0 .6rem;padding-left:1.2rem;columns:2 28rem;font-size:.85rem}
[hidden]{display:none!important}
@media print{
  body{font-size:10.5pt}
  main{max-width:none;padding:0}
  .filters,.skip,nav,th button{display:none!important}
  a{color:inherit;text-decoration:none}
  h2,h3,h4{break-after:avoid}
  tr,.card,svg{break-inside:avoid}
  thead{display:table-header-group}
  .badge{border:1px solid #000}
}
`;

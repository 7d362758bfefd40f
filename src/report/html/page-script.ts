/**
 * The page's only script: filtering and sorting, added on top of a page that
 * reads completely without it. It takes no data from the report (so nothing
 * in it needs escaping) and reads the markup's conventions:
 *
 * - `form[data-filters]` (hidden until this script shows it) holds inputs and
 *   selects with `data-filter="<field>"`; the field `text` matches a row's text.
 * - Rows are the children of `[data-rows]` except `[data-head]`; a row's value
 *   of a field is the `data-f-<field>` of the row or its nearest ancestor.
 * - `[data-group]` elements are hidden when none of their rows is shown; a group
 *   without rows (a checklist of one environment) when its own `data-f-<field>`
 *   differs from the one selected.
 * - `table[data-sortable]`: header cells with `data-sort` get a sort button;
 *   rows sort within each tbody by that column (`data-k` of a cell, else its text).
 */
export const PAGE_SCRIPT = `(function(){
'use strict';
var form=document.querySelector('form[data-filters]');
var rows=Array.prototype.slice.call(document.querySelectorAll('[data-rows]>:not([data-head])'));
var groups=Array.prototype.slice.call(document.querySelectorAll('[data-group]'));
var texts=null;
function value(row,f){var el=row.closest('[data-f-'+f+']');return el?el.getAttribute('data-f-'+f):'';}
function apply(){
  var inputs=form.querySelectorAll('[data-filter]');var want=[];var text='';
  for(var i=0;i<inputs.length;i++){var f=inputs[i].getAttribute('data-filter');var v=inputs[i].value.trim();
    if(!v)continue;if(f==='text')text=v.toLowerCase();else want.push([f,v]);}
  if(text&&!texts)texts=rows.map(function(r){return r.textContent.toLowerCase();});
  var shown=0;
  rows.forEach(function(r,i){var ok=true;
    for(var j=0;j<want.length&&ok;j++)ok=value(r,want[j][0])===want[j][1];
    if(ok&&text)ok=texts[i].indexOf(text)!==-1;
    r.hidden=!ok;if(ok)shown++;});
  groups.forEach(function(g){
    var own=g.hasAttribute('data-rows');
    if(own||g.querySelector('[data-rows]')){g.hidden=!((own&&g.querySelector(':scope>:not([data-head]):not([hidden])'))||g.querySelector('[data-rows]>:not([data-head]):not([hidden])'));return;}
    g.hidden=want.some(function(w){var v=g.getAttribute('data-f-'+w[0]);return v!==null&&v!==w[1];});});
  var out=document.getElementById('filter-count');
  if(out)out.textContent=shown+' of '+rows.length+' findings shown';
}
if(form){form.hidden=false;form.addEventListener('input',apply);form.addEventListener('change',apply);
  form.addEventListener('submit',function(e){e.preventDefault();apply();});
  form.addEventListener('reset',function(){setTimeout(apply,0);});}
function key(row,i){var c=row.children[i];if(!c)return '';var k=c.getAttribute('data-k');return k!==null?k:c.textContent.trim();}
function cmp(a,b){var x=Number(a),y=Number(b);if(a!==''&&b!==''&&!isNaN(x)&&!isNaN(y))return x-y;return a<b?-1:a>b?1:0;}
Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'),function(table){
  var ths=table.querySelectorAll('thead th[data-sort]');
  Array.prototype.forEach.call(ths,function(th){
    var b=document.createElement('button');b.type='button';b.textContent=th.textContent;
    b.setAttribute('aria-label','Sort by '+th.textContent);th.textContent='';th.appendChild(b);
    b.addEventListener('click',function(){
      var i=Array.prototype.indexOf.call(th.parentNode.children,th);
      var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
      Array.prototype.forEach.call(ths,function(o){o.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',dir===1?'ascending':'descending');
      Array.prototype.forEach.call(table.tBodies,function(tb){
        var rs=Array.prototype.filter.call(tb.rows,function(r){return !r.hasAttribute('data-head');});
        rs.sort(function(p,q){return dir*cmp(key(p,i),key(q,i));});
        rs.forEach(function(r){tb.appendChild(r);});
      });
    });
  });
});
window.addEventListener('beforeprint',function(){Array.prototype.forEach.call(document.querySelectorAll('details'),function(d){d.open=true;});});
})();`;

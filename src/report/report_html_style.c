/*
 * report_html_style.c - style sheet, script and colours of the HTML report
 * (see report_html_style.h). Split into short literals: ISO C only
 * promises string literals of 4095 bytes.
 */
#include "report/report_html_style.h"

#include "common/article.h"
#include "common/util.h"

/* Light colours that keep dark text readable, one per kind; related kinds
 * (encoding damage, repetition, spelling) share a hue family. */
static const char *const kind_colours[FK__COUNT] = {
    [FK_UNICODE] = "#e0e0e0",	    [FK_CONTROL_CHAR] = "#d7ccc8",
    [FK_ENCODING] = "#ff8a80",	    [FK_MOJIBAKE] = "#ff80ab",
    [FK_CONFUSABLE] = "#ea80fc",    [FK_SPACING] = "#b3e5fc",
    [FK_TYPOGRAPHY] = "#e1f5fe",    [FK_GLUED_WORDS] = "#ffd180",
    [FK_CHAR_REPEAT] = "#ff9e80",   [FK_WORD_REPEAT] = "#ffe57f",
    [FK_PHRASE_REPEAT] = "#fff176", [FK_DUPLICATE_LINE] = "#f4ff81",
    [FK_BOILERPLATE] = "#cfd8dc",   [FK_MISSPELLING] = "#ef9a9a",
    [FK_UNKNOWN_NAME] = "#c5e1a5",  [FK_FOREIGN_LANGUAGE] = "#b39ddb",
    [FK_NAME_VARIANT] = "#80deea",  [FK_TRUNCATED] = "#ffcc80",
    [FK_RESIDUE] = "#bcaaa4",
};

static const char *const bin_colours[] = {
    "#c62828", "#d84315", "#ef6c00", "#f9a825", "#fbc02d",
    "#c0ca33", "#9ccc65", "#7cb342", "#558b2f", "#2e7d32",
};

static const char *const css[] = {
    "body{font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,"
    "sans-serif;margin:0 auto;max-width:72em;padding:0 1em 4em;"
    "color:#222;background:#fff}\n",
    "h1{margin:.6em 0 .2em}h2{margin:1.2em 0 .4em}\n",
    "nav{margin:.6em 0}\n",
    "table{border-collapse:collapse;margin:.8em 0;font-size:14px}\n",
    "caption{text-align:left;font-weight:600;padding:.3em 0}\n",
    "th,td{border-bottom:1px solid #ddd;padding:.2em .6em;"
    "text-align:left;vertical-align:top}\n",
    "th{background:#f1f1f1;position:sticky;top:0}\n",
    "th[data-sort]{cursor:pointer}\n",
    "th[aria-sort=ascending]::after{content:\" \\25B2\"}\n",
    "th[aria-sort=descending]::after{content:\" \\25BC\"}\n",
    ".n{text-align:right;font-variant-numeric:tabular-nums}\n",
    "tr:target{background:#fff8e1}\n",
    ".stats{display:grid;grid-template-columns:max-content auto;"
    "gap:.1em 1em}.stats dt{font-weight:600}.stats dd{margin:0}\n",
    "figure{margin:.8em 0}.hist text{font:11px system-ui,sans-serif;"
    "fill:#333}figcaption{font-size:13px;color:#555}\n",
    ".grade{display:inline-block;min-width:1.5em;padding:0 .25em;"
    "text-align:center;border-radius:3px;font-weight:700}\n",
    ".g-A{background:#a5d6a7}.g-B{background:#dcedc8}"
    ".g-C{background:#fff59d}.g-D{background:#ffcc80}"
    ".g-F{background:#ef9a9a}\n",
    ".article{border-top:2px solid #ccc;margin-top:1.6em}\n",
    ".article h3{margin:.5em 0 .2em;overflow-wrap:anywhere}\n",
    ".meta{color:#555;margin:.2em 0}.error{color:#b00020}\n",
    ".counts,.legend{list-style:none;padding:0;margin:.3em 0;"
    "display:flex;flex-wrap:wrap;gap:.2em 1em;font-size:13px}\n",
    ".sw{display:inline-block;width:.9em;height:.9em;"
    "vertical-align:-.1em;margin-right:.3em;border:1px solid #999}\n",
    ".text{white-space:pre-wrap;overflow-wrap:anywhere;"
    "font:16px/1.7 Georgia,\"DejaVu Serif\",serif;background:#fcfcfa;"
    "border:1px solid #e6e6e6;padding:.8em 1em}\n",
    ".f{border-radius:2px;cursor:help;position:relative;color:inherit}\n",
    ".f:focus{outline:2px solid #1a73e8}\n",
    ".f:focus::after{content:attr(title);position:absolute;left:0;"
    "top:100%;z-index:2;width:max-content;max-width:32em;"
    "background:#263238;color:#fff;font:13px/1.4 system-ui,sans-serif;"
    "padding:.3em .5em;border-radius:3px;white-space:normal}\n",
    ".pt::before{content:\"\\2038\";font-weight:700}\n",
    "del{text-decoration:line-through;opacity:.7}\n",
    "ins{text-decoration:none;background:#c8e6c9;"
    "border-bottom:2px solid #2e7d32}\n",
    "#review{border:1px solid #ccc;border-radius:4px;padding:0 1em .6em;"
    "margin:1em 0;background:#fafafa}\n",
    "table.review td.change{white-space:pre-wrap;overflow-wrap:anywhere;"
    "max-width:36em}.ctx{color:#777}\n",
    "table.review button{margin:0 .2em .2em 0;font:inherit;"
    "padding:.1em .5em;border:1px solid #888;border-radius:3px;"
    "background:#fff;cursor:pointer}\n",
    "button.approve[aria-pressed=true]{background:#a5d6a7}"
    "button.reject[aria-pressed=true]{background:#ef9a9a}\n",
    "tr.d-approved{background:#e8f5e9}tr.d-rejected{background:#ffebee}"
    ".dec{font-weight:600}\n",
    ".tools button{font:inherit;font-weight:600;padding:.3em .8em;"
    "margin-right:.5em}.pager button{margin:0 .5em}\n",
};

static const char *const script[] = {
    "(function(){\n",
    "function sortable(t){\n",
    " var head=t.tHead&&t.tHead.rows[0];if(!head)return;\n",
    " Array.prototype.forEach.call(head.cells,function(th,i){\n",
    "  th.setAttribute('data-sort','');th.tabIndex=0;\n",
    "  function go(){\n",
    "   var asc=th.getAttribute('aria-sort')!=='ascending';\n",
    "   Array.prototype.forEach.call(head.cells,function(o){"
    "o.removeAttribute('aria-sort');});\n",
    "   th.setAttribute('aria-sort',asc?'ascending':'descending');\n",
    "   var num=th.classList.contains('n'),b=t.tBodies[0];\n",
    "   var rows=Array.prototype.slice.call(b.rows);\n",
    "   rows.sort(function(x,y){\n",
    "    var p=x.cells[i].textContent,q=y.cells[i].textContent;\n",
    "    if(num){p=p===''?-1:parseFloat(p);q=q===''?-1:parseFloat(q);"
    "return asc?p-q:q-p;}\n",
    "    return asc?p.localeCompare(q):q.localeCompare(p);});\n",
    "   rows.forEach(function(r){b.appendChild(r);});\n",
    "  }\n",
    "  th.addEventListener('click',go);\n",
    "  th.addEventListener('keydown',function(e){if(e.key==='Enter'||"
    "e.key===' '){e.preventDefault();go();}});\n",
    " });\n",
    "}\n",
    "Array.prototype.forEach.call("
    "document.querySelectorAll('table.sortable'),sortable);\n",
    "})();\n",
};

void html_style_css(FILE *fp)
{
	for (size_t i = 0; i < ARRAY_SIZE(css); i++)
		fputs(css[i], fp);
	for (int k = 0; k < FK__COUNT; k++)
		fprintf(fp, ".k-%s{background:%s}\n", finding_kind_name(k),
			kind_colours[k]);
}

void html_style_script(FILE *fp)
{
	for (size_t i = 0; i < ARRAY_SIZE(script); i++)
		fputs(script[i], fp);
}

const char *html_kind_colour(int k)
{
	return (unsigned)k < FK__COUNT ? kind_colours[k] : "#ffff00";
}

const char *html_bin_colour(size_t i, size_t n)
{
	size_t at = n > 1 ? i * (ARRAY_SIZE(bin_colours) - 1) / (n - 1) : 0;

	return bin_colours[at < ARRAY_SIZE(bin_colours)
			       ? at
			       : ARRAY_SIZE(bin_colours) - 1];
}

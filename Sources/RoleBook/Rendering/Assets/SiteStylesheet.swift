/// `assets/site.css`: system fonts only (CJK-aware stacks), responsive to phones, clean print.
enum SiteStylesheet {
    static let css = #"""
:root {
  --ink: #1c2430; --muted: #5b6778; --line: #dfe4ea; --paper: #ffffff; --wash: #f5f7fa;
  --accent: #0f6e6e; --accent-ink: #0b5252; --accent-wash: #e6f3f2; --warn: #a3471d; --warn-wash: #fdf0e8;
  --radius: 10px; --shadow: 0 1px 2px rgba(16,24,40,.06), 0 1px 3px rgba(16,24,40,.08);
  --sans: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans", sans-serif;
}
html:lang(zh-TW), html:lang(zh-HK) { --sans: system-ui, -apple-system, "Segoe UI", "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Source Han Sans TC", sans-serif; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.7 var(--sans); color: var(--ink); background: var(--wash); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.skip-link { position: absolute; left: -999px; }
.skip-link:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
.site-header { background: var(--accent-ink); color: #fff; position: sticky; top: 0; z-index: 5; }
.header-inner { max-width: 1180px; margin: 0 auto; padding: 10px 20px; display: flex; gap: 20px; align-items: center; flex-wrap: wrap; }
.brand { display: flex; align-items: center; gap: 10px; color: #fff; font-weight: 700; font-size: 17px; }
.brand:hover { text-decoration: none; }
.brand-mark { width: 30px; height: 30px; border-radius: 8px; background: #fff; color: var(--accent-ink); display: grid; place-items: center; font-size: 16px; }
.site-nav { display: flex; gap: 16px; flex: 1; flex-wrap: wrap; }
.site-nav a { color: #d7ecea; font-size: 15px; }
.site-nav a:hover { color: #fff; }
.header-search input { width: 240px; border: 0; border-radius: 999px; padding: 7px 14px; font: inherit; font-size: 14px; background: rgba(255,255,255,.16); color: #fff; }
.header-search input::placeholder { color: #c6e0de; }
.header-search input:focus { outline: 2px solid #fff; background: #fff; color: var(--ink); }
.breadcrumbs { max-width: 1180px; margin: 0 auto; padding: 14px 20px 0; font-size: 14px; color: var(--muted); }
.breadcrumbs ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.breadcrumbs li + li::before { content: "›"; margin-right: 6px; color: #9aa5b4; }
.main { max-width: 1180px; margin: 0 auto; padding: 16px 20px 48px; }
.site-footer { text-align: center; color: var(--muted); font-size: 13px; padding: 24px; border-top: 1px solid var(--line); }
.with-aside { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 24px; align-items: start; }
.doc { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); padding: 28px 36px; }
.page-header h1 { margin: 0 0 6px; font-size: 30px; line-height: 1.3; letter-spacing: .01em; }
.eyebrow { margin: 0; color: var(--accent); font-weight: 600; font-size: 13px; letter-spacing: .08em; text-transform: uppercase; }
.lede { color: var(--muted); font-size: 17px; margin: 4px 0 12px; }
.aliases { color: var(--muted); margin: 0 0 8px; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 14px 0; padding: 14px 16px; background: var(--wash); border-radius: 8px; }
.fact dt { font-size: 12px; color: var(--muted); }
.fact dd { margin: 0; font-weight: 600; }
.doc h2 { position: relative; font-size: 21px; margin: 30px 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--accent-wash); }
.doc h3 { font-size: 17px; margin: 20px 0 6px; }
.doc ol, .doc ul { padding-left: 1.6em; }
.doc ol { padding-left: 2em; }
.doc li { margin: 4px 0; }
.doc li::marker { color: var(--accent); font-weight: 600; }
.anchor { position: absolute; left: -1.1em; width: 1.1em; color: #b7c2cf; font-weight: 400; opacity: 0; transition: opacity .15s; }
h2:hover > .anchor, .anchor:focus { opacity: 1; }
.anchor:hover { color: var(--accent); text-decoration: none; }
.intro p:first-child { margin-top: 0; }
.intro { margin: 12px 0; }
.image-alt { color: var(--muted); font-style: italic; }
.image-alt::before { content: "["; }
.image-alt::after { content: "]"; }
blockquote { margin: 12px 0; padding: 8px 16px; border-left: 4px solid var(--accent); background: var(--accent-wash); border-radius: 0 8px 8px 0; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 15px; margin: 10px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 8px 10px; text-align: left; vertical-align: top; }
th { background: var(--wash); font-weight: 600; }
.doc th { white-space: nowrap; }
.doc td { min-width: 5.5em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.doc td.num { min-width: 0; }
.toc { background: var(--wash); border-radius: 8px; padding: 10px 16px; margin: 10px 0 4px; font-size: 15px; }
.toc ol { margin: 0; padding-left: 1.3em; columns: 2; column-gap: 32px; }
.toc li { margin: 0 0 2px; break-inside: avoid; }
.side { display: flex; flex-direction: column; background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); overflow: hidden; }
.side:empty { display: none; }
.side > * + * { border-top: 1px solid var(--line); }
.panel { padding: 14px 18px; }
.with-aside > .panel, .doc .panel { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); }
.panel h2 { font-size: 13px; margin: 0 0 8px; color: var(--muted); font-weight: 600; letter-spacing: .04em; display: flex; justify-content: space-between; align-items: baseline; }
.panel-fold summary { cursor: pointer; list-style: none; }
.panel-fold summary::-webkit-details-marker { display: none; }
.panel-fold summary h2 { margin: 0; }
.panel-fold[open] summary h2 { margin-bottom: 8px; }
.panel-fold summary .count::after { content: " ▸"; color: var(--muted); }
.panel-fold[open] summary .count::after { content: " ▾"; }
.panel ul, .panel ol { margin: 0; padding-left: 1.1em; font-size: 15px; }
.panel li { margin: 3px 0; }
.panel .quote { display: block; color: var(--muted); font-size: 13px; line-height: 1.5; }
.chain { list-style: none; padding: 0 !important; }
.chain li { position: relative; padding-left: 20px; margin: 0 0 3px; line-height: 25px; }
/* One dot per level, joined by a line from each dot's centre to the next one's (12.5px into a 25px line, 3px apart). */
.chain li::before { content: ""; position: absolute; left: 3px; top: 8.5px; width: 8px; height: 8px; border-radius: 50%; background: var(--accent); z-index: 1; }
.chain li:not(:last-child)::after { content: ""; position: absolute; left: 6.5px; top: 12.5px; bottom: -15.5px; width: 1px; background: #9cc7c4; }
.chain .is-self::before { left: 1px; top: 6.5px; width: 12px; height: 12px; background: var(--paper); border: 3px solid var(--accent); box-sizing: border-box; }
.chain .is-self span { font-weight: 700; }
.chain .chain-omitted { color: var(--muted); font-size: .9em; }
.chain .chain-omitted::before { background: transparent; border: 1px dashed var(--accent); box-sizing: border-box; }
.panel-action { margin: 0; padding: 12px 18px; background: var(--wash); }
.badge { display: inline-block; font-size: 12px; line-height: 1.6; padding: 0 8px; border-radius: 999px; margin-left: 6px; vertical-align: 1px; font-weight: 600; }
.badge-vacant { background: var(--warn-wash); color: var(--warn); border: 1px dashed var(--warn); }
.muted { color: var(--muted); font-size: 14px; }
.count { color: var(--accent); }
.button, .print-button, .hero-search button { display: inline-block; background: var(--accent); color: #fff; border: 0; border-radius: 8px; padding: 8px 16px; font: inherit; font-size: 15px; cursor: pointer; }
.button:hover, .print-button:hover { background: var(--accent-ink); text-decoration: none; }
.print-button { background: var(--paper); color: var(--accent); border: 1px solid var(--accent); padding: 4px 14px; font-size: 14px; }
.page-header .print-button { float: right; margin: 0 0 8px 16px; }
.print-button:hover { color: #fff; }
.signature-block { display: none; }
.hero { background: linear-gradient(135deg, var(--accent-ink), #1b8a86); color: #fff; border-radius: 14px; padding: 36px 36px 28px; margin-bottom: 24px; }
.hero h1 { margin: 0 0 16px; font-size: 32px; }
.hero-search { display: flex; gap: 8px; max-width: 640px; }
.hero-search input { flex: 1; border: 0; border-radius: 10px; padding: 12px 16px; font: inherit; font-size: 17px; }
.hero-search button { background: #fff; color: var(--accent-ink); font-weight: 700; padding: 0 22px; }
.stats { list-style: none; display: flex; flex-wrap: wrap; gap: 12px 32px; padding: 0; margin: 20px 0 0; }
.stats li { display: flex; flex-direction: column; font-size: 13px; opacity: .9; }
.stats strong { font-size: 26px; line-height: 1.2; }
.doc .stats { padding-left: 0; margin: 14px 0 4px; }
.doc .stats li { opacity: 1; color: var(--muted); }
.doc .stats strong { color: var(--ink); }
.home-tree { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 20px 28px; box-shadow: var(--shadow); }
.home-tree h2 { margin-top: 0; }
.dept-tree, .dept-tree ul { list-style: none; padding-left: 0; margin: 0; }
.home-tree > .dept-tree { padding-left: 16px; }
.page-home .header-search, .page-search .header-search { display: none; }
.dept-tree ul { padding-left: 22px; border-left: 1px solid var(--line); margin-left: 7px; }
.dept-tree li { margin: 6px 0; }
.dept-tree summary { cursor: pointer; list-style-position: outside; }
.dept-tree summary::marker { color: var(--accent); }
.dept-label a { font-weight: 600; }
.cards { list-style: none; padding: 0 !important; display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: var(--paper); display: flex; flex-direction: column; gap: 2px; }
.card a { font-weight: 600; }
.card p { margin: 4px 0 0; font-size: 14px; color: var(--muted); }
.chart-section { margin: 10px 0 24px; }
.orgchart-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; background: linear-gradient(#fbfcfd, #f4f7f9); padding: 8px; }
.orgchart { display: block; margin: 0 auto; max-width: 100%; height: auto; font-family: var(--sans); }
.oc-edge { fill: none; stroke: #9aa9b8; stroke-width: 1.4; }
.oc-dotted { fill: none; stroke: #c07a2c; stroke-width: 1.4; stroke-dasharray: 5 4; }
.oc-box rect { fill: #fff; stroke: var(--accent); stroke-width: 1.4; }
.oc-box:hover rect, .oc-box:focus rect { fill: var(--accent-wash); }
.oc-box.is-vacant rect { stroke: var(--warn); stroke-dasharray: 6 4; fill: #fffaf6; }
.oc-box.is-subdept rect { fill: var(--accent-wash); }
.oc-title { font-size: 14px; font-weight: 600; fill: var(--ink); text-anchor: middle; }
.oc-title.is-small { font-size: 12.5px; }
.oc-sub { font-size: 12px; fill: var(--muted); text-anchor: middle; }
.orgchart-notes { display: flex; flex-wrap: wrap; gap: 6px 24px; margin: 10px 2px 0; font-size: 13px; color: var(--muted); line-height: 1.6; }
.oc-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; padding: 0 !important; }
.oc-legend li { display: flex; align-items: center; gap: 6px; margin: 0; }
.oc-key { display: inline-block; width: 22px; height: 12px; border-radius: 3px; }
.oc-key-line { height: 0; border-top: 1.5px solid #9aa9b8; border-radius: 0; }
.oc-key-dotted { height: 0; border-top: 1.5px dashed #c07a2c; border-radius: 0; }
.oc-key-vacant { border: 1.4px dashed var(--warn); background: #fffaf6; }
.oc-key-subdept { border: 1.4px solid var(--accent); background: var(--accent-wash); }
.oc-dotted-list { margin: 0; flex-basis: 100%; }
.oc-dotted-list strong { font-weight: 600; color: var(--ink); }
.oc-pair { white-space: nowrap; }
.orgchart-outline { display: none; list-style: none; margin: 0; padding: 8px 12px !important; border: 1px solid var(--line); border-radius: 8px; background: var(--paper); }
.orgchart-outline li { margin: 0; padding: 3px 0 3px 10px; }
.orgchart-outline .oc-level-0 { padding-left: 0; font-weight: 600; }
.orgchart-outline .oc-level-1 { margin-left: 0px; border-left: 2px solid var(--accent-wash); }
.orgchart-outline .oc-level-2 { margin-left: 14px; border-left: 2px solid var(--accent-wash); }
.orgchart-outline .oc-level-3 { margin-left: 28px; border-left: 2px solid var(--accent-wash); }
.orgchart-outline .oc-level-4 { margin-left: 42px; border-left: 2px solid var(--accent-wash); }
.orgchart-outline .oc-level-5 { margin-left: 56px; border-left: 2px solid var(--accent-wash); }
.orgchart-outline .oc-level-6 { margin-left: 70px; border-left: 2px solid var(--accent-wash); }
.steps { padding-left: 0 !important; list-style: none; counter-reset: step; }
.steps > .step { counter-increment: step; position: relative; padding: 8px 10px 8px 46px; border-bottom: 1px solid var(--line); }
.steps > .step::before { content: counter(step); position: absolute; left: 8px; top: 8px; width: 26px; height: 26px; border-radius: 50%; background: var(--accent-wash); color: var(--accent-ink); font-weight: 700; font-size: 13px; display: grid; place-items: center; }
.step-time { display: inline-block; font-variant-numeric: tabular-nums; font-weight: 700; color: var(--accent-ink); background: var(--accent-wash); border-radius: 6px; padding: 0 8px; margin-right: 8px; font-size: 14px; }
.substeps { margin: 4px 0 0; }
.substeps .step { list-style: lower-alpha; padding: 2px 0; border: 0; }
.az-letters { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 16px; }
.az-letters a { display: inline-grid; place-items: center; width: 32px; height: 32px; border-radius: 8px; background: var(--accent-wash); font-weight: 700; }
.az-list { columns: 3 260px; list-style: none; padding: 0 !important; }
.az-list { margin: 0; }
.az-list li { break-inside: avoid; margin: 0 0 6px; }
#rb-search .rb-search-form input { width: 100%; font: inherit; font-size: 18px; padding: 12px 16px; border: 2px solid var(--accent); border-radius: 10px; background: var(--paper); color: var(--ink); }
#rb-search .rb-search-form input:focus { outline: none; box-shadow: 0 0 0 4px rgba(15,110,110,.18); }
#rb-filters { display: flex; flex-wrap: wrap; gap: 8px; margin: 14px 0 6px; align-items: center; }
.rb-filter { border: 1px solid var(--line); background: var(--paper); border-radius: 999px; padding: 4px 12px; font: inherit; font-size: 14px; cursor: pointer; color: var(--ink); }
.rb-filter[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: #fff; }
#rb-count, .rb-count { color: var(--muted); font-size: 14px; margin: 12px 0 0; min-height: 1.5em; }
#rb-results { list-style: none; padding: 0 !important; margin: 0; }
.rb-result { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; padding: 14px 14px 12px; border-bottom: 1px solid var(--line); }
.rb-result:hover { background: var(--wash); }
.rb-result.is-active { background: var(--accent-wash); outline: 2px solid var(--accent); outline-offset: -2px; border-radius: 8px; }
.rb-kind { flex: none; font-size: 12px; font-weight: 600; line-height: 1; padding: 4px 7px; border-radius: 6px; background: var(--accent-wash); color: var(--accent-ink); }
.rb-result[data-kind="department"] .rb-kind { background: #e8eefc; color: #2c4a9a; }
.rb-result[data-kind="procedure"] .rb-kind { background: #fdf0e1; color: #8a4b0f; }
.rb-result-link { font-size: 18px; font-weight: 600; }
.rb-result-department { color: var(--muted); font-size: 14px; }
.rb-result-department::before { content: "· "; }
.rb-snippet { flex-basis: 100%; margin: 2px 0 0; color: #3b4654; font-size: 15px; line-height: 1.65; }
.rb-result mark { background: #ffe9a8; color: inherit; border-radius: 2px; padding: 0 1px; }
.rb-filter-count { display: inline-block; min-width: 1.6em; margin-left: 2px; padding: 0 5px; border-radius: 999px; background: var(--accent-wash); color: var(--accent-ink); font-size: 12px; text-align: center; }
.rb-filter[aria-pressed="true"] .rb-filter-count { background: rgba(255,255,255,.25); color: #fff; }
button.rb-more { display: block; margin: 16px auto 0; background: var(--paper); color: var(--accent-ink); border: 1px solid var(--accent); border-radius: 8px; padding: 8px 22px; font: inherit; cursor: pointer; }
button.rb-more:hover { background: var(--accent-wash); }
button.rb-more[hidden], button.rb-more:disabled { display: none; }
@media (max-width: 900px) {
  .with-aside { grid-template-columns: 1fr; }
  .side { position: static; }
  .header-search { width: 100%; }
  .header-search input { width: 100%; }
}
@media (max-width: 600px) {
  body { font-size: 15px; }
  .site-header { position: static; }
  .header-inner { padding: 8px 14px 10px; gap: 4px 14px; }
  .site-nav { order: 2; flex-basis: 100%; flex-wrap: nowrap; overflow-x: auto; gap: 18px; white-space: nowrap; }
  .site-nav a { font-size: 14px; }
  .header-search { order: 3; margin-top: 4px; }
  .anchor { display: none; }
  .page-header .print-button { display: none; }
  .orgchart-figure.is-wide .orgchart-scroll { display: none; }
  .orgchart-figure.is-wide .orgchart-outline { display: block; }
  .orgchart-figure.is-wide .oc-legend { display: none; }
  table { font-size: 14px; }
  th, td { padding: 7px 8px; }
  /* Many departments: one row of filters that scrolls sideways instead of a wall of buttons. */
  #rb-filters { flex-wrap: nowrap; overflow-x: auto; padding-bottom: 4px; scrollbar-width: thin; }
  .rb-filter { flex: none; white-space: nowrap; }
  .rb-result { padding: 12px 6px 10px; }
  .rb-result-link { font-size: 17px; }
  .main { padding: 10px 10px 32px; }
  .breadcrumbs { padding: 10px 14px 0; }
  .doc { padding: 18px 16px; border-radius: 8px; }
  .page-header h1 { font-size: 24px; }
  .hero { padding: 22px 18px; }
  .hero h1 { font-size: 24px; }
  .hero-search input { font-size: 15px; padding: 10px 12px; }
  .hero-search button { padding: 0 14px; }
  .home-tree { padding: 16px 14px; }
  .home-tree > .dept-tree { padding-left: 12px; }
  .toc ol { columns: 1; }
  .stats { gap: 8px 20px; }
  .stats strong { font-size: 20px; }
}
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { background: #fff; font-size: 11pt; color: #000; }
  .site-header, .breadcrumbs, .site-footer, .side, .toc, .print-button, .button, .anchor, .skip-link { display: none !important; }
  .main { padding: 0; max-width: none; }
  .with-aside { display: block; }
  .doc { border: 0; box-shadow: none; padding: 0; }
  .doc h2 { break-after: avoid; border-bottom: 1px solid #000; }
  .doc li { break-inside: avoid; }
  .doc ol { padding-left: 2.4em; }
  .page-header h1 { font-size: 20pt; }
  .doc h2 { font-size: 14pt; margin-top: 18pt; }
  a { color: #000; }
  .orgchart-figure { break-inside: avoid; }
  .orgchart-scroll { overflow: visible; border: 0; background: none; padding: 0; }
  .orgchart { min-width: 0 !important; }
  .orgchart-outline, .panel-fold, .hero-search, .header-search { display: none !important; }
  .facts { background: none; border: 1px solid #999; }
  .signature-block { display: flex; gap: 40px; margin-top: 40px; padding-top: 4px; break-inside: avoid; }
  .signature-block div { display: flex; align-items: flex-end; gap: 8px; flex: 1; }
  .signature-block .line { flex: 1; border-bottom: 1px solid #000; height: 1.6em; }
}
"""#
}

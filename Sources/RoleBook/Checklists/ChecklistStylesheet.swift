/// `assets/checklist.css` plus the per-language `@page` rule with "第 X 页 / 共 Y 页".
enum ChecklistStylesheet {
    /// Page numbers go in a margin box; the wording comes from the UI strings.
    static func pageRule(strings: UIStrings, landscape: Bool) -> String {
        let parts = strings["pageOf"].components(separatedBy: "{p}")
        let before = parts.first ?? ""
        let middle = parts.count > 1 ? parts[1].components(separatedBy: "{t}") : ["", ""]
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        return "@page { size: A4\(landscape ? " landscape" : ""); margin: 14mm 12mm 16mm; "
            + "@bottom-center { content: \(q(before)) counter(page) \(q(middle.first ?? "")) counter(pages) \(q(middle.count > 1 ? middle[1] : "")); font-size: 9pt; color: #000; } }"
    }

    static let css = #"""
.sheet-page { max-width: 980px; margin: 0 auto; }
.sheet-toolbar { display: flex; gap: 10px; margin: 0 0 12px; }
.button-ghost { background: var(--paper); color: var(--accent); border: 1px solid var(--accent); }
.sheet { background: #fff; border: 1px solid var(--line); border-radius: var(--radius); padding: 24px 28px; box-shadow: var(--shadow); }
.sheet-section + .sheet-section { margin-top: 28px; }
.sheet-table { width: 100%; border-collapse: collapse; font-size: 15px; table-layout: fixed; }
.sheet-table th, .sheet-table td { border: 1px solid #9aa5b1; padding: 6px 8px; vertical-align: top; overflow-wrap: anywhere; }
.sheet-table thead th { background: #f1f4f6; font-size: 13px; }
.sheet-table thead .head-cell { background: #fff; text-align: left; padding: 10px 10px 8px; font-weight: 400; }
.sheet-head .sheet-title { font-size: 20px; font-weight: 700; margin-bottom: 4px; }
.sheet-meta { display: flex; flex-wrap: wrap; gap: 2px 18px; font-size: 13px; }
.meta-label { color: var(--muted); }
.sheet-blanks, .sign-off { display: flex; flex-wrap: wrap; gap: 8px 28px; margin-top: 8px; font-size: 14px; }
.blank, .sign { display: flex; align-items: flex-end; gap: 4px; flex: 1; min-width: 140px; }
.blank-line { flex: 1; border-bottom: 1px solid #000; min-height: 1.4em; }
.sign-off { margin-top: 22px; }
.col-check { width: 52px; text-align: center; }
.col-time { width: 124px; white-space: nowrap; font-variant-numeric: tabular-nums; font-weight: 600; }
.col-remarks { width: 150px; }
.col-day { width: 54px; text-align: center; }
.box { display: inline-block; width: 16px; height: 16px; border: 1.5px solid #333; border-radius: 3px; vertical-align: middle; }
.row-phase td { background: #e9f1f0; font-weight: 700; }
.step-line { display: flex; gap: 0.5em; }
.num { flex: none; min-width: 1.8em; color: var(--muted); font-variant-numeric: tabular-nums; }
.step-text { flex: 1; min-width: 0; }
.step-text p { margin: 0; }
.depth-1 .col-step { padding-left: 28px; }
.depth-2 .col-step, .depth-3 .col-step { padding-left: 48px; }
.time-inline { font-weight: 600; margin-right: 6px; }
@media (max-width: 600px) {
  .sheet { padding: 10px; }
  .sheet-table th, .sheet-table td { padding: 6px 4px; }
  th.col-remarks, td.col-remarks { display: none; }
  col.col-remarks { width: 0; }
  col.col-check { width: 34px; }
  col.col-time { width: 60px; }
  .col-time { white-space: normal; }
  .col-day { width: 30px; }
}
@media print {
  body { background: #fff; color: #000; }
  .sheet-toolbar { display: none; }
  .sheet { border: 0; box-shadow: none; padding: 0; max-width: none; }
  .sheet-page { max-width: none; }
  .sheet-table { font-size: 10.5pt; }
  .sheet-table thead { display: table-header-group; }
  .sheet-table tr { break-inside: avoid; page-break-inside: avoid; }
  .row-phase { break-after: avoid; page-break-after: avoid; }
  .sheet-table th, .sheet-table td { border-color: #000; }
  .row-phase td, .sheet-table thead th { background: #fff !important; }
  .row-phase td { border-bottom: 2px solid #000; }
  .meta-label { color: #000; }
  .num { color: #000; }
  .sign-off { break-inside: avoid; }
  .sheet-section { break-before: page; }
  .sheet-section:first-child { break-before: auto; }
}
"""#
}

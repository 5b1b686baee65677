// One self-contained HTML page: the declared charts as inline SVG, then every
// record in a sortable table (the first `shownRows` visible, the rest behind a
// button). No network, no external scripts, styles or fonts.

public enum HTMLReport {
    /// The page, and warnings for standard error (charts with nothing to draw).
    public static func render(_ input: ReportInput) -> (html: String, warnings: [String]) {
        var warnings: [String] = []
        var body = ""
        for (i, spec) in input.charts.enumerated() {
            let drawn = Charts.draw(spec, input)
            body += "<section class=\"figure\" id=\"chart-\(i + 1)\" data-kind=\"\(spec.kind.rawValue)\">\n"
            body += "<h2>\(SVG.esc(spec.displayTitle))</h2>\n"
            body += drawn.svg + "\n"
            for note in drawn.notes { body += "<p class=\"note\">\(SVG.esc(note))</p>\n" }
            body += "</section>\n"
            if drawn.svg.contains("class=\"empty\"") {
                warnings.append("html: chart \(i + 1) (\(spec.kind.rawValue)) has nothing to draw: \(drawn.notes.last ?? "")")
            }
        }
        if input.charts.isEmpty {
            body += "<p class=\"note\">No charts: the script declares none (chart{...}, see docs/REPORTS.md).</p>\n"
        }
        body += table(input)
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<meta name=\"generator\" content=\"lectern\">\n"
        page += "<title>\(SVG.esc(input.title)) · Lectern report</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        page += "<header>\n<h1>\(SVG.esc(input.title))</h1>\n"
        if let d = input.description, !d.isEmpty { page += "<p class=\"description\">\(SVG.esc(d))</p>\n" }
        page += "<p class=\"meta\">\(Charts.plural(input.rows.count, "record")), \(Charts.plural(input.charts.count, "chart"))</p>\n</header>\n"
        page += "<main>\n" + body + "</main>\n<script>\n\(script)</script>\n</body>\n</html>\n"
        return (page, warnings)
    }

    static func table(_ input: ReportInput) -> String {
        let numeric = input.columns.indices.map { c in
            input.rows.contains { $0[c] != nil } && input.rows.allSatisfy { r in r[c].map { if case .number = $0 { return true } else { return false } } ?? true }
        }
        var out = "<section class=\"records\">\n<h2>Records</h2>\n"
        let shown = min(input.shownRows, input.rows.count)
        if input.rows.count > shown {
            out += "<p class=\"note\" id=\"rows-note\">The first \(Human.cell(Double(shown), written: String(shown))) of \(Charts.plural(input.rows.count, "record")) are shown; all are in this file. <button type=\"button\" id=\"show-all\">Show all</button></p>\n"
        }
        out += "<p class=\"hint\">Click a column's name to sort by it.</p>\n"
        out += "<table id=\"records\" data-shown=\"\(input.shownRows)\">\n<thead><tr>"
        for (c, name) in input.columns.enumerated() {
            out += "<th\(numeric[c] ? " class=\"num\"" : "") data-type=\"\(numeric[c] ? "number" : "text")\" scope=\"col\">\(SVG.esc(name))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (i, row) in input.rows.enumerated() {
            out += i < shown ? "<tr>" : "<tr hidden>"
            for (c, cell) in row.enumerated() {
                switch cell {
                case nil: out += "<td></td>"
                case .number(let d, let written)?:
                    out += "<td class=\"num\" data-value=\"\(SVG.esc(written))\">\(SVG.esc(Human.cell(d, written: written)))</td>"
                case .text(let s)?:
                    out += numeric[c] ? "<td class=\"num\">" : "<td>"
                    out += SVG.esc(s) + "</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    static let style = """
    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2129; margin: 0; background: #fff; }
    header, main { max-width: 1000px; margin: 0 auto; padding: 0 20px; }
    header { padding-top: 16px; }
    h1 { font-size: 22px; margin: 8px 0 4px; }
    h2 { font-size: 16px; margin: 24px 0 6px; }
    .description { margin: 0; color: #333; }
    .meta, .note, .hint { color: #5f6673; font-size: 13px; margin: 4px 0; }
    svg.chart { display: block; max-width: 100%; height: auto; }
    svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: #1d2129; }
    svg .tick, svg .value, svg .point-label { fill: #5f6673; font-size: 11px; }
    svg .axis-title { font-weight: 600; }
    svg .axis, svg .tick-mark { stroke: #6b7280; stroke-width: 1; }
    svg .grid line { stroke: #e5e7eb; stroke-width: 1; }
    svg .edge { stroke: #8a8f98; stroke-opacity: 0.55; }
    svg .node { stroke: #fff; stroke-width: 1.5; }
    svg .node-label { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    svg .empty { fill: #5f6673; }
    table { border-collapse: collapse; margin: 8px 0 40px; font-size: 13px; }
    th, td { border-bottom: 1px solid #e5e7eb; padding: 3px 10px; text-align: left; vertical-align: top; }
    th { cursor: pointer; user-select: none; background: #f6f7f9; position: sticky; top: 0; }
    th[aria-sort="ascending"]::after { content: " ▲"; }
    th[aria-sort="descending"]::after { content: " ▼"; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    button { font: inherit; }

    """

    /// Sorting (stable, numbers as numbers, empty cells last) and "Show all".
    static let script = """
    (function () {
      var table = document.getElementById("records");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var limit = parseInt(table.getAttribute("data-shown"), 10);
      var all = false;
      rows.forEach(function (r, i) { r.order = i; });
      function show() {
        rows.forEach(function (r, i) { r.hidden = !all && i >= limit; });
      }
      function key(row, c, numeric) {
        var cell = row.cells[c];
        if (!cell || cell.textContent === "") return null;
        if (numeric) {
          var v = parseFloat(cell.getAttribute("data-value") || cell.textContent.replace(/,/g, ""));
          return isNaN(v) ? null : v;
        }
        return cell.textContent;
      }
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, c) {
        th.addEventListener("click", function () {
          var numeric = th.getAttribute("data-type") === "number";
          // first click: numbers largest first, text A to Z; then the other way
          var current = th.getAttribute("aria-sort");
          var down = current ? current === "ascending" : numeric;
          Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", down ? "descending" : "ascending");
          rows.sort(function (a, b) {
            var x = key(a, c, numeric), y = key(b, c, numeric);
            if (x === null || y === null) return x === y ? a.order - b.order : (x === null ? 1 : -1);
            var d = numeric ? x - y : x.localeCompare(y);
            return d !== 0 ? (down ? -d : d) : a.order - b.order;
          });
          rows.forEach(function (r) { body.appendChild(r); });
          show();
        });
      });
      var button = document.getElementById("show-all");
      if (button) button.addEventListener("click", function () {
        all = !all;
        button.textContent = all ? "Show the first " + limit : "Show all";
        show();
      });
      document.documentElement.setAttribute("data-ready", "1");
    })();

    """
}

// --format html: the records held back by RecordSink, handed to the Report
// target's writer with the charts the scripts declared.
import Foundation
import LuaHost
import Report

/// What the report says about the scripts, taken from the main Lua state after setup.
struct ReportHeading {
    var title: String
    var description: String?
    var charts: [ChartSpec]

    init(host: ScriptHost) {
        let metas = (0..<host.scriptCount).map { host.meta($0) }
        title = metas.map { ($0.path as NSString).lastPathComponent }.joined(separator: " + ")
        let descriptions = metas.compactMap(\.description)
        description = descriptions.isEmpty ? nil : descriptions.joined(separator: " ")
        charts = host.charts
    }
}

extension RecordSink {
    /// Table rows visible before "Show all"; every row is in the file.
    static let reportRows = 100

    func renderReport() {
        var keys = columns ?? []
        for r in buffered { for f in r.fields where !keys.contains(f.key) { keys.append(f.key) } }
        let rows: [[ReportValue?]] = buffered.map { r in
            keys.map { k in
                r.value(k).map { v in
                    switch v {
                    case .int(let i): return .number(Double(i), v.text)
                    case .double(let d): return .number(d, v.text)
                    default: return .text(v.text)
                    }
                }
            }
        }
        let heading = reportHeading ?? ReportHeading(title: "records", description: nil, charts: [])
        let input = ReportInput(title: heading.title, description: heading.description, charts: heading.charts,
                                columns: keys, rows: rows, shownRows: RecordSink.reportRows)
        let page = HTMLReport.render(input)
        for w in page.warnings { warn(w) }
        records.write(page.html)
    }
}

extension ReportHeading {
    init(title: String, description: String?, charts: [ChartSpec]) {
        self.title = title
        self.description = description
        self.charts = charts
    }
}

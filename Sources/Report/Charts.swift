// Charts as inline SVG: bar, line (time series), histogram and scatter; the
// network is in Network.swift. Every coordinate is rounded to a tenth of a
// pixel and every choice is a function of the records alone, so the same
// records give the same bytes.

/// A drawn chart: its SVG and the notes shown under it.
struct DrawnChart {
    var svg: String
    var notes: [String] = []
}

enum SVG {
    static let width = 760.0
    static let palette = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7"]

    static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A coordinate, to a tenth of a pixel.
    static func n(_ d: Double) -> String { Human.fixed(d, 1) }

    /// At most `limit` characters, with an ellipsis when cut.
    static func clip(_ s: String, _ limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }

    static func open(_ height: Double, _ title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(esc(title))\">\n"
    }

    static func text(_ x: Double, _ y: Double, _ s: String, cls: String, anchor: String = "start", extra: String = "") -> String {
        "<text class=\"\(cls)\" x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"\(extra)>\(esc(s))</text>\n"
    }

    /// Swatches and names in a row at the top left.
    static func legend(_ items: [(color: String, name: String)], x: Double = 8, y: Double = 14) -> String {
        var out = "<g class=\"legend\">\n"
        var cx = x
        for item in items {
            out += "<rect x=\"\(n(cx))\" y=\"\(n(y - 9))\" width=\"10\" height=\"10\" fill=\"\(item.color)\"/>\n"
            out += text(cx + 14, y, item.name, cls: "legend-label")
            cx += 14 + Double(item.name.count) * 7 + 18
        }
        return out + "</g>\n"
    }
}

/// A linear axis over nice round numbers.
struct Scale {
    var lo: Double
    var hi: Double
    var ticks: [Double]

    /// Heckbert's nice numbers: 1, 2, 5 times a power of ten.
    /// `nearest`: the closest such step rather than the next one up.
    static func niceStep(_ raw: Double, nearest: Bool = false) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var p = 1.0
        while p * 10 <= raw { p *= 10 }
        while p > raw { p /= 10 }
        let f = raw / p
        if nearest { return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p }
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p
    }

    /// `whole`: counts, so no step below 1.
    init(lo: Double, hi: Double, count: Int = 5, zero: Bool = true, whole: Bool = false) {
        var a = lo, b = hi
        if zero { a = min(a, 0); b = max(b, 0) }
        if a == b { if a == 0 || !whole { a -= 1 }; b += 1 }
        if whole { a = max(a, 0) }
        let step = whole ? max(1, Scale.niceStep((b - a) / Double(count))) : Scale.niceStep((b - a) / Double(count))
        self.lo = (a / step).rounded(.down) * step
        self.hi = (b / step).rounded(.up) * step
        var t: [Double] = []
        var v = self.lo
        while v <= self.hi + step / 2 { t.append(abs(v) < step / 1e6 ? 0 : v); v += step }
        ticks = t
    }

    func map(_ v: Double, _ from: Double, _ to: Double) -> Double {
        from + (v - lo) / (hi - lo) * (to - from)
    }
}

/// Labels without the folder they all share ("Tests/Fixtures/a.txt" -> "a.txt"),
/// and that folder for a note.
func shortLabels(_ labels: [String]) -> (labels: [String], prefix: String?) {
    guard labels.count > 1, var prefix = labels.first else { return (labels, nil) }
    for l in labels.dropFirst() { while !l.hasPrefix(prefix) { prefix.removeLast() } }
    guard let slash = prefix.lastIndex(of: "/") else { return (labels, nil) }
    let cut = prefix[...slash]
    return (labels.map { String($0.dropFirst(cut.count)) }, String(cut))
}

/// The rows a chart draws: the report's rows after only/except.
func chartRows(_ spec: ChartSpec, _ input: ReportInput) -> [[ReportValue?]] {
    let only = spec.only.map { (input.column($0.key), $0.value) }
    let except = spec.except.map { (input.column($0.key), $0.value) }
    return input.rows.filter { row in
        for (c, v) in only { guard let c, row[c]?.text == v else { return false } }
        for (c, v) in except { if let c, row[c]?.text == v { return false } }
        return true
    }
}

/// "no record has a field 'x'" when the field is unknown.
func missingFields(_ names: [String], _ input: ReportInput) -> String? {
    let missing = names.filter { input.column($0) == nil }
    guard !missing.isEmpty else { return nil }
    return "no record has the field\(missing.count == 1 ? "" : "s") " + missing.map { "'\($0)'" }.joined(separator: ", ") +
        " (fields: " + input.columns.joined(separator: ", ") + ")"
}

enum Charts {
    static func draw(_ spec: ChartSpec, _ input: ReportInput) -> DrawnChart {
        let needed: [String]
        switch spec.kind {
        case .network: needed = [spec.source, spec.target]
        default: needed = [spec.x!] + spec.y + (spec.label.map { [$0] } ?? [])
        }
        if let problem = missingFields(needed, input) { return empty(spec, problem) }
        switch spec.kind {
        case .bar: return bar(spec, input)
        case .line: return line(spec, input)
        case .histogram: return histogram(spec, input)
        case .scatter: return scatter(spec, input)
        case .network: return Network.draw(spec, input)
        }
    }

    /// A chart that has nothing to draw says why, in its box.
    static func empty(_ spec: ChartSpec, _ why: String) -> DrawnChart {
        var svg = SVG.open(60, spec.displayTitle)
        svg += SVG.text(SVG.width / 2, 34, why, cls: "empty", anchor: "middle")
        return DrawnChart(svg: svg + "</svg>", notes: [why])
    }

    static func plural(_ n: Int, _ word: String) -> String {
        "\(Human.cell(Double(n), written: String(n))) \(word)\(n == 1 ? "" : "s")"
    }

    // MARK: bar

    /// One bar per record (per y field), horizontal so that long labels read.
    static func bar(_ spec: ChartSpec, _ input: ReportInput) -> DrawnChart {
        let xc = input.column(spec.x!)!
        let ycs = spec.y.map { input.column($0)! }
        var notes: [String] = []
        var rows = chartRows(spec, input).enumerated().compactMap { (i, r) -> (Int, String, [Double])? in
            let values = ycs.map { r[$0]?.number }
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            return (i, r[xc]?.text ?? "", values.map { $0! })
        }
        let all = chartRows(spec, input).count
        if rows.count < all { notes.append("\(plural(all - rows.count, "record")) without a number in \(spec.y.joined(separator: " or ")) left out") }
        guard !rows.isEmpty else { return empty(spec, "no records to draw") }
        let limit = spec.top ?? 25
        if rows.count > limit {
            // the top entries by the first y, shown in record order
            let keep = Set(rows.sorted { $0.2[0] != $1.2[0] ? $0.2[0] > $1.2[0] : $0.0 < $1.0 }.prefix(limit).map(\.0))
            notes.append("the top \(limit) of \(plural(rows.count, "record")) by \(spec.y[0]); \(rows.count - limit) left out")
            rows = rows.filter { keep.contains($0.0) }
        }
        let values = rows.flatMap(\.2)
        let scale = Scale(lo: values.min()!, hi: values.max()!)
        let short = shortLabels(rows.map(\.1))
        if let prefix = short.prefix { notes.append("\(spec.x!) without the common \(prefix)") }
        let longest = short.labels.map { SVG.clip($0, 32).count }.max() ?? 1
        let x0 = min(240, max(40, Double(longest) * 7 + 14)), x1 = SVG.width - 56
        let top = 30.0, barH = 14.0, band = Double(ycs.count) * barH + 8
        let bottom = top + band * Double(rows.count)
        let height = bottom + 44
        var svg = SVG.open(height, spec.displayTitle)
        svg += SVG.legend(spec.y.enumerated().map { (SVG.palette[$0.offset], $0.element) })
        svg += "<g class=\"grid\">\n"
        for t in scale.ticks {
            let x = scale.map(t, x0, x1)
            svg += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(bottom))\"/>\n"
        }
        svg += "</g>\n"
        let zero = scale.map(0, x0, x1)
        for (i, row) in rows.enumerated() {
            let y = top + band * Double(i) + 4
            svg += SVG.text(x0 - 6, y + band / 2 + 0.5, SVG.clip(short.labels[i], 32), cls: "category", anchor: "end")
            for (s, v) in row.2.enumerated() {
                let x = scale.map(v, x0, x1)
                let by = y + Double(s) * barH
                let tip = "\(spec.x!): \(row.1), \(spec.y[s]): \(Human.short(v))"
                svg += "<rect class=\"bar\" data-record=\"\(row.0 + 1)\" x=\"\(SVG.n(min(x, zero)))\" y=\"\(SVG.n(by))\" width=\"\(SVG.n(max(abs(x - zero), 0.5)))\" height=\"\(SVG.n(barH - 2))\" fill=\"\(SVG.palette[s])\"><title>\(SVG.esc(tip))</title></rect>\n"
                svg += SVG.text(max(x, zero) + 4, by + barH - 4, Human.short(v), cls: "value")
            }
        }
        svg += axisBottom(scale, x0, x1, bottom, title: spec.y.joined(separator: ", "))
        svg += "<line class=\"axis\" x1=\"\(SVG.n(zero))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(zero))\" y2=\"\(SVG.n(bottom))\"/>\n"
        return DrawnChart(svg: svg + "</svg>", notes: notes)
    }

    /// The x axis line, tick labels and title under a plot.
    static func axisBottom(_ scale: Scale, _ x0: Double, _ x1: Double, _ y: Double, title: String) -> String {
        var svg = "<line class=\"axis\" x1=\"\(SVG.n(x0))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(x1))\" y2=\"\(SVG.n(y))\"/>\n"
        for t in scale.ticks { svg += SVG.text(scale.map(t, x0, x1), y + 15, Human.short(t), cls: "tick", anchor: "middle") }
        return svg + SVG.text((x0 + x1) / 2, y + 36, title, cls: "axis-title", anchor: "middle")
    }

    /// The y axis of a plot: grid lines, tick labels and a rotated title.
    static func axisLeft(_ scale: Scale, _ x0: Double, _ x1: Double, _ top: Double, _ bottom: Double, title: String) -> String {
        var svg = "<g class=\"grid\">\n"
        for t in scale.ticks {
            let y = scale.map(t, bottom, top)
            svg += "<line x1=\"\(SVG.n(x0))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(x1))\" y2=\"\(SVG.n(y))\"/>\n"
        }
        svg += "</g>\n"
        for t in scale.ticks { svg += SVG.text(x0 - 6, scale.map(t, bottom, top) + 4, Human.short(t), cls: "tick", anchor: "end") }
        svg += "<line class=\"axis\" x1=\"\(SVG.n(x0))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(x0))\" y2=\"\(SVG.n(bottom))\"/>\n"
        let mid = (top + bottom) / 2
        return svg + SVG.text(14, mid, title, cls: "axis-title", anchor: "middle", extra: " transform=\"rotate(-90 14 \(SVG.n(mid)))\"")
    }

    /// The frame of line, histogram and scatter charts.
    static let plot = (x0: 70.0, x1: SVG.width - 24, top: 30.0, bottom: 290.0)
    static let plotHeight = 340.0

    // MARK: line

    /// Steps a time axis may take, per unit, finest first.
    static let timeSteps: [(TimeUnit, [Int])] = [(.day, [1, 2, 7, 14]), (.month, [1, 2, 3, 6]),
                                                 (.year, [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000])]

    static func line(_ spec: ChartSpec, _ input: ReportInput) -> DrawnChart {
        let xc = input.column(spec.x!)!
        let ycs = spec.y.map { input.column($0)! }
        let rows = chartRows(spec, input)
        var notes: [String] = []
        var dated: [(day: Int, row: [ReportValue?])] = []
        var finest = TimeUnit.year
        for r in rows {
            guard let v = r[xc], let d = Day.parse(v) else { continue }
            dated.append((d.day, r))
            if d.unit == .day || (d.unit == .month && finest == .year) { finest = d.unit }
        }
        if dated.count < rows.count {
            notes.append("\(plural(rows.count - dated.count, "record")) without a date in \(spec.x!) left out")
        }
        guard !dated.isEmpty else { return empty(spec, "no dates in \(spec.x!) (YYYY, YYYY-MM or YYYY-MM-DD)") }
        let unit = spec.by ?? finest
        // series: the count of records, or the sum of each y field, per unit
        var series: [(name: String, points: [Int: Double])] = []
        if ycs.isEmpty {
            var counts: [Int: Double] = [:]
            for d in dated { counts[Day.floor(d.day, unit), default: 0] += 1 }
            // counting: a unit without records is a zero, drawn as one
            let first = counts.keys.min()!, last = counts.keys.max()!
            var day = first, steps = 0
            while day < last && steps < 5000 { day = Day.advance(day, unit); steps += 1; if counts[day] == nil && day < last { counts[day] = 0 } }
            series.append(("records", counts))
        } else {
            for (s, c) in ycs.enumerated() {
                var sums: [Int: Double] = [:]
                for d in dated { if let v = d.row[c]?.number { sums[Day.floor(d.day, unit), default: 0] += v } }
                series.append((spec.y[s], sums))
            }
        }
        let days = series.flatMap { $0.points.keys }
        let values = series.flatMap { $0.points.values }
        guard let minDay = days.min(), let maxDay = days.max() else { return empty(spec, "no numbers in \(spec.y.joined(separator: ", "))") }
        // the axis spans whole units, one more on each side when there is a single one
        let lo = minDay == maxDay ? Day.advance(minDay, unit, by: -1) : minDay
        let hi = minDay == maxDay ? Day.advance(maxDay, unit) : maxDay
        let p = plot
        let ys = Scale(lo: values.min()!, hi: values.max()!, whole: ycs.isEmpty)
        func px(_ d: Int) -> Double { p.x0 + Double(d - lo) / Double(max(hi - lo, 1)) * (p.x1 - p.x0) }
        var svg = SVG.open(plotHeight, spec.displayTitle)
        svg += SVG.legend(series.enumerated().map { (SVG.palette[$0.offset], $0.element.name) })
        svg += axisLeft(ys, p.x0, p.x1, p.top, p.bottom, title: spec.y.isEmpty ? "records" : spec.y.joined(separator: ", "))
        // time ticks: the finest step that gives at most 10 labels
        var tickUnit = unit, step = 1
        search: for (u, steps) in timeSteps where u == unit || (unit == .day && u != .day) || (unit == .month && u == .year) {
            for s in steps {
                var n = 0, d = Day.floor(lo, u)
                while d <= hi { n += 1; d = Day.advance(d, u, by: s) }
                if n <= 10 { tickUnit = u; step = s; break search }
            }
        }
        svg += "<line class=\"axis\" x1=\"\(SVG.n(p.x0))\" y1=\"\(SVG.n(p.bottom))\" x2=\"\(SVG.n(p.x1))\" y2=\"\(SVG.n(p.bottom))\"/>\n"
        var d = Day.floor(lo, tickUnit)
        if tickUnit == .year { let y = Day.civil(d).year; d = Day.number(year: y - ((y % step) + step) % step, month: 1, day: 1) }
        while d <= hi {
            if d >= lo {
                svg += "<line class=\"tick-mark\" x1=\"\(SVG.n(px(d)))\" y1=\"\(SVG.n(p.bottom))\" x2=\"\(SVG.n(px(d)))\" y2=\"\(SVG.n(p.bottom + 4))\"/>\n"
                svg += SVG.text(px(d), p.bottom + 16, Day.label(d, tickUnit), cls: "tick", anchor: "middle")
            }
            d = Day.advance(d, tickUnit, by: step)
        }
        svg += SVG.text((p.x0 + p.x1) / 2, p.bottom + 38, "\(spec.x!) (by \(unit.rawValue))", cls: "axis-title", anchor: "middle")
        for (s, ser) in series.enumerated() {
            let pts = ser.points.sorted { $0.key < $1.key }
            let color = SVG.palette[s]
            let coords = pts.map { "\(SVG.n(px($0.key))),\(SVG.n(ys.map($0.value, p.bottom, p.top)))" }.joined(separator: " ")
            // counts with more empty units than full ones read better as stems
            let sparse = ycs.isEmpty && pts.filter({ $0.value > 0 }).count * 2 < pts.count
            if sparse {
                for pt in pts where pt.value > 0 {
                    let x = SVG.n(px(pt.key))
                    svg += "<line class=\"stem\" x1=\"\(x)\" y1=\"\(SVG.n(p.bottom))\" x2=\"\(x)\" y2=\"\(SVG.n(ys.map(pt.value, p.bottom, p.top)))\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
                }
            } else {
                svg += "<polyline class=\"series\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(coords)\"/>\n"
            }
            if pts.count <= 400 {
                for pt in pts where !(sparse && pt.value == 0) {
                    let tip = "\(Day.label(pt.key, unit)): \(Human.short(pt.value)) \(ser.name)"
                    svg += "<circle class=\"point\" cx=\"\(SVG.n(px(pt.key)))\" cy=\"\(SVG.n(ys.map(pt.value, p.bottom, p.top)))\" r=\"\(pt.value == 0 && ycs.isEmpty ? "1.5" : "3.5")\" fill=\"\(color)\"><title>\(SVG.esc(tip))</title></circle>\n"
                }
            }
        }
        return DrawnChart(svg: svg + "</svg>", notes: notes)
    }

    // MARK: histogram

    static func histogram(_ spec: ChartSpec, _ input: ReportInput) -> DrawnChart {
        let xc = input.column(spec.x!)!
        let rows = chartRows(spec, input)
        let values = rows.compactMap { $0[xc]?.number }.filter(\.isFinite)
        var notes: [String] = []
        if values.count < rows.count { notes.append("\(plural(rows.count - values.count, "record")) without a number in \(spec.x!) left out") }
        guard let lo = values.min(), let hi = values.max() else { return empty(spec, "no numbers in \(spec.x!)") }
        let wanted = spec.bins ?? 10
        let step = Scale.niceStep(max(hi - lo, 1e-9) / Double(wanted), nearest: true)
        let start = (lo / step).rounded(.down) * step
        // the largest value closes the last bin: 0-10, ..., 50-60 for a maximum of 60
        let bins = max(1, Int(((hi - start) / step).rounded(.up)))
        var counts = [Int](repeating: 0, count: bins)
        for v in values { counts[min(bins - 1, Int(((v - start) / step).rounded(.down)))] += 1 }
        let p = plot
        let xs = Scale(lo: start, hi: start + step * Double(bins), ticks: [])
        let ys = Scale(lo: 0, hi: Double(counts.max()!), whole: true)
        var svg = SVG.open(plotHeight, spec.displayTitle)
        svg += SVG.legend([(SVG.palette[0], "records per bin of \(Human.short(step))")])
        svg += axisLeft(ys, p.x0, p.x1, p.top, p.bottom, title: "records")
        for (i, c) in counts.enumerated() {
            let a = start + step * Double(i)
            let x = xs.map(a, p.x0, p.x1), w = xs.map(a + step, p.x0, p.x1) - x
            let y = ys.map(Double(c), p.bottom, p.top)
            let tip = "\(Human.short(a)) to \(Human.short(a + step)): \(plural(c, "record"))"
            svg += "<rect class=\"bin\" x=\"\(SVG.n(x + 0.5))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(max(w - 1, 0.5)))\" height=\"\(SVG.n(p.bottom - y))\" fill=\"\(SVG.palette[0])\"><title>\(SVG.esc(tip))</title></rect>\n"
        }
        // labels at the bin edges, at most about 12 of them
        let every = max(1, (bins + 11) / 12)
        var edges: [Double] = []
        for i in stride(from: 0, through: bins, by: every) { edges.append(start + step * Double(i)) }
        svg += axisBottom(Scale(lo: xs.lo, hi: xs.hi, ticks: edges), p.x0, p.x1, p.bottom, title: spec.x!)
        return DrawnChart(svg: svg + "</svg>", notes: notes)
    }

    // MARK: scatter

    /// Points drawn at most (the page stays light), and labelled at most.
    static let scatterLimit = 2000
    static let scatterLabels = 100

    static func scatter(_ spec: ChartSpec, _ input: ReportInput) -> DrawnChart {
        let xc = input.column(spec.x!)!, yc = input.column(spec.y[0])!
        let lc = spec.label.flatMap { input.column($0) }
        let rows = chartRows(spec, input)
        var notes: [String] = []
        var pts = rows.enumerated().compactMap { (i, r) -> (Int, Double, Double, String)? in
            guard let x = r[xc]?.number, let y = r[yc]?.number, x.isFinite, y.isFinite else { return nil }
            return (i, x, y, lc.flatMap { r[$0]?.text } ?? "")
        }
        if pts.count < rows.count { notes.append("\(plural(rows.count - pts.count, "record")) without numbers in \(spec.x!) and \(spec.y[0]) left out") }
        guard !pts.isEmpty else { return empty(spec, "no records with numbers in \(spec.x!) and \(spec.y[0])") }
        if pts.count > scatterLimit {
            notes.append("the first \(scatterLimit) of \(plural(pts.count, "point")); \(pts.count - scatterLimit) left out")
            pts.removeLast(pts.count - scatterLimit)
        }
        let p = plot
        let xs = Scale(lo: pts.map(\.1).min()!, hi: pts.map(\.1).max()!)
        let ys = Scale(lo: pts.map(\.2).min()!, hi: pts.map(\.2).max()!)
        var svg = SVG.open(plotHeight, spec.displayTitle)
        svg += SVG.legend([(SVG.palette[0], spec.label.map { "one point per record, labelled by \($0)" } ?? "one point per record")])
        svg += axisLeft(ys, p.x0, p.x1, p.top, p.bottom, title: spec.y[0])
        svg += axisBottom(xs, p.x0, p.x1, p.bottom, title: spec.x!)
        // labels where they do not cover one another
        let short = shortLabels(pts.map(\.3))
        if lc != nil, let prefix = short.prefix { notes.append("\(spec.label!) without the common \(prefix)") }
        var placed: [(Double, Double, Double)] = []   // x, y, width of labels drawn
        for (i, pt) in pts.enumerated() {
            let cx = xs.map(pt.1, p.x0, p.x1), cy = ys.map(pt.2, p.bottom, p.top)
            var tip = "\(spec.x!): \(Human.short(pt.1)), \(spec.y[0]): \(Human.short(pt.2))"
            if !pt.3.isEmpty { tip = pt.3 + " (" + tip + ")" }
            svg += "<circle class=\"point\" data-record=\"\(pt.0 + 1)\" cx=\"\(SVG.n(cx))\" cy=\"\(SVG.n(cy))\" r=\"4\" fill=\"\(SVG.palette[0])\" fill-opacity=\"0.75\"><title>\(SVG.esc(tip))</title></circle>\n"
            let name = SVG.clip(short.labels[i], 24)
            let w = Double(name.count) * 6.5
            if !name.isEmpty, pts.count <= scatterLabels, !placed.contains(where: { abs($0.1 - (cy - 6)) < 12 && cx + 6 < $0.0 + $0.2 + 4 && $0.0 < cx + 6 + w + 4 }) {
                placed.append((cx + 6, cy - 6, w))
                svg += SVG.text(cx + 6, cy - 6, name, cls: "point-label")
            }
        }
        return DrawnChart(svg: svg + "</svg>", notes: notes)
    }
}

extension Scale {
    init(lo: Double, hi: Double, ticks: [Double]) {
        self.lo = lo
        self.hi = hi
        self.ticks = ticks
    }
}

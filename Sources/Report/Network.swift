// The network of edge records (source, target, weight), laid out by a fixed
// number of Fruchterman-Reingold steps from fixed starting places: no
// randomness, so the same edges always give the same picture.
import Foundation

enum Network {
    struct Edge { var a: Int; var b: Int; var weight: Double }

    /// "China (11), United States (6)": the targets a field lists, with the
    /// weight in brackets (util.joincounts writes them so); a plain value is
    /// one target.
    static func targets(_ v: ReportValue) -> [(name: String, weight: Double?)] {
        let s = v.text
        guard s.contains(",") || s.hasSuffix(")") else { return s.isEmpty ? [] : [(s, nil)] }
        return s.components(separatedBy: ", ").compactMap { part in
            let p = part.trimmingCharacters(in: .whitespaces)
            guard !p.isEmpty else { return nil }
            if p.hasSuffix(")"), let open = p.range(of: " (", options: .backwards),
               let w = Double(p[open.upperBound..<p.index(before: p.endIndex)]) {
                return (String(p[..<open.lowerBound]), w)
            }
            return (p, nil)
        }
    }

    static func draw(_ spec: ChartSpec, _ input: ReportInput) -> DrawnChart {
        let sc = input.column(spec.source)!, tc = input.column(spec.target)!
        let wc = input.column(spec.weight)
        // directed weights add up; a link and its reverse are one link, as heavy as the heavier
        var directed: [String: [String: Double]] = [:]
        for r in chartRows(spec, input) {
            guard let s = r[sc]?.text, !s.isEmpty, let t = r[tc] else { continue }
            let w = wc.flatMap { r[$0]?.number }
            for target in targets(t) where target.name != s {
                directed[s, default: [:]][target.name, default: 0] += w ?? target.weight ?? 1
            }
        }
        var links: [String: [String: Double]] = [:]   // a < b
        for (s, ts) in directed {
            for (t, w) in ts {
                let (a, b) = s < t ? (s, t) : (t, s)
                links[a, default: [:]][b] = max(links[a]?[b] ?? 0, w)
            }
        }
        var degree: [String: Double] = [:]
        for (a, bs) in links { for (b, w) in bs { degree[a, default: 0] += w; degree[b, default: 0] += w } }
        guard !degree.isEmpty else { return Charts.empty(spec, "no links between two different \(spec.source) and \(spec.target) values") }
        let ranked = degree.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let limit = spec.top ?? 30
        var notes: [String] = []
        if ranked.count > limit {
            notes.append("the \(limit) most linked of \(Charts.plural(ranked.count, "node")); \(ranked.count - limit) left out")
        }
        let names = ranked.prefix(limit).map(\.key)
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var edges: [Edge] = []
        for a in links.keys.sorted() {
            for (b, w) in links[a]!.sorted(by: { $0.key < $1.key }) {
                if let i = index[a], let j = index[b] { edges.append(Edge(a: i, b: j, weight: w)) }
            }
        }
        let pos = layout(count: names.count, edges: edges)
        let maxW = edges.map(\.weight).max() ?? 1
        let maxD = ranked.first!.value
        let height = 480.0
        let labelRoom = min(150.0, Double(names.map { SVG.clip($0, 20).count }.max()!) * 7)
        let (x0, x1, y0, y1) = (20.0 + labelRoom / 2, SVG.width - 20 - labelRoom / 2, 50.0, height - 30)
        func at(_ i: Int) -> (Double, Double) { (x0 + pos[i].0 * (x1 - x0), y0 + pos[i].1 * (y1 - y0)) }
        var svg = SVG.open(height, spec.displayTitle)
        svg += SVG.legend([(SVG.palette[0], "node: \(spec.source)/\(spec.target), larger = more links"),
                           ("#8a8f98", "line: link, thicker = more \(wc == nil ? "weight" : spec.weight)")])
        for e in edges {
            let (ax, ay) = at(e.a), (bx, by) = at(e.b)
            let tip = "\(names[e.a]) – \(names[e.b]): \(Human.short(e.weight))"
            svg += "<line class=\"edge\" x1=\"\(SVG.n(ax))\" y1=\"\(SVG.n(ay))\" x2=\"\(SVG.n(bx))\" y2=\"\(SVG.n(by))\" stroke-width=\"\(SVG.n(1 + 5 * e.weight / maxW))\"><title>\(SVG.esc(tip))</title></line>\n"
        }
        for (i, name) in names.enumerated() {
            let (x, y) = at(i)
            let r = 4 + 10 * (degree[name]! / maxD).squareRoot()
            svg += "<circle class=\"node\" cx=\"\(SVG.n(x))\" cy=\"\(SVG.n(y))\" r=\"\(SVG.n(r))\" fill=\"\(SVG.palette[0])\"><title>\(SVG.esc(name)): \(Human.short(degree[name]!))</title></circle>\n"
            svg += SVG.text(x, y - r - 4, SVG.clip(name, 20), cls: "node-label", anchor: "middle")
        }
        return DrawnChart(svg: svg + "</svg>", notes: notes)
    }

    /// Positions in the unit square. Nodes start on a circle in rank order (the
    /// most linked first) and move for a fixed number of steps.
    static func layout(count n: Int, edges: [Edge]) -> [(Double, Double)] {
        if n == 1 { return [(0.5, 0.5)] }
        var p = (0..<n).map { i -> (Double, Double) in
            let angle = 2 * Double.pi * Double(i) / Double(n)
            return (0.5 + 0.4 * cos(angle), 0.5 + 0.4 * sin(angle))
        }
        let k = (1.0 / Double(n)).squareRoot() * 0.9
        let maxW = edges.map(\.weight).max() ?? 1
        let steps = 300
        for step in 0..<steps {
            var d = [(Double, Double)](repeating: (0, 0), count: n)
            for i in 0..<n {
                for j in (i + 1)..<n {
                    var dx = p[i].0 - p[j].0, dy = p[i].1 - p[j].1
                    var dist = (dx * dx + dy * dy).squareRoot()
                    if dist < 1e-6 { dx = 1e-3 * Double(i - j); dy = 1e-3; dist = (dx * dx + dy * dy).squareRoot() }
                    let f = k * k / dist
                    d[i].0 += dx / dist * f; d[i].1 += dy / dist * f
                    d[j].0 -= dx / dist * f; d[j].1 -= dy / dist * f
                }
            }
            for e in edges {
                let dx = p[e.a].0 - p[e.b].0, dy = p[e.a].1 - p[e.b].1
                let dist = max((dx * dx + dy * dy).squareRoot(), 1e-6)
                let f = dist * dist / k * (0.3 + 0.7 * e.weight / maxW)
                d[e.a].0 -= dx / dist * f; d[e.a].1 -= dy / dist * f
                d[e.b].0 += dx / dist * f; d[e.b].1 += dy / dist * f
            }
            // a weak pull to the middle keeps unlinked parts in view
            for i in 0..<n { d[i].0 += (0.5 - p[i].0) * k; d[i].1 += (0.5 - p[i].1) * k }
            let temperature = 0.1 * (1 - Double(step) / Double(steps)) + 0.002
            for i in 0..<n {
                let len = (d[i].0 * d[i].0 + d[i].1 * d[i].1).squareRoot()
                if len > 0 {
                    let m = min(len, temperature)
                    p[i].0 += d[i].0 / len * m; p[i].1 += d[i].1 / len * m
                }
            }
        }
        // stretched to fill the square
        let xs = p.map(\.0), ys = p.map(\.1)
        let (minX, maxX, minY, maxY) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        return p.map { (maxX > minX ? ($0.0 - minX) / (maxX - minX) : 0.5, maxY > minY ? ($0.1 - minY) / (maxY - minY) : 0.5) }
    }
}

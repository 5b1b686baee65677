// What a script declares with chart{...}, checked when it is declared so that a
// typo stops the run before any article (exit 2) rather than after the last.
public enum ChartKind: String, Sendable, CaseIterable {
    case bar, line, histogram, scatter, network
}

/// The granularity of a time axis.
public enum TimeUnit: String, Sendable, CaseIterable {
    case day, month, year
}

/// One value of a chart{...} table, as Lua gave it.
public enum ChartOption: Sendable, Equatable {
    case string(String)
    case number(Double)
    case list([String])
    case map([String: String])
}

public struct ChartError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ s: String) { description = "chart: " + s }
}

public struct ChartSpec: Sendable, Equatable {
    public var kind: ChartKind
    public var title: String?
    public var x: String?
    public var y: [String] = []
    public var label: String?
    public var source = "source"
    public var target = "target"
    public var weight = "weight"
    public var by: TimeUnit?
    public var top: Int?
    public var bins: Int?
    /// Only records whose fields have these values (as text).
    public var only: [String: String] = [:]
    /// Not the records whose fields have these values.
    public var except: [String: String] = [:]

    /// The options each kind takes (besides kind); the first ones are required.
    static let options: [ChartKind: (required: [String], optional: [String])] = [
        .bar: (["x", "y"], ["title", "top", "only", "except"]),
        .line: (["x"], ["y", "by", "title", "only", "except"]),
        .histogram: (["x"], ["bins", "title", "only", "except"]),
        .scatter: (["x", "y"], ["label", "title", "only", "except"]),
        .network: ([], ["source", "target", "weight", "top", "title", "only", "except"]),
    ]

    /// The example shown in messages, per kind.
    static let examples: [ChartKind: String] = [
        .bar: #"chart { kind = "bar", x = "word", y = "count" }"#,
        .line: #"chart { kind = "line", x = "published", by = "month" }"#,
        .histogram: #"chart { kind = "histogram", x = "words", bins = 10 }"#,
        .scatter: #"chart { kind = "scatter", x = "words", y = "hits", label = "source" }"#,
        .network: #"chart { kind = "network", source = "from", target = "to", weight = "count" }"#,
    ]

    public init(kind: ChartKind) { self.kind = kind }

    public init(options: [String: ChartOption]) throws(ChartError) {
        let kinds = ChartKind.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .string(let k)? = options["kind"] else {
            throw ChartError("give a kind (\(kinds)), as in \(ChartSpec.examples[.bar]!)")
        }
        guard let kind = ChartKind(rawValue: k) else {
            throw ChartError("kind must be one of \(kinds), not '\(k)'")
        }
        self.kind = kind
        let allowed = ChartSpec.options[kind]!
        let example = ChartSpec.examples[kind]!
        for key in options.keys.sorted() where key != "kind" && !allowed.required.contains(key) && !allowed.optional.contains(key) {
            throw ChartError("a \(kind) chart takes \((allowed.required + allowed.optional).joined(separator: ", ")), not '\(key)' (\(example))")
        }
        for key in allowed.required where options[key] == nil {
            throw ChartError("a \(kind) chart needs \(allowed.required.joined(separator: " and ")), as in \(example)")
        }
        func text(_ key: String) throws(ChartError) -> String? {
            switch options[key] {
            case nil: return nil
            case .string(let s)?: return s
            default: throw ChartError("\(key) must be a field name (a string), as in \(example)")
            }
        }
        func count(_ key: String, _ range: ClosedRange<Int>) throws(ChartError) -> Int? {
            switch options[key] {
            case nil: return nil
            case .number(let d)? where d == d.rounded() && range.contains(Int(exactly: d) ?? -1): return Int(d)
            default: throw ChartError("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
        }
        func filter(_ key: String) throws(ChartError) -> [String: String] {
            switch options[key] {
            case nil: return [:]
            case .map(let m)?: return m
            default: throw ChartError(#"\#(key) must be a table of field = value, as in \#(key) = { source = "(all)" }"#)
            }
        }
        title = try text("title")
        x = try text("x")
        switch options["y"] {
        case nil: y = []
        case .string(let s)?: y = [s]
        case .list(let l)? where !l.isEmpty && l.count <= 6: y = l
        default: throw ChartError(#"y must be a field name or a list of up to 6 of them, as in y = { "hits", "words" }"#)
        }
        if kind == .scatter && y.count != 1 { throw ChartError("a scatter chart takes one y field") }
        label = try text("label")
        source = try text("source") ?? source
        target = try text("target") ?? target
        weight = try text("weight") ?? weight
        if let b = try text("by") {
            guard let unit = TimeUnit(rawValue: b) else {
                throw ChartError("by must be day, month or year, not '\(b)'")
            }
            by = unit
        }
        top = try count("top", 1...1000)
        bins = try count("bins", 1...200)
        only = try filter("only")
        except = try filter("except")
    }

    /// The title shown when the script gives none.
    public var displayTitle: String {
        if let title { return title }
        switch kind {
        case .bar, .scatter: return "\(y.joined(separator: ", ")) by \(x ?? "")"
        case .line: return (y.isEmpty ? "records" : y.joined(separator: ", ")) + " by \(by?.rawValue ?? x ?? "")"
        case .histogram: return "distribution of \(x ?? "")"
        case .network: return "\(source) and \(target)"
        }
    }
}

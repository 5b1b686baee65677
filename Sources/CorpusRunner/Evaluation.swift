// Scores parsed articles against an expected.json in the format of
// Tests/ArticleParserTests/Fixtures/layouts/expected.json (see docs/FIXTURES.md):
//
//   { "file.txt": { "title": ..., "author": ..., "author_bio": ... (optional),
//                   "image_credit": ..., "published": ..., "headings": [...],
//                   "paragraphs_per_section": [...], "navigation": {"previous", "next"},
//                   "tags": [...], "comments": N, "comments_closed": bool,
//                   "with": [...], "without": [...] }, ... }
//
// Two scores, as trafilatura's evaluation computes them:
//   - field accuracy: the share of exact fields that are exactly right;
//   - snippets: each "with" snippet found in the body is a true positive (else a
//     false negative), each "without" snippet found is a false positive (else a
//     true negative); precision, recall and F1 pooled over all snippets.
// The body is every section heading and paragraph, whitespace runs folded to one
// space; snippets are folded the same way and matched as Unicode scalars.
// An expected article that was not parsed counts every field wrong, every "with"
// snippet as a false negative and every "without" snippet as a true negative
// (trafilatura's rule for an extraction that returned nothing).
// Everything is sorted by file name, so the report is deterministic.

import ArticleModel
import Foundation

/// A malformed expected.json: not UTF-8, not JSON, or a field of the wrong type.
public struct EvaluationError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

public struct EvaluationReport: Sendable {
    /// The printed report: one line per article with failures, then the totals.
    public var text: String
    /// Right fields / all scored fields (0 when nothing is scored).
    public var fieldAccuracy: Double
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// One entry per failure: "wire_02.txt: author: expected \"Jane Doe\", got nil".
    public var failures: [String]
    public var fieldsRight: Int
    public var fieldsTotal: Int
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int
    public var trueNegatives: Int
    /// Expected articles that were not among the parsed ones.
    public var missing: [String]

    public init(text: String = "", fieldAccuracy: Double = 0, precision: Double = 0, recall: Double = 0,
                f1: Double = 0, failures: [String] = [], fieldsRight: Int = 0, fieldsTotal: Int = 0,
                truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0,
                trueNegatives: Int = 0, missing: [String] = []) {
        self.text = text
        self.fieldAccuracy = fieldAccuracy
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.failures = failures
        self.fieldsRight = fieldsRight
        self.fieldsTotal = fieldsTotal
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.trueNegatives = trueNegatives
        self.missing = missing
    }
}

public enum Evaluation {
    /// Scores `articles` (file name -> parsed article) against `expectedJSON`.
    /// Parsed articles that expected.json does not name are listed, not scored.
    public static func evaluate(expectedJSON: [UInt8], articles: [String: Article]) throws -> EvaluationReport {
        let expected = try EvalExpectedFile.parse(expectedJSON)
        var report = EvaluationReport()
        var lines: [String] = []

        for exp in expected {
            var fails: [String] = []
            guard let article = articles[exp.name] else {
                let fields = exp.fieldCount
                report.fieldsTotal += fields
                report.falseNegatives += exp.with.count
                report.trueNegatives += exp.without.count
                report.missing.append(exp.name)
                let msg = "not parsed: \(fields) fields wrong, \(exp.with.count) with-snippets missed"
                report.failures.append("\(exp.name): \(msg)")
                lines.append("\(exp.name): \(msg)")
                continue
            }

            func field<T: Equatable>(_ name: String, _ want: T, _ got: T, _ show: (T) -> String) {
                report.fieldsTotal += 1
                if want == got {
                    report.fieldsRight += 1
                } else {
                    fails.append("\(name): expected \(show(want)), got \(show(got))")
                }
            }
            field("title", exp.title, article.title, EvalShow.string)
            field("author", exp.author, article.author, EvalShow.string)
            if let bio = exp.authorBio {
                field("author_bio", bio, article.authorBio, EvalShow.string)
            }
            field("image_credit", exp.imageCredit, article.imageCredit, EvalShow.string)
            field("published", exp.published, article.published, EvalShow.string)
            field("headings", exp.headings, article.sections.map { $0.heading }, EvalShow.strings)
            field("paragraphs_per_section", exp.paragraphsPerSection,
                  article.sections.map { $0.paragraphs.count }, EvalShow.ints)
            field("navigation", EvalNavPair(exp.previous, exp.next),
                  EvalNavPair(article.navigation.previous, article.navigation.next), EvalShow.nav)
            field("tags", exp.tags, article.tags, { EvalShow.strings($0.map { Optional($0) }) })
            field("comments", exp.comments, article.comments.count, { String($0) })
            field("comments_closed", exp.commentsClosed, article.commentsClosed, { String($0) })

            let body = EvalText.bodyScalars(article)
            for s in exp.with {
                if EvalText.contains(body, EvalText.folded(s)) {
                    report.truePositives += 1
                } else {
                    report.falseNegatives += 1
                    fails.append("with not in body: \(EvalShow.string(s))")
                }
            }
            for s in exp.without {
                if EvalText.contains(body, EvalText.folded(s)) {
                    report.falsePositives += 1
                    fails.append("without in body: \(EvalShow.string(s))")
                } else {
                    report.trueNegatives += 1
                }
            }
            if !fails.isEmpty {
                report.failures.append(contentsOf: fails.map { "\(exp.name): \($0)" })
                lines.append("\(exp.name): " + fails.joined(separator: "; "))
            }
        }

        let names = Set(expected.map { $0.name })
        let unscored = articles.keys.filter { !names.contains($0) }.sorted()
        if !unscored.isEmpty {
            lines.append("not in expected.json (not scored): " + unscored.joined(separator: ", "))
        }

        let tp = report.truePositives, fp = report.falsePositives
        let fn = report.falseNegatives, tn = report.trueNegatives
        report.fieldAccuracy = ratio(report.fieldsRight, report.fieldsTotal)
        report.precision = ratio(tp, tp + fp)
        report.recall = ratio(tp, tp + fn)
        report.f1 = ratio(2 * tp, 2 * tp + fp + fn)

        lines.append("articles \(expected.count) (parsed \(expected.count - report.missing.count), missing \(report.missing.count))")
        lines.append("fields \(EvalShow.percent(report.fieldsRight, report.fieldsTotal)) (\(report.fieldsRight)/\(report.fieldsTotal))")
        lines.append("snippets P \(EvalShow.fixed3(report.precision)) R \(EvalShow.fixed3(report.recall)) F1 \(EvalShow.fixed3(report.f1)) (tp \(tp) fp \(fp) fn \(fn) tn \(tn))")
        report.text = lines.joined(separator: "\n") + "\n"
        return report
    }

    static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
}

// MARK: - Expected entries

fileprivate struct EvalNavPair: Equatable {
    var previous: String?
    var next: String?
    init(_ previous: String?, _ next: String?) { self.previous = previous; self.next = next }
}

fileprivate struct EvalExpectedArticle {
    var name: String
    var title: String?
    var author: String?
    /// nil: the key is absent and the field is not scored; .some(nil): expected null.
    var authorBio: String??
    var imageCredit: String?
    var published: String?
    var headings: [String?]
    var paragraphsPerSection: [Int]
    var previous: String?
    var next: String?
    var tags: [String]
    var comments: Int
    var commentsClosed: Bool
    var with: [String]
    var without: [String]

    /// How many exact fields this entry scores.
    var fieldCount: Int { authorBio == nil ? 10 : 11 }
}

fileprivate enum EvalExpectedFile {
    static func parse(_ bytes: [UInt8]) throws(EvaluationError) -> [EvalExpectedArticle] {
        var data = bytes[...]
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        // Decoded by hand rather than with String(validating:), which needs macOS 15.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(data.count)
        var input = data.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&input) {
            case .scalarValue(let u): scalars.append(u)
            case .emptyInput: break decoding
            case .error: throw EvaluationError("expected.json: not valid UTF-8 (after \(scalars.count) characters)")
            }
        }
        var parser = EvalJSONParser(scalars)
        let root = try parser.parseDocument()
        guard case .object(let members) = root else {
            throw EvaluationError("expected.json: the top level must be an object mapping file names to entries")
        }
        var out: [EvalExpectedArticle] = []
        for (name, value) in members {
            out.append(try entry(name, value))
        }
        return out.sorted { $0.name < $1.name }
    }

    static func entry(_ name: String, _ value: EvalJSONValue) throws(EvaluationError) -> EvalExpectedArticle {
        func fail(_ what: String) -> EvaluationError {
            EvaluationError("expected.json: \"\(name)\": \(what)")
        }
        guard case .object(let members) = value else { throw fail("the entry must be an object") }
        var map: [String: EvalJSONValue] = [:]
        for (k, v) in members { map[k] = v }

        func required(_ key: String) throws(EvaluationError) -> EvalJSONValue {
            guard let v = map[key] else { throw fail("missing key \"\(key)\"") }
            return v
        }
        func optString(_ key: String, _ v: EvalJSONValue) throws(EvaluationError) -> String? {
            switch v {
            case .null: return nil
            case .string(let s): return s
            default: throw fail("\"\(key)\" must be a string or null")
            }
        }
        func stringField(_ key: String) throws(EvaluationError) -> String? {
            try optString(key, try required(key))
        }
        func array(_ key: String) throws(EvaluationError) -> [EvalJSONValue] {
            guard case .array(let items) = try required(key) else { throw fail("\"\(key)\" must be a list") }
            return items
        }
        func strings(_ key: String, nonEmpty: Bool) throws(EvaluationError) -> [String] {
            var out: [String] = []
            for item in try array(key) {
                guard case .string(let s) = item else { throw fail("\"\(key)\" must be a list of strings") }
                if nonEmpty && EvalText.folded(s).isEmpty { throw fail("\"\(key)\" has an empty snippet") }
                out.append(s)
            }
            return out
        }
        func integer(_ key: String, _ v: EvalJSONValue) throws(EvaluationError) -> Int {
            guard case .number(let literal) = v, let n = Int(literal), n >= 0 else {
                throw fail("\"\(key)\" must be a whole number >= 0")
            }
            return n
        }

        var e = EvalExpectedArticle(name: name, title: nil, author: nil, authorBio: nil, imageCredit: nil,
                                published: nil, headings: [], paragraphsPerSection: [], previous: nil,
                                next: nil, tags: [], comments: 0, commentsClosed: false, with: [], without: [])
        e.title = try stringField("title")
        e.author = try stringField("author")
        if let bio = map["author_bio"] { e.authorBio = .some(try optString("author_bio", bio)) }
        e.imageCredit = try stringField("image_credit")
        e.published = try stringField("published")
        for item in try array("headings") {
            e.headings.append(try optString("headings", item))
        }
        for item in try array("paragraphs_per_section") {
            e.paragraphsPerSection.append(try integer("paragraphs_per_section", item))
        }
        guard case .object(let nav) = try required("navigation") else {
            throw fail("\"navigation\" must be an object with \"previous\" and \"next\"")
        }
        var navMap: [String: EvalJSONValue] = [:]
        for (k, v) in nav { navMap[k] = v }
        guard let prev = navMap["previous"], let next = navMap["next"] else {
            throw fail("\"navigation\" must have \"previous\" and \"next\"")
        }
        e.previous = try optString("navigation.previous", prev)
        e.next = try optString("navigation.next", next)
        e.tags = try strings("tags", nonEmpty: false)
        e.comments = try integer("comments", try required("comments"))
        guard case .bool(let closed) = try required("comments_closed") else {
            throw fail("\"comments_closed\" must be true or false")
        }
        e.commentsClosed = closed
        e.with = try strings("with", nonEmpty: true)
        e.without = try strings("without", nonEmpty: true)
        return e
    }
}

// MARK: - Body text and snippet matching

fileprivate enum EvalText {
    /// The body for matching: headings and paragraphs in order, whitespace folded.
    static func bodyScalars(_ a: Article) -> [Unicode.Scalar] {
        var parts: [String] = []
        for s in a.sections {
            if let h = s.heading { parts.append(h) }
            for p in s.paragraphs { parts.append(p.text) }
        }
        return folded(parts.joined(separator: "\n\n"))
    }

    /// Unicode scalars with every run of white space turned into one space, trimmed.
    static func folded(_ s: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.unicodeScalars.count)
        var pendingSpace = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(u)
            }
        }
        return out
    }

    static func contains(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > hay.count { return false }
        let first = needle[0]
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}

// MARK: - Report formatting

fileprivate enum EvalShow {
    static func string(_ s: String?) -> String {
        guard let s else { return "nil" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out += "\\u{" + String(u.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    static func strings(_ list: [String?]) -> String {
        "[" + list.map { string($0) }.joined(separator: ", ") + "]"
    }

    static func ints(_ list: [Int]) -> String {
        "[" + list.map { String($0) }.joined(separator: ", ") + "]"
    }

    static func nav(_ n: EvalNavPair) -> String {
        "{previous: \(string(n.previous)), next: \(string(n.next))}"
    }

    /// "97.5%": one decimal, rounded half up, in integer arithmetic.
    static func percent(_ right: Int, _ total: Int) -> String {
        guard total > 0 else { return "0.0%" }
        let tenths = (right * 1000 * 2 + total) / (2 * total)
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// "0.995": three decimals, independent of locale.
    static func fixed3(_ x: Double) -> String {
        let m = Int((x * 1000).rounded())
        let frac = String(m % 1000)
        return "\(m / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}

// MARK: - A small strict JSON parser (RFC 8259), so number and boolean types,
// duplicate keys and error positions are exact on every platform.

fileprivate enum EvalJSONValue {
    case null
    case bool(Bool)
    case number(String)   // the literal, as written
    case string(String)
    case array([EvalJSONValue])
    case object([(String, EvalJSONValue)])
}

fileprivate struct EvalJSONParser {
    let s: [Unicode.Scalar]
    var i = 0
    var depth = 0

    init(_ s: [Unicode.Scalar]) { self.s = s }

    mutating func parseDocument() throws(EvaluationError) -> EvalJSONValue {
        skipSpace()
        let v = try value()
        skipSpace()
        if i < s.count { throw error("unexpected text after the JSON value") }
        return v
    }

    func error(_ what: String) -> EvaluationError {
        var line = 1, col = 1
        for k in 0..<min(i, s.count) {
            if s[k] == "\n" { line += 1; col = 1 } else { col += 1 }
        }
        return EvaluationError("expected.json:\(line):\(col): \(what)")
    }

    mutating func skipSpace() {
        while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { i += 1 }
    }

    mutating func value() throws(EvaluationError) -> EvalJSONValue {
        guard i < s.count else { throw error("unexpected end of input") }
        switch s[i] {
        case "{": return try object()
        case "[": return try array()
        case "\"": return .string(try string())
        case "t": try word("true"); return .bool(true)
        case "f": try word("false"); return .bool(false)
        case "n": try word("null"); return .null
        case "-", "0"..."9": return .number(try number())
        default: throw error("unexpected character '\(s[i])'")
        }
    }

    mutating func word(_ w: String) throws(EvaluationError) {
        for u in w.unicodeScalars {
            guard i < s.count, s[i] == u else { throw error("invalid literal (expected \(w))") }
            i += 1
        }
    }

    mutating func nest() throws(EvaluationError) {
        depth += 1
        if depth > 200 { throw error("nested too deeply") }
    }

    mutating func object() throws(EvaluationError) -> EvalJSONValue {
        try nest()
        i += 1
        var members: [(String, EvalJSONValue)] = []
        var seen = Set<String>()
        skipSpace()
        if i < s.count, s[i] == "}" { i += 1; depth -= 1; return .object(members) }
        while true {
            skipSpace()
            guard i < s.count, s[i] == "\"" else { throw error("expected a string key") }
            let key = try string()
            if !seen.insert(key).inserted { throw error("duplicate key \"\(key)\"") }
            skipSpace()
            guard i < s.count, s[i] == ":" else { throw error("expected ':' after key \"\(key)\"") }
            i += 1
            skipSpace()
            members.append((key, try value()))
            skipSpace()
            guard i < s.count else { throw error("unexpected end of input in an object") }
            if s[i] == "," { i += 1; continue }
            if s[i] == "}" { i += 1; break }
            throw error("expected ',' or '}' in an object")
        }
        depth -= 1
        return .object(members)
    }

    mutating func array() throws(EvaluationError) -> EvalJSONValue {
        try nest()
        i += 1
        var items: [EvalJSONValue] = []
        skipSpace()
        if i < s.count, s[i] == "]" { i += 1; depth -= 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < s.count else { throw error("unexpected end of input in a list") }
            if s[i] == "," { i += 1; continue }
            if s[i] == "]" { i += 1; break }
            throw error("expected ',' or ']' in a list")
        }
        depth -= 1
        return .array(items)
    }

    mutating func hex4() throws(EvaluationError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < s.count, s[i].isASCII, let d = UInt32(String(s[i]), radix: 16) else {
                throw error("invalid \\u escape")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    mutating func string() throws(EvaluationError) -> String {
        i += 1  // opening quote
        var out = String.UnicodeScalarView()
        while true {
            guard i < s.count else { throw error("unterminated string") }
            let c = s[i]
            i += 1
            switch c {
            case "\"":
                return String(out)
            case "\\":
                guard i < s.count else { throw error("unterminated string") }
                let e = s[i]
                i += 1
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    var v = try hex4()
                    if (0xD800..<0xDC00).contains(v) {
                        guard i + 1 < s.count, s[i] == "\\", s[i + 1] == "u" else {
                            throw error("unpaired surrogate in \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(v) {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    guard let u = Unicode.Scalar(v) else { throw error("invalid \\u escape") }
                    out.append(u)
                default:
                    i -= 1
                    throw error("invalid escape '\\\(e)'")
                }
            default:
                if c.value < 0x20 { i -= 1; throw error("control character in a string") }
                out.append(c)
            }
        }
    }

    mutating func number() throws(EvaluationError) -> String {
        let start = i
        if s[i] == "-" { i += 1 }
        guard i < s.count, ("0"..."9").contains(s[i]) else { throw error("invalid number") }
        if s[i] == "0" { i += 1 } else { _ = digits() }
        if i < s.count, s[i] == "." {
            i += 1
            if digits() == 0 { throw error("invalid number") }
        }
        if i < s.count, s[i] == "e" || s[i] == "E" {
            i += 1
            if i < s.count, s[i] == "+" || s[i] == "-" { i += 1 }
            if digits() == 0 { throw error("invalid number") }
        }
        var lit = String.UnicodeScalarView()
        lit.append(contentsOf: s[start..<i])
        return String(lit)
    }

    mutating func digits() -> Int {
        var n = 0
        while i < s.count, ("0"..."9").contains(s[i]) { i += 1; n += 1 }
        return n
    }
}

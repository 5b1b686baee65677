// A rules file applied to blocks another reader made (the HTML reader): the
// same patterns and labels as on text units, so `--rules FILE` means the same
// on every page of a corpus.
import ArticleModel

extension ParserRules {
    /// Each block whose whole text a rule matches takes the rule's label, as a
    /// text unit would: boilerplate kinds, paragraph and heading (kept in the
    /// body), ignored, comments_closed; bylines, dates, image credits, tags and
    /// navigation with their values. The title and the blocks read from the
    /// page's metadata (tag `meta` or `title`) are left alone: they are no text
    /// of the page. `--explain` names the rule and its file and line.
    public func relabel(_ blocks: [Block]) -> [Block] {
        guard !rules.isEmpty else { return blocks }
        var out = blocks
        var ruled: [BlockLabel: String] = [:]
        for i in out.indices {
            let blk = out[i]
            if blk.label == .title || blk.tag == "meta" || blk.tag == "title" { continue }
            if let r = relabelled(blk) {
                out[i] = r
                if (r.label == .byline || r.label == .date) && ruled[r.label] == nil { ruled[r.label] = r.rule }
            }
        }
        // The user's byline or date rule says where this site puts them: it
        // wins over the page's metadata (often a desk or a last-modified date).
        for i in out.indices where out[i].tag == "meta" {
            if let why = ruled[out[i].label] {
                out[i].label = .ignored
                out[i].rule = "ignored: metadata \(out[i].rule); the page's line that \(why) matched wins"
            }
        }
        return out
    }

    private func relabelled(_ blk: Block) -> Block? {
        var t = blk.text
        return t.withUTF8 { b -> Block? in
            let (s, e) = trimmed(b, 0, b.count)
            guard e > s, let h = match(b, s, e) else { return nil }
            let r = rules[h.rule]
            var o = blk
            o.rule = r.explanation
            o.value = nil
            o.values = []
            o.time = nil
            func str(_ x: (Int, Int)) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: b[x.0..<x.1]), as: UTF8.self)
            }
            let cap = MetaLines.trimValue(b, h.capStart, h.capEnd)
            let capText: String? = r.captureStar != nil && cap.1 > cap.0 ? str(cap) : nil
            switch r.label {
            case .byline:
                // As on text pages: the name the rule's * caught, capitalised; else no byline.
                guard let n = MetaLines.bylineName(b, h.capStart, h.capEnd) else {
                    o.label = .boilerplate("meta")
                    o.rule += " (no name)"
                    return o
                }
                o.label = .byline
                o.value = str(n)
            case .date:
                if let d = DateNormalizer.normalize(capText ?? blk.text) {
                    o.label = .date
                    o.value = d
                } else {
                    o.label = .boilerplate("meta")
                    o.rule += " (no date)"
                }
            case .imageCredit:
                o.label = .imageCredit
                o.value = capText ?? blk.text
            case .tags:
                o.label = .tags
                o.values = capText != nil ? MetaLines.splitList(b, cap.0, cap.1) : []
            case .navPrevious, .navNext:
                if let v = capText {
                    o.label = r.label
                    o.value = v
                } else {
                    o.label = .boilerplate("nav")
                    o.rule += " (no title)"
                }
            default:
                o.label = r.label
            }
            return o
        }
    }

    /// Kinds of page furniture that do not belong at a story's start or end:
    /// prompts to comment, share, subscribe or read on, adverts, widgets.
    public static let edgeKinds: Set<String> = ["related", "widget", "share", "form", "newsletter", "comments",
                                         "advert", "cta", "promo", "end"]

    /// The body's first and last blocks (paragraphs and headings, walking in
    /// from each end past other blocks) that these rules name as furniture of
    /// an `edgeKinds` kind ("Promoted Content", "Kommentar schreiben", "Sign
    /// up for our newsletter ...", "Estimated reading time: 6 minutes") are
    /// that boilerplate, up to the first block they do not name. Only at the
    /// edges: inside a story such a phrase may be the story's own words; and
    /// never every body block (a page whose only lines are such phrases).
    public func trimEdges(_ blocks: [Block]) -> [Block] {
        guard !rules.isEmpty else { return blocks }
        var out = blocks
        func furniture(_ i: Int, _ whereText: String) -> Bool {
            guard let m = match(out[i].text), case .boilerplate(let k) = m.label, Self.edgeKinds.contains(k) else { return false }
            out[i].label = .boilerplate(k)
            out[i].rule = m.rule + " (" + whereText + ")"
            return true
        }
        let inBody: (BlockLabel) -> Bool = { $0 == .paragraph || $0 == .heading }
        var last = out.count - 1
        while last >= 0 {
            if inBody(out[last].label) && !furniture(last, "at the end of the story") { break }
            last -= 1
        }
        // Every body block a phrase: that is no story's edge; leave the page as it was read.
        guard last >= 0 else { return blocks }
        var first = 0
        while first < last {
            if inBody(out[first].label) && !furniture(first, "at the start of the story") { break }
            first += 1
        }
        return out
    }
}

/// The rules the HTML reader applies to its labelled blocks: the built-in
/// phrases at the story's edges (`trimEdges`), then the `--rules` files on
/// every block (`relabel`; they win).
public struct HTMLRules: Sendable {
    public var edges: ParserRules
    public var files: ParserRules?

    public init(edges: ParserRules, files: ParserRules? = nil) {
        self.edges = edges
        self.files = files
    }

    /// The built-in phrases of the kinds `trimEdges` uses (compiling only
    /// those halves the start-up cost), no rules files.
    public static var builtInEdges: ParserRules {
        var r = ParserRules.empty()
        try? r.load(text: ParserRules.defaultRulesText, origin: ParserRules.builtInOrigin, kinds: ParserRules.edgeKinds)
        return r
    }

    /// The built-in phrases, no rules files.
    public static let builtIn = HTMLRules(edges: builtInEdges)

    public func apply(_ blocks: [Block]) -> [Block] {
        let b = edges.trimEdges(blocks)
        return files?.relabel(b) ?? b
    }
}

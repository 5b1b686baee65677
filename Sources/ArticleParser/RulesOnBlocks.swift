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
        for i in out.indices {
            let blk = out[i]
            if blk.label == .title || blk.tag == "meta" || blk.tag == "title" { continue }
            if let r = relabelled(blk) { out[i] = r }
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
}

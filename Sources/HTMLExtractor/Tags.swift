// Element names -> small codes with their layout role.

enum Tag: UInt8 {
    case other = 0, custom
    case a, address, article, aside, audio, blockquote, body, br, button, canvas, caption, center,
         dd, details, dialog, dir, div, dl, dt, embed, fieldset, figcaption, figure, footer, form,
         frameset, frame, h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html, iframe, img, input,
         label, legend, li, link, main, map, math, menu, meta, nav, noscript, object, ol, option,
         optgroup, p, picture, pre, script, section, select, source, style, summary, svg, table,
         tbody, td, template, textarea, tfoot, th, thead, time, title, tr, ul, video, datalist,
         output, progress, meter, noframes, xmp, listing, plaintext, code, span, base, param, track,
         area, wbr, col, colgroup

    static let names: [(String, Tag)] = [
        ("a", .a), ("address", .address), ("article", .article), ("aside", .aside), ("audio", .audio),
        ("blockquote", .blockquote), ("body", .body), ("br", .br), ("button", .button),
        ("canvas", .canvas), ("caption", .caption), ("center", .center), ("dd", .dd),
        ("details", .details), ("dialog", .dialog), ("dir", .dir), ("div", .div), ("dl", .dl),
        ("dt", .dt), ("embed", .embed), ("fieldset", .fieldset), ("figcaption", .figcaption),
        ("figure", .figure), ("footer", .footer), ("form", .form), ("frameset", .frameset),
        ("frame", .frame), ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5),
        ("h6", .h6), ("head", .head), ("header", .header), ("hgroup", .hgroup), ("hr", .hr),
        ("html", .html), ("iframe", .iframe), ("img", .img), ("input", .input), ("label", .label),
        ("legend", .legend), ("li", .li), ("link", .link), ("main", .main), ("map", .map),
        ("math", .math), ("menu", .menu), ("meta", .meta), ("nav", .nav), ("noscript", .noscript),
        ("object", .object), ("ol", .ol), ("option", .option), ("optgroup", .optgroup), ("p", .p),
        ("picture", .picture), ("pre", .pre), ("script", .script), ("section", .section),
        ("select", .select), ("source", .source), ("style", .style), ("summary", .summary),
        ("svg", .svg), ("table", .table), ("tbody", .tbody), ("td", .td), ("template", .template),
        ("textarea", .textarea), ("tfoot", .tfoot), ("th", .th), ("thead", .thead), ("time", .time),
        ("title", .title), ("tr", .tr), ("ul", .ul), ("video", .video), ("datalist", .datalist),
        ("output", .output), ("progress", .progress), ("meter", .meter), ("noframes", .noframes),
        ("xmp", .xmp), ("listing", .listing), ("plaintext", .plaintext), ("code", .code),
        ("span", .span), ("base", .base), ("param", .param), ("track", .track), ("area", .area),
        ("wbr", .wbr), ("col", .col), ("colgroup", .colgroup),
    ]

    struct Role: OptionSet {
        let rawValue: UInt8
        static let block = Role(rawValue: 1)      // starts a new text block
        static let skip = Role(rawValue: 2)       // never text: scripts, media, form controls
        static let heading = Role(rawValue: 4)
        static let container = Role(rawValue: 8)  // may hold the article
    }

    static let roles: [Role] = {
        var r = [Role](repeating: [], count: 256)
        for t: Tag in [.address, .article, .aside, .blockquote, .body, .center, .dd, .details, .dialog,
                       .dir, .div, .dl, .dt, .fieldset, .figcaption, .figure, .footer, .form, .frameset,
                       .h1, .h2, .h3, .h4, .h5, .h6, .head, .header, .hgroup, .hr, .html, .li, .main,
                       .menu, .nav, .ol, .p, .pre, .section, .summary, .table, .tbody, .td, .tfoot, .th,
                       .thead, .tr, .ul, .caption, .legend, .xmp, .listing, .plaintext] {
            r[Int(t.rawValue)].insert(.block)
        }
        for t: Tag in [.script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed,
                       .canvas, .video, .audio, .button, .select, .option, .optgroup, .textarea, .input,
                       .map, .datalist, .noframes, .frame, .source, .track, .param, .progress, .meter,
                       .base, .area, .col, .colgroup, .img, .picture] {
            r[Int(t.rawValue)].insert(.skip)
        }
        for t: Tag in [.h1, .h2, .h3, .h4, .h5, .h6] { r[Int(t.rawValue)].insert(.heading) }
        for t: Tag in [.article, .body, .div, .main, .section, .td, .custom, .center, .blockquote, .dd,
                       .li, .form, .table, .tbody, .tr, .header, .footer, .aside, .nav, .figure] {
            r[Int(t.rawValue)].insert(.container)
        }
        return r
    }()

    var role: Role { Tag.roles[Int(rawValue)] }

    /// Element names by code.
    static let nameOf: [String] = {
        var n = [String](repeating: "", count: 256)
        for (s, t) in names { n[Int(t.rawValue)] = s }
        return n
    }()
    var isBlock: Bool { role.contains(.block) }
    var isHeading: Bool { role.contains(.heading) }

    private static let nameTable: ByteTable = {
        var t = ByteTable()
        for (n, tag) in names { t.insert(Array(n.utf8), tag.rawValue) }
        return t
    }()

    /// The code of an element name as libxml2 gives it (lowercase for HTML).
    static func lookup(_ p: UnsafePointer<UInt8>) -> Tag {
        var n = 0
        var hyphen = false
        var h: UInt32 = 2166136261
        while p[n] != 0 {
            let c = p[n] >= 0x41 && p[n] <= 0x5A ? p[n] | 0x20 : p[n]
            if c == 0x2D { hyphen = true }
            h = (h ^ UInt32(c)) &* 16777619
            n += 1
            if n > 16 { return hyphen ? .custom : .other }
        }
        if let v = nameTable.get(p, n, hash: h) { return Tag(rawValue: v) ?? .other }
        return hyphen ? .custom : .other
    }
}

/// Open-addressing table from short ASCII names to a byte.
struct ByteTable {
    var keys: [[UInt8]] = Array(repeating: [], count: 512)
    var vals: [UInt8] = Array(repeating: 0, count: 512)

    static func hash(_ w: [UInt8]) -> UInt32 {
        var h: UInt32 = 2166136261
        for c in w { h = (h ^ UInt32(c)) &* 16777619 }
        return h
    }

    mutating func insert(_ w: [UInt8], _ v: UInt8) {
        var i = Int(ByteTable.hash(w) & 511)
        while !keys[i].isEmpty && keys[i] != w { i = (i + 1) & 511 }
        keys[i] = w
        vals[i] = v
    }

    func get(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt32) -> UInt8? {
        var i = Int(hash & 511)
        while !keys[i].isEmpty {
            let k = keys[i]
            if k.count == n {
                var j = 0
                while j < n, k[j] == (p[j] >= 0x41 && p[j] <= 0x5A ? p[j] | 0x20 : p[j]) { j += 1 }
                if j == n { return vals[i] }
            }
            i = (i + 1) & 511
        }
        return nil
    }
}

// One pass over the page with libxml2's HTML parser in SAX mode (no tree is
// built for extraction; HTMLDocument parses again, lazily, only for XPath).
// Elements become `Node`s in document order, so a subtree is a contiguous
// index range; text becomes `Chunk`s (a run of inline text between block
// boundaries, its bytes in one arena); the head's metadata is collected on the
// way. Events are handled iteratively: nesting depth never grows the stack.
internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct AttrRef {
    var start: Int32 = 0
    var len: Int32 = 0
}

struct Node {
    var tag: Tag
    var hint: Hint
    var parent: Int32
    /// One past the last node of the subtree.
    var end: Int32
    var chunkStart: Int32
    var chunkEnd: Int32
    /// Line of the start tag.
    var line: Int32
    /// Index into `Page.names` for elements without a code, else -1.
    var name: Int32
    var id: AttrRef
    var cls: AttrRef
}

struct Chunk {
    /// Innermost block element holding the text.
    var owner: Int32
    var start: Int32
    var end: Int32
    var chars: Int32
    var linkChars: Int32
    var commas: Int32
    var line: Int32
    /// The run is all the text of its owner (a `p`, an `li`, a leaf `div`).
    var whole: Bool
    /// True when the run was cut at `<br><br>`.
    var brSplit: Bool
    /// The run's first character is inside a link (teaser headlines).
    var startsInLink: Bool
}

struct MetaTag {
    var key: String       // name, property or itemprop, lowercased
    var content: String
}

struct LinkTag {
    var rel: String
    var href: String
    var title: String?
}

struct Page {
    var nodes: [Node] = []
    var chunks: [Chunk] = []
    var arena: [UInt8] = []
    /// id and class values, for rules ("div#main.article-body").
    var attrBytes: [UInt8] = []
    var names: [String] = []
    /// Text range in `arena` of each `<a>` (node, start, end).
    var anchors: [(node: Int32, start: Int32, end: Int32)] = []
    /// The `<h1>`s holding a link to a site's home page ("/", "https://host/"):
    /// a site's logo, not a headline.
    var homeLinkH1s: Set<Int32> = []
    private var openH1: Int32 = -1

    // Metadata seen on the way.
    var metas: [MetaTag] = []
    var links: [LinkTag] = []
    var titleText: String?
    var jsonLD: [String] = []
    /// The `lang` attribute of `<html>`, as written.
    var htmlLang: String?
    /// `time` elements (node index, datetime attribute) and itemprop dates.
    var times: [(node: Int32, value: String)] = []
    /// Elements with rel=prev/next/author/tag (node index, hint).
    var rels: [(node: Int32, hint: Hint)] = []
    /// Links that say they lead to an author's page: rel=author, an author class,
    /// or an address with an author segment ("/author/jane-doe/"), in page order.
    var authorLinks: [Int32] = []

    // Parse state.
    private var ctxt: htmlParserCtxtPtr? = nil
    private var blockStack: [Int32] = []
    private var elemStack: [Int32] = []
    private var skipDepth = 0
    /// Read `<noscript>` content (`parse(_:encoding:noscript:)`).
    private var readsNoscript = false
    /// A `<noscript>` was met (and skipped unless `readsNoscript`).
    private(set) var hasNoscript = false
    private var capture: Capture = .none
    private var captured: [UInt8] = []
    private var nameIndex: [String: Int32] = [:]
    private var linkDepth = 0
    private var preDepth = 0
    private var headDepth = 0
    private var runStart = 0
    private var runChars: Int32 = 0
    private var runLink: Int32 = 0
    private var runCommas: Int32 = 0
    private var runLine: Int32 = 0
    private var runStartsInLink = false
    private var pendingSpace = false
    private var pendingNewline = false
    private var lastWasBr = false
    private var hintCache: [UInt64: Hint] = [:]
    /// appendText's buffer, freed when the parse ends.
    private var scratch: UnsafeMutablePointer<UInt8>? = nil
    private var scratchCap = 0
    /// The line of the current event when the own tokenizer drives the page.
    var ownLine: Int32 = 0
    /// The tree builder's id of the element name being started (-1: none),
    /// and its `names` index per id.
    var ownNameID: Int32 = -1
    private var ownNames: [Int32] = []

    private enum Capture { case none, title, jsonLD }

    init() {}

    /// Parses `bytes` (in `encoding`) into a page. Never fails; bytes that are
    /// not HTML give a page with few or no nodes.
    /// `noscript`: read `<noscript>` content as text (skipped otherwise, as a
    /// browser running scripts shows it).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String, noscript: Bool = false) -> Page {
        useLibXML ? parseLibXML(bytes, encoding: encoding, noscript: noscript)
            : parseOwn(bytes, encoding: encoding, noscript: noscript)
    }

    /// LECTERN_HTML_PARSER=libxml2 reads pages with libxml2's SAX parser, as
    /// before the own tokenizer (for comparisons).
    static let useLibXML: Bool = {
        guard let v = getenv("LECTERN_HTML_PARSER") else { return false }
        return String(cString: v) == "libxml2"
    }()

    /// The own tokenizer and tree builder, on UTF-8 (other encodings are
    /// converted first).
    static func parseOwn(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String, noscript: Bool = false) -> Page {
        var page = Page()
        page.readsNoscript = noscript
        guard bytes.baseAddress != nil, bytes.count > 0 else { return page }
        page.nodes.reserveCapacity(4096)
        page.chunks.reserveCapacity(1024)
        page.arena.reserveCapacity(min(bytes.count / 8, 1 << 20))
        page.hintCache.reserveCapacity(512)
        withUnsafeMutablePointer(to: &page) { p in
            if encoding == "UTF-8" {
                Tokenizer.run(bytes, into: p)
            } else {
                let u = Charset.toUTF8(bytes, from: encoding)
                u.withUnsafeBufferPointer { Tokenizer.run($0, into: p) }
            }
            p.pointee.finish()
            p.pointee.scratch?.deallocate()
            p.pointee.scratch = nil
            p.pointee.scratchCap = 0
        }
        return page
    }

    static func parseLibXML(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String, noscript: Bool = false) -> Page {
        var page = Page()
        page.readsNoscript = noscript
        guard let base = bytes.baseAddress, bytes.count > 0 else { return page }
        LibXML.silenceThisThread()
        page.nodes.reserveCapacity(4096)
        page.chunks.reserveCapacity(1024)
        page.arena.reserveCapacity(min(bytes.count / 8, 1 << 20))
        withUnsafeMutablePointer(to: &page) { p in
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cp in
                guard let ctxt = htmlNewParserCtxt() else { return }
                defer { htmlFreeParserCtxt(ctxt) }
                guard let sax = ctxt.pointee.sax else { return }
                sax.pointee = Page.handler
                ctxt.pointee._private = UnsafeMutableRawPointer(p)
                p.pointee.ctxt = ctxt
                // No startDocument handler: libxml2 builds no tree, returns nil.
                if let d = htmlCtxtReadMemory(ctxt, cp, Int32(clamping: bytes.count), nil, encoding, LibXML.options) {
                    xmlFreeDoc(d)
                }
                p.pointee.ctxt = nil
            }
            p.pointee.finish()
            p.pointee.scratch?.deallocate()
            p.pointee.scratch = nil
            p.pointee.scratchCap = 0
        }
        return page
    }

    nonisolated(unsafe) static let handler: htmlSAXHandler = {
        var h = htmlSAXHandler()
        h.initialized = 1
        h.startElement = { ctx, name, atts in
            guard let name, let p = Page.from(ctx) else { return }
            p.pointee.start(name, atts)
        }
        h.endElement = { ctx, _ in Page.from(ctx)?.pointee.end() }
        h.characters = { ctx, ch, len in
            guard let ch, let p = Page.from(ctx) else { return }
            p.pointee.characters(ch, Int(len))
        }
        h.ignorableWhitespace = h.characters
        h.cdataBlock = h.characters
        return h
    }()

    @inline(__always)
    static func from(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<Page>? {
        guard let ctx else { return nil }
        let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        return c.pointee._private?.assumingMemoryBound(to: Page.self)
    }

    private var currentLine: Int32 {
        guard let c = ctxt, let input = c.pointee.input else { return ownLine }
        return input.pointee.line
    }

    func text(_ c: Chunk) -> String {
        arena.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[Int(c.start)..<Int(c.end)]), as: UTF8.self)
        }
    }

    /// The element name as written ("p", "div", "my-widget").
    func tagName(_ n: Int32) -> String {
        let node = nodes[Int(n)]
        if node.name >= 0 { return names[Int(node.name)] }
        return Tag.nameOf[Int(node.tag.rawValue)]
    }

    func attrString(_ r: AttrRef) -> String {
        attrBytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[Int(r.start)..<Int(r.start + r.len)]), as: UTF8.self)
        }
    }

    /// All text of an element: its chunks joined by a space.
    func nodeText(_ n: Int32) -> String {
        let node = nodes[Int(n)]
        var parts: [String] = []
        for i in Int(node.chunkStart)..<Int(node.chunkEnd) { parts.append(text(chunks[i])) }
        return parts.joined(separator: " ")
    }

    /// The text of the link `n` itself ("" when it has none, an image link).
    func anchorText(_ n: Int32) -> String {
        // Anchors are in page order: a binary search for the node.
        var lo = 0, hi = anchors.count
        while lo < hi { let m = (lo + hi) / 2; if anchors[m].node < n { lo = m + 1 } else { hi = m } }
        guard lo < anchors.count, anchors[lo].node == n else { return "" }
        return anchorString(lo) ?? ""
    }

    /// The text of each link under `n`, in order.
    func anchorTexts(under n: Int32) -> [String] {
        let node = nodes[Int(n)]
        var out: [String] = []
        for k in anchors.indices where anchors[k].node >= n && anchors[k].node < node.end {
            if let t = anchorString(k) { out.append(t) }
        }
        return out
    }

    /// The text of the k-th link, nil when it has none.
    private func anchorString(_ k: Int) -> String? {
        let s = Int(anchors[k].start), e = min(Int(anchors[k].end), arena.count)
        guard s < e else { return nil }
        return arena.withUnsafeBufferPointer { cleanBytes(UnsafeBufferPointer(rebasing: $0[s..<e])) }
    }

    // MARK: - events

    mutating func start(_ name: UnsafePointer<UInt8>, _ atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        if skipDepth > 0 {
            skipDepth += 1
            // Raw text nobody reads (capture only happens at depth 1).
            if name[0] == 0x73 && (Page.eq(name, "script") || Page.eq(name, "style")) { skipRawText(name) }
            return
        }
        let tag = Tag.lookup(name)
        let role = tag.role

        switch tag {
        case .meta: readMeta(atts); skipDepth = 1; return
        case .link: readLink(atts); skipDepth = 1; return
        case .title where titleText == nil:
            capture = .title; captured.removeAll(keepingCapacity: true); skipDepth = 1; return
        case .script:
            if let t = Page.value(atts, "type"), Bytes.find(Bytes.lower(t), Array("ld+json".utf8)) != nil, jsonLD.count < 20 {
                capture = .jsonLD; captured.removeAll(keepingCapacity: true)
            } else {
                skipRawText(name)
            }
            skipDepth = 1; return
        case .style:
            skipRawText(name)
            skipDepth = 1; return
        default:
            break
        }
        if tag == .noscript {
            hasNoscript = true
            if !readsNoscript { skipDepth = 1; return }
        } else if role.contains(.skip) || tag == .title { skipDepth = 1; return }
        if tag == .br {
            skipDepth = 1
            if headDepth == 0 { lineBreak() }
            return
        }
        if tag == .wbr { skipDepth = 1; return }

        var hint: Hint = []
        var skip = false
        var datetime: String? = nil
        var content: String? = nil
        var relHint: Hint = []
        var idRef = AttrRef(), clsRef = AttrRef()
        if var a = atts {
            while let an = a[0] {
                let value = a[1]
                a += 2
                switch an[0] {
                case 0x63:  // c
                    if Page.eq(an, "class"), let v = value {
                        clsRef = storeAttr(v)
                        hint.formUnion(classHint(v, kind: 1))
                    } else if Page.eq(an, "content"), let v = value {
                        content = String(cString: v)
                    }
                case 0x69:  // i
                    if Page.eq(an, "id"), let v = value {
                        idRef = storeAttr(v)
                        // A heading's id of three or more words is an anchor made
                        // from its text ("nav_nur_die_folie__1"), not a role.
                        if !(tag.isHeading && Page.slugLike(v)) {
                            hint.formUnion(classHint(v, kind: 2))
                        }
                    } else if Page.eq(an, "itemprop"), let v = value { hint.formUnion(Page.itemprop(v)) }
                case 0x72:  // r
                    if Page.eq(an, "role"), let v = value { hint.formUnion(Page.ariaRole(v)) }
                    else if Page.eq(an, "rel"), let v = value { relHint = Page.relHint(v) }
                case 0x73:  // s
                    if Page.eq(an, "style"), let v = value, Page.styleHides(v) { skip = true }
                case 0x68:  // h
                    if Page.eq(an, "hidden") { skip = true }
                case 0x64:  // d
                    if Page.eq(an, "datetime"), let v = value { datetime = String(cString: v) }
                case 0x6C:  // l
                    if tag == .html, htmlLang == nil, Page.eq(an, "lang"), let v = value { htmlLang = String(cString: v) }
                case 0x61:  // a
                    if Page.eq(an, "aria-hidden"), let v = value, v[0] == 0x74, tag != .a && tag != .span {
                        // aria-hidden="true" on a block: decorative duplicates.
                        hint.insert(.hidden)
                    }
                default:
                    break
                }
            }
        }
        // Hidden text, and pop-ups inside running text (hover cards).
        if skip || hint.contains(.hidden) || hint.contains(.popup) && !role.contains(.block) && tag != .a {
            skipDepth = 1
            return
        }
        if tag == .head { headDepth += 1 }

        let idx = Int32(nodes.count)
        var nameRef: Int32 = -1
        if tag == .other || tag == .custom {
            // The own tokenizer's names are lowercase and numbered: one
            // String per distinct name, not per element.
            let own = Int(ownNameID)
            if own >= 0 && own < ownNames.count && ownNames[own] >= 0 {
                nameRef = ownNames[own]
            } else {
                let s = String(cString: name).asciiLowered
                if let k = nameIndex[s] { nameRef = k } else {
                    nameRef = Int32(names.count); names.append(s); nameIndex[s] = nameRef
                }
                if own >= 0 {
                    if own >= ownNames.count { ownNames += [Int32](repeating: -1, count: own + 1 - ownNames.count) }
                    ownNames[own] = nameRef
                }
            }
        }
        nodes.append(Node(tag: tag, hint: hint, parent: elemStack.last ?? -1, end: idx + 1,
                          chunkStart: Int32(chunks.count), chunkEnd: Int32(chunks.count),
                          line: currentLine, name: nameRef, id: idRef, cls: clsRef))
        elemStack.append(idx)
        if let d = datetime, tag == .time || hint.contains(.date) { times.append((idx, d)) }
        else if hint.contains(.date), let c = content { times.append((idx, c)) }
        if !relHint.isEmpty { rels.append((idx, relHint)) }
        // Blocks, and inline captions and credits, start a new run.
        if role.contains(.block) || hint.contains(.caption) || hint.contains(.credit) {
            flushRun()
            blockStack.append(idx)
        }
        if tag == .a {
            linkDepth += 1
            anchors.append((idx, Int32(arena.count), Int32(arena.count)))
            if authorLinks.count < 50, relHint.contains(.author) || hint.contains(.author) || Page.hasAuthorHref(atts) {
                authorLinks.append(idx)
            }
            if openH1 >= 0, let h = Page.value(atts, "href"), Page.isHomeHref(h) { homeLinkH1s.insert(openH1) }
        }
        if tag == .h1 && openH1 < 0 { openH1 = idx }
        if tag == .pre || tag == .xmp || tag == .listing || tag == .plaintext { preDepth += 1 }
        // A date never runs into the text next to it: WordPress writes the
        // published and updated <time>s side by side ("10. Februar 20199. Februar 2019").
        if tag == .time && arena.count > runStart { pendingSpace = true }
    }

    mutating func end() {
        if skipDepth > 0 {
            skipDepth -= 1
            if skipDepth == 0 && capture != .none {
                let s = String(decoding: captured, as: UTF8.self)
                if capture == .title { titleText = clean(s) } else { jsonLD.append(s) }
                capture = .none
                captured.removeAll()
            }
            return
        }
        guard let idx = elemStack.popLast() else { return }
        let tag = nodes[Int(idx)].tag
        if blockStack.last == idx {
            flushRun()
            blockStack.removeLast()
        }
        if idx == openH1 { openH1 = -1 }
        if tag == .a {
            linkDepth -= 1
            if let k = anchors.lastIndex(where: { $0.node == idx }) { anchors[k].end = Int32(arena.count) }
        }
        if tag == .pre || tag == .xmp || tag == .listing || tag == .plaintext { preDepth -= 1 }
        if tag == .head { headDepth -= 1 }
        if tag == .time && arena.count > runStart { pendingSpace = true }
        nodes[Int(idx)].end = Int32(nodes.count)
        nodes[Int(idx)].chunkEnd = Int32(chunks.count)
    }

    mutating func characters(_ p: UnsafePointer<UInt8>, _ n: Int) {
        if skipDepth > 0 {
            if skipDepth == 1 && capture != .none && captured.count < 1 << 22 {
                captured.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
            }
            return
        }
        if headDepth > 0 || blockStack.isEmpty { return }
        appendText(p, n)
    }

    private mutating func finish() {
        while !elemStack.isEmpty { end() }
        flushRun()
        for i in chunks.indices {
            let o = nodes[Int(chunks[i].owner)]
            chunks[i].whole = o.chunkEnd - o.chunkStart == 1
        }
    }

    // MARK: - raw text

    /// Called from startElement for a `script` or `style` whose text is not
    /// wanted: moves libxml2's input past the raw text, so that its
    /// character-by-character loop (htmlParseScript, which would hand the
    /// text to `characters` only for us to drop it) never runs. Scripts and
    /// styles are over half of a typical page's bytes.
    ///
    /// libxml2 (2.9, HTML_PARSE_RECOVER) calls startElement before reading
    /// the start tag's `>`, then reads the `>`, then reads raw text up to the
    /// first `</NAME` (any case). So: find that `</NAME`, count the newlines
    /// before it into `input->line` (what htmlParseScript's NEXTL would do),
    /// and leave the input at one `>` just before it, written over the last
    /// byte of the text (a copy libxml2 made; the page's bytes are not
    /// touched). Nothing is skipped when the tag is not closed by `>` here,
    /// when the end is not in the buffer, when the text holds a NUL, or when
    /// it starts with something libxml2 looks at as a tag first (`<x`). The
    /// result is the same events (minus the dropped text) and the same lines.
    private mutating func skipRawText(_ name: UnsafePointer<UInt8>) {
        guard let c = ctxt, let input = c.pointee.input, let cur = input.pointee.cur,
              let end = input.pointee.end, cur < end, cur.pointee == 0x3E else { return }
        let start = cur + 1
        var n = 0
        while name[n] != 0 { n += 1 }
        if end - start >= 2 && start[0] == 0x3C {
            let b = start[1] | 0x20
            if b >= 0x61 && b <= 0x7A || start[1] == 0x5F || start[1] == 0x3A { return }
        }
        // The first "</NAME" (ASCII case-insensitive).
        var p = start
        var q: UnsafePointer<UInt8>? = nil
        while end - p >= 2 + n {
            guard let hit = memchr(p, 0x3C, end - p - 1 - n) else { break }
            let h = hit.assumingMemoryBound(to: UInt8.self)
            let hp = UnsafePointer(h)
            if hp[1] == 0x2F {
                var k = 0
                while k < n {
                    let x = hp[2 + k]
                    if (x >= 0x41 && x <= 0x5A ? x | 0x20 : x) != name[k] { break }
                    k += 1
                }
                if k == n { q = hp; break }
            }
            p = hp + 1
        }
        guard let q, q > start else { return }
        let len = q - start
        if memchr(start, 0, len) != nil { return }
        var lines: Int32 = 0
        for i in 0..<len where start[i] == 0x0A { lines &+= 1 }
        UnsafeMutablePointer(mutating: q - 1).pointee = 0x3E
        input.pointee.line &+= lines
        input.pointee.cur = q - 1
    }

    // MARK: - text runs

    private mutating func appendText(_ c: UnsafePointer<UInt8>, _ n: Int) {
        // The run state in locals, the bytes into a scratch buffer, one append
        // (no closures: captured variables cost a dynamic exclusivity check).
        if scratchCap < 2 * n + 2 {
            scratch?.deallocate()
            scratchCap = max(2 * n + 2, 4096)
            scratch = .allocate(capacity: scratchCap)
        }
        let out = scratch!
        let inLink = linkDepth > 0
        let start = runStart
        var cnt = arena.count
        var rc = runChars, rl = runLink, rcm = runCommas, sil = runStartsInLink
        var ps = pendingSpace, pn = pendingNewline
        var k = 0
        var i = 0
        if preDepth > 0 {
            while i < n {
                var b = c[i]
                i += 1
                if b == 0x0D {
                    b = 0x0A
                    if i < n && c[i] == 0x0A { i += 1 }
                }
                if b == 0xEF && i + 1 < n && c[i] == 0xBB && c[i + 1] == 0xBF { i += 2; continue }  // BOM
                if b == 0xC2 && i < n && c[i] == 0xAD { i += 1; continue }  // soft hyphen: invisible
                if b < 0x20 && b != 0x0A && b != 0x09 || b == 0x7F { continue }
                if cnt == start && (b == 0x0A || b == 0x20 || b == 0x09) { continue }
                if cnt == start && runLine == 0 { runLine = currentLine }
                out[k] = b; k += 1; cnt += 1
                if rc == 0 { sil = inLink }
                if b & 0xC0 != 0x80 {
                    rc += 1
                    if inLink { rl += 1 }
                }
                if b == 0x2C { rcm += 1 }
            }
        } else {
            while i < n {
                let b = c[i]
                i += 1
                if b <= 0x20 || b == 0x7F {
                    // White space collapses; other control characters are dropped.
                    if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                        if cnt > start { ps = true }
                    }
                    continue
                }
                if b >= 0xC2 {   // one test for ASCII
                    if b == 0xEF && i + 1 < n && c[i] == 0xBB && c[i + 1] == 0xBF { i += 2; continue }  // BOM
                    // A soft hyphen (U+00AD, "&shy;") only says where a word may break:
                    // invisible, and it would split the word for every search.
                    if b == 0xC2 && i < n && c[i] == 0xAD { i += 1; continue }
                }
                if cnt == start {
                    if runLine == 0 { runLine = currentLine }
                    ps = false
                    pn = false
                } else if pn {
                    out[k] = 0x0A; k += 1; cnt += 1
                    pn = false
                    ps = false
                } else if ps {
                    out[k] = 0x20; k += 1; cnt += 1
                    ps = false
                }
                out[k] = b; k += 1; cnt += 1
                if rc == 0 { sil = inLink }
                if b & 0xC0 != 0x80 {
                    rc += 1
                    if inLink { rl += 1 }
                }
                if b == 0x2C { rcm += 1 }
            }
        }
        if k > 0 {
            arena.append(contentsOf: UnsafeBufferPointer(start: out, count: k))
            lastWasBr = false
        }
        runChars = rc; runLink = rl; runCommas = rcm; runStartsInLink = sil
        pendingSpace = ps; pendingNewline = pn
    }

    private mutating func lineBreak() {
        if lastWasBr {
            flushRun(brSplit: true)
            lastWasBr = false
            return
        }
        lastWasBr = true
        if arena.count > runStart { pendingNewline = true }
    }

    private mutating func flushRun(brSplit: Bool = false) {
        defer {
            runStart = arena.count
            runChars = 0; runLink = 0; runCommas = 0; runLine = 0; runStartsInLink = false
            pendingSpace = false; pendingNewline = false
            if !brSplit { lastWasBr = false }
        }
        guard arena.count > runStart, let owner = blockStack.last else {
            if arena.count > runStart { arena.removeSubrange(runStart...) }
            return
        }
        var s = runStart, e = arena.count
        trimUnicodeSpace(&s, &e)
        if s >= e { arena.removeSubrange(runStart...); return }
        chunks.append(Chunk(owner: owner, start: Int32(s), end: Int32(e), chars: runChars,
                            linkChars: min(runLink, runChars), commas: runCommas,
                            line: runLine != 0 ? runLine : nodes[Int(owner)].line,
                            whole: false, brSplit: brSplit, startsInLink: runStartsInLink))
    }

    /// Trims non-breaking and other Unicode spaces at both ends.
    private func trimUnicodeSpace(_ s: inout Int, _ e: inout Int) {
        arena.withUnsafeBufferPointer { a in
            while s < e {
                let b = a[s]
                if b == 0x20 || b == 0x0A || b == 0x09 { s += 1; continue }
                if b < 0xC2 { break }
                let k = unicodeSpaceLength(UnsafeBufferPointer(rebasing: a[..<e]), s)
                if k == 0 { break }
                s += k
            }
            while e > s {
                let b = a[e - 1]
                if b == 0x20 || b == 0x0A || b == 0x09 { e -= 1; continue }
                if b < 0x80 { break }
                var k = 0
                for back in [2, 3] where e - back >= s && a[e - back] >= 0xC2
                    && unicodeSpaceLength(UnsafeBufferPointer(rebasing: a[..<e]), e - back) == back {
                    k = back
                }
                if k == 0 { break }
                e -= k
            }
        }
    }

    private mutating func storeAttr(_ v: UnsafePointer<UInt8>) -> AttrRef {
        let s = Int32(attrBytes.count)
        var n = 0
        while n < 200 && v[n] != 0 { n += 1 }
        attrBytes.append(contentsOf: UnsafeBufferPointer(start: v, count: n))
        return AttrRef(start: s, len: Int32(n))
    }

    // MARK: - attributes

    /// Three or more words joined by "-" or "_".
    static func slugLike(_ v: UnsafePointer<UInt8>) -> Bool {
        var n = 0, seps = 0
        while v[n] != 0 && n < 200 {
            if v[n] == 0x2D || v[n] == 0x5F { if n > 0 && v[n-1] != 0x2D && v[n-1] != 0x5F { seps += 1 } }
            n += 1
        }
        return seps >= 2
    }

    mutating func classHint(_ v: UnsafePointer<UInt8>, kind: UInt64) -> Hint {
        var h: UInt64 = 14695981039346656037 &+ kind
        var n = 0
        while v[n] != 0 {
            h = (h ^ UInt64(v[n])) &* 1099511628211
            n += 1
            if n > 512 { break }
        }
        if let c = hintCache[h] { return c }
        var hint = Words.classify(v, n)
        if kind == 1 && Page.hasHiddenClass(v, n) { hint.insert(.hidden) }
        hintCache[h] = hint
        return hint
    }

    /// A class token that hides the element everywhere (not "hidden-xs").
    static func hasHiddenClass(_ v: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            while i < n, v[i] == 0x20 || v[i] == 0x09 || v[i] == 0x0A { i += 1 }
            let s = i
            while i < n, v[i] != 0x20 && v[i] != 0x09 && v[i] != 0x0A { i += 1 }
            if i > s {
                let tok = UnsafeBufferPointer(start: v + s, count: i - s)
                for w in hiddenClasses where w.count == tok.count {
                    var k = 0
                    while k < w.count, w[k] == (tok[k] | 0x20) { k += 1 }
                    if k == w.count { return true }
                }
            }
        }
        return false
    }

    static let hiddenClasses: [[UInt8]] = [
        "hidden", "hide", "is-hidden", "u-hidden", "sr-only", "visually-hidden", "visuallyhidden",
        "screen-reader-text", "screen-reader-only", "screenreader-only", "d-none", "display-none",
        "element-invisible", "offscreen", "a11y-hidden", "assistive-text", "sr-text", "srOnly",
        "visually_hidden", "invisible",
    ].map { Array($0.lowercased().utf8) }

    static func itemprop(_ v: UnsafePointer<UInt8>) -> Hint {
        let s = String(cString: v)
        switch s {
        case "articleBody", "articlebody", "text", "reviewBody", "mainEntityOfPage articleBody": return .articleBody
        case "author", "creator": return .author
        case "datePublished", "dateCreated", "uploadDate": return .date
        case "headline", "name headline", "headline name": return .title
        case "description", "alternativeHeadline", "abstract": return .lede
        case "keywords": return .tags
        case "comment": return .comment
        case "publisher": return .meta
        default: return []
        }
    }

    static func ariaRole(_ v: UnsafePointer<UInt8>) -> Hint {
        let s = String(cString: v)
        switch s {
        case "navigation", "menu", "menubar", "tablist": return .nav
        case "banner": return .header
        case "contentinfo": return .footer
        case "complementary": return .aside
        case "search", "form": return .form
        case "dialog", "alertdialog": return .popup
        case "main": return .mainRole
        case "article": return .positive
        case "toolbar": return .toolbar
        default: return []
        }
    }

    static func relHint(_ v: UnsafePointer<UInt8>) -> Hint {
        var h: Hint = []
        var word: [UInt8] = []
        var i = 0
        while true {
            let c = v[i]
            if c == 0 || c == 0x20 || c == 0x09 {
                switch String(decoding: word, as: UTF8.self) {
                case "prev", "previous": h.insert(.navPrev)
                case "next": h.insert(.navNext)
                case "author": h.insert(.author)
                case "tag", "category": h.insert(.tags)
                default: break
                }
                word.removeAll()
                if c == 0 { break }
            } else {
                word.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            }
            i += 1
            if i > 200 { break }
        }
        return h
    }

    /// display:none or visibility:hidden in an inline style.
    static func styleHides(_ v: UnsafePointer<UInt8>) -> Bool {
        var compact: [UInt8] = []
        var i = 0
        while v[i] != 0 && i < 400 {
            let c = v[i]
            if c != 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { compact.append(c | 0x20) }
            i += 1
        }
        return Words.contains(compact, Array("display:none".utf8))
            || Words.contains(compact, Array("visibility:hidden".utf8))
    }

    static func eq(_ p: UnsafePointer<UInt8>, _ s: StaticString) -> Bool {
        let q = s.utf8Start
        let n = s.utf8CodeUnitCount
        var i = 0
        while i < n {
            let c = p[i]
            if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != q[i] { return false }
            i += 1
        }
        return p[n] == 0
    }

    /// A link to a site's home page: no path past "/" (or an index page), no
    /// query; an archive's copy ("https://web.archive.org/web/2014.../http://host/")
    /// by the address it holds.
    static func isHomeHref(_ href: String) -> Bool {
        var h = Substring(href.trimmingSpaces())
        // An archive's address wraps the page's own: read the innermost (in a
        // loop, not one call per wrapper: an href of many "://" is no deep recursion).
        while let r = h.firstRange(of: "://"), let inner = h[r.upperBound...].firstRange(of: "://") {
            let rest = h[r.upperBound...]
            guard let start = rest[..<inner.lowerBound].lastIndex(of: "/") else { return false }
            h = rest[rest.index(after: start)...].drop(while: { $0.isWhitespace })
        }
        if let r = h.firstRange(of: "://") {
            let rest = h[r.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return !rest.isEmpty && !rest.contains("?") }
            h = rest[slash...]
        } else if h.hasPrefix("//") {
            let rest = h.dropFirst(2)
            guard let slash = rest.firstIndex(of: "/") else { return !rest.isEmpty }
            h = rest[slash...]
        }
        return ["/", "./", "/index.html", "/index.php", "/index.htm", "/#"].contains(String(h))
    }

    /// Path segments of the address of an author's page ("/author/jane-doe",
    /// "/autoren/jd", "?author=12"), lowercase, with their slashes.
    static let authorPathSegments: [[UInt8]] = ["/author/", "/authors/", "/autor/", "/autoren/", "/autorin/",
                                                "/auteur/", "/auteurs/", "/autore/", "/autori/", "/journalist/",
                                                "/journalists/", "/reporter/", "/reporters/", "?author=", "&author="]
        .map { Array($0.utf8) }

    /// Whether the element's href has an author segment; no String made.
    static func hasAuthorHref(_ atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) -> Bool {
        guard var a = atts else { return false }
        while let an = a[0] {
            if eq(an, "href"), let v = a[1] {
                // libc's string search first: most addresses have none of these words (lowercase, as addresses write them).
                let c = UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self)
                guard strstr(c, "aut") != nil || strstr(c, "journalist") != nil || strstr(c, "reporter") != nil else { return false }
                var i = 0
                while v[i] != 0 {
                    // Every segment's word starts with "a", "j" or "r": most slashes fail there.
                    if v[i] == 0x2F || v[i] == 0x3F || v[i] == 0x26, case let f = v[i + 1] | 0x20, f == 0x61 || f == 0x6A || f == 0x72 {
                        for seg in authorPathSegments {
                            var k = 1
                            while k < seg.count, v[i + k] != 0, (v[i + k] >= 0x41 && v[i + k] <= 0x5A ? v[i + k] | 0x20 : v[i + k]) == seg[k] { k += 1 }
                            if k == seg.count, seg[0] == v[i] { return true }
                        }
                    }
                    i += 1
                }
                return false
            }
            a += 2
        }
        return false
    }

    /// The value of attribute `name` in a SAX attribute list.
    static func value(_ atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, _ name: StaticString) -> String? {
        guard var a = atts else { return nil }
        while let an = a[0] {
            if eq(an, name) { return a[1].map { String(cString: $0) } ?? "" }
            a += 2
        }
        return nil
    }

    // MARK: - head

    private mutating func readMeta(_ atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        guard metas.count < 500, var a = atts else { return }
        var key: String? = nil
        var content: String? = nil
        while let an = a[0] {
            let v = a[1]
            a += 2
            guard let v else { continue }
            if Page.eq(an, "content") { content = String(cString: v) }
            else if Page.eq(an, "name") || Page.eq(an, "property") || Page.eq(an, "itemprop") || Page.eq(an, "http-equiv") {
                if key == nil { key = String(cString: v).asciiLowered }
            }
        }
        guard let k = key, let c = content else { return }
        // `property="dc:creator twitter:creator"` names several keys (RDFa).
        if k.utf8.contains(0x20) {
            for part in k.split(separator: " ") { metas.append(MetaTag(key: String(part), content: c)) }
        } else {
            metas.append(MetaTag(key: k, content: c))
        }
    }

    private mutating func readLink(_ atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        guard links.count < 500, let rel = Page.value(atts, "rel"), let href = Page.value(atts, "href") else { return }
        links.append(LinkTag(rel: rel.asciiLowered, href: href, title: Page.value(atts, "title")))
    }
}

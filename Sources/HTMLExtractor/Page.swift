// One pass over libxml2's tree: elements become `Node`s (in document order,
// so a subtree is a contiguous index range), text becomes `Chunk`s (a run of
// inline text between block boundaries, its bytes in one arena), and the head's
// metadata is collected. The walk follows libxml2's child/next/parent pointers
// with no recursion, so depth cannot overflow the stack.
import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Node {
    var ptr: XNode
    var tag: Tag
    var hint: Hint
    var parent: Int32
    /// One past the last node of the subtree.
    var end: Int32
    var chunkStart: Int32
    var chunkEnd: Int32
}

struct Chunk {
    /// Innermost block element holding the text.
    var owner: Int32
    /// Innermost element of any kind at the run's start (for links, spans).
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

    // Metadata seen on the way.
    var metas: [MetaTag] = []
    var links: [LinkTag] = []
    var titleText: String?
    var jsonLD: [String] = []
    /// `time` elements (node index, datetime attribute) and itemprop dates.
    var times: [(node: Int32, value: String)] = []
    /// Elements with rel=prev/next/author/tag (node index, hint).
    var rels: [(node: Int32, hint: Hint)] = []

    // Walk state.
    private var blockStack: [Int32] = []
    private var elemStack: [Int32] = []
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

    init(doc: xmlDocPtr) {
        nodes.reserveCapacity(4096)
        chunks.reserveCapacity(1024)
        arena.reserveCapacity(65536)
        guard let root = xmlDocGetRootElement(doc) else { return }
        walk(root)
        markWhole()
    }

    func text(_ c: Chunk) -> String {
        arena.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[Int(c.start)..<Int(c.end)]), as: UTF8.self)
        }
    }

    // MARK: - walk

    private mutating func walk(_ root: XNode) {
        var cur: XNode? = root
        while let n = cur {
            var descend = false
            switch n.pointee.type {
            case XML_ELEMENT_NODE:
                if enter(n) {
                    if n.pointee.children != nil { descend = true } else { exit() }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = n.pointee.content { appendText(c, line: Int32(truncatingIfNeeded: n.pointee.line)) }
            default:
                break
            }
            if descend { cur = n.pointee.children; continue }
            // Next sibling, or climb, leaving each finished element.
            var m = n
            cur = nil
            while m != root {
                if let nx = m.pointee.next { cur = nx; break }
                guard let p = m.pointee.parent else { break }
                m = p
                if p.pointee.type == XML_ELEMENT_NODE { exit() }
            }
        }
        flushRun()
    }

    /// Returns false when the subtree is skipped.
    private mutating func enter(_ n: XNode) -> Bool {
        guard let name = n.pointee.name else { return false }
        let tag = Tag.lookup(name)
        let role = tag.role
        if headDepth > 0 || tag == .meta || tag == .link || tag == .title || tag == .script {
            switch tag {
            case .meta: readMeta(n); return false
            case .link: readLink(n); return false
            case .title:
                if titleText == nil && nodes.count < 10_000 { titleText = Page.collapsedText(n) }
                return false
            case .script:
                if isJSONLD(n), jsonLD.count < 20 { jsonLD.append(Page.rawText(n)) }
                return false
            default:
                break
            }
        }
        if role.contains(.skip) { return false }
        if tag == .br {
            if headDepth == 0 { lineBreak() }
            return false
        }
        if tag == .wbr { return false }

        var hint: Hint = []
        var skip = false
        var datetime: String? = nil
        var relHint: Hint = []
        var attr = n.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            guard let an = a.pointee.name else { continue }
            let value = a.pointee.children?.pointee.content
            switch an[0] {
            case 0x63:  // c
                if Page.eq(an, "class"), let v = value { hint.formUnion(classHint(v, kind: 1)) }
            case 0x69:  // i
                if Page.eq(an, "id"), let v = value { hint.formUnion(classHint(v, kind: 2)) }
                else if Page.eq(an, "itemprop"), let v = value { hint.formUnion(Page.itemprop(v)) }
            case 0x72:  // r
                if Page.eq(an, "role"), let v = value { hint.formUnion(Page.ariaRole(v)) }
                else if Page.eq(an, "rel"), let v = value { relHint = Page.relHint(v) }
            case 0x73:  // s
                if Page.eq(an, "style"), let v = value, Page.styleHides(v) { skip = true }
            case 0x68:  // h
                if Page.eq(an, "hidden") { skip = true }
            case 0x64:  // d
                if tag == .time && Page.eq(an, "datetime"), let v = value {
                    datetime = String(cString: v)
                }
            case 0x61:  // a
                if Page.eq(an, "aria-hidden"), let v = value, v[0] == 0x74, tag != .a && tag != .span {
                    // aria-hidden="true" on a block: decorative duplicates.
                    hint.insert(.hidden)
                }
            default:
                break
            }
        }
        if skip { return false }
        // Text hidden by class, and pop-ups inside running text (hover cards).
        if hint.contains(.hidden) || hint.contains(.popup) && !role.contains(.block) && tag != .a { return false }
        if tag == .head { headDepth += 1 }

        let idx = Int32(nodes.count)
        let parent = elemStack.last ?? -1
        nodes.append(Node(ptr: n, tag: tag, hint: hint, parent: parent, end: idx + 1,
                          chunkStart: Int32(chunks.count), chunkEnd: Int32(chunks.count)))
        elemStack.append(idx)
        if let d = datetime { times.append((idx, d)) }
        if !relHint.isEmpty { rels.append((idx, relHint)) }
        if hint.contains(.date), tag != .time, let v = Page.attr(n, "content") ?? Page.attr(n, "datetime") {
            times.append((idx, v))
        }
        // Inline captions and credits are blocks of their own.
        if role.contains(.block) || hint.contains(.caption) || hint.contains(.credit) {
            flushRun()
            blockStack.append(idx)
        }
        if tag == .a { linkDepth += 1 }
        if tag == .pre || tag == .xmp || tag == .listing || tag == .plaintext { preDepth += 1 }
        return true
    }

    private mutating func exit() {
        guard let idx = elemStack.popLast() else { return }
        let tag = nodes[Int(idx)].tag
        if blockStack.last == idx {
            flushRun()
            blockStack.removeLast()
        }
        if tag == .a { linkDepth -= 1 }
        if tag == .pre || tag == .xmp || tag == .listing || tag == .plaintext { preDepth -= 1 }
        if tag == .head { headDepth -= 1 }
        nodes[Int(idx)].end = Int32(nodes.count)
        nodes[Int(idx)].chunkEnd = Int32(chunks.count)
    }

    // MARK: - text runs

    private mutating func appendText(_ c: UnsafePointer<UInt8>, line: Int32) {
        if headDepth > 0 || blockStack.isEmpty { return }
        var p = c
        let inLink = linkDepth > 0
        if preDepth > 0 {
            while p.pointee != 0 {
                var b = p.pointee
                p += 1
                if b == 0x0D {
                    b = 0x0A
                    if p.pointee == 0x0A { p += 1 }
                }
                if b == 0xEF && p[0] == 0xBB && p[1] == 0xBF { p += 2; continue }  // BOM
                if b == 0x0A && arena.count == runStart { continue }
                if arena.count == runStart && (b == 0x20 || b == 0x09) { continue }
                if arena.count == runStart && runLine == 0 { runLine = line }
                arena.append(b)
                countChar(b, inLink)
                lastWasBr = false
            }
            return
        }
        while p.pointee != 0 {
            let b = p.pointee
            p += 1
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                if arena.count > runStart { pendingSpace = true }
                continue
            }
            if b == 0xEF && p[0] == 0xBB && p[1] == 0xBF { p += 2; continue }  // BOM
            if arena.count == runStart {
                if runLine == 0 { runLine = line }
                pendingSpace = false
                pendingNewline = false
            } else if pendingNewline {
                arena.append(0x0A)
                pendingNewline = false
                pendingSpace = false
            } else if pendingSpace {
                arena.append(0x20)
                pendingSpace = false
            }
            arena.append(b)
            countChar(b, inLink)
            lastWasBr = false
        }
    }

    @inline(__always)
    private mutating func countChar(_ b: UInt8, _ inLink: Bool) {
        if runChars == 0 { runStartsInLink = inLink }
        if b & 0xC0 != 0x80 {
            runChars += 1
            if inLink { runLink += 1 }
        }
        if b == 0x2C { runCommas += 1 }
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
            arena.removeSubrange(runStart...)
            return
        }
        var s = runStart, e = arena.count
        trimUnicodeSpace(&s, &e)
        if s >= e { arena.removeSubrange(runStart...); return }
        let o = nodes[Int(owner)]
        chunks.append(Chunk(owner: owner, start: Int32(s), end: Int32(e), chars: runChars,
                            linkChars: min(runLink, runChars), commas: runCommas,
                            line: runLine != 0 ? runLine : Int32(truncatingIfNeeded: o.ptr.pointee.line),
                            whole: false, brSplit: brSplit, startsInLink: runStartsInLink))
    }

    /// After the walk: a chunk is whole when it is the only text of its owner.
    private mutating func markWhole() {
        for i in chunks.indices {
            let o = nodes[Int(chunks[i].owner)]
            chunks[i].whole = o.chunkEnd - o.chunkStart == 1
        }
    }

    /// Trims non-breaking and other Unicode spaces at both ends.
    private mutating func trimUnicodeSpace(_ s: inout Int, _ e: inout Int) {
        let a = arena
        func spaceLen(_ i: Int, _ end: Int) -> Int {
            let b = a[i]
            if b == 0x20 || b == 0x0A || b == 0x09 { return 1 }
            if b < 0xC2 { return 0 }
            return a.withUnsafeBufferPointer { unicodeSpaceLength(UnsafeBufferPointer(rebasing: $0[..<end]), i) }
        }
        while s < e {
            let k = spaceLen(s, e)
            if k == 0 { break }
            s += k
        }
        while e > s {
            var k = 0
            for back in [2, 3] where e - back >= s && arena[e - back] >= 0xC2 && spaceLen(e - back, e) == back {
                k = back
            }
            if k == 0 {
                let b = arena[e - 1]
                if b == 0x20 || b == 0x0A || b == 0x09 { e -= 1; continue }
                break
            }
            e -= k
        }
    }

    // MARK: - attributes

    private mutating func classHint(_ v: UnsafePointer<UInt8>, kind: UInt64) -> Hint {
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

    static func attr(_ n: XNode, _ name: StaticString) -> String? {
        var attr = n.pointee.properties
        while let a = attr {
            if let an = a.pointee.name, eq(an, name) {
                guard let v = a.pointee.children?.pointee.content else { return "" }
                return String(cString: v)
            }
            attr = a.pointee.next
        }
        return nil
    }

    // MARK: - head

    private mutating func readMeta(_ n: XNode) {
        guard metas.count < 500 else { return }
        var key: String? = nil
        var content: String? = nil
        var attr = n.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            guard let an = a.pointee.name, let v = a.pointee.children?.pointee.content else { continue }
            if Page.eq(an, "content") { content = String(cString: v) }
            else if Page.eq(an, "name") || Page.eq(an, "property") || Page.eq(an, "itemprop") {
                if key == nil { key = String(cString: v).lowercased() }
            }
        }
        if let k = key, let c = content { metas.append(MetaTag(key: k, content: c)) }
    }

    private mutating func readLink(_ n: XNode) {
        guard links.count < 500, let rel = Page.attr(n, "rel"), let href = Page.attr(n, "href") else { return }
        links.append(LinkTag(rel: rel.lowercased(), href: href, title: Page.attr(n, "title")))
    }

    private func isJSONLD(_ n: XNode) -> Bool {
        guard let t = Page.attr(n, "type") else { return false }
        return t.lowercased().contains("ld+json")
    }

    /// Concatenated text of the children, as is.
    static func rawText(_ n: XNode) -> String {
        var out: [UInt8] = []
        var c = n.pointee.children
        while let x = c {
            if let s = x.pointee.content {
                var p = s
                while p.pointee != 0 { out.append(p.pointee); p += 1 }
            }
            c = x.pointee.next
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func collapsedText(_ n: XNode) -> String {
        guard let c = xmlNodeGetContent(n) else { return "" }
        defer { free(c) }
        return HTMLDocument.collapsed(c)
    }
}

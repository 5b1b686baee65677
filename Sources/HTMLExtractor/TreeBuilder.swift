// Just enough tree construction to turn tokens into the balanced
// start/end/characters events Page consumes. It follows what libxml2 2.9's HTML
// parser does (the reader used it before, and Page's tuning was done on its
// events), facts observed by running libxml2 on probe inputs:
// - a start tag first closes the current element while the current element
//   is one the new tag ends (`p` by a block, `li` by `li`, ...: `closedBy`),
//   looking at the current element only (`<p><span><div>` nests);
// - `html`, then `head` (for script/style/meta/link/title/base while nothing
//   else is open) or `body`, are implied once; a second `html`/`body` start
//   tag, or `head` anywhere but under `html`, is dropped;
// - text that is not blank directly in `html`/`head` (or outside everything)
//   opens an implied `p` (the head closes, the body is implied);
// - an end tag closes the open elements above its element unless one of them
//   ranks higher (div < td/th < tr < thead/tbody/tfoot < table < head/body <
//   html); an end tag whose element is not open is ignored (`</p>` too);
// - void elements and `<x/>` end at once.
// Also: an end tag whose element is more than 1,024 open elements down is
// ignored (the closing happens at the end of the page instead).
// Deliberate differences from libxml2: `wbr`, `embed`, `source`, `track` are
// void (libxml2 keeps `wbr` open, so the text after it was lost).
// Nothing recurses: the open elements are an array.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Element names as small ids: the known ones fixed (shared, immutable),
/// others interned per page.
struct KnownNames: @unchecked Sendable {
    static let html: Int32 = 0, head: Int32 = 1, body: Int32 = 2, p: Int32 = 3, script: Int32 = 4,
        style: Int32 = 5, meta: Int32 = 6, link: Int32 = 7, title: Int32 = 8, base: Int32 = 9,
        noframes: Int32 = 10, frame: Int32 = 11, frameset: Int32 = 12, textarea: Int32 = 13,
        xmp: Int32 = 14, iframe: Int32 = 15, noembed: Int32 = 16

    static let list: [String] = [
        "html", "head", "body", "p", "script", "style", "meta", "link", "title", "base", "noframes",
        "frame", "frameset", "textarea", "xmp", "iframe", "noembed",
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "basefont", "bdo",
        "big", "blockquote", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
        "colgroup", "dd", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed",
        "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "i", "img", "input", "isindex", "kbd", "keygen", "label",
        "legend", "li", "listing", "main", "map", "math", "menu", "nav", "noscript", "object", "ol",
        "optgroup", "option", "param", "picture", "pre", "q", "s", "samp", "section", "select",
        "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "svg", "table",
        "tbody", "td", "template", "tfoot", "th", "thead", "time", "tr", "track", "tt", "u", "ul",
        "var", "video", "wbr", "plaintext", "datalist", "output", "progress", "meter",
    ]

    /// old -> the start tags that close it (libxml2 2.9's behaviour).
    static let closedByList: [(String, String)] = [
        ("a", "a fieldset table td th"),
        ("address", "dd dl dt form li ul"),
        ("b", "center p td th"), ("big", "p"),
        ("caption", "col colgroup tbody tfoot thead tr"),
        ("colgroup", "colgroup tbody tfoot thead tr"),
        ("dd", "dt"), ("dir", "dd dl dt form ul"), ("dl", "form li"), ("dt", "dd dl"),
        ("font", "center td th"), ("form", "form"),
        ("h1", "fieldset form li p table"), ("h2", "fieldset form li p table"),
        ("h3", "fieldset form li p table"), ("h4", "fieldset form li p table"),
        ("h5", "fieldset form li p table"), ("h6", "fieldset form li p table"),
        ("head", "a abbr acronym address b bdo big blockquote body br center cite code dd dfn dir div dl dt em fieldset font form frameset h1 h2 h3 h4 h5 h6 hr i iframe img kbd li listing map menu ol p pre q s samp small span strike strong sub sup table tt u ul var xmp"),
        ("i", "center p td th"), ("legend", "fieldset"), ("li", "li"),
        ("listing", "dd dl dt fieldset form li table ul"),
        ("menu", "dd dl dt form ul"), ("ol", "form ul"), ("option", "optgroup option"),
        ("p", "body head address blockquote caption center col colgroup dd dir div dl dt fieldset form frameset h1 h2 h3 h4 h5 h6 hr li listing menu ol p pre table tbody td tfoot th title tr ul xmp"),
        ("pre", "dd dl dt fieldset form li table ul"),
        ("s", "p"), ("small", "p"), ("span", "td th"), ("strike", "p"),
        ("tbody", "tbody tfoot"), ("td", "tbody td tfoot th tr"), ("tfoot", "tbody"),
        ("th", "tbody td tfoot th tr"), ("thead", "tbody tfoot"), ("title", "frameset"),
        ("tr", "tbody tfoot tr"), ("tt", "p"), ("u", "p td th"),
        ("ul", "address form menu ol pre"),
        ("xmp", "dd dl dt fieldset form li table ul"),
        ("link", "body frameset"), ("style", "body frameset"), ("script", "noscript"),
    ]

    static let voids = "area base basefont br col embed frame hr img input isindex keygen link meta param source track wbr"
    /// libxml2's end-tag priorities: an end tag never closes an open element of
    /// higher priority. Unlike libxml2, `</noscript>` closes what its content
    /// left open (as HTML5 does): `<noscript><div></noscript>` must not hide
    /// the rest of the page inside a skipped element.
    static let priorities: [(String, UInt8)] = [
        ("div", 150), ("td", 160), ("th", 160), ("tr", 170), ("thead", 180), ("tbody", 180),
        ("tfoot", 180), ("table", 190), ("noscript", 195), ("head", 200), ("body", 200), ("html", 220),
    ]

    let count: Int
    let ptrs: [UnsafeMutablePointer<UInt8>]
    let lens: [Int]
    let slots: [Int32]
    let closes: [Bool]         // [old * count + new]
    let void: [Bool]
    /// 1 raw text (to the end tag), 2 RCDATA (entities decoded).
    let raw: [UInt8]
    let priority: [UInt8]

    static let shared = KnownNames()

    init() {
        let k = Self.list.count
        count = k
        var ptrs: [UnsafeMutablePointer<UInt8>] = [], lens: [Int] = []
        var slots = [Int32](repeating: -1, count: 512)
        var index: [String: Int] = [:]
        for (i, s) in Self.list.enumerated() {
            let u = Array(s.utf8)
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: u.count + 1)
            for j in 0..<u.count { p[j] = u[j] }
            p[u.count] = 0
            ptrs.append(p); lens.append(u.count)
            var h = NameTable.hash(p, u.count)
            while slots[h & 511] >= 0 { h &+= 1 }
            slots[h & 511] = Int32(i)
            index[s] = i
        }
        var closes = [Bool](repeating: false, count: k * k)
        for (old, news) in Self.closedByList {
            guard let o = index[old] else { continue }
            for n in news.split(separator: " ") { if let j = index[String(n)] { closes[o * k + j] = true } }
        }
        var void = [Bool](repeating: false, count: k)
        for v in Self.voids.split(separator: " ") { if let j = index[String(v)] { void[j] = true } }
        var raw = [UInt8](repeating: 0, count: k)
        for r in ["script", "style", "xmp", "iframe", "noembed", "noframes"] { raw[index[r]!] = 1 }
        for r in ["title", "textarea"] { raw[index[r]!] = 2 }
        var pr = [UInt8](repeating: 100, count: k)
        for (s, v) in Self.priorities { pr[index[s]!] = v }
        self.ptrs = ptrs; self.lens = lens; self.slots = slots; self.closes = closes
        self.void = void; self.raw = raw; self.priority = pr
    }

    func find(_ p: UnsafePointer<UInt8>, _ n: Int, _ hash: Int) -> Int32? {
        var h = hash
        while true {
            let k = slots[h & 511]
            if k < 0 { return nil }
            if lens[Int(k)] == n && memcmp(ptrs[Int(k)], p, n) == 0 { return k }
            h &+= 1
        }
    }
}

/// Known names plus the page's own (custom elements, typos); each name is
/// kept NUL-terminated for Page's start handler.
struct NameTable {
    let known = KnownNames.shared
    private(set) var ptrs: [UnsafeMutablePointer<UInt8>] = []
    private var lens: [Int] = []
    private var slots = [Int32](repeating: -1, count: 64)

    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int { Int(Bytes.fnv1a(p, n)) }

    func name(_ id: Int32) -> UnsafeMutablePointer<UInt8> {
        id < known.count ? known.ptrs[Int(id)] : ptrs[Int(id) - known.count]
    }

    func length(_ id: Int32) -> Int {
        id < known.count ? known.lens[Int(id)] : lens[Int(id) - known.count]
    }

    /// The id of a lowercased name, or nil when the page never used it.
    func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32? {
        let h = NameTable.hash(p, n)
        if let k = known.find(p, n, h) { return k }
        var i = h
        let mask = slots.count - 1
        while true {
            let k = slots[i & mask]
            if k < 0 { return nil }
            if lens[Int(k)] == n && memcmp(ptrs[Int(k)], p, n) == 0 { return Int32(known.count) + k }
            i &+= 1
        }
    }

    mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32 {
        if let k = lookup(p, n) { return k }
        let q = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 1)
        q.update(from: p, count: n)
        q[n] = 0
        ptrs.append(q); lens.append(n)
        if ptrs.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for j in 0..<ptrs.count { place(Int32(j)) }
        } else {
            place(Int32(ptrs.count - 1))
        }
        return Int32(known.count + ptrs.count - 1)
    }

    private mutating func place(_ j: Int32) {
        var h = NameTable.hash(ptrs[Int(j)], lens[Int(j)])
        let mask = slots.count - 1
        while slots[h & mask] >= 0 { h &+= 1 }
        slots[h & mask] = j
    }

    func free() {
        for p in ptrs { p.deallocate() }
    }
}

struct TreeBuilder {
    typealias Atts = UnsafeMutablePointer<UnsafePointer<UInt8>?>
    let page: UnsafeMutablePointer<Page>
    var names = NameTable()
    var stack: [Int32] = []
    var open = [Int32](repeating: 0, count: KnownNames.shared.count)
    var seenHead = false, seenBody = false
    /// Dropped `html`/`head`/`body` start tags, whose end tags are dropped too.
    var misplaced = 0
    /// Tests: the events as text ("<p@1 class=x>", "</p>", "[text]").
    var trace: UnsafeMutablePointer<String>? = nil
    static let maxEndScan = 1024

    init(page: UnsafeMutablePointer<Page>) {
        self.page = page
        stack.reserveCapacity(256)
    }

    var current: Int32 { stack.last ?? -1 }

    private mutating func push(_ id: Int32, _ atts: Atts?, _ line: Int32) {
        if id == KnownNames.head { seenHead = true }
        if id == KnownNames.body { seenBody = true }
        stack.append(id)
        if Int(id) >= open.count { open += [Int32](repeating: 0, count: Int(id) + 1 - open.count) }
        open[Int(id)] += 1
        page.pointee.ownLine = line
        page.pointee.ownNameID = id
        page.pointee.start(UnsafePointer(names.name(id)), atts)
        if let t = trace { TreeBuilder.traceStart(t, names.name(id), atts, line) }
    }

    private mutating func pop(_ line: Int32) {
        let id = stack.removeLast()
        open[Int(id)] -= 1
        page.pointee.ownLine = line
        page.pointee.end()
        if let t = trace { t.pointee += "</" + String(cString: names.name(id)) + ">" }
    }

    private mutating func autoClose(_ id: Int32, _ line: Int32) {
        let k = names.known.count
        guard Int(id) < k else { return }
        while let top = stack.last, Int(top) < k, names.known.closes[Int(top) * k + Int(id)] { pop(line) }
    }

    private mutating func implied(_ id: Int32, _ line: Int32) {
        if id == KnownNames.html { return }
        if stack.isEmpty { push(KnownNames.html, nil, line) }
        if id == KnownNames.body || id == KnownNames.head { return }
        if stack.count <= 1 && (id >= KnownNames.script && id <= KnownNames.base) {
            if !seenHead { push(KnownNames.head, nil, line) }
        } else if id != KnownNames.noframes && id != KnownNames.frame && id != KnownNames.frameset {
            if seenBody || open[Int(KnownNames.body)] > 0 || open[Int(KnownNames.head)] > 0 { return }
            push(KnownNames.body, nil, line)
        }
    }

    /// A start tag. Returns the raw-text kind (1 raw, 2 RCDATA) when the
    /// element is now open and its content is not markup, else 0.
    mutating func start(_ id: Int32, _ atts: Atts?, selfClosing: Bool, nameLine: Int32, line: Int32) -> UInt8 {
        autoClose(id, nameLine)
        implied(id, nameLine)
        if id == KnownNames.html && !stack.isEmpty
            || id == KnownNames.head && stack.count != 1
            || id == KnownNames.body && open[Int(KnownNames.body)] > 0 {
            misplaced += 1
            return 0
        }
        push(id, atts, line)
        let known = Int(id) < names.known.count
        if selfClosing || known && names.known.void[Int(id)] {
            pop(line)
            return 0
        }
        return known ? names.known.raw[Int(id)] : 0
    }

    mutating func end(_ id: Int32, _ line: Int32) {
        if misplaced > 0 && (id == KnownNames.html || id == KnownNames.body || id == KnownNames.head) {
            misplaced -= 1
            return
        }
        guard Int(id) < open.count, open[Int(id)] > 0 else { return }
        let k = names.known.count
        let prio = Int(id) < k ? names.known.priority[Int(id)] : 100
        var i = stack.count - 1
        let floor = stack.count - TreeBuilder.maxEndScan
        while i >= 0 && stack[i] != id {
            let s = stack[i]
            if (Int(s) < k ? names.known.priority[Int(s)] : 100) > prio { return }
            i -= 1
            // Deeper than this: ignored, so that end tags that close nothing
            // cannot make a deep page quadratic (libxml2 scanned it all).
            if i < floor { return }
        }
        while stack.count > i + 1 { pop(line) }
        pop(line)
    }

    /// Text in the data state. `blank`: white space only and followed by a
    /// tag or the end (libxml2's test for text that needs no paragraph).
    mutating func text(_ p: UnsafePointer<UInt8>, _ n: Int, nextIsTag: Bool, line: Int32) {
        let c = current
        if c < 0 || c == KnownNames.html || c == KnownNames.head {
            if !(nextIsTag && TreeBuilder.allBlank(p, n)) { paragraph(line) }
        }
        rawText(p, n, line: line)
    }

    /// Text that never opens a paragraph (raw text, a stray '<').
    mutating func rawText(_ p: UnsafePointer<UInt8>, _ n: Int, line: Int32) {
        page.pointee.ownLine = line
        page.pointee.characters(p, n)
        if let t = trace { TreeBuilder.traceText(t, p, n, line) }
    }

    static func traceStart(_ t: UnsafeMutablePointer<String>, _ name: UnsafeMutablePointer<UInt8>, _ atts: Atts?, _ line: Int32) {
        t.pointee += "<" + String(cString: name) + "@\(line)"
        if var a = atts {
            while let an = a[0] {
                t.pointee += " " + String(cString: an) + (a[1].map { "=" + String(cString: $0) } ?? "")
                a += 2
            }
        }
        t.pointee += ">"
    }

    static func traceText(_ t: UnsafeMutablePointer<String>, _ p: UnsafePointer<UInt8>, _ n: Int, _ line: Int32) {
        t.pointee += "[" + String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) + "]"
    }

    private mutating func paragraph(_ line: Int32) {
        autoClose(KnownNames.p, line)
        implied(KnownNames.p, line)
        push(KnownNames.p, nil, line)
    }

    mutating func finish(_ line: Int32) {
        while !stack.isEmpty { pop(line) }
        names.free()
    }

    static func allBlank(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        for i in 0..<n {
            let b = p[i]
            if b != 0x20 && b != 0x0A && b != 0x09 && b != 0x0D { return false }
        }
        return true
    }
}

// A text dump of everything Page holds, for the differential check between
// the own parser and libxml2's (LECTERN_PAGE_DIFF=DIR, see HTMLReader).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Page {
    func dump() -> String {
        var o = ""
        for (i, n) in nodes.enumerated() {
            o += "N\(i) \(tagName(Int32(i))) p=\(n.parent) end=\(n.end) ch=\(n.chunkStart)-\(n.chunkEnd) line=\(n.line)"
            o += " hint=\(n.hint.rawValue) id=\(attrString(n.id)) class=\(attrString(n.cls))\n"
        }
        for (i, c) in chunks.enumerated() {
            o += "C\(i) owner=\(c.owner) chars=\(c.chars) link=\(c.linkChars) commas=\(c.commas) line=\(c.line)"
            o += " whole=\(c.whole) br=\(c.brSplit) inLink=\(c.startsInLink) \(text(c).debugDescription)\n"
        }
        for m in metas { o += "META \(m.key.debugDescription) \(m.content.debugDescription)\n" }
        for l in links { o += "LINK \(l.rel) \(l.href.debugDescription) \(l.title.debugDescription)\n" }
        o += "TITLE \(titleText.debugDescription)\nLANG \(htmlLang.debugDescription)\n"
        for j in jsonLD { o += "JSONLD \(j.debugDescription)\n" }
        for t in times { o += "TIME \(t.node) \(t.value.debugDescription)\n" }
        for r in rels { o += "REL \(r.node) \(r.hint.rawValue)\n" }
        for a in anchors { o += "A \(a.node) \(a.start)-\(a.end)\n" }
        return o
    }

    /// LECTERN_PAGE_DIFF=DIR: each page is parsed both ways; DIR/summary gets
    /// "same NAME" or "diff NAME", and differing pages leave NAME.own and
    /// NAME.libxml2 dumps in DIR.
    static let diffDir: String? = {
        guard let v = getenv("LECTERN_PAGE_DIFF") else { return nil }
        return String(cString: v)
    }()

    static func differential(_ b: UnsafeBufferPointer<UInt8>, encoding: String, source: String, dir: String) {
        let own = parseOwn(b, encoding: encoding).dump()
        let lib = parseLibXML(b, encoding: encoding).dump()
        let name = String(source.split(separator: "/").last ?? "page")
        func write(_ path: String, _ s: String, mode: String) {
            guard let f = fopen(path, mode) else { return }
            fputs(s, f)
            fclose(f)
        }
        if own == lib {
            write(dir + "/summary", "same \(name)\n", mode: "a")
        } else {
            write(dir + "/summary", "diff \(name)\n", mode: "a")
            write(dir + "/\(name).own", own, mode: "w")
            write(dir + "/\(name).libxml2", lib, mode: "w")
        }
    }
}

// `site` and `id`: where an article comes from, derived from fields the model
// already has so that they are the same for any --jobs, on any machine.

extension Article {
    /// The lowercased host of `url` without a leading "www."; for an article
    /// without a URL with a host, the name of the directory that holds its file
    /// as the path was given ("corpus/bbc/a.txt" -> "bbc"); nil for standard
    /// input and for a file given without a directory.
    public var site: String? {
        if let u = url, let h = Article.host(ofURL: u) { return h }
        return Article.directoryName(ofSource: source)
    }

    /// The first 16 hex digits of the SHA-256 of the UTF-8 bytes of `record_id`
    /// when there is one, else of `url`, else of `source`: so
    /// `printf %s "$URL" | sha256sum | cut -c1-16` gives it by hand.
    public var id: String {
        String(SHA256.hex(Array((recordID ?? url ?? source).utf8)).prefix(16))
    }

    /// "https://user@WWW.Example.COM:8080/a" -> "example.com"; nil without a
    /// "scheme://" or "//" authority (a relative link says nothing of the site).
    public static func host(ofURL u: String) -> String? {
        var rest = Substring(u.trimmingWhiteSpace())
        if let r = rest.firstRange(of: "://") {
            let scheme = rest[..<r.lowerBound]
            guard !scheme.isEmpty, scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
            rest = rest[r.upperBound...]
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
        } else {
            return nil
        }
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host: Substring
        if authority.hasPrefix("[") {
            // IPv6 literal: keep the brackets, drop the port.
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
        } else {
            host = authority.prefix { $0 != ":" }
        }
        while host.hasSuffix(".") { host = host.dropLast() }
        var h = host.lowercased()
        if h.hasPrefix("www.") { h.removeFirst(4) }
        return h.isEmpty ? nil : h
    }

    /// The last directory of the path part of a source ("a/b/c.jsonl:3" -> "b").
    static func directoryName(ofSource s: String) -> String? {
        guard s != "-", let slash = s.lastIndex(of: "/") else { return nil }
        let dir = s[..<slash]
        let name = dir.split(separator: "/").last.map(String.init)
        guard let name, name != ".", name != ".." else { return nil }
        return name
    }
}

extension String {
    func trimmingWhiteSpace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}

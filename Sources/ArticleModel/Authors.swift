// A byline's raw name string -> person names and a role. Both readers' bylines
// pass through here (in ArticleBuilder), and the HTML reader asks it whether a
// candidate byline names anyone at all ("Sign In", "FAIL" do not).

public enum AuthorNames {
    public struct Parsed: Equatable, Sendable {
        public var names: [String]
        /// Roles and agencies that were attached to the names ("AP National
        /// Political Writer", "WebMD Health News"), joined by ", ".
        public var role: String?
    }

    // The phrase lists are data: extend them, the code does not name phrases.

    /// Whole strings that are interface labels, never a person.
    static let uiLabels: Set<String> = [
        "sign in", "sign up", "log in", "login", "log out", "logout", "register", "subscribe", "my account",
        "account", "profile", "follow", "follow author", "unfollow", "menu", "search", "share", "email", "print",
        "fail", "error", "null", "undefined", "none", "unknown", "anonymous", "admin", "administrator", "user",
        "guest", "home", "news", "more", "by", "von", "por", "par", "de", "read more", "view profile",
        "see all", "all posts", "comments", "comment", "reply", "close", "open", "toggle", "advertisement",
        "no author", "author", "authors", "autor", "autorin", "auteur", "date", "datum", "fecha", "data",
        "sponsored content", "sponsored", "paid content", "partner content", "gesponserte inhalte", "anzeige",
        "werbung", "advertorial", "contenido patrocinado", "contenu sponsorisé",
        "published", "posted", "updated", "veröffentlicht", "aktualisiert", "publié", "publicado",
        "source", "quelle", "fuente", "source:", "quelle:", "subject",
    ]
    /// Leading phrases that make a byline-looking line a link to other pages.
    static let rejectPrefixes: [String] = ["more ", "more from ", "more by ", "all posts by ", "view all posts by ", "alles von ",
                                           "articles by ", "see more ", "other articles by ",
                                           // Credits for other work than the writing: the translator, the photographer.
                                           "übersetzung", "translated by ", "translation by ", "translation:",
                                           "traducción", "traduction", "photos by ", "photo by ", "fotos: ", "foto: "]
    /// Leading labels dropped before the names.
    static let leadingLabels: [String] = ["by:", "by ", "autor ", "autorin ", "author ", "written by:", "posted by:",
                                          "words by:", "story by:", "written by ", "posted by ", "words by ", "story by ",
                                          "blog beitrag von ", "blogbeitrag von ", "beitrag von ",
                                          "reporting by ", "text by ", "published by ", "von ", "por ", "par ",
                                          "veröffentlicht von ", "geschrieben von ", "erstellt von ", "ein beitrag von ",
                                          "publicado por ", "escrito por ", "publié par ", "écrit par ",
                                          "pubblicato da ", "scritto da ", "autor:", "author:", "authors:",
                                          "autorin:", "auteur:"]
    /// Labels whose value is the author, anywhere in a line of "Label: value"
    /// pairs ("Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet").
    static let authorLabels: [String] = ["autor:", "autorin:", "author:", "authors:", "auteur:", "by:", "von:",
                                         "text:", "texto:", "texte:", "redacción:"]
    /// Trailing labels dropped after the names ("Moritz Bachmann publiziert am").
    static let trailingLabels: [String] = [" publiziert am", " veröffentlicht am", " aktualisiert am",
                                           " published on", " published", " updated on", " updated", " posted on",
                                           " posted", " publié le", " publicado el", " veröffentlicht",
                                           // A comment count glued to the name ("KleineGrüneMonster Ein Kommentar").
                                           " ein kommentar", " keine kommentare", " kommentare", " kommentar",
                                           " leave a comment", " no comments", " comments", " comment"]
    /// Words that make a part of a byline a role or an agency, not a name.
    static let roleWords: Set<String> = [
        "writer", "writers", "correspondent", "correspondents", "editor", "editors", "reporter", "reporters",
        "staff", "contributor", "contributors", "columnist", "producer", "photographer", "analyst", "critic",
        "news", "press", "agency", "agencies", "desk", "team", "bureau", "service", "wire", "reuters", "ap", "afp",
        "dpa", "apa", "sda", "ansa", "efe", "upi", "bloomberg", "associated", "contributing", "senior", "chief",
        "political", "national", "international", "health", "science", "business", "sports", "technology",
        "tech", "affairs", "redaktion", "redakteur", "redakteurin", "korrespondent", "korrespondentin",
        "autor", "autorin", "journalist", "journalistin",
        // Desks ("Redacción EC", "TVT-Redaktion").
        "redacción", "redaccion", "rédaction", "redazione", "newsroom",
    ]
    /// A role that ends in one of these is a desk's name, whatever stands before it.
    static let deskWords: Set<String> = ["staff", "redaktion", "team", "desk", "newsroom", "bureau",
                                         "redacción", "redaccion", "rédaction", "redazione"]
    /// Words that make a byline a company's name, no person and no role
    /// ("NATURSTROM AG", "RTL Online", a web agency's "wegewerk GmbH" in meta author).
    static let companyWords: Set<String> = ["gmbh", "ag", "inc", "ltd", "llc", "online", "media", "verlag"]
    /// Titles before a name, dropped from it.
    static let titles: Set<String> = ["dr.", "dr", "prof.", "prof", "professor", "professorin", "rechtsanwalt",
                                      "rechtsanwältin", "mag.", "dipl.-ing.", "ing.", "mr.", "mrs.", "ms.", "dott.",
                                      "dra.", "sr.", "sra."]
    /// Degrees after a name, matched as written ("Brenda Goodman, MA"; "Jack Ma" is a name).
    static let degrees: Set<String> = ["MD", "M.D.", "PhD", "Ph.D.", "MA", "MS", "RN", "MPH", "MBA", "DO", "DDS"]
    /// Lowercase words that may sit inside a name ("Michiel de Jong").
    static let particles: Set<String> = ["de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la",
                                         "le", "bin", "ibn", "al", "el", "y", "e", "dos", "das", "do", "ter", "ten",
                                         "zu", "af", "st."]
    /// Words that join the last names of several ("A, B and C").
    static let conjunctions: [String] = [" and ", " & ", " und ", " et "]
    /// Separators between several names.
    static let separators: [String] = conjunctions + ["; ", " | ", ", "]

    /// A separator the page set before the name ("/ Cory Doctorow", "| Jane Doe", "— Jane Doe").
    static func withoutLeadingMarks(_ s: String) -> String {
        guard let f = s.unicodeScalars.first, leadingMarks.contains(f) else { return s }
        // Set apart by a space: "-_Handle_-" is a handle as written.
        var t = Substring(s)
        while let c = t.unicodeScalars.first, leadingMarks.contains(c) { t = t.dropFirst() }
        guard let sp = t.unicodeScalars.first, sp == " " || sp == "\u{A0}" else { return s }
        while let c = t.unicodeScalars.first, c == " " || c == "\u{A0}" { t = t.dropFirst() }
        return String(t)
    }

    static let leadingMarks: Set<Unicode.Scalar> = ["/", "|", "-", "\u{2013}", "\u{2014}", "\u{2022}", "\u{B7}", ":", ";", ","]

    /// "and" in languages whose word for it is also a short particle or
    /// letter ("Keith Bradsher y Tariq Panja", "Ana Lima e João Silva"):
    /// a separator only between two names of two words or more ("José
    /// Ortega y Gasset" is one name).
    static let shortConjunctions: [String] = [" y ", " e ", " i ", " en ", " и "]

    static func splitShortConjunctions(_ p: String) -> [String] {
        for c in shortConjunctions where p.contains(c) {
            let sides = split(p, c)
            if sides.count >= 2, sides.allSatisfy({ words($0).count >= 2 && looksLikeName($0) }) {
                return sides
            }
        }
        return [p]
    }

    /// A title before the name is no part of it ("Rechtsanwalt Sebastian Einbock", "Dr. Jane Doe").
    static func withoutTitles(_ s: String) -> String {
        var s = s
        while let sp = s.firstIndex(of: " "), titles.contains(s[..<sp].lowercased()), words(s).count > 2 {
            s = collapse(String(s[s.index(after: sp)...]))
        }
        return s
    }

    public static func parse(_ raw: String) -> Parsed {
        let raw = withoutTitles(withoutLeadingMarks(raw))
        if let names = plainNames(raw) { return Parsed(names: names, role: nil) }
        var s = collapse(withoutLinks(raw))
        let lower0 = s.lowercased()
        for p in rejectPrefixes where lower0.hasPrefix(p) { return Parsed(names: [], role: nil) }
        s = labelledValue(s)
        // A name, then the writer's handle ("Eric Levitz@EricLevitz", "Chris Pokorny
        // @DawgsByNature Nov"): the name before it. (Not an address: "jane@example.com".)
        if let at = s.firstIndex(of: "@"), at > s.startIndex, case let before = collapse(String(s[..<at])),
           words(before).count >= 2, looksLikeName(before) {
            s = before
        }
        var changed = true
        while changed {
            changed = false
            var lower = s.lowercased()
            for p in leadingLabels where lower.hasPrefix(p) && s.count > p.count {
                s = collapse(String(s.dropFirst(p.count))); changed = true; lower = s.lowercased(); break
            }
            for p in trailingLabels where lower.hasSuffix(p) && s.count > p.count {
                s = collapse(String(s.dropLast(p.count))); changed = true; break
            }
        }
        while let l = s.last, l == "." || l == "," || l == ":" || l == ";" || l == "|" { s.removeLast() }
        s = withoutGluedLabel(collapse(s))
        s = withoutTitles(s)

        // "Jong, Michiel de": one surname, a comma, given names.
        var parts: [String]
        let commaParts = split(s, ", ")
        let surnameFirst = commaParts.count == 2 && !commaParts[0].contains(" ") && looksLikeName(commaParts[0])
            && looksLikeName(commaParts[1], givenNames: true) && !isRole(commaParts[1]) && !s.contains(" and ")
        if surnameFirst {
            parts = [s]
        } else {
            parts = [s]
            for sep in separators {
                parts = parts.flatMap { split($0, sep) }
            }
            parts = parts.flatMap { splitShortConjunctions(collapse($0)) }
        }
        var names: [String] = []
        var roles: [String] = []
        var afterRole = false
        // Without an "and", nothing after an agency is a further author.
        let joins = conjunctions.contains { s.contains($0) } || parts.count > 1 && shortConjunctions.contains { s.contains($0) }
        for p in parts.map({ collapse($0.trimmingCharacters(in: ",;")) }) where !p.isEmpty {
            if isRole(p) {
                // "Evan Halper Staff Writer": a name, then its role, without a comma
                // ("Letters To The Editor" is a column's name, "Our Foreign Staff",
                // "Teufel Blog Redaktion" a desk's).
                let ws = words(p)
                if let k = ws.firstIndex(where: { isRole(String($0)) }), k >= 2, k <= 4,
                   let last = ws.last, !deskWords.contains(last.lowercased()),
                   case let name = ws[..<k].joined(separator: " "), looksLikeName(name), !isRole(name),
                   !ws[..<k].contains(where: { ["the", "to", "of", "for", "a", "an"].contains($0.lowercased()) }) {
                    if !names.contains(name) { names.append(name) }
                    roles.append(ws[k...].joined(separator: " "))
                } else {
                    roles.append(p)
                }
                afterRole = true
            } else if afterRole && !joins && !names.isEmpty && words(p).count <= 3 {
                // "Nada Tawfik, BBC News, New York": after the agency, the place it wrote from.
                roles.append(p)
            } else if !joins && !surnameFirst && words(p).count == 1 && names.contains(where: { words($0).count >= 2 }) {
                // "Sebastian Held, Germany", "Jane Doe, London": without an "and",
                // one word after a full name is where the writer is, not a second writer.
                roles.append(p)
            } else if looksLikeName(p, givenNames: surnameFirst) {
                if !names.contains(p) { names.append(p) }
                afterRole = false
            } else if isProse(p) {
                // "Von Einheimischen, Gästen und ganz viel Kühen": a phrase, not a list of names.
                return Parsed(names: [], role: nil)
            }
        }
        return Parsed(names: names, role: roles.isEmpty ? nil : roles.joined(separator: ", "))
    }

    /// The name part of a line of labels: after an author label ("... Autor:
    /// X Quelle: Y" -> "X"); without a short leading label ("Interview: X",
    /// "Text Interview: X" -> "X"); cut before a later label ("X Kategorien:
    /// Mode", "X Foto: © Y" -> "X"). A label is a word ending in ':'.
    static func labelledValue(_ s: String) -> String {
        guard s.contains(":") else { return s }
        var ws = words(s).map(String.init)
        if let k = ws.firstIndex(where: { authorLabels.contains($0.lowercased()) }), k + 1 < ws.count {
            ws = Array(ws[(k + 1)...])
        } else if let k = ws.firstIndex(where: { $0.hasSuffix(":") }), k <= 1, k + 1 < ws.count {
            ws = Array(ws[(k + 1)...])
        }
        if let k = ws.indices.dropFirst().first(where: { ws[$0].hasSuffix(":") && ws[$0].count > 1 }) {
            ws = Array(ws[..<k])
        }
        return ws.joined(separator: " ")
    }

    /// The whole string is an interface label ("DATE", "Sign In", "Subject"),
    /// however written: no author at all, not even as the reader gave it. An
    /// account's name stays ("Posted by admin": the post's account is "admin").
    public static func isInterfaceLabel(_ raw: String) -> Bool {
        var s = collapse(raw).lowercased()
        while let l = s.last, l == "." || l == "," || l == ":" || l == ";" || l == "|" { s.removeLast() }
        return uiLabels.contains(s) && !accountNames.contains(s)
    }
    static let accountNames: Set<String> = ["admin", "administrator", "anonymous", "guest", "user"]

    /// A button's label run into the name by a page without spaces
    /// ("Inga HoeltmannFollow" -> "Inga Hoeltmann"; three letters at least
    /// before it: "McFollow" is a name).
    static func withoutGluedLabel(_ s: String) -> String {
        guard let last = words(s).last, last.count > 4 else { return s }
        let cs = Array(last)
        for i in stride(from: cs.count - 2, through: 3, by: -1)
            where cs[i].isUppercase && cs[i - 1].isLowercase && uiLabels.contains(String(cs[i...]).lowercased()) {
            return String(s.dropLast(cs.count - i))
        }
        return s
    }

    /// True when `parse` would return `raw` itself as the one name: ASCII
    /// letters and single inner spaces, "." "-" "'" ("Jane Doe", "Mary-Ann
    /// O'Neil", "J. R. Smith"), ending in a letter, every word capitalised,
    /// with no label, separator, role, degree or interface label. Checked on
    /// bytes, so most bylines skip the full parse's string copies.
    static func plainName(_ raw: String) -> Bool {
        var r = raw
        let shape = r.withUTF8 { b -> Bool in
            guard !b.isEmpty, b.count <= 60 else { return false }
            var words = 0, startOfWord = true
            var lower = false, upper = false
            for c in b {
                switch c {
                case 0x20:
                    if startOfWord { return false }        // leading or double space
                    startOfWord = true
                    continue
                case 0x41...0x5A: upper = true
                case 0x61...0x7A:
                    if startOfWord { return false }        // lowercase word: particles go the long way
                    lower = true
                case 0x2E, 0x2D, 0x27: break
                default: return false
                }
                if startOfWord { words += 1; startOfWord = false }
            }
            guard words <= 6, let last = b.last, last | 0x20 &- 0x61 < 26 else { return false }
            if words == 1 && b.count <= 5 && upper && !lower { return false }    // "FAIL"
            guard labelFree(b) else { return false }
            for p in plainInner {
                var i = 0
                while i + p.count <= b.count { if has(b, p, at: i) { return false }; i += 1 }
            }
            return true
        }
        guard shape else { return false }
        if uiLabels.contains(raw.lowercased()) || withoutGluedLabel(raw) != raw { return false }
        return !isRole(raw) && !isCompany(raw) && !hasDomainDot(raw)
    }

    /// A dot with a lowercase letter right after it ("Vegolosi.it",
    /// "Süddeutsche.de GmbH"): a site's address; a name's dots end initials
    /// ("J. R. Smith", "J.R.R. Tolkien").
    static func hasDomainDot(_ p: String) -> Bool {
        var dot = false
        for c in p.unicodeScalars {
            if dot && c.properties.isLowercase { return true }
            dot = c == "."
        }
        return false
    }

    /// A company or a site's address, not a person: what a page's meta author
    /// often holds in place of the writer's name.
    public static func isPublisher(_ p: String) -> Bool { isCompany(p) || hasDomainDot(p) }

    /// Two or more words, one a company's ("NATURSTROM AG", "RTL Online").
    static func isCompany(_ p: String) -> Bool {
        let ws = words(p)
        return ws.count > 1 && ws.contains { companyWords.contains($0.lowercased().trimmingCharacters(in: ".,()")) }
    }

    /// "A and B" of two plain names, or one plain name: the names `parse`
    /// would return, or nil for the full parse.
    static func plainNames(_ raw: String) -> [String]? {
        if plainName(raw) { return [raw] }
        var r = raw
        let cut = r.withUTF8 { b -> Int? in
            let and = plainAnd
            var found: Int? = nil
            var i = 0
            while i + and.count <= b.count {
                if b[i] == 0x20 && (1..<and.count).allSatisfy({ b[i + $0] == and[$0] }) {     // exact, as `split` cuts
                    if found != nil { return nil }
                    found = i
                    i += and.count
                } else { i += 1 }
            }
            guard let found, labelFree(b) else { return nil }
            return found
        }
        guard let cut else { return nil }
        let u = raw.utf8
        let a = String(raw[..<u.index(u.startIndex, offsetBy: cut)])
        let b = String(raw[u.index(u.startIndex, offsetBy: cut + plainAnd.count)...])
        guard a != b, plainName(a), plainName(b) else { return nil }
        return [a, b]
    }

    /// `p` (lower case) at `i` of `b`, ASCII letters of `b` compared in lower case.
    static func has(_ b: UnsafeBufferPointer<UInt8>, _ p: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + p.count <= b.count else { return false }
        for k in 0..<p.count where b[i + k] | (b[i + k] &- 0x41 < 26 ? 0x20 : 0) != p[k] { return false }
        return true
    }

    /// No reject prefix, leading label or trailing label on the whole string.
    static func labelFree(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for p in plainRejects where has(b, p, at: 0) { return false }
        for p in plainTrailing where has(b, p, at: b.count - p.count) { return false }
        return true
    }

    static let plainAnd: [UInt8] = Array(" and ".utf8)

    /// The lists `plainName` must rule out, as lower-case bytes.
    static let plainRejects: [[UInt8]] = (rejectPrefixes + leadingLabels).map { Array($0.utf8) }
    static let plainTrailing: [[UInt8]] = trailingLabels.map { Array($0.utf8) }
    /// Separators (their case matters to `split`, but lower-case "http"/"www." and any case of " and " are
    /// just left to the full parse) and the link markers of `looksLikeName`.
    static let plainInner: [[UInt8]] = (separators + ["http", "www."]).map { Array($0.utf8) }

    /// The names written the way `author` shows several: "A", "A and B", "A, B and C".
    public static func joined(_ names: [String]) -> String? {
        guard let last = names.last else { return nil }
        if names.count == 1 { return last }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    static func words(_ s: String) -> [Substring] { s.split(whereSeparator: { $0 == " " }) }

    static func isRole(_ p: String) -> Bool {
        for w in words(p) {
            if degrees.contains(String(w)) { return true }
            let bare = w.lowercased().trimmingCharacters(in: ".,()")
            if roleWords.contains(bare) { return true }
            // "TVT-Redaktion", "Online-Redaktion": a desk's compound.
            if bare.contains("-"), bare.split(separator: "-").contains(where: { roleWords.contains(String($0)) }) { return true }
        }
        return false
    }

    /// Two or more lowercase words that are no name particles: running text.
    static func isProse(_ p: String) -> Bool {
        var lower = 0
        for w in words(p) {
            guard let f = w.unicodeScalars.first, f.properties.isLowercase, !particles.contains(w.lowercased()) else { continue }
            lower += 1
        }
        return lower >= 2
    }

    /// One to six words, none starting with a lowercase letter unless a
    /// particle (and not ending with one), some letter, no digits, not an
    /// interface label, not one all-caps word ("FAIL").
    /// `givenNames`: the part after "Surname," which may end with a particle
    /// ("Jong, Michiel de").
    public static func looksLikeName(_ p: String, givenNames: Bool = false) -> Bool {
        let ws = words(p)
        guard !ws.isEmpty, ws.count <= 6, p.count <= 60 else { return false }
        if uiLabels.contains(p.lowercased()) { return false }
        if p.contains("@") || p.contains("http") || p.contains("www.") || hasDomainDot(p) { return false }
        if isCompany(p) { return false }
        for c in p.unicodeScalars where c.properties.numericType != nil { return false }
        if ws.count == 1, p.count <= 5, p.uppercased() == p, p.lowercased() != p { return false }
        // A label whose value was cut off ("Artikel von", "Rezept von").
        if !givenNames, ws.count > 1, particles.contains(ws[ws.count - 1].lowercased()) { return false }
        for (i, w) in ws.enumerated() {
            guard let f = w.unicodeScalars.first else { return false }
            if f.properties.isUppercase || f == "(" || f == "\"" || f == "'" { continue }
            if f.properties.isLowercase {
                if i > 0 && particles.contains(w.lowercased()) { continue }
                return false
            }
            // Scripts without case (CJK, Arabic, ...) and symbols pass.
        }
        return p.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// Without parenthesised or bracketed links and e-mail addresses:
    /// "Bradley M. Kuhn (http://ebb.org/bkuhn/)" -> "Bradley M. Kuhn".
    static func withoutLinks(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 == 0x28 || $0 == 0x3C || $0 == 0x5B }) { return s }
        var out = ""
        var group = ""
        var close: Character? = nil
        for ch in s {
            if let c = close {
                group.append(ch)
                if ch == c {
                    let g = group.lowercased()
                    if !(g.contains("http") || g.contains("www.") || g.contains("@")) { out += group }
                    group = ""; close = nil
                }
            } else if ch == "(" || ch == "<" || ch == "[" {
                close = ch == "(" ? ")" : ch == "<" ? ">" : "]"
                group = String(ch)
            } else {
                out.append(ch)
            }
        }
        return out + group
    }

    /// `s` cut at every `sep` (no Foundation in this target).
    static func split(_ s: String, _ sep: String) -> [String] {
        let b = Array(s.utf8), p = Array(sep.utf8)
        var out: [String] = []
        var start = 0, i = 0
        while i + p.count <= b.count {
            if b[i..<(i + p.count)].elementsEqual(p) {
                out.append(String(decoding: b[start..<i], as: UTF8.self))
                i += p.count; start = i
            } else { i += 1 }
        }
        out.append(String(decoding: b[start...], as: UTF8.self))
        return out
    }

    static func collapse(_ s: String) -> String {
        // Most names are already clean: no copy then.
        var clean = true
        var prevSpace = true
        for b in s.utf8 {
            if b == 0x20 { if prevSpace { clean = false; break }; prevSpace = true }
            else if b == 0x0A || b == 0x09 || b == 0xC2 { clean = false; break }
            else { prevSpace = false }
        }
        if clean && !prevSpace { return s }
        return s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{A0}" })
            .joined(separator: " ")
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

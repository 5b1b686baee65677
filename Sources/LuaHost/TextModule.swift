// The `text` module's Swift half: Unicode-aware helpers that would be slow or
// wrong in plain Lua patterns (which see bytes, not letters). The Counter type
// and text.top are in the prelude.
import CLua
import CLuaBridge

enum TextModule {
    static func push(_ L: LuaL) {
        pushFunctionTable(L, ["words": textWords, "sentences": textSentences, "lower": textLower,
                              "upper": textUpper, "ngrams": textNgrams, "kwic": textKwic,
                              "stopwords": textStopwords], extra: 3)
    }

    // MARK: words

    @inline(__always) static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        let p = u.properties
        if p.isAlphabetic || p.numericType != nil { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(__always) static func isJoiner(_ u: Unicode.Scalar) -> Bool {
        // apostrophes and hyphens inside a word: Moscow’s, don't, Sino-Russian
        u == "'" || u == "\u{2019}" || u == "-" || u == "\u{2010}"
    }

    /// Ranges of the words of `s`, in order.
    static func wordRanges(_ s: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        let scalars = s.unicodeScalars
        var i = scalars.startIndex
        var start: String.Index? = nil
        var lastWordEnd = i
        while i != scalars.endIndex {
            let u = scalars[i]
            let next = scalars.index(after: i)
            if isWordScalar(u) {
                if start == nil { start = i }
                lastWordEnd = next
            } else if start != nil, isJoiner(u), next != scalars.endIndex, isWordScalar(scalars[next]) {
                // keep going: the joiner sits between two word characters
            } else if let st = start {
                out.append(st..<lastWordEnd)
                start = nil
            }
            i = next
        }
        if let st = start { out.append(st..<lastWordEnd) }
        return out
    }

    // MARK: sentences

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
        "capt", "cmdr", "adm", "maj", "mt", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "vol", "pp", "approx",
        "est", "dept", "univ", "ave", "blvd", "rev", "hon", "pres", "messrs", "mme", "mlle", "cf", "al", "ca",
    ]
    /// Words that usually continue a name after an initialism ("U.S. President").
    static let initialismContinuations: Set<String> = [
        "president", "secretary", "senator", "sen", "rep", "representative", "army", "navy", "air", "marine",
        "marines", "congress", "department", "dept", "ambassador", "embassy", "treasury", "court", "supreme",
        "state", "states", "federal", "government", "administration", "forces", "military", "dollar", "dollars",
        "census", "attorney", "trade", "special", "envoy", "coast", "border", "customs", "postal", "open",
        "officials", "troops", "navy's", "army's", "central", "command", "general", "security", "council",
        "house", "senate", "intelligence", "citizens", "election", "elections", "economy", "policy", "forces'",
    ]

    static func sentenceRanges(_ s: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        let sc = s.unicodeScalars
        var start = sc.startIndex
        var i = sc.startIndex
        func isSpace(_ u: Unicode.Scalar) -> Bool { u.properties.isWhitespace }
        func isCloser(_ u: Unicode.Scalar) -> Bool {
            "\"')]}\u{201D}\u{2019}\u{00BB}".unicodeScalars.contains(u)
        }
        func push(_ end: String.Index) {
            let r = trimmed(s, start..<end)
            if !r.isEmpty { out.append(r) }
        }
        while i != sc.endIndex {
            let u = sc[i]
            var after = sc.index(after: i)
            let cjk = u == "\u{3002}" || u == "\u{FF01}" || u == "\u{FF1F}"
            if cjk {
                while after != sc.endIndex, isCloser(sc[after]) { after = sc.index(after: after) }
                push(after)
                start = after
                i = after
                continue
            }
            guard u == "." || u == "!" || u == "?" || u == "\u{2026}" else { i = after; continue }
            // swallow runs like "?!" or "..." and closing quotes
            while after != sc.endIndex, sc[after] == "." || sc[after] == "!" || sc[after] == "?" { after = sc.index(after: after) }
            while after != sc.endIndex, isCloser(sc[after]) { after = sc.index(after: after) }
            // a sentence ends only before white space (or the end)
            guard after == sc.endIndex || isSpace(sc[after]) else { i = after; continue }
            var nextStart = after
            while nextStart != sc.endIndex, isSpace(sc[nextStart]) { nextStart = sc.index(after: nextStart) }
            if nextStart == sc.endIndex { push(after); start = nextStart; i = nextStart; continue }
            let next = sc[nextStart]
            let startsSentence = next.properties.isUppercase || next.properties.numericType != nil
                || "\"'(\u{201C}\u{2018}\u{00AB}[".unicodeScalars.contains(next)
                || (next.properties.isAlphabetic && !next.properties.isLowercase && !next.properties.isUppercase)
            if !startsSentence { i = after; continue }
            if u == "." && !endsSentence(s, dot: i, nextWordStart: nextStart) { i = after; continue }
            push(after)
            start = nextStart
            i = nextStart
        }
        push(sc.endIndex)
        return out
    }

    /// Whether the "." at `dot` ends a sentence, judging the word before it.
    static func endsSentence(_ s: String, dot: String.Index, nextWordStart: String.Index) -> Bool {
        let sc = s.unicodeScalars
        var j = dot
        while j != sc.startIndex {
            let p = sc.index(before: j)
            if sc[p].properties.isWhitespace || sc[p] == "(" || sc[p] == "\"" || sc[p] == "\u{201C}" { break }
            j = p
        }
        let word = String(sc[j..<dot])
        if word.isEmpty { return true }
        let lower = word.lowercased()
        if abbreviations.contains(lower) { return false }
        let letters = word.unicodeScalars.filter { $0 != "." }
        // "J." (an initial) never ends a sentence
        if letters.count == 1 && letters.first!.properties.isUppercase { return false }
        // "U.S." / "e.g.": an initialism ends one only before a capitalised word
        // that does not usually continue a name ("the U.S. China is" splits)
        if word.contains(".") {
            var k = nextWordStart
            while k != sc.endIndex, TextModule.isWordScalar(sc[k]) { k = sc.index(after: k) }
            let next = String(sc[nextWordStart..<k]).lowercased()
            if lower == "e.g" || lower == "i.e" { return false }
            return !initialismContinuations.contains(next)
        }
        return true
    }

    static func trimmed(_ s: String, _ r: Range<String.Index>) -> Range<String.Index> {
        let sc = s.unicodeScalars
        var a = r.lowerBound, b = r.upperBound
        while a < b, sc[a].properties.isWhitespace { a = sc.index(after: a) }
        while b > a, sc[sc.index(before: b)].properties.isWhitespace { b = sc.index(before: b) }
        return a..<b
    }

    // MARK: stopwords

    static let englishStopwords: [String] = """
    a about above after again against ago all almost also although always am among an and another any anyone \
    anything are aren't around as at back be became because become been before being below between both but by \
    can can't cannot could couldn't did didn't do does doesn't doing don't down during each either else enough \
    even ever every few first for from further get gets got had hadn't has hasn't have haven't having he he'd \
    he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is \
    isn't it it's its itself just last least less let's like made make many may me might more most much must \
    mustn't my myself never new no nor not now of off often on once one only or other others ought our ours \
    ourselves out over own per perhaps rather really said same say says shall shan't she she'd she'll she's should \
    shouldn't since so some still such than that that's the their theirs them themselves then there there's \
    these they they'd they'll they're they've this those though through thus to too toward towards two under \
    until up upon us very was wasn't we we'd we'll we're we've well were weren't what what's when when's where \
    where's whether which while who who's whom whose why why's will with within without won't would wouldn't yet \
    you you'd you'll you're you've your yours yourself yourselves
    """.split(separator: " ").map(String.init)
}

/// Pushes the pieces of `s` at `ranges` as a Lua list.
private func pushPieces(_ L: LuaL, _ s: String, _ ranges: [Range<String.Index>]) {
    lua_createtable(L, Int32(ranges.count), 0)
    for (i, r) in ranges.enumerated() {
        pushString(L, s[r])
        lua_rawseti(L, -2, lua_Integer(i + 1))
    }
}

let textWords: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard let s = stringAt(L, 1) else { return raise(L, "text.words expects a string, got \(typeName(L, 1))") }
        pushPieces(L, s, TextModule.wordRanges(s))
        return 1
    }
}

let textSentences: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard let s = stringAt(L, 1) else { return raise(L, "text.sentences expects a string, got \(typeName(L, 1))") }
        pushPieces(L, s, TextModule.sentenceRanges(s))
        return 1
    }
}

let textLower: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard let s = stringAt(L, 1) else { return raise(L, "text.lower expects a string, got \(typeName(L, 1))") }
        pushString(L, s.lowercased())
        return 1
    }
}

let textUpper: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard let s = stringAt(L, 1) else { return raise(L, "text.upper expects a string, got \(typeName(L, 1))") }
        pushString(L, s.uppercased())
        return 1
    }
}

let textNgrams: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard lua_type(L, 1) == LUA_TTABLE else { return raise(L, "text.ngrams expects a list of words, got \(typeName(L, 1))") }
        var isInt: Int32 = 0
        let n = Int(lectern_tointeger(L, 2, &isInt))
        guard isInt != 0, n >= 1 else { return raise(L, "text.ngrams: n must be a whole number of at least 1") }
        var words: [String] = []
        let len = Int(lua_rawlen(L, 1))
        words.reserveCapacity(len)
        if len > 0 {
            for i in 1...len {
                lua_rawgeti(L, 1, lua_Integer(i))
                words.append(stringAt(L, -1) ?? describe(L, -1))
                lectern_pop(L, 1)
            }
        }
        let count = max(0, words.count - n + 1)
        lua_createtable(L, Int32(count), 0)
        for i in 0..<count {
            pushString(L, words[i..<(i + n)].joined(separator: " "))
            lua_rawseti(L, -2, lua_Integer(i + 1))
        }
        return 1
    }
}

let textKwic: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard let s = stringAt(L, 1) else { return raise(L, "text.kwic expects a string, got \(typeName(L, 1))") }
        guard let term = stringAt(L, 2), !term.isEmpty else { return raise(L, "text.kwic: the term must be a non-empty string") }
        var width = 40
        if lua_type(L, 3) != LUA_TNONE && lua_type(L, 3) != LUA_TNIL {
            var isInt: Int32 = 0
            width = Int(lectern_tointeger(L, 3, &isInt))
            guard isInt != 0, width >= 0 else { return raise(L, "text.kwic: width must be a whole number") }
        }
        let termWords = TextModule.wordRanges(term).map { term[$0].lowercased() }
        guard !termWords.isEmpty else { return raise(L, "text.kwic: the term has no words") }
        let ranges = TextModule.wordRanges(s)
        let lowered = ranges.map { s[$0].lowercased() }
        lua_createtable(L, 0, 0)
        let out = lua_gettop(L)
        var k = 0
        var i = 0
        func flat(_ x: Substring) -> String {
            String(x.map { $0.isNewline ? " " : $0 })
        }
        while i + termWords.count <= ranges.count {
            var match = true
            for j in 0..<termWords.count where lowered[i + j] != termWords[j] { match = false; break }
            if match {
                let start = ranges[i].lowerBound, end = ranges[i + termWords.count - 1].upperBound
                k += 1
                lua_createtable(L, 0, 4)
                let t = lua_gettop(L)
                pushString(L, flat(s[..<start].suffix(width))); rawSetField(L, t, "left")
                pushString(L, s[start..<end]); rawSetField(L, t, "keyword")
                pushString(L, flat(s[end...].prefix(width))); rawSetField(L, t, "right")
                lua_pushinteger(L, lua_Integer(i + 1)); rawSetField(L, t, "word")
                lua_rawseti(L, out, lua_Integer(k))
                i += termWords.count
            } else {
                i += 1
            }
        }
        return 1
    }
}

let textStopwords: lua_CFunction = { L in
    hostCall(L) { L, _ in
        let lang = stringAt(L, 1) ?? "en"
        guard lang == "en" || lang == "english" else {
            return raise(L, "text.stopwords: no list for '\(lang)' (available: en)")
        }
        lua_createtable(L, 0, Int32(TextModule.englishStopwords.count))
        let t = lua_gettop(L)
        for w in TextModule.englishStopwords {
            lua_pushboolean(L, 1)
            rawSetField(L, t, w)
        }
        return 1
    }
}

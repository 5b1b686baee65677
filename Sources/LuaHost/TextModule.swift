// The `text` module's Swift half: Unicode-aware helpers that would be slow or
// wrong in plain Lua patterns (which see bytes, not letters). The Counter type
// and text.top are in the prelude; words are in TextTokens.swift, patterns in
// TextPattern.swift, the Unicode tables in TextUnicode*.swift.
//
// Limits: these functions allocate in host mode, where the capped allocator
// never refuses (see CLuaBridge), so each one checks what it is about to build
// against --memory first (Budget) and polls the watchdog in long loops.
import CLua
import CLuaBridge
import Foundation

enum TextModule {
    static func push(_ L: LuaL) {
        pushFunctionTable(L, ["words": textWords, "sentences": textSentences, "lower": textLower,
                              "upper": textUpper, "ngrams": textNgrams, "kwic": textKwic,
                              "stopwords": textStopwords, "find": textFind, "match": textMatch,
                              "isletter": textIsLetter, "isupper": textIsUpper, "islower": textIsLower,
                              "isdigit": textIsDigit, "normalize": textNormalize, "gmatch": textGmatch], extra: 4)
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
            if u == "\n" {
                // a blank line (a heading and its paragraph) always ends a sentence
                var k = after
                while k != sc.endIndex, sc[k] != "\n", isSpace(sc[k]) { k = sc.index(after: k) }
                if k != sc.endIndex, sc[k] == "\n" {
                    push(i)
                    start = k
                    i = k
                    continue
                }
            }
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
            while k != sc.endIndex, (sc[k].properties.isAlphabetic || sc[k].properties.numericType != nil) { k = sc.index(after: k) }
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
    ourselves out over own per perhaps rather really same shall shan't she she'd she'll she's should \
    shouldn't since so some still such than that that's the their theirs them themselves then there there's \
    these they they'd they'll they're they've this those though through thus to too toward towards two under \
    until up upon very was wasn't we we'd we'll we're we've well were weren't what what's when when's where \
    where's whether which while who who's whom whose why why's will with within without won't would wouldn't yet \
    you you'd you'll you're you've your yours yourself yourselves
    """.split(separator: " ").map(String.init)
}


// MARK: - limits

/// What a text function may still spend: polls the watchdog and the memory cap.
struct Budget {
    let L: LuaL
    var count = 0

    /// The reason to stop now, if any ("time limit exceeded", "interrupted", "not enough memory").
    static func reason(_ L: LuaL, bytes: Int = 0) -> String? {
        switch lectern_pending(L) {
        case 1: return "time limit exceeded"
        case 2: return "interrupted"
        default: break
        }
        return lectern_can_allocate(L, bytes) == 0 ? "not enough memory" : nil
    }

    /// Checked every 4096 calls.
    @inline(__always) mutating func tick() -> String? {
        count &+= 1
        return count & 0xFFF == 0 ? Budget.reason(L) : nil
    }
}

/// The bytes of the string argument at `idx` (valid while it stays on the stack).
@inline(__always) func bytesAt(_ L: LuaL, _ idx: Int32) -> UnsafeBufferPointer<UInt8>? {
    guard lua_type(L, idx) == LUA_TSTRING else { return nil }
    var len = 0
    guard let p = lectern_tostring(L, idx, &len) else { return nil }
    return UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: len)
}

@inline(__always) func pushBytes(_ L: LuaL, _ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) {
    _ = UnsafeRawPointer(b.baseAddress! + r.lowerBound).withMemoryRebound(to: CChar.self, capacity: r.count) {
        lua_pushlstring(L, $0, r.count)
    }
}

/// Pushes the pieces of `b` at `ranges` as a Lua list, or returns why it stopped.
func pushByteRanges(_ L: LuaL, _ b: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> String? {
    // A table slot and a string header cost about 40 bytes besides the text.
    var bytes = ranges.count * 40
    for r in ranges { bytes += r.count }
    if let why = Budget.reason(L, bytes: bytes) { return why }
    var budget = Budget(L: L)
    lua_createtable(L, Int32(clamping: ranges.count), 0)
    for (i, r) in ranges.enumerated() {
        if let why = budget.tick() { return why }
        if b.count == 0 { lua_pushstring(L, "") } else { pushBytes(L, b, r) }
        lua_rawseti(L, -2, lua_Integer(i + 1))
    }
    return nil
}

/// `opts[key]` as a boolean when the table at `idx` has it.
func optBool(_ L: LuaL, _ idx: Int32, _ key: String) -> Bool? {
    guard lua_type(L, idx) == LUA_TTABLE else { return nil }
    rawGetField(L, idx, key)
    defer { lectern_pop(L, 1) }
    return lua_type(L, -1) == LUA_TNIL ? nil : lua_toboolean(L, -1) != 0
}

/// Rejects option names a function does not know (a typo would be silently ignored).
func checkOptions(_ L: LuaL, _ idx: Int32, _ fn: String, _ known: [String]) -> String? {
    guard lua_type(L, idx) == LUA_TTABLE else { return nil }
    lua_pushnil(L)
    while lua_next(L, idx) != 0 {
        lectern_pop(L, 1)
        let k = describe(L, -1)
        if !known.contains(k) {
            lectern_pop(L, 1)
            return "\(fn): unknown option '\(k)' (known: \(known.joined(separator: ", ")))"
        }
    }
    return nil
}

func isOptionsTable(_ L: LuaL, _ idx: Int32) -> Bool {
    let t = lua_type(L, idx)
    return t == LUA_TTABLE || t == LUA_TNIL || t == LUA_TNONE
}

// MARK: - words, sentences, case

let textWords: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard let b = bytesAt(L, 1) else { return raise(L, "text.words expects a string, got \(typeName(L, 1))") }
        guard isOptionsTable(L, 2) else { return raise(L, "text.words: the options must be a table, got \(typeName(L, 2))") }
        if let msg = checkOptions(L, 2, "text.words", ["numbers", "urls", "emails", "hyphens"]) { return raise(L, msg) }
        var opt = TokenOptions()
        if let v = optBool(L, 2, "numbers") { opt.numbers = v }
        if let v = optBool(L, 2, "urls") { opt.urls = v }
        if let v = optBool(L, 2, "emails") { opt.emails = v }
        if let v = optBool(L, 2, "hyphens") { opt.hyphens = v }
        if let why = Budget.reason(L, bytes: Tokenizer.workBytes(b.count)) { return raise(L, why) }
        guard let toks = Tokenizer.tokens(b, opt, stop: { lectern_pending(L) != 0 }) else {
            return raise(L, Budget.reason(L) ?? "interrupted")
        }
        if let why = pushByteRanges(L, b, toks) { return raise(L, why) }
        return 1
    }
}

let textSentences: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard var s = stringAt(L, 1) else {
            return raise(L, "text.sentences expects a string, got \(typeName(L, 1))")
        }
        let base = s.utf8.startIndex
        let ranges = TextModule.sentenceRanges(s).map {
            s.utf8.distance(from: base, to: $0.lowerBound)..<s.utf8.distance(from: base, to: $0.upperBound)
        }
        // Offsets are in `s`, where invalid bytes became U+FFFD: slice `s`, not the Lua string.
        let why = s.withUTF8 { pushByteRanges(L, $0, ranges) }
        if let why { return raise(L, why) }
        return 1
    }
}

let textLower: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard let s = stringAt(L, 1) else { return raise(L, "text.lower expects a string, got \(typeName(L, 1))") }
        if let why = Budget.reason(L, bytes: s.utf8.count * 2) { return raise(L, why) }
        pushString(L, s.lowercased())
        return 1
    }
}

let textUpper: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard let s = stringAt(L, 1) else { return raise(L, "text.upper expects a string, got \(typeName(L, 1))") }
        if let why = Budget.reason(L, bytes: s.utf8.count * 2) { return raise(L, why) }
        pushString(L, s.uppercased())
        return 1
    }
}

// MARK: - code point tests

/// text.isletter & co: a code point (integer) or a string whose every code point
/// passes. `cased`: only letters must pass, and there must be one ("U.S." is upper case).
func codePointTest(_ L: LuaL, _ name: String, _ test: (UInt32) -> Bool, cased: Bool = false) -> Int32 {
    if lua_type(L, 1) == LUA_TNUMBER {
        var isInt: Int32 = 0
        let n = lectern_tointeger(L, 1, &isInt)
        guard isInt != 0, n >= 0, n < 0x110000 else { return raise(L, "text.\(name): \(describe(L, 1)) is not a code point") }
        lua_pushboolean(L, test(UInt32(n)) ? 1 : 0)
        return 1
    }
    guard let b = bytesAt(L, 1) else {
        return raise(L, "text.\(name) expects a string or a code point, got \(typeName(L, 1))")
    }
    var i = 0, ok = b.count > 0, sawLetter = false
    while i < b.count, ok {
        let (u, len) = decodeUTF8(b, i)
        if !cased { ok = test(u) } else if CharClass.isLetter(u) { sawLetter = true; ok = test(u) }
        i += len
    }
    lua_pushboolean(L, ok && (!cased || sawLetter) ? 1 : 0)
    return 1
}

let textIsLetter: lua_CFunction = { L in hostCall(L) { L, _ in codePointTest(L, "isletter", CharClass.isLetter) } }
let textIsDigit: lua_CFunction = { L in hostCall(L) { L, _ in codePointTest(L, "isdigit", CharClass.isDigit) } }
let textIsUpper: lua_CFunction = { L in
    hostCall(L) { L, _ in codePointTest(L, "isupper", { !CharClass.isLower($0) }, cased: true) }
}
let textIsLower: lua_CFunction = { L in
    hostCall(L) { L, _ in codePointTest(L, "islower", { !CharClass.isUpper($0) }, cased: true) }
}

// MARK: - normalize

enum Normalizer {
    static let apostrophes: Set<UInt32> = [0x2018, 0x2019, 0x02BC, 0xFF07]
    static let dashes: Set<UInt32> = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D]
    static let invisible: Set<UInt32> = [0x00AD, 0x200B, 0xFEFF]

    static func normalize(_ s: String, nfc: Bool, apostrophes ap: Bool, dashes da: Bool, whitespace ws: Bool) -> String {
        var s = s
        if nfc { s = s.precomposedStringWithCanonicalMapping }
        var out = String.UnicodeScalarView()
        var pendingSpace = 0   // 0 none, 1 a space, 2 a line break, 3 a blank line
        for u in s.unicodeScalars {
            let v = u.value
            if ws {
                if invisible.contains(v) { continue }
                if u.properties.isWhitespace {
                    let nl = v == 0x0A || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029
                    if nl { pendingSpace = pendingSpace >= 2 ? 3 : 2 } else if pendingSpace == 0 { pendingSpace = 1 }
                    if v == 0x0D { continue }
                    continue
                }
                if pendingSpace > 0 {
                    if !out.isEmpty { out.append(contentsOf: ["", " ", "\n", "\n\n"][pendingSpace].unicodeScalars) }
                    pendingSpace = 0
                }
            }
            if ap && apostrophes.contains(v) { out.append("'") }
            else if da && dashes.contains(v) { out.append("-") }
            else { out.append(u) }
        }
        return String(out)
    }
}

let textNormalize: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard let s = stringAt(L, 1) else { return raise(L, "text.normalize expects a string, got \(typeName(L, 1))") }
        guard isOptionsTable(L, 2) else { return raise(L, "text.normalize: the options must be a table, got \(typeName(L, 2))") }
        if let msg = checkOptions(L, 2, "text.normalize", ["nfc", "apostrophes", "dashes", "whitespace"]) { return raise(L, msg) }
        if let why = Budget.reason(L, bytes: s.utf8.count * 3) { return raise(L, why) }
        pushString(L, Normalizer.normalize(s, nfc: optBool(L, 2, "nfc") ?? true,
                                           apostrophes: optBool(L, 2, "apostrophes") ?? true,
                                           dashes: optBool(L, 2, "dashes") ?? true,
                                           whitespace: optBool(L, 2, "whitespace") ?? true))
        return 1
    }
}

// MARK: - ngrams

let textNgrams: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard lua_type(L, 1) == LUA_TTABLE else { return raise(L, "text.ngrams expects a list of words, got \(typeName(L, 1))") }
        var isInt: Int32 = 0
        let n = Int(lectern_tointeger(L, 2, &isInt))
        guard isInt != 0, n >= 1 else { return raise(L, "text.ngrams: n must be a whole number of at least 1") }
        let len = Int(lua_rawlen(L, 1))
        // The words, copied once into one buffer: bytes and end offsets.
        var bytes: [UInt8] = []
        var ends: [Int] = [0]
        ends.reserveCapacity(len + 1)
        var budget = Budget(L: L)
        for i in 0..<len {
            if let why = budget.tick() { return raise(L, why) }
            lua_rawgeti(L, 1, lua_Integer(i + 1))
            if let b = bytesAt(L, -1) { bytes.append(contentsOf: b) } else { bytes.append(contentsOf: describe(L, -1).utf8) }
            lectern_pop(L, 1)
            ends.append(bytes.count)
        }
        let count = max(0, len - n + 1)
        // What the result will take: each n-gram's text and about 40 bytes of string
        // header and table slot. Asked before anything is built: n-grams of long
        // lists grow as n times the list.
        var total = count * 40
        for i in 0..<count {
            total += ends[i + n] - ends[i] + n - 1
            if total > Int(Int32.max) { break }
        }
        if let why = Budget.reason(L, bytes: total) { return raise(L, why) }
        lua_createtable(L, Int32(count), 0)
        var gram: [UInt8] = []
        var work = 0
        for i in 0..<count {
            gram.removeAll(keepingCapacity: true)
            for k in i..<(i + n) {
                if k > i { gram.append(0x20) }
                gram.append(contentsOf: bytes[ends[k]..<ends[k + 1]])
            }
            work += gram.count + 64
            if work > 1 << 20 {   // poll every megabyte built
                work = 0
                if let why = Budget.reason(L) { return raise(L, why) }
            }
            gram.withUnsafeBufferPointer { g in
                if g.isEmpty { lua_pushstring(L, "") } else { pushBytes(L, g, 0..<g.count) }
            }
            lua_rawseti(L, -2, lua_Integer(i + 1))
        }
        return 1
    }
}

// MARK: - kwic

/// A term of text.kwic: words to match on consecutive tokens.
struct KwicTerm {
    enum Word { case exact([Unicode.Scalar]), glob([Unicode.Scalar]) }
    var words: [Word] = []
    let caseSensitive: Bool

    /// Folds a token for comparison: curly apostrophes to ', and case unless asked.
    static func fold(_ s: Substring, caseSensitive: Bool) -> [Unicode.Scalar] {
        let t = caseSensitive ? String(s) : s.lowercased()
        return t.unicodeScalars.map { Normalizer.apostrophes.contains($0.value) ? "'" : $0 }
    }

    init(_ term: String, caseSensitive: Bool) {
        self.caseSensitive = caseSensitive
        for piece in term.split(whereSeparator: { $0.isWhitespace }) {
            if piece.contains("*") {
                words.append(.glob(KwicTerm.fold(piece, caseSensitive: caseSensitive)))
                continue
            }
            var p = String(piece)
            p.withUTF8 { b in
                for r in Tokenizer.tokens(b) ?? [] {
                    let w = Substring(String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self))
                    words.append(.exact(KwicTerm.fold(w, caseSensitive: caseSensitive)))
                }
            }
        }
    }

    static let possessives: [[Unicode.Scalar]] = [["'", "s"], ["'"]]

    /// Whether token `t` matches word `w`; the last word also takes a possessive ("Moscow’s").
    func matches(_ t: [Unicode.Scalar], _ w: Word, last: Bool) -> Bool {
        switch w {
        case .glob(let g): return KwicTerm.glob(g[...], t[...])
        case .exact(let e):
            if t == e { return true }
            guard last, t.count > e.count, t.starts(with: e) else { return false }
            return KwicTerm.possessives.contains { t[e.count...].elementsEqual($0) }
        }
    }

    /// `*` matches any run of characters (within one token).
    static func glob(_ g: ArraySlice<Unicode.Scalar>, _ t: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let star = g.firstIndex(of: "*") else { return g.elementsEqual(t) }
        let head = g[g.startIndex..<star]
        guard t.starts(with: head) else { return false }
        let rest = g[(star + 1)...], tail = t[(t.startIndex + head.count)...]
        if rest.isEmpty { return true }
        var i = tail.startIndex
        while i <= tail.endIndex {
            if glob(rest, tail[i...]) { return true }
            i += 1
        }
        return false
    }
}

let textKwic: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard var s = stringAt(L, 1) else { return raise(L, "text.kwic expects a string, got \(typeName(L, 1))") }
        guard let term = stringAt(L, 2), !term.isEmpty else { return raise(L, "text.kwic: the term must be a non-empty string") }
        var width = 40
        var caseSensitive = false
        var widthArg: Int32 = 3
        if lua_type(L, 3) == LUA_TTABLE {
            if let msg = checkOptions(L, 3, "text.kwic", ["width", "case_sensitive"]) { return raise(L, msg) }
            caseSensitive = optBool(L, 3, "case_sensitive") ?? false
            rawGetField(L, 3, "width")
            widthArg = lua_gettop(L)
        }
        if lua_type(L, widthArg) != LUA_TNONE && lua_type(L, widthArg) != LUA_TNIL {
            var isInt: Int32 = 0
            width = Int(lectern_tointeger(L, widthArg, &isInt))
            guard isInt != 0, width >= 0 else { return raise(L, "text.kwic: width must be a whole number") }
        }
        let t = KwicTerm(term, caseSensitive: caseSensitive)
        guard !t.words.isEmpty else { return raise(L, "text.kwic: the term has no words") }
        // Tokens and hits as byte offsets in `s` (where invalid input bytes are
        // U+FFFD), which the context is cut from.
        var toks: [Range<Int>] = [], hits: [Int] = []
        var budget = Budget(L: L)
        let m = t.words.count
        let failure: String? = s.withUTF8 { b in
            if let why = Budget.reason(L, bytes: Tokenizer.workBytes(b.count)) { return why }
            guard let found = Tokenizer.tokens(b, stop: { lectern_pending(L) != 0 }) else { return Budget.reason(L) ?? "interrupted" }
            toks = found
            // Tokens are folded as the window reaches them (nothing kept per token).
            func key(_ i: Int) -> [Unicode.Scalar] {
                KwicTerm.fold(Substring(String(decoding: UnsafeBufferPointer(rebasing: b[toks[i]]), as: UTF8.self)),
                              caseSensitive: caseSensitive)
            }
            var i = 0
            while i + m <= toks.count {
                if let why = budget.tick() { return why }
                var match = true
                for j in 0..<m where !t.matches(key(i + j), t.words[j], last: j == m - 1) { match = false; break }
                if match { hits.append(i); i += m } else { i += 1 }
            }
            return nil
        }
        if let failure { return raise(L, failure) }
        // Each hit: a 4-field table (~200 bytes) and up to `width` characters each side.
        if let why = Budget.reason(L, bytes: hits.count * (200 + 8 * width)) { return raise(L, why) }
        func flat(_ x: Substring) -> String { String(x.map { $0.isNewline ? " " : $0 }) }
        let u8 = s.utf8
        lua_createtable(L, Int32(clamping: hits.count), 0)
        let out = lua_gettop(L)
        for (k, h) in hits.enumerated() {
            if let why = budget.tick() { return raise(L, why) }
            let start = u8.index(u8.startIndex, offsetBy: toks[h].lowerBound)
            let end = u8.index(u8.startIndex, offsetBy: toks[h + m - 1].upperBound)
            lua_createtable(L, 0, 4)
            let tt = lua_gettop(L)
            pushString(L, flat(s[..<start].suffix(width))); rawSetField(L, tt, "left")
            pushString(L, s[start..<end]); rawSetField(L, tt, "keyword")
            pushString(L, flat(s[end...].prefix(width))); rawSetField(L, tt, "right")
            lua_pushinteger(L, lua_Integer(h + 1)); rawSetField(L, tt, "word")
            lua_rawseti(L, out, lua_Integer(k + 1))
        }
        return 1
    }
}

// MARK: - stopwords

let textStopwords: lua_CFunction = { L in
    hostCall(L) { L, _ in
        let lang = (stringAt(L, 1) ?? "en").lowercased()
        let words: [Substring]
        if lang == "en" || lang == "english" {
            words = TextModule.englishStopwords.map { Substring($0) }
        } else if let list = StopwordData.lists[lang] {
            words = list.split(separator: "\n")
        } else {
            let all = (["en"] + StopwordData.lists.keys.sorted()).joined(separator: ", ")
            return raise(L, "text.stopwords: no list for '\(lang)' (available: \(all))")
        }
        lua_createtable(L, 0, Int32(words.count + words.count / 8))
        let t = lua_gettop(L)
        for w in words {
            lua_pushboolean(L, 1)
            rawSetField(L, t, String(w))
            // Scraped news mostly writes the curly apostrophe: "don’t" as well as "don't".
            if w.contains("'") {
                lua_pushboolean(L, 1)
                rawSetField(L, t, w.replacingOccurrences(of: "'", with: "\u{2019}"))
            }
        }
        return 1
    }
}

// MARK: - patterns

/// text.find(s, pattern [, init [, plain]]) and text.match(s, pattern [, init]).
func patternSearch(_ L: LuaL, find: Bool) -> Int32 {
    let name = find ? "text.find" : "text.match"
    guard let s = bytesAt(L, 1) else { return raise(L, "\(name) expects a string, got \(typeName(L, 1))") }
    guard let p = bytesAt(L, 2) else { return raise(L, "\(name): the pattern must be a string, got \(typeName(L, 2))") }
    var initPos = 1
    if lua_type(L, 3) != LUA_TNONE && lua_type(L, 3) != LUA_TNIL {
        var isInt: Int32 = 0
        let v = Int(lectern_tointeger(L, 3, &isInt))
        guard isInt != 0 else { return raise(L, "\(name): init must be a whole number") }
        initPos = v > 0 ? v : (v == 0 ? 1 : max(1, s.count + v + 1))
    }
    if initPos > s.count + 1 { lua_pushnil(L); return 1 }
    if find && lua_toboolean(L, 4) != 0 || find && UnicodePattern.isPlain(p) {
        // A plain search: bytes are enough (UTF-8 never matches inside a code point).
        if p.isEmpty { lua_pushinteger(L, lua_Integer(initPos)); lua_pushinteger(L, lua_Integer(initPos - 1)); return 2 }
        var i = initPos - 1
        while i + p.count <= s.count {
            if s[i] == p[0], memcmp(s.baseAddress! + i, p.baseAddress!, p.count) == 0 {
                lua_pushinteger(L, lua_Integer(i + 1)); lua_pushinteger(L, lua_Integer(i + p.count)); return 2
            }
            i += 1
        }
        lua_pushnil(L)
        return 1
    }
    var stopped = false
    let found: UnicodePattern.Found?
    do {
        found = try UnicodePattern.find(s, p, from: initPos - 1, stopped: &stopped, stop: { lectern_pending(L) != 0 })
    } catch {
        return raise(L, "\(name): \(error.message)")
    }
    if stopped { return raise(L, Budget.reason(L) ?? "interrupted") }
    guard let f = found else { lua_pushnil(L); return 1 }
    var n: Int32 = 0
    if find {
        lua_pushinteger(L, lua_Integer(f.start + 1)); lua_pushinteger(L, lua_Integer(f.end)); n = 2
    }
    let c = pushCaptures(L, s, f, whole: !find, name)
    return c < 0 ? c : n + c
}

/// Pushes the captures of a match (the whole match when it has none and `whole`),
/// or raises when the pattern left one open, as Lua does.
func pushCaptures(_ L: LuaL, _ s: UnsafeBufferPointer<UInt8>, _ f: UnicodePattern.Found, whole: Bool, _ name: String) -> Int32 {
    if f.captures.contains(where: { $0.len == UnicodeMatcher.capUnfinished }) {
        return raise(L, "\(name): unfinished capture")
    }
    if f.captures.isEmpty {
        guard whole else { return 0 }
        if s.isEmpty { lua_pushstring(L, "") } else { pushBytes(L, s, f.start..<f.end) }
        return 1
    }
    for c in f.captures {
        if c.len == UnicodeMatcher.capPosition { lua_pushinteger(L, lua_Integer(c.start + 1)) }
        else if s.isEmpty || c.len == 0 { lua_pushstring(L, "") }
        else { pushBytes(L, s, c.start..<(c.start + c.len)) }
    }
    return Int32(f.captures.count)
}

let textFind: lua_CFunction = { L in hostCall(L) { L, _ in patternSearch(L, find: true) } }
let textMatch: lua_CFunction = { L in hostCall(L) { L, _ in patternSearch(L, find: false) } }

/// text.gmatch(s, pattern): an iterator over the matches, as string.gmatch.
/// Its state (s, pattern, next byte, end of the last match) is in upvalues.
let textGmatch: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard bytesAt(L, 1) != nil else { return raise(L, "text.gmatch expects a string, got \(typeName(L, 1))") }
        guard bytesAt(L, 2) != nil else { return raise(L, "text.gmatch: the pattern must be a string, got \(typeName(L, 2))") }
        lua_settop(L, 2)
        lua_pushinteger(L, 0)
        lua_pushinteger(L, -1)
        lectern_pushsafe(L, gmatchIterator, 4)
        return 1
    }
}

let gmatchIterator: lua_CFunction = { L in
    hostCall(L) { L, _ in
        let s = bytesAt(L, lectern_safe_upvalue(1))!, p = bytesAt(L, lectern_safe_upvalue(2))!
        var isInt: Int32 = 0
        let from = Int(lectern_tointeger(L, lectern_safe_upvalue(3), &isInt))
        let last = Int(lectern_tointeger(L, lectern_safe_upvalue(4), &isInt))
        if from > s.count { return 0 }
        var stopped = false
        let found: UnicodePattern.Found?
        do {
            found = try UnicodePattern.find(s, p, from: from, notAt: last, stopped: &stopped, stop: { lectern_pending(L) != 0 })
        } catch {
            return raise(L, "text.gmatch: \((error as? PatternError)?.message ?? String(describing: error))")
        }
        if stopped { return raise(L, Budget.reason(L) ?? "interrupted") }
        guard let f = found else {
            lua_pushinteger(L, lua_Integer(s.count + 1)); lectern_replace(L, lectern_safe_upvalue(3))
            return 0
        }
        lua_pushinteger(L, lua_Integer(f.end)); lectern_replace(L, lectern_safe_upvalue(3))
        lua_pushinteger(L, lua_Integer(f.end)); lectern_replace(L, lectern_safe_upvalue(4))
        return pushCaptures(L, s, f, whole: true, "text.gmatch")
    }
}

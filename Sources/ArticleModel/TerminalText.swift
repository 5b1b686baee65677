// Text bound for a terminal (standard error) comes partly from hostile places:
// script error messages, file names, page text quoted in warnings. An escape
// sequence written raw can retitle the window, hide lines or fake output, so
// every control character is shown as an escape instead. Newlines (tracebacks)
// and tabs are kept. Lives here, the lowest layer, so LuaHost's lectern.log
// and the runner share it.

/// Characters that are not controls but still reorder or break what a
/// terminal shows (bidirectional overrides: "trojan source"; line separators).
private let invisibleFormatting: Set<UInt32> = [
    0x2028, 0x2029,                          // line / paragraph separator
    0x202A, 0x202B, 0x202C, 0x202D, 0x202E,  // bidi embeddings and overrides
    0x2066, 0x2067, 0x2068, 0x2069,          // bidi isolates
]

/// `s` with controls escaped: ESC -> `\x1b`, CR -> `\x0d`, C1 controls and
/// bidi overrides -> `\u{202e}`; `\n` and `\t` kept.
public func terminalSafe(_ s: String) -> String {
    // Fast path: nothing to escape (the usual message).
    if !s.unicodeScalars.contains(where: needsEscape) { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count + 16)
    for u in s.unicodeScalars {
        if !needsEscape(u) {
            out.unicodeScalars.append(u)
        } else if u.value < 0x100 {
            out += "\\x" + hex2(u.value)
        } else {
            out += "\\u{" + String(u.value, radix: 16) + "}"
        }
    }
    return out
}

private func needsEscape(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    if v == 0x0A || v == 0x09 { return false }
    return v < 0x20 || (v >= 0x7F && v < 0xA0) || invisibleFormatting.contains(v)
}

private func hex2(_ v: UInt32) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(v >> 4)], digits[Int(v & 0xF)]])
}

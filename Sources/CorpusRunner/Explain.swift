// `lectern parse --explain`: every block of the page, the label it got and the
// rule or score that decided it.
import ArticleModel

public enum Explain {
    public static func render(source: String, format: String, blocks: [Block]) -> String {
        var out = "== \(source) (\(format), \(blocks.count) blocks)\n"
        for b in blocks {
            let where_ = b.tag.isEmpty ? "L\(b.line)" : "L\(b.line) <\(b.tag)>"
            var text = b.text.replacingNewlines()
            if text.count > 70 { text = String(text.prefix(67)) + "..." }
            out += pad("\(b.index + 1)", 4) + " " + pad(where_, 8) + " " + pad(b.label.name, 20) + " " + text + "\n"
            out += String(repeating: " ", count: 35) + "<- " + b.rule
            if let v = b.value, v != b.text { out += " [value: \(v)]" }
            if !b.values.isEmpty { out += " [values: \(b.values.joined(separator: ", "))]" }
            out += "\n"
        }
        return out
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}

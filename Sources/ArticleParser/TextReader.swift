// PLACEHOLDER: being written by the parser helper. Public API is fixed:
import ArticleModel

public struct RulesError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ d: String) { description = d }
}

/// Boilerplate phrases and patterns, from the built-in list plus `--rules FILE`.
public struct ParserRules: Sendable {
    public static func defaults() -> ParserRules { ParserRules() }
    /// Adds the rules of a rules file; errors name `origin:LINE`.
    public mutating func load(text: String, origin: String) throws(RulesError) {}
    /// The built-in rules file, as `lectern rules` prints it.
    public static let defaultRulesText = ""
}

public struct TextReader: Sendable {
    public let rules: ParserRules
    public init(rules: ParserRules = .defaults()) { self.rules = rules }
    /// Every block of the page, labelled, with the rule that decided.
    public func blocks(from text: String) -> [Block] { [] }
    public func parse(text: String, source: String) -> Article {
        ArticleBuilder.build(source: source, format: "text", blocks: blocks(from: text))
    }
}

public enum TextDecoding {
    /// Bytes -> normalised text: BOM removed, UTF-16 (with BOM) decoded, invalid
    /// UTF-8 decoded as Windows-1252 (with a warning), CRLF/CR -> LF.
    public static func decode(_ bytes: [UInt8]) -> (text: String, warning: String?) {
        (String(decoding: bytes, as: UTF8.self), nil)
    }
}

// Every built-in hook, in one place. Adding an element hook is one entry here
// (which model list it walks and where each element sits in the page) plus a
// section in docs/HOOKS.md: ScriptHost dispatches element hooks from this
// table. Plugins add hooks of their own from Lua (lectern.hook).
import ArticleModel

public enum HookPhase: Sendable, Equatable {
    case setup       // once per run, before any article
    case classify    // per block, before the model is built
    case article     // per article
    case element     // per element of the article, in document order
    case finish      // once per run, after the last article
}

public struct HookSpec: Sendable {
    public let name: String
    public let phase: HookPhase
    public let signature: String
    public let summary: String
    /// Element hooks: the article field (a list) whose items the hook receives,
    /// and each item's position in the page (its block index), for document order.
    public var listField: String? = nil
    public var positions: (@Sendable (Article) -> [Int])? = nil
    /// Element hooks at the same position run in this order (a section before its first paragraph).
    public var order = 1
}

public enum HookRegistry {
    public static let builtins: [HookSpec] = [
        HookSpec(name: "setup", phase: .setup, signature: "setup(args)",
                 summary: "once before any article; args holds the --arg values (strings) and declared defaults"),
        HookSpec(name: "classify", phase: .classify, signature: "classify(block) -> label or nil",
                 summary: "per block of the page before the model is built; return a label to relabel it"),
        HookSpec(name: "article", phase: .article, signature: "article(a)",
                 summary: "once per article"),
        HookSpec(name: "section", phase: .element, signature: "section(s, a)",
                 summary: "per body section, in document order",
                 listField: "sections", positions: { $0.sections.map(\.position) }, order: 0),
        HookSpec(name: "paragraph", phase: .element, signature: "paragraph(p, a)",
                 summary: "per body paragraph, in document order",
                 listField: "paragraphs", positions: { $0.sections.flatMap { $0.paragraphs.map(\.position) } }),
        HookSpec(name: "boilerplate", phase: .element, signature: "boilerplate(b, a)",
                 summary: "per boilerplate block, in document order",
                 listField: "boilerplate", positions: { $0.boilerplate.map(\.position) }),
        HookSpec(name: "comment", phase: .element, signature: "comment(c, a)",
                 summary: "per reader comment, in document order",
                 listField: "comments", positions: { $0.comments.map(\.position) }),
        HookSpec(name: "finish", phase: .finish, signature: "finish()",
                 summary: "once after the last article; state holds every worker's state, merged"),
    ]

    public static func spec(_ name: String) -> HookSpec? { builtins.first { $0.name == name } }
    static var names: [String] { builtins.map(\.name) }
}

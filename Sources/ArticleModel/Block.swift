// A block is one unit of a page (a line or paragraph of a text page, an element
// of an HTML page) with the label a reader gave it and the rule that decided.
// Readers produce blocks; the Lua `classify` hook may relabel them; then
// ArticleBuilder turns the labelled blocks into an Article. `--explain` prints
// them.

public enum BlockLabel: Sendable, Equatable, Hashable {
    case title
    case byline          // "By Jane Doe"; the name is in `value`
    case date            // a dateline; the normalised date is in `value`
    case imageCredit
    case heading
    case paragraph
    case authorBio
    case navPrevious     // "Previous article X"; X is in `value`
    case navNext
    case tags            // "Tags: a, b"; the list is in `values`
    case comment         // the number, if shown, is in `number`
    case commentsClosed
    case boilerplate(String)  // the kind
    case ignored         // blank or repeated material that belongs nowhere (a repeated headline)

    /// The label as users write it: "paragraph", "heading", "boilerplate:promo", ...
    public var name: String {
        switch self {
        case .title: return "title"
        case .byline: return "byline"
        case .date: return "date"
        case .imageCredit: return "image_credit"
        case .heading: return "heading"
        case .paragraph: return "paragraph"
        case .authorBio: return "author_bio"
        case .navPrevious: return "nav_previous"
        case .navNext: return "nav_next"
        case .tags: return "tags"
        case .comment: return "comment"
        case .commentsClosed: return "comments_closed"
        case .boilerplate(let kind): return "boilerplate:" + kind
        case .ignored: return "ignored"
        }
    }

    /// Parses a user-written label ("boilerplate" alone means kind "other").
    public init?(name: String) {
        switch name {
        case "title": self = .title
        case "byline": self = .byline
        case "date": self = .date
        case "image_credit": self = .imageCredit
        case "heading": self = .heading
        case "paragraph": self = .paragraph
        case "author_bio": self = .authorBio
        case "nav_previous": self = .navPrevious
        case "nav_next": self = .navNext
        case "tags": self = .tags
        case "comment": self = .comment
        case "comments_closed": self = .commentsClosed
        case "ignored": self = .ignored
        case "boilerplate": self = .boilerplate("other")
        default:
            guard name.hasPrefix("boilerplate:") else { return nil }
            let kind = String(name.dropFirst("boilerplate:".count))
            guard !kind.isEmpty, kind.allSatisfy({ $0.isLetter || $0 == "_" || $0 == "-" }) else { return nil }
            self = .boilerplate(kind)
        }
    }

    public static let allNames = ["title", "byline", "date", "image_credit", "heading", "paragraph",
                                  "author_bio", "nav_previous", "nav_next", "tags", "comment",
                                  "comments_closed", "boilerplate:KIND", "ignored"]
}

public struct Block: Sendable, Equatable {
    /// Position in the page, from 0.
    public var index: Int
    /// 1-based line in the text page (or the element's line in HTML; 0 if unknown).
    public var line: Int
    /// The block's text, trimmed; for bylines, navigation and the like the whole line.
    public var text: String
    public var label: BlockLabel
    /// Why: the rule or score that decided the label ("rules:widget 'play quizzes*'", "heading: short line before paragraph", ...).
    public var rule: String
    /// Extracted value: the byline's name, the normalised date, the nav title.
    public var value: String?
    /// Extracted list: the tags.
    public var values: [String]
    /// A comment's shown number.
    public var number: Int?
    /// For HTML: the element's tag name ("p", "h2", "li", ...); empty for text pages.
    public var tag: String
    /// A date block's full timestamp when the reader has it from elsewhere than
    /// `text` (HTML metadata); otherwise the builder looks for a time in `text`.
    public var time: String? = nil

    public init(index: Int, line: Int = 0, text: String, label: BlockLabel, rule: String,
                value: String? = nil, values: [String] = [], number: Int? = nil, tag: String = "") {
        self.index = index
        self.line = line
        self.text = text
        self.label = label
        self.rule = rule
        self.value = value
        self.values = values
        self.number = number
        self.tag = tag
    }
}

// The article model of CONTRACT.md. Field names here map one to one onto the
// JSON keys (`parse`) and the Lua fields (hooks); see JSON.swift for the keys.

// `position` (the block's index in the page) and `line` are not in the JSON:
// they order element hooks and tell scripts where an element came from.

public struct Paragraph: Sendable, Equatable {
    public var text: String
    public var position: Int
    public var line: Int
    public init(text: String, position: Int = 0, line: Int = 0) {
        self.text = text
        self.position = position
        self.line = line
    }
}

public struct Section: Sendable, Equatable {
    public var heading: String?
    public var paragraphs: [Paragraph]
    public var position: Int
    public init(heading: String?, paragraphs: [Paragraph] = [], position: Int = 0) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.position = position
    }
}

/// A block that is neither body nor one of the other fields. `kind` is one short
/// lowercase word: widget, promo, advert, share, related, newsletter, form, nav, ...
public struct Boilerplate: Sendable, Equatable {
    public var kind: String
    public var text: String
    public var position: Int
    public init(kind: String, text: String, position: Int = 0) {
        self.kind = kind
        self.text = text
        self.position = position
    }
}

public struct Navigation: Sendable, Equatable {
    public var previous: String?
    public var next: String?
    public init(previous: String? = nil, next: String? = nil) {
        self.previous = previous
        self.next = next
    }
}

public struct Comment: Sendable, Equatable {
    public var number: Int?
    public var text: String
    public var position: Int
    public init(number: Int?, text: String, position: Int = 0) {
        self.number = number
        self.text = text
        self.position = position
    }
}

public struct Article: Sendable, Equatable {
    public var source: String
    /// "text" or "html": which reader produced the model.
    public var format: String
    /// The page's canonical URL (HTML `link[rel=canonical]`, a JSONL `url` field).
    public var url: String?
    public var title: String?
    public var author: String?
    /// Every person the byline names, roles and agencies left out ("STEVE
    /// PEOPLES, AP National Political Writer" -> ["STEVE PEOPLES"]).
    public var authors: [String] = []
    /// What the byline adds to the names: "AP National Political Writer".
    public var authorRole: String?
    public var authorBio: String?
    public var published: String?
    /// The full timestamp "YYYY-MM-DDTHH:MM[:SS][±HH:MM|Z]" when the page's
    /// metadata or dateline gives a time of day; its date is `published`.
    public var publishedTime: String?
    /// The language the page declares (`<html lang>`, `og:locale`, ...), as
    /// an ISO 639-1 code; `language` falls back to detection without it.
    public var declaredLanguage: String?
    public var imageCredit: String?
    public var sections: [Section]
    public var boilerplate: [Boilerplate]
    public var navigation: Navigation
    public var tags: [String]
    public var comments: [Comment]
    public var commentsClosed: Bool
    /// WARC records only: when the page was fetched (`WARC-Date`, ISO 8601 as
    /// given) and the record's `WARC-Record-ID` without its angle brackets.
    public var fetched: String?
    public var recordID: String?

    public init(source: String, format: String = "text") {
        self.source = source
        self.format = format
        self.sections = []
        self.boilerplate = []
        self.navigation = Navigation()
        self.tags = []
        self.comments = []
        self.commentsClosed = false
    }

    /// The flat list of body paragraphs, in order (`a.paragraphs` in Lua).
    public var paragraphs: [Paragraph] { sections.flatMap { $0.paragraphs } }

    /// No body paragraph in any section (asked without building `paragraphs`).
    public var hasNoParagraph: Bool { sections.allSatisfy { $0.paragraphs.isEmpty } }

    /// The body: paragraphs joined by a blank line (`a:text()` in Lua).
    public var bodyText: String {
        var out = ""
        for s in sections {
            for p in s.paragraphs {
                if !out.isEmpty { out += "\n\n" }
                out += p.text
            }
        }
        return out
    }
}

// Labelled blocks -> Article. Both readers (text and HTML) and the Lua
// `classify` hook speak in block labels; this is the one place that turns
// labels into model fields.

public enum ArticleBuilder {
    public static func build(source: String, format: String, url: String? = nil,
                             blocks: [Block]) -> Article {
        var a = Article(source: source, format: format)
        a.url = url
        var current: Section? = nil
        func closeSection() {
            if let s = current {
                if !s.paragraphs.isEmpty {
                    a.sections.append(s)
                } else if let h = s.heading {
                    // A heading nothing follows: kept as boilerplate, not lost.
                    let at = a.boilerplate.firstIndex { $0.position > s.position } ?? a.boilerplate.count
                    a.boilerplate.insert(Boilerplate(kind: "heading", text: h, position: s.position), at: at)
                }
            }
            current = nil
        }
        for b in blocks {
            switch b.label {
            case .title:
                if a.title == nil { a.title = b.text }
            case .byline:
                if a.author == nil {
                    setAuthor(&a, b.value ?? b.text)
                } else if a.authors.isEmpty, a.authorRole == nil, let first = a.author, AuthorNames.isPublisher(first),
                          !AuthorNames.parse(b.value ?? b.text).names.isEmpty {
                    // The first byline was the publisher (a meta author "Süddeutsche.de
                    // GmbH", "Vegolosi.it"): a later one that names a person is the writer.
                    setAuthor(&a, b.value ?? b.text)
                }
            case .date:
                if a.published == nil, let d = b.value {
                    a.published = d
                    a.publishedTime = b.time.flatMap { $0.hasPrefix(d) ? $0 : nil }
                        ?? DateNormalizer.timeOfDay(in: b.text).map { d + "T" + $0 }
                }
            case .imageCredit:
                if a.imageCredit == nil { a.imageCredit = b.value ?? b.text }
            case .heading:
                if let c = current, c.paragraphs.isEmpty, let h = c.heading {
                    // Headings in a row head one section ("Plan A", then "Breakfast"),
                    // as the HTML reader joins them.
                    current!.heading = h + "\n" + b.text
                } else {
                    closeSection()
                    current = Section(heading: b.text, position: b.index)
                }
            case .paragraph:
                if current == nil { current = Section(heading: nil, position: b.index) }
                current!.paragraphs.append(Paragraph(text: b.text, position: b.index, line: b.line))
            case .authorBio:
                if a.authorBio == nil { a.authorBio = b.text }
                if a.author == nil, let name = b.value { setAuthor(&a, name) }
            case .navPrevious:
                if a.navigation.previous == nil { a.navigation.previous = b.value ?? b.text }
            case .navNext:
                if a.navigation.next == nil { a.navigation.next = b.value ?? b.text }
            case .tags:
                a.tags.append(contentsOf: b.values)
            case .comment:
                a.comments.append(Comment(number: b.number, text: b.text, position: b.index))
            case .commentsClosed:
                a.commentsClosed = true
            case .boilerplate(let kind):
                a.boilerplate.append(Boilerplate(kind: kind, text: b.text, position: b.index))
            case .ignored:
                break
            }
        }
        closeSection()
        return a
    }

    /// `authors` and `author_role` from the byline's name string; `author` is
    /// the names without the role ("A and B" for several), or when it names
    /// no person the role without its label ("Autor Redaktion" -> "Redaktion",
    /// "Reuters"), else the string as the reader gave it, unless that is an
    /// interface label ("DATE", "Sign In"): then no author.
    static func setAuthor(_ a: inout Article, _ raw: String) {
        let p = AuthorNames.parse(raw)
        a.authors = p.names
        a.authorRole = p.role
        a.author = AuthorNames.joined(p.names) ?? p.role ?? (AuthorNames.isInterfaceLabel(raw) ? nil : raw)
    }
}

// The HTML reader's phrase tables: words and labels that name furniture,
// bylines, datelines, tags and credits, in the languages the benchmark pages are
// written in. Data, kept apart from the rules that use them (Extract.swift); the
// text reader's phrases are its rules file (ArticleParser/DefaultRules.swift).

extension Extractor {
    static let relatedHeadings: Set<String> = [
        "related", "related posts", "related articles", "related stories", "related content", "related news",
        "related coverage", "related links", "related reading", "you may also like", "you might also like",
        "you may like", "you might like", "more stories", "more from", "more news", "more on this",
        "recommended", "recommended for you", "recommended stories", "most popular", "most read", "most viewed",
        "trending", "trending now", "popular posts", "popular stories", "latest news", "latest stories",
        "recent posts", "also read", "read next", "read more", "what to read next", "up next",
        // The same in other languages (data, not structure); not their "read
        // also", which labels one link inside the story.
        "artículos relacionados", "noticias relacionadas", "te puede interesar", "también te puede interesar",
        "lo más leído", "você pode gostar", "você também pode gostar",
        "notícias relacionadas", "artigos relacionados", "posts relacionados", "mais lidas",
        "articles liés", "sur le même sujet", "les plus lus", "articles similaires",
        "vous aimerez aussi", "das könnte sie auch interessieren", "ähnliche artikel",
        "mehr zum thema", "meistgelesen", "weitere artikel", "articoli correlati",
        "potrebbe interessarti", "ti potrebbe interessare", "i più letti", "související", "související články",
        "súvisiace", "súvisiace články",
        "gerelateerde artikelen", "похожие статьи", "по теме", "ilgili haberler",
        "benzer haberler", "相关文章", "相关新闻", "関連記事", "あわせて読みたい", "관련기사", "관련 기사",
        "more to explore", "don't miss", "editor's picks", "top stories", "further reading",
        "recent articles", "recent stories", "recent news", "latest articles", "latest posts", "more articles",
        "more headlines", "related videos", "popular", "featured", "in case you missed it", "around the web",
        "sponsored stories", "from the web", "you may have missed", "more stories like this",
        "more stories like this one", "also on", "keep reading", "see also", "related topics", "more videos",
    ]

    static let boilerplateLines: [String: String] = [
        "advertisement": "advert", "advertisements": "advert", "ad": "advert", "sponsored": "advert",
        "advert": "advert", "adverts": "advert", "ads": "advert", "advertising": "advert", "anzeige": "advert",
        "publicidad": "advert", "publicité": "advert", "pubblicità": "advert", "werbung": "advert",
        "sponsored content": "advert", "story continues below advertisement": "advert",
        "article continues below advertisement": "advert", "continue reading below": "advert",
        "skip advertisement": "advert", "scroll to continue with content": "advert",
        "read more": "related", "continue reading": "related", "related": "related",
        "related articles": "related", "related stories": "related", "more stories": "related",
        "recommended": "related", "you may also like": "related", "read next": "related",
        "share": "share", "share this": "share", "share this article": "share", "share this story": "share",
        "tweet": "share", "email": "share", "print": "share", "facebook": "share", "twitter": "share",
        "linkedin": "share", "pinterest": "share", "whatsapp": "share", "reddit": "share",
        "comments": "comment", "leave a comment": "comment", "add comment": "comment",
        "sign up": "newsletter", "subscribe": "newsletter", "subscribe now": "newsletter",
        "click here": "promo", "loading": "widget", "loading...": "widget",
        "no posts to display": "widget", "image": "caption", "photo": "caption", "video": "widget",
        "close": "widget", "menu": "nav", "search": "form", "back to top": "nav",
    ]

    static let boilerplatePrefixes: [(String, String)] = [
        ("related:", "related"), ("also read:", "related"), ("read more:", "related"),
        ("read also:", "related"), ("see also:", "related"), ("more:", "related"), ("read:", "related"),
        ("recommended:", "related"), ("related coverage:", "related"), ("related content:", "related"),
        ("also on", "related"), ("more on this:", "related"), ("related article:", "related"),
        ("click here to", "promo"), ("sign up for", "newsletter"), ("subscribe to", "newsletter"),
        ("follow us on", "share"), ("like us on facebook", "share"), ("share this", "share"),
        ("watch:", "related"), ("listen:", "related"), ("read more", "related"),
    ]

    static let dateLabels: [[UInt8]] = ["updated ", "updated:", "posted ", "posted:", "published ", "published:",
                                        "last updated", "last modified", "first published",
                                        // The same labels in other languages (ASCII-lowered: "ö" stays two bytes).
                                        "aktualisiert:", "aktualisiert am ", "veröffentlicht:", "veröffentlicht am ",
                                        "veröffentlichung:", "erstellt am ", "erschienen am ", "publié le ",
                                        "mis à jour le ", "publicado el ", "publicado:", "actualizado el ",
                                        "actualizado:", "pubblicato il ", "aggiornato il "].map { Array($0.utf8) }

    /// "By" in other languages, alone or after "written"/"created" (the phrase is stripped whole).
    static let phraseByLabels = ["geschrieben von ", "erstellt von ", "verfasst von ", "escrito por ", "écrit par ",
                                 "blog beitrag von ", "blogbeitrag von ", "ein beitrag von ", "beitrag von ",
                                 "von ", "por ", "par "]

    /// "Autor: Jane Doe", "Text: Jane Doe" (a credit line that names the writer).
    static let colonByLabels = ["by:", "von:", "autor:", "autorin:", "author:", "text:", "texto:", "auteur:", "door:",
                                "autore:", "written by:", "posted by:", "words by:", "story by:"]

    static let tagLabels: [[UInt8]] = ["tags:", "tags ", "tagged:", "tagged with", "topics:", "keywords:", "filed under",
                                       "tag:"].map { Array($0.utf8) }

    /// "by" in the languages of the byline labels; the time words a dateline's clock may carry.
    static let datelineByWords: Set<String> = ["by", "von", "par", "por", "di", "door", "av", "przez"]

    static let timeWords: Set<String> = ["uhr", "h", "am", "pm", "a.m.", "p.m.", "um", "à", "a", "las", "alle", "at", "-", "–"]

    static let relativeTimeWords: Set<String> = ["ago", "min", "mins", "minute", "minutes", "hour", "hours", "hr",
                                                 "hrs", "day", "days", "week", "weeks", "month", "months"]

    /// Words that put a date after a name ("X am 3. März", "X le 4 mai", "X el 5 de junio").
    static let datePrepositions: Set<String> = ["am", "on", "le", "el", "il", "op", "vom", "den"]

    /// Markers a caption's credit follows, most specific first.
    static let creditMarkers = ["photo credit:", "image credit:", "photograph:", "photo:", "photos:", "credit:", "image:",
                                "picture:", "illustration:", "photo by ", "image by "]
}

// Shapes where a page's Markdown rendering read worse than its inscriptis
// rendering (docs/TEXT.md, "Markdown and WET against the bullets form"): each
// test is one kept mechanism, on a made-up page, with the exact body and the
// `--explain` reason of the line that decides it.

import XCTest
import ArticleModel
@testable import ArticleParser

final class MarkdownShapesTests: XCTestCase {
    let head = TramStory.head
    let menu = TramStory.menu
    let foot = TramStory.foot
    let story = Array(TramStory.story.prefix(4))

    func links(_ items: [String]) -> String { items.map { "* [\($0)](/\($0.lowercased()))" }.joined(separator: "\n") }

    func markdown(_ text: String) -> (Article, [Block]) {
        let bs = TextReader().blocks(from: text, markdown: true)
        return (ArticleBuilder.build(source: "test.md", format: "text", url: nil, blocks: bs), bs)
    }

    func testStoryJoinedIntoOneLineIsASecondCopy() {
        // html2text writes a hidden copy of the story (a print block) as one line under it.
        let joined = story.joined(separator: " ")
        let page = links(menu) + "\n\n# \(head)\n\n" + story.joined(separator: "\n\n") + "\n\n\(joined)\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block(joined, in: bs)?.rule, "duplicate: paragraphs of the body above joined into one (from line 14)")
    }

    func testOneRepeatedParagraphStays() {
        // A single paragraph again (a caption, a pull quote) is no joined copy: it stays.
        let page = links(menu) + "\n\n# \(head)\n\n" + (story + [story[1]]).joined(separator: "\n\n") + "\n\n" + links(foot) + "\n"
        XCTAssertEqual(markdown(page).0.paragraphs.map(\.text), story + [story[1]])
    }

    func testGenderStarIsNoEmphasis() {
        // "Kund*innen": a lone "*" between letters is text; "**strong**" and "*em*" are markup.
        let p = "Die Kund*innen der Stadtwerke zahlen ab **Januar** etwas *weniger* für den Strom aus dem Fluss."
        let page = links(menu) + "\n\n# \(head)\n\n" + story[0] + "\n\n" + p + "\n\n" + story[1] + "\n\n" + links(foot) + "\n"
        XCTAssertEqual(markdown(page).0.paragraphs.map(\.text),
                       [story[0], "Die Kund*innen der Stadtwerke zahlen ab Januar etwas weniger für den Strom aus dem Fluss.", story[1]])
    }

    func testLooseLinkListUnderALabelIsUnderTheLabel() {
        // html2text sets list items that hold a heading apart with blank lines: the
        // "More:" label's block ended at the first blank line and the headlines were body.
        let heads = ["Harbour workers vote to end the strike after a long winter",
                     "School meals to get cheaper from April for every family",
                     "Library reopens after a two year repair with a new room"]
        let more = heads.enumerated().map { "  * #### [ \($1)](/news/\($0))" }.joined(separator: "\n\n\n\n")
        let page = links(menu) + "\n\n# \(head)\n\n" + story[0...1].joined(separator: "\n\n") + "\n\n#### More:\n\n" + more + "\n\n"
            + story[2...3].joined(separator: "\n\n") + "\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block("* #### " + heads[0], in: bs)?.rule, "related: line under the label 'More:'")
        XCTAssertEqual(block("* #### " + heads[2], in: bs)?.rule, "related: line under the label 'More:'")
    }

    func testRecommendationWidgetLabelEndsAWetStory() {
        // Common Crawl WET (no blank lines): a recommendation widget's label under
        // the story ends it; its teasers, a source line over some, were the story's tail.
        let teasers = ["Xtra-PC\nSlow computer? You do not need to buy a new one thanks to this discovery Xtra-PC",
                       "How to buy the new games console before Christmas, The Verge on MSN",
                       "Stormfall\nThis is the most addictive game of the year! Stormfall: Free Online Game",
                       "Find out why more than 20 million people cannot stop playing this game Pirates: Free Online Game",
                       "Save70.com\nThe ultimate way to get cheap hotel rooms Save70.com"]
        let page = menu.map { "* " + $0 }.joined(separator: "\n") + "\n\(head)\nBy Jane Doe\n" + story.joined(separator: "\n")
            + "\nPromoted Links\n" + teasers.map { $0 + "\nUndo" }.joined(separator: "\n") + "\n" + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block("Promoted Links", in: blocks(page))?.rule, "rules:related 'promoted links'")
    }

    func testWetHeaderLinesStayOneBlock() {
        // WET (no blank lines, one paragraph a line): short lines between paragraphs
        // are one block, as blank lines set them out in the browser's text; each line
        // its own block, the toolbar's "Article bookmarked" was the story's first heading.
        let long = story[0].dropLast() + ", and the first money for it was set aside the same evening by the council."
        let body = [String(long)] + story[1...]
        let page = menu.map { "* " + $0 }.joined(separator: "\n") + "\n\(head)\nJane Doe\nTransport Editor\n@janedoe\n"
            + "Monday 28 September 2020 19:27\n0 comments\nArticle bookmarked\n" + body.joined(separator: "\n") + "\n"
            + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), body)
        XCTAssertEqual(a.sections.map(\.heading), [nil])
        XCTAssertEqual(block("Article bookmarked", in: blocks(page))?.rule, "meta: line in the block of the byline or date")
    }

    func testGermanReadAlsoHeadingAndCommentFormEndTheStory() {
        // Phrase data: "Schon gelesen?" over a teaser, "Schreib einen Kommentar" over the form.
        let teaser = "Warum die Straßenbahn in der Nachbarstadt schon seit zwanzig Jahren fährt und wir immer noch warten."
        let page = links(menu) + "\n\n# \(head)\n\n" + story.joined(separator: "\n\n") + "\n\n#### Schon gelesen?\n\n" + teaser
            + "\n\n### Schreib einen Kommentar\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block("Schon gelesen?", in: bs)?.rule, "rules:related 'schon gelesen?'")
        XCTAssertEqual(block("Schreib einen Kommentar", in: bs)?.rule, "rules:form 'schreib einen kommentar*'")
    }
}


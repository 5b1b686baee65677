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
        // (The label alone heads the list of headlines after it: labelLists.)
        XCTAssertEqual(block("* " + heads[0], in: bs)?.rule, "related: item of the 'More:' list above")
        XCTAssertEqual(block("* " + heads[2], in: bs)?.rule, "related: item of the 'More:' list above")
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

    func testAdvertisementLabelOverAWetStoryTakesNoParagraph() {
        // WET: "Advertisement:" between the story's paragraphs (the ad is no text).
        // Nothing shows where the label's block ends, and the paragraphs under it,
        // each a line of its own, were all "advert: line under the label".
        let long = TramStory.story.indices.map { k in (0..<3).map { TramStory.story[(k + $0) % TramStory.story.count] }.joined(separator: " ") }
        let page = menu.map { "* " + $0 }.joined(separator: "\n") + "\n\(head)\nJanuary 10, 2020 9:00AM (UTC)\n"
            + long[0...1].joined(separator: "\n") + "\nAdvertisement:\n" + long[2...3].joined(separator: "\n")
            + "\n(Credit: Jane Roe / City Council)\nAdvertisement:\n" + long[4...].joined(separator: "\n") + "\n"
            + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), long)
        XCTAssertEqual(block("Advertisement:", in: blocks(page))?.label, .boilerplate("advert"))
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

    // Third round against the HTML reader (docs/TEXT.md): Markdown pages read
    // worse than their bullets rendering or their .html.

    func testCommentsCountInTheHeaderDoesNotEndTheStory() {
        // "12 Comments" under the byline and date, the story under it: inscriptis sets
        // such a toolbar out as touching lines (a link), html2text with blank lines
        // between, and the count cut the region to the headline and the dek above it.
        let dek = "After ten years of plans, studies and public meetings, the city has decided where its first tram will run,"
            + " and what the people who live and work along the route can expect from it."
        let all = Array(TramStory.story)
        let page = links(menu) + "\n\n# \(head)\n\n## \(dek)\n\nJane Doe\n\nUpdated: 03.03.2024, 10:27\n\n12 Comments\n\n"
            + all.joined(separator: "\n\n") + "\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), all)
        XCTAssertEqual(block("12 Comments", in: bs)?.rule, "rules:comments '# comments'")
        XCTAssertEqual(block(all[0], in: bs)?.rule, "paragraph: sentence text")
        XCTAssertEqual(block("* About us", in: bs)?.rule, "nav: outside the main prose region (lines 12-32): run of 8 short link-like lines")
    }

    func testTheOneHeadlineAnchorsTheRegion() {
        // html2text writes the page's <h1> as its one "# " heading. A short story under
        // it, two long link lists under the story and a comment thread that outweighs
        // it: the region was the thread, and the story's subheading became the title.
        let all = Array(TramStory.story)
        let heads = ["Harbour workers vote to end the strike", "School meals to get cheaper from April", "Library reopens after a two year repair",
                     "New bridge opens to cyclists", "Bus fares frozen for another year", "Market square gets new trees",
                     "Swimming pool to close for repairs", "Council elections set for May", "Night buses return to the old town",
                     "Parking fees to rise in the centre", "Flower show draws record crowds", "Hospital opens new children's ward"]
        let comments = [
            ("Harold P.", "I have lived on this street for forty years and I have seen three plans like this one come and go, each with a meeting at the library and a map on the wall, and not one of them was ever built, so forgive me if I wait for the rails before I believe a word of it."),
            ("Maria", "The bus lanes were supposed to fix everything too, and now the same people tell us that the tram is cheaper than the lanes they built five years ago, which makes me wonder what the figures for the lanes looked like when they were sold to us in the first place."),
            ("Tom K.", "Good news for the hospital staff who have to change buses twice every morning, but I hope somebody has thought about where the trams will turn at the station, because the square there is already full of taxis and delivery vans at every hour of the day."),
            ("Anna", "Will the shops really get help with their rent, or is that one of those promises that is forgotten once the street is dug up and the first of them have closed their doors for good because nobody could reach them for a whole year of works?")]
        let sub = "What the shops along the route will get"
        let page = links(menu) + "\n\n# \(head)\n\nBy Jane Doe\n\n" + all[0...2].joined(separator: "\n\n") + "\n\n## \(sub)\n\n"
            + all[3...5].joined(separator: "\n\n") + "\n\n" + links(["Trams", "Council", "Hospital"])
            + "\n\n## More from the city\n\n" + links(heads) + "\n\n## Most read\n\n" + links(heads)
            + "\n\n## 4 Comments\n\n" + comments.map { "**\($0.0)**\n\n\($0.1)" }.joined(separator: "\n\n") + "\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), all)
        XCTAssertEqual(a.sections.map(\.heading), [nil, sub])
        XCTAssertEqual(block(all[1], in: bs)?.rule, "paragraph: sentence text")
        XCTAssertEqual(block("* Trams", in: bs)?.rule, "nav: outside the main prose region (lines 16-28): run of 3 short link-like lines")
        XCTAssertEqual(block(comments[0].1, in: bs)?.label, .comment)
    }

    func testTheOneHeadlineFarAboveTheStoryIsTheTitle() {
        // html2text's "# " headline, then a photo's caption and credit, the byline,
        // a dozen short lines and share bars, then the story: the search near the
        // story took the credit line over the byline as the title. The page is
        // still read from that line (the caption is no body text).
        func share(_ items: [String]) -> String { items.map { "  * [ \($0) ](https://share.example/\($0.lowercased()))" }.joined(separator: "\n") }
        let credit = "(Jane Roe / City Chronicle)"
        let all = Array(TramStory.story)
        let page = links(menu) + "\n\n#  \(head)\n\n![Tram](https://img.example/tram.jpg)\n\n"
            + "Council members look at a model of the new tram at the town hall.\n\n\(credit)\n\n"
            + "By [Jane Doe](https://example.com/people/jane-doe)\n\nFeb. 19, 2020\n\n4 AM\n\n3 min read\n\nListen to this article\n\nText size\n\n"
            + share(["Facebook", "Twitter"]) + "\n  * Show more sharing options\n\n\n\nShare Close extra sharing options\n\n"
            + share(["Facebook", "Twitter", "LinkedIn", "Email"]) + "\n  * Copy Link URLCopied!\n\n\n\nRIVERTON — \n\n"
            + all.joined(separator: "\n\n") + "\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(block(head, in: bs)?.rule, "title: the page's only Markdown '# ' heading, far above the main prose region")
        XCTAssertEqual(block(credit, in: bs)?.rule, "other: the line the headline search took under the page's only '# ' heading (line 12)")
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.published, "2020-02-19")
        XCTAssertEqual(a.sections.last?.paragraphs.map(\.text), all)
    }

    func testARepeatedTaglineIsNoDocumentTitleInMarkdown() {
        // A logo's alt text and the site's tagline, the same line twice, over the
        // menus: read as a document title over the headline (as inscriptis dumps
        // open), it was the title. html2text writes no document title.
        let tag = "Your daily guide to the city and its people."
        let page = "[![Riverton Daily](https://example.com/logo.svg)](/)\n\n\(tag)\n\n\(tag)\n\n"
            + "  * [ ](https://twitter.com/riverton)\n  * [ ](https://www.facebook.com/riverton)\n  * [ ](/feed)\n\n\n\nNews\n\n" + links(menu)
            + "\n\n  * [Home](https://example.com/ \"Home\")\n  * [Transport](https://example.com/transport \"Transport\")\n"
            + "  * [**City council approves...**](https://example.com/transport/tram)\n\n\n\n# \(head)\n\nJane Doe | 06.11.23\n\n"
            + story.joined(separator: "\n\n") + "\n\n" + links(foot) + "\n"
        let (a, _) = markdown(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
    }

    func testCreditGluedToACaptionWithoutASpace() {
        // html2text glues a caption's credit span to the caption ("... ate a rabbitCredit: Getty"),
        // where inscriptis writes a space: the caption is no paragraph in either.
        let caption = "The council's map of the route was shown to residents at the library on Tuesday evening"
        let page = links(menu) + "\n\n# \(head)\n\n" + story[0...1].joined(separator: "\n\n") + "\n\n\(caption)Credit: City Council - Handout\n\n"
            + story[2...3].joined(separator: "\n\n") + "\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block(caption + "Credit: City Council - Handout", in: bs)?.rule, "caption: text ending in a '(Photo ...)' credit")
    }

    func testGermanWordPressCommentCountEndsTheStory() {
        // Phrase data: WordPress's German "142 Antworten zu „Title“" over the comments.
        let reply = "Danke für diesen Bericht, ich war auch bei der Versammlung in der Bibliothek und fand die Pläne sehr überzeugend."
        let page = links(menu) + "\n\n# \(head)\n\n" + story.joined(separator: "\n\n") + "\n\n### 2 Antworten zu _\(head)_\n\n"
            + "Martina\n\n\(reply)\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block("2 Antworten zu \(head)", in: bs)?.rule, "rules:comments '# antworten zu *'")
    }

    func testAGalleryCaptionWrittenTwiceWeighsLikeATeaser() {
        // html2text writes a gallery's alt text and caption as two paragraphs, set
        // apart: the gallery above the headline outweighed nothing but was taken
        // into the region (the captions its first paragraphs, the headline a heading).
        let c1 = "Council members look at a model of the new tram at the town hall before the vote on Tuesday, March 3, 2024."
        let c2 = "A tram of the kind the city wants to buy runs through the old town of a neighbouring city on Monday, March 2, 2024."
        let all = Array(TramStory.story)
        let gallery = [c1, c1, "Photo: Jane Doe, AP", "Image 1 of 2", c2, c2, "Photo: Jane Doe, AP", "Image 2 of 2", "Back to gallery"]
        let page = links(menu) + "\n\n" + gallery.joined(separator: "\n\n") + "\n\n\(head)\n\n1 / 2\n\nBy Jane Doe\n\n"
            + all.joined(separator: "\n\n") + "\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.paragraphs.map(\.text), all)
        XCTAssertEqual(block(c2, in: bs)?.rule, "other: outside the main prose region (lines 30-46): run of 8 lines")
    }

    /// A heading that is one link to another page is a teaser set into the
    /// story; a heading linking to its own anchor is a section heading.
    func testLinkedHeadingIsATeaserNotASection() {
        let teaser = "Bus fares to rise in March, operator says"
        let sub = "Costs and timetable"
        let page = links(menu) + "\n\n# \(head)\n\n" + story[0] + "\n\n" + story[1]
            + "\n\n## [\(teaser)](https://example.com/news/bus-fares)\n\n" + story[2]
            + "\n\n### [\(sub)](#costs)\n\n" + story[3] + "\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(a.sections.map(\.heading), [nil, sub])
        XCTAssertEqual(block(teaser, in: bs)?.label, .boilerplate("related"))
        XCTAssertEqual(block(teaser, in: bs)?.rule, "related: a Markdown heading that is one link to another page (a teaser in the story)")
    }

    /// html2text writes a linked heading with an image inside the link ("### [
    /// Headline ![alt](src) ](url)"): the link's text ends at the "]" that closes
    /// the first "[", not at the image's; the heading is a teaser like any linked one.
    func testLinkedHeadingWithAnImageInItsLinkIsATeaser() {
        XCTAssertTrue(MarkdownPage.isOneLinkAway("[ Bus fares ![Bus](https://example.com/bus.jpg) ](https://example.com/news/bus)"))
        XCTAssertFalse(MarkdownPage.isOneLinkAway("[ Bus fares ![Bus](https://example.com/bus.jpg) ](#fares)"))
        XCTAssertFalse(MarkdownPage.isOneLinkAway("[Bus](https://example.com/a) and [tram](https://example.com/b)"))
        let teaser = "Bus fares to rise in March, operator says"
        let page = links(menu) + "\n\n# \(head)\n\n" + story[0] + "\n\n" + story[1]
            + "\n\n### [ \(teaser) ![Bus at a stop](https://example.com/img/bus.jpg) ](https://example.com/news/bus-fares)\n\n"
            + story[2...3].joined(separator: "\n\n") + "\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block(teaser, in: bs)?.rule, "related: a Markdown heading that is one link to another page (a teaser in the story)")
    }

    func testALinkCardUnderALoneRelatedLabelIsRelated() {
        // html2text writes an inline "Related" box as the label and a card that is
        // all link text ("[ ![alt](src) Headline ](url)"), set apart with blank
        // lines; the story goes on under it. The card was a paragraph of the story.
        let card = "[ ![Tram model](data:image/gif;base64,R0lGOD) Five things to know about the new bus lanes in the city centre ](https://example.com/news/bus-lanes-123/)"
        let page = links(menu) + "\n\n# \(head)\n\n" + story[0...1].joined(separator: "\n\n") + "\n\n#### Related\n\n\(card)\n\n"
            + story[2...3].joined(separator: "\n\n") + "\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block("Five things to know about the new bus lanes in the city centre", in: bs)?.rule,
                       "related: item of the 'Related' list above")
    }

    func testACommentsLinkInTheShareBarAboveTheStoryIsNoCommentsHeader() {
        // A share bar between the dek and the story: "__ Shares", "__ Comments (32)",
        // the lead image (dropped) and its credit, each set apart by html2text. The
        // count was the comments' header and the whole story became comments.
        let all = Array(TramStory.story)
        let dek = "How the city will get its first tram line, and what it will cost."
        let page = links(menu) + "\n\n# \(head)\n\nBy Jane Doe 04 November 2020\n\n\(dek)\n\n__ Shares\n\n__ Comments (32)\n\n"
            + "![The tram](https://example.com/tram.jpg)\n\n(Image credit: City Council)\n\n"
            + all.joined(separator: "\n\n") + "\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.paragraphs.map(\.text).suffix(all.count), all)
        XCTAssertTrue(a.comments.isEmpty)
        XCTAssertEqual(block("Comments (32)", in: bs)?.rule, "nav: comments link in a toolbar of short lines")
        // Under the story, the same label opens the comments.
        let thread = "I have lived on this street for forty years and I have seen three plans like this one come and go, and not one was built."
        let below = links(menu) + "\n\n# \(head)\n\nBy Jane Doe 04 November 2020\n\n" + all.joined(separator: "\n\n")
            + "\n\n__ Shares\n\n__ Comments (32)\n\nHarold\n\n\(thread)\n\n" + links(foot) + "\n"
        let (b, bs2) = markdown(below)
        XCTAssertEqual(b.paragraphs.map(\.text), all)
        XCTAssertEqual(block("Comments (32)", in: bs2)?.label, .boilerplate("comments"))
    }
    func testStoryAfterAPhotoLinkOverSeveralLinesIsText() {
        // html2text writes a linked photo whose alt text breaks over lines as
        // "[![alt" / "(c) Agency](small.jpg)" / "caption" / "_(c) Agency_](big.jpg)"
        // and glues the story's first paragraph to the link's ")". The link was
        // taken to run on for twelve lines: the story under it was link text.
        let all = Array(TramStory.story)
        let alt = "From left: the mayor, the head of the transport board and the city engineer"
        let photo = "[![\(alt)\n© City Council](/img/tram-s.jpg)  \n\(alt)\n_© City Council_](/img/tram.jpg)"
        let page = links(menu) + "\n\n# \(head)\n\n" + photo + all[0] + "  \n  \n" + all[1...].joined(separator: "  \n  \n") + "\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), all)
        XCTAssertEqual(block(all[1], in: bs)?.rule, "paragraph: sentence text")
        // The lines inside the link are its text: they stay out.
        XCTAssertNotEqual(block(alt, in: bs)?.label, .paragraph)
    }
    func testTheOneHeadlineUnderShortLinesIsTheTitleOfAPageThatIsNoDump() {
        // A blog post saved as Markdown with few links (no dump): the section's
        // link, its rubric, the headline as plain text, the date, then the page's
        // <h1>. The first line ("Blog") was the title and the headline a heading.
        let all = Array(TramStory.story)
        let page = "[Blog](/blog/)\n\nInsights\n\n\(head)\n\nPublished on: June 25, 2024\n\n5 min read\n\n# \(head)\n\n"
            + all.joined(separator: "\n\n") + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), all)
        XCTAssertEqual(a.sections.map(\.heading), [nil])
        XCTAssertEqual(block("Blog", in: bs)?.rule, "other: text above the title")
        XCTAssertEqual(bs.first { $0.label == .title }?.rule, "title: the page's one Markdown '# ' heading, under short lines only")
        // A sentence above the heading is the story's start: the heading stays a heading.
        let lead = "The city's plans for a tram were shown to the public for the first time on Tuesday evening."
        let (b, _) = markdown("\(head)\n\n\(lead)\n\n# What the plan says\n\n" + all.joined(separator: "\n\n") + "\n")
        XCTAssertEqual(b.title, head)
        XCTAssertEqual(b.sections.map(\.heading), [nil, "What the plan says"])
    }
    func testAHeadingInsideAListItemLosesItsMarker() {
        // html2text writes <li><h3> as "* ### Nachteile beim Autoleasing:": the "###" is
        // markup, and it reached the body's text (38 paragraphs on 7 of trafilatura's pages).
        XCTAssertEqual(MarkdownPage("  * ### Nachteile beim Autoleasing:\n- ## Vorteile\n* #hashtag\n").text.split(separator: "\n"),
                       ["* Nachteile beim Autoleasing:", "- Vorteile", "* #hashtag"])
    }
}

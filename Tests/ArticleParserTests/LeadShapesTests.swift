// The eleventh round (docs/TEXT.md, "The eleventh round (text11)"): shapes
// of page dumps where the text reader lost what the HTML reader kept, on
// trafilatura's tuning pages. Each test is one kept mechanism, on a made-up
// page, with the exact body and the `--explain` reason of the line that
// decides it.

import XCTest
import ArticleModel
@testable import ArticleParser

final class LeadShapesTests: XCTestCase {
    let head = TramStory.head
    let menu = TramStory.menu
    let foot = TramStory.foot
    let story = TramStory.story

    func testLeadParagraphOverASubheadingStaysWithTheStory() {
        // The headline, a toolbar of short lines, the lead paragraph touching it,
        // then a subheading (or caption) and the story: the subheading right under
        // the lead is no headline (before: it was the title and the lead "other:
        // text above the title").
        let lead = "After years of debate the city will get its second tram line, and the hospital will be on it at last."
        let sub = "A line along the river to the hospital"
        let p = menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n" + head + "\n\n"
            + "* Author Jane Doe\n* Recommended\nArticle Gallery\n" + lead + "\n\n" + sub + "\n\n"
            + story.joined(separator: "\n\n") + "\n\n" + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
        let a = parse(p)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), [lead] + story)
        let b = blocks(p)
        XCTAssertEqual(block(lead, in: b)?.rule, "paragraph: sentence text")
        XCTAssertEqual(block(sub, in: b)?.label, .heading)
        // Without a headline above the lead the line under it stays the title.
        let q = menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n"
            + "* Author Jane Doe\n* Recommended\nArticle Gallery\n" + lead + "\n\n" + sub + "\n\n"
            + story.joined(separator: "\n\n") + "\n\n" + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
        XCTAssertEqual(parse(q).title, sub)
    }

    func dump(_ lines: [String]) -> String {
        menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n" + lines.joined(separator: "\n\n") + "\n\n"
            + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
    }

    func testLabelsUnderTheStoryEndIt() {
        // Phrase data (DefaultRules.swift, "text11"): a "Related" box, a newsletter
        // call and a paywall's question under the story end it; the paragraphs under
        // them were body ("paragraph: sentence text").
        let teaser = "Bus lanes will close for the summer works, and the council says the detours will be short."
        for (label, rule) in [("Artikel zum Thema", "rules:related 'artikel zum thema'"),
                              ("Email Newsletter", "rules:newsletter 'email newsletter'"),
                              ("Möchten Sie weiterlesen?", "rules:cta 'möchten sie weiterlesen?'"),
                              ("Beliebte Artikel", "rules:related 'beliebte artikel'"),
                              ("Schon registriert? Hier einloggen", "rules:form 'schon registriert? hier einloggen'")] {
            let p = dump([head, "By Jane Doe"] + story + [label, teaser])
            XCTAssertEqual(parse(p).paragraphs.map(\.text), story, label)
            XCTAssertEqual(block(label, in: blocks(p))?.rule, rule)
        }
    }

    func testMoreLabelsUnderTheStoryEndIt() {
        // Phrase data (DefaultRules.swift, "text12"): French and Portuguese "Related"
        // labels, a German "you may also like" and a reader's call under the story end
        // it; the paragraphs under them were body ("paragraph: sentence text").
        let teaser = "Bus lanes will close for the summer works, and the council says the detours will be short."
        for (label, rule) in [("Articles liés", "rules:related 'articles liés'"),
                              ("Saiba Mais", "rules:related 'saiba mais'"),
                              ("Diese Artikel könnten dich ebenfalls interessieren:", "rules:related 'diese artikel könnten dich*'"),
                              ("Mehr Kolumnen auf Tramblog:", "rules:related 'mehr kolumnen auf *'"),
                              ("Sie lesen gern Tramblog.de?", "rules:cta 'sie lesen gern *'"),
                              ("Die beliebtesten Produkte", "rules:related 'die beliebtesten produkte'"),
                              ("HOUSE RULES", "rules:comments 'house rules'"),
                              ("Um neue Beiträge per E-Mail zu erhalten, hier die E-Mail-Adresse eingeben.",
                               "rules:newsletter 'um neue beiträge per e-mail zu erhalten*'"),
                              ("Ausgabe kaufen", "rules:cta 'ausgabe kaufen'"),
                              ("meist-diskutiert", "rules:related 'meist-diskutiert'"),
                              ("Wenn Ihnen unser Artikel gefallen hat:",
                               "rules:cta 'wenn ihnen unser artikel gefallen hat*'"),
                              ("Ja. Ich bin Abonnent.", "rules:cta 'ja. ich bin abonnent*'"),
                              ("Ich akzeptiere die Datenschutzbestimmungen von Tramblog und von unserem Newsletterdienst.",
                               "rules:form 'ich akzeptiere die datenschutzbestimmungen*'"),
                              ("Originalpublikation", "rules:credits 'originalpublikation*'"),
                              ("Fanden Sie diesen Artikel nützlich?", "rules:cta 'fanden sie diesen artikel nützlich?*'"),
                              ("Instant access to the full article PDF.", "rules:cta 'instant access to the full article pdf*'"),
                              ("Name (Pflichtfeld)", "rules:form 'name (pflichtfeld)*'"),
                              ("dołącz do dyskusji", "rules:comments 'dołącz do dyskusji*'")] {
            let p = dump([head, "By Jane Doe"] + story + [label, teaser])
            XCTAssertEqual(parse(p).paragraphs.map(\.text), story, label)
            XCTAssertEqual(block(label, in: blocks(p))?.rule, rule)
        }
    }

    func testHeadlineAndBylineInsideTheStoryAreNoSecondStory() {
        // A teaser card ("First in Playbook: ..." / "By Jane Roe") or a correspondent's
        // section set into the story, with more of the story under it than six units:
        // the story goes on (before: "other: text after the article body" from the card down).
        let more = ["The mayor said the council would publish the full plans for the depot before the summer break.",
                    "A group of residents has asked for a second meeting, this time in the evening, so that more can come.",
                    "The bus company said its drivers would be offered jobs on the trams once the line opens to passengers.",
                    "Critics of the plan said the money would be better spent on the bus lanes that the city already has."]
        let card = "Mayor defends the tram plan in a heated debate"
        let p = dump([head, "By Jane Doe"] + story[0...2] + [card, "By John Smith"] + story[3...] + more)
        XCTAssertEqual(parse(p).paragraphs.map(\.text), Array(story) + more)
    }

    func testLabelledPhotoCreditsAreCredits() {
        // Credit labels as data: "Crédits photos : X", "Titelbild: X". Each was a
        // heading in the story.
        for line in ["Crédits photos : Bestimage", "Titelbild: Jane Roe/City Transport"] {
            let p = dump([head, "By Jane Doe"] + story[0...2] + [line] + story[3...])
            XCTAssertEqual(parse(p).paragraphs.map(\.text), story, line)
            XCTAssertEqual(parse(p).sections.map(\.heading), [nil], line)
            XCTAssertEqual(block(line, in: blocks(p))?.label, .imageCredit, line)
        }
    }

    func testCaptionEndingInACopyrightCreditIsACaption() {
        // "Caption sentence. © Agency / Name" between the story's paragraphs: a photo
        // caption (before: "paragraph: sentence text").
        let caption = "The first of the new trams on a test run at the depot on Tuesday. © City Transport / Jane Roe"
        let p = dump([head, "By Jane Doe"] + story[0...2] + [caption] + story[3...])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story)
        XCTAssertEqual(block(caption, in: blocks(p))?.rule, "caption: text ending in a '(Photo ...)' credit")
        // A sentence after the sign is no credit.
        let para = "The trams were built in Vienna, the council said. © The city holds the plans, and they can be seen at the library."
        XCTAssertTrue(parse(dump([head, "By Jane Doe"] + story[0...2] + [para] + story[3...])).paragraphs.map(\.text).contains(para))
    }

    func testCaptionEndingInANameSlashAgencyCreditIsACaption() {
        // "Caption sentence. Name / Agency" (the credit shape under a lead image, after
        // the caption's sentence or a bar): a caption in the story (before: a paragraph
        // or a heading).
        for caption in ["The first of the new trams on a test run at the depot. Jane Roe / Getty Images",
                        "The mayor at the depot on Tuesday. | © City Transport/Jane Roe"] {
            let p = dump([head, "By Jane Doe"] + story[0...2] + [caption] + story[3...])
            XCTAssertEqual(parse(p).paragraphs.map(\.text), story, caption)
            XCTAssertEqual(block(caption, in: blocks(p))?.rule, "caption: text ending in a '(Photo ...)' credit", caption)
        }
        // A sentence ending in a slash that is no credit stays ("... 24/7", "and/or").
        let para = "The trams will run around the clock, the council said. Night service is 24/7"
        XCTAssertEqual(block(para, in: blocks(dump([head, "By Jane Doe"] + story[0...2] + [para] + story[3...])))?.label, .heading)
        // A writer's signature after the story stays the byline ("Von: det/dpa").
        let q = dump([head, "Von: det/dpa"] + story)
        XCTAssertEqual(parse(q).author, "det/dpa")
    }

    func testAStandfirstUnderTheHeadlineIsNoTitle() {
        // Headline, then a longer headline-shaped line (a standfirst, no full stop),
        // then the byline and the story: the headline is the title (before: the
        // standfirst, the nearest such line to the story), and the standfirst stays
        // out of the body.
        let dek = "The line along the river will link the station with the hospital and cost the city 400 million euros"
        let p = dump([head, dek, "By Jane Doe"] + story)
        let a = parse(p)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block(dek, in: blocks(p))?.label, .boilerplate("standfirst"))
        // A short kicker over the headline is no headline.
        let kicker = "Transport in the city"
        XCTAssertEqual(parse(dump([kicker + " and its future", head, "By Jane Doe"] + story)).title, head)
    }

    func testGermanDateLabelsNameTheDate() {
        // "Datum 28.01.2022", "Erscheinungsdatum 21. Januar 2022" under the headline: date
        // lines (before: the words were no date words, the line no date and the page had none).
        for (line, iso) in [("Datum 28.01.2022", "2022-01-28"), ("Erscheinungsdatum 21. Januar 2022", "2022-01-21"),
                            ("Erstellt 3. März 2021", "2021-03-03")] {
            let a = parse(dump([head, line] + story))
            XCTAssertEqual(a.published, iso, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
    }

    func testADateOrACountAfterTheBylinesNameIsNoPartOfIt() {
        // "Por Alberto Ávila 27 de agosto 2019", "Von Jane Doe 3 Kommentare": the name
        // ends where the date or the count starts (before: the whole rest was the author);
        // the line's label is decided as before.
        for (line, name) in [("Por Alberto Ávila 27 de agosto 2019", "Alberto Ávila"),
                             ("Von Jane Doe 3 Kommentare", "Jane Doe")] {
            let a = parse(dump([head, line] + story))
            XCTAssertEqual(a.author, name, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
    }
}

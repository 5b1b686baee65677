// Shapes where the text reader read a page worse than the HTML reader read the
// same page (docs/TEXT.md, "The text reader against the HTML reader"): each test
// is one kept mechanism, on a made-up page, with the exact body and the
// `--explain` reason of the line that decides it.

import XCTest
import ArticleModel
@testable import ArticleParser

final class HTMLGapTests: XCTestCase {
    let head = TramStory.head
    let menu = TramStory.menu
    let foot = TramStory.foot
    let story = TramStory.story
    let tail = "Our city desk has followed the tram plans since the first public meeting in 2019, and we will report on every step of the works."

    /// A dump: menu, headline, byline, the story, `between` (lines), `after` (paragraphs), footer.
    func page(between: [String], after: [String]) -> String {
        menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n\(head)\n\nBy Jane Doe\n\n" + story.joined(separator: "\n\n")
            + "\n\n" + between.joined(separator: "\n") + "\n\n" + after.joined(separator: "\n\n") + "\n\n"
            + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
    }

    func testSmallBodyApartFromTheStoryIsNoPartOfIt() {
        // Four topic links (furniture) set a short paragraph apart from the story:
        // the HTML reader's story container ends above them.
        let p = page(between: ["Trams", "City council", "Transport", "Hospital"], after: [tail])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story)
        XCTAssertEqual(block(tail, in: blocks(p))?.rule, "other: after the story, apart from it (25 words against its 115)")
        XCTAssertEqual(block("Trams", in: blocks(p))?.rule, "nav: inside the prose region but: run of 4 short link-like lines")
    }

    func testAGalleryIsNoGap() {
        // A gallery (or an ad, a call to action) sits inside stories: the story goes on under it.
        let p = page(between: ["Gallery", "5 of 12", "Trams at the depot"], after: [tail])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story + [tail])
        XCTAssertEqual(block("Trams at the depot", in: blocks(p))?.rule, "widget: line under '5 of 12'")
        XCTAssertEqual(block(tail, in: blocks(p))?.rule, "paragraph: sentence text")
    }

    func testBodyOfWeightAfterTheGapStays() {
        // What follows weighs a quarter of the story or more: a section of it, kept.
        let more = "The council will publish the route's final map in March, with the stops, the depots and the new crossings."
        let p = page(between: ["Trams", "City council", "Transport", "Hospital"], after: [tail, more])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story + [tail, more])
    }

    func dump(_ lines: [String]) -> String {
        menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n" + lines.joined(separator: "\n\n") + "\n\n"
            + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
    }

    func testBracketedPhotoCreditInsideTheStoryIsACredit() {
        // "(Foto: Name/Agency)" under a picture inside the story: the HTML reader drops the figure.
        let p = dump([head, "By Jane Doe"] + story[0...2] + ["(Foto: Max Muster/Stadtwerke)"] + story[3...])
        let a = parse(p)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        let c = block("(Foto: Max Muster/Stadtwerke)", in: blocks(p))
        XCTAssertEqual(c?.label, .imageCredit)
        XCTAssertEqual(c?.rule, "rules:image_credit '(foto:*)'")
    }

    func testCreativeCommonsLineIsADisclaimer() {
        let lic = "Texte auf dieser Webseite stehen unter einer Creative Commons Namensnennung 4.0 Lizenz."
        let p = dump([head, "By Jane Doe"] + story + [lic])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story)
        XCTAssertEqual(block(lic, in: blocks(p))?.rule, "rules:disclaimer '*unter einer creative commons*'")
    }

    func testMostReadLabelNamingTheSiteEndsTheStory() {
        let heads = ["Harbour workers vote to end the strike after a long winter", "School meals to get cheaper from April for every family"]
        let p = dump([head, "By Jane Doe"] + story + ["Die meistgelesenen Artikel bei Stadtblatt.de"] + heads)
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story)
        XCTAssertEqual(block("Die meistgelesenen Artikel bei Stadtblatt.de", in: blocks(p))?.rule, "rules:related 'die meistgelesenen artikel *'")
        XCTAssertEqual(block(heads[0], in: blocks(p))?.rule, "other: outside the main prose region (lines 12-26): run of 3 lines")
    }

    func testOtherLanguagesMostReadLabelsAndLogInLine() {
        let heads = ["Harbour workers vote to end the strike after a long winter", "School meals to get cheaper from April for every family"]
        for (label, rule) in [("Lo más visto de El Diario", "rules:related 'lo más visto de *'"),
                              ("Les plus lus de Ouest Matin", "rules:related 'les plus lus de *'"),
                              ("Most read from The Courier", "rules:related 'most read from *'")] {
            let p = dump([head, "By Jane Doe"] + story + [label] + heads)
            XCTAssertEqual(parse(p).paragraphs.map(\.text), story, label)
            XCTAssertEqual(block(label, in: blocks(p))?.rule, rule)
        }
        let login = "Um Artikel auf Stadtblatt.de kommentieren zu können, müssen Sie eingeloggt sein."
        let p = dump([head, "By Jane Doe"] + story + [login])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story)
        XCTAssertEqual(block(login, in: blocks(p))?.rule, "rules:form 'um * kommentieren zu können, müssen sie eingeloggt sein*'")
    }

    func testRecipeAboveAWordPressFormKeepsTheRegion() {
        // The form's "Du kommentierst mit Deinem ...-Konto" lines outweighed a recipe of
        // short lines; a region under the first comment form moves above it to any run of weight.
        let steps = ["1. Alle Zutaten in eine Schüssel geben und mittels Knethaken zu einem glatten Teig verarbeiten.",
                     "2. Den Teig ausrollen und Figuren ausstechen.", "3. Im Ofen in 15 Minuten goldbraun backen."]
        let form = ["Kommentar verfassen", "Gib hier Deinen Kommentar ein ..."]
            + ["WordPress.com", "Twitter", "Facebook", "Google"].map { "Du kommentierst mit Deinem \($0)-Konto. ( Abmelden / Ändern )" }
        let p = dump(["Mandelplätzchen", ["Zutaten:", "300 g Mehl", "1 TL Backpulver", "200 g Zucker", "1 Ei", "1 TL Zimt"].joined(separator: "\n"),
                      steps.joined(separator: "\n")] + form)
        XCTAssertEqual(parse(p).paragraphs.map(\.text), steps)
        let bs = blocks(p)
        XCTAssertEqual(block("300 g Mehl", in: bs)?.rule, "nav: outside the main prose region (lines 21-23): run of 17 short link-like lines")
        XCTAssertEqual(block(form[2], in: bs)?.rule, "rules:form 'du kommentierst mit deinem *'")
    }

    func testCaptionWithAGluedCreditIsACaption() {
        // "... at the depot Credit: Stadtwerke - Press": a capitalised credit label glued to a
        // caption without a sentence end; with a colon before it (a list of labels) it is text.
        let cap = "The first of the new trams arrives at the depot in the north of the city Credit: Stadtwerke - Press"
        let labels = "Our captions name labels such as: Image credit, Photograph and Photo: then the name of the agency."
        let p = dump([head, "By Jane Doe"] + story[0...2] + [cap, labels] + story[3...])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), Array(story[0...2]) + [labels] + Array(story[3...]))
        XCTAssertEqual(block(cap, in: blocks(p))?.rule, "caption: text ending in a '(Photo ...)' credit")
    }
    func testACodeBlockDoesNotEndTheStory() {
        // A post cut at its first code block: touching lines shaped like code
        // (calls, '=', a snake_case name) weigh nothing, and the region runs on under them.
        let intro = "Reading a settings file takes only a few lines of Python, and the standard library has all that is needed for it."
        let code = ["import json", "def load_settings(path):", "return json.load(open(path))", "config = load_settings(\"app.json\")", "print(config[\"name\"])"]
        let after = "Run it once and the name is printed; change the file and run it again."
        let p = dump(["Reading settings in Python", "By Jane Doe", intro, code.joined(separator: "\n"), after])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), [intro] + code + [after])
        let bs = blocks(p)
        XCTAssertEqual(block(after, in: bs)?.rule, "paragraph: sentence text")
        XCTAssertEqual(block("import json", in: bs)?.rule, "paragraph: sentence text")
    }
    func testAParagraphEndingInAColonTakesTheListUnderIt() {
        // The story's last paragraph announces steps (short list items, link-like in a
        // dump): the touching block under it joins the region, the footer's menu does not.
        let steps = ["* Unpack the kit", "* Fit the wheels", "* Charge the battery"]
        let lead = "Building the scooter at home takes an afternoon, and you need only the tools that come in the box with it:"
        let p = dump([head, "By Jane Doe"] + story + [lead, steps.joined(separator: "\n")])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story + [lead] + steps)
        let bs = blocks(p)
        XCTAssertEqual(block("* Unpack the kit", in: bs)?.rule, "paragraph: sentence text")
        XCTAssertEqual(block("* About us", in: bs)?.rule, "nav: outside the main prose region (lines 12-32): run of 8 short link-like lines")
    }
}

// The ninth round (docs/TEXT.md, "The ninth round (text9)"): furniture right
// under the story on page dumps that the HTML reader never reaches. Each test is
// one kept mechanism, on a made-up page, with the exact body and the
// `--explain` reason of the line that decides it.

import XCTest
import ArticleModel
@testable import ArticleParser

final class ClosingShapesTests: XCTestCase {
    let head = TramStory.head
    let menu = TramStory.menu
    let foot = TramStory.foot
    let story = TramStory.story

    func dump(_ lines: [String]) -> String {
        menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n" + lines.joined(separator: "\n\n") + "\n\n"
            + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
    }

    func testFirstPersonBioUnderTheStoryIsTheAuthorsBox() {
        // "Über Anna" and a bio in the first person right under the story, nothing between:
        // the author's box, not the story's last paragraph.
        let bio = "Ich bin Anna, Lokalreporterin aus Leidenschaft und seit zehn Jahren mit dem Rad in der Stadt unterwegs."
        let p = dump([head, "By Jane Doe"] + story + ["Über Anna", bio])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story)
        let b = blocks(p)
        XCTAssertEqual(block(bio, in: b)?.rule, "author: a first-person bio under the story (line 30)")
        XCTAssertEqual(block("Über Anna", in: b)?.label, .boilerplate("author"))
        // English, under the author's name.
        let en = "Hi! My name is Jane and I have been writing about the city's streets and trams for ten years now."
        XCTAssertEqual(parse(dump([head, "By Jane Doe"] + story + ["Jane Doe", en])).paragraphs.map(\.text), story)
    }

    func testStorysOwnFirstPersonEndingStays() {
        // "Fazit" / "Ich bin mit ...": the story's own ending in the first person, in lowercase after "ich bin".
        let end = "Ich bin mit der neuen Linie sehr zufrieden, und die Anwohner sind es nach der langen Debatte auch."
        let p = dump([head, "By Jane Doe"] + story + ["Fazit", end])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story + [end])
    }

    func testArrowLinksArePostNavigation() {
        // WordPress's post navigation: "← Older post's title" and "Newer post's title →".
        let prev = "← Bus lanes to close for the summer works"
        let next = "Station square to get a new fountain →"
        let p = dump([head, "By Jane Doe"] + story + [prev + "\n" + next])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story)
        let b = blocks(p)
        XCTAssertEqual(block(prev, in: b)?.label, .navPrevious)
        XCTAssertEqual(block(prev, in: b)?.rule, "rules:nav_previous '← *'")
        // Between the headline and the date neither link is the headline (before, the
        // headline-shaped line with the date under it was: "← Bus lanes ...").
        let q = dump([head, prev + "\n" + next + "\nJune 3, 2024"] + story)
        XCTAssertEqual(parse(q).title, head)
        XCTAssertEqual(parse(q).paragraphs.map(\.text), story)
    }

    func testThreeHeadlineLinksSetIntoTheStoryAreFurniture() {
        // Three "Related" headlines (list items, no sentence end) between two paragraphs
        // of the story: a link box, as four or more already were.
        let links = ["* Bus lanes to close for the summer works", "* Station square to get a new fountain",
                     "* Hospital car park to be rebuilt next year"]
        let p = dump([head, "By Jane Doe"] + story[0...2] + [links.joined(separator: "\n")] + story[3...])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story)
        XCTAssertEqual(block(links[1], in: blocks(p))?.rule, "nav: inside the prose region but: run of 3 short link-like lines")
    }

    func testTheStorysOwnShortListStays() {
        // Announced by a colon above it, or numbered: the story's own list.
        let items = ["* A new depot by the river", "* Longer platforms at the station", "* Quieter rails in the old town"]
        let q = dump([head, "By Jane Doe"] + story[0...2] + ["The plan has three parts:", items.joined(separator: "\n")] + story[3...])
        XCTAssertTrue(parse(q).paragraphs.map(\.text).contains(items[1]))
        let numbered = ["1. A new depot by the river", "2. Longer platforms at the station", "3. Quieter rails in the old town"]
        let r = dump([head, "By Jane Doe"] + story[0...2] + [numbered.joined(separator: "\n")] + story[3...])
        XCTAssertNotEqual(block(numbered[1], in: blocks(r))?.label, .boilerplate("nav"))
        // The tail of a list whose first item is a sentence (a press release's highlights).
        let highlights = ["• Revenue of 48 million dollars, up by almost a third from the same quarter a year earlier",
                          "• Gross margin up by four points", "• New orders from logistics customers", "• Cash at quarter end up again"]
        let h = dump([head, "By Jane Doe"] + story[0...2] + [highlights.joined(separator: "\n")] + story[3...])
        XCTAssertTrue(parse(h).paragraphs.map(\.text).contains(highlights[2]))
    }

    func testALongerListAParagraphAnnouncesStays() {
        // Six items under "Follow these six tips ... :" (a paragraph ending in a colon
        // right above them): the story's list; a link run of four or more was nav.
        let tips = ["* Use the space on the walls", "* Pick seats that fold away", "* Choose the shelters wisely",
                    "* Use the doors to your advantage", "* Use smart storage for bikes", "* Paint the stop in light colours"]
        let intro = "Follow these six tips, and plenty of examples from other cities, to make the most of a small tram stop:"
        let p = dump([head, "By Jane Doe"] + story[0...2] + [intro, tips.joined(separator: "\n")] + story[3...])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), Array(story[0...2]) + [intro] + tips + Array(story[3...]))
        // Under a label with a colon ("Read more:"), not a paragraph, the links stay out.
        let q = dump([head, "By Jane Doe"] + story[0...2] + ["Read more:", tips.joined(separator: "\n")] + story[3...])
        XCTAssertEqual(block(tips[1], in: blocks(q))?.rule, "nav: inside the prose region but: run of 7 short link-like lines")
    }

    func testInlineReadAlsoLinksAreRelated() {
        // "SEE MORE: <headline>", "Lea más: <headline>": a link set into the story; the story goes on under it.
        for (line, rule) in [("SEE MORE: Bus lanes to close for the summer works", "rules:related 'see more:*'"),
                             ("Lea más: Los autobuses dejarán el centro en verano", "rules:related 'lea más:*'"),
                             ("Lesen Sie hier: Busspuren werden im Sommer gesperrt", "rules:related 'lesen sie hier:*'")] {
            let p = dump([head, "By Jane Doe"] + story[0...2] + [line] + story[3...])
            XCTAssertEqual(parse(p).paragraphs.map(\.text), story)
            XCTAssertEqual(block(line, in: blocks(p))?.rule, rule)
        }
    }
    func testAnAboutBoxOverTheStorysFirstLinesEndsNothing() {
        // A release's "About Corvale Robotics" section ends the release; an "About
        // Python" box under the author's line, above a tutorial, ended the body
        // there and the whole tutorial was "text after the article body".
        let title = "Ten common mistakes Python developers make"
        let bio = "Jane is a software engineer and has written Python for a living since the year 2008."
        let intro = "Python is an interpreted, object-oriented, high-level programming language with dynamic semantics."
        let rest = ["Python's simple syntax can mislead developers into missing some of its subtleties and its power.",
                    "With that in mind, this article lists ten mistakes that can bite even advanced developers.",
                    "The first mistake is to think that a default argument is evaluated each time the function is called."]
        let page = ([title, "By Jane Doe", bio, "Read the Spanish version of this article", "About Python", intro, "About this article"] + rest)
            .joined(separator: "\n\n") + "\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [bio, intro] + rest)
        XCTAssertEqual(block("About Python", in: blocks(page))?.label, .heading)
    }
}

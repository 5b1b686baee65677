// Page dumps whose story ends at a line that only ends stories (a newsletter
// box, a share bar, a comment form): what lies after it must earn its place
// (docs/TEXT.md, "Story ends").

import XCTest
import ArticleModel
@testable import ArticleParser

final class StoryEndTests: XCTestCase {
    let menu = ["Home", "News", "Sport", "Business", "Science", "Culture", "Travel", "Video", "Podcasts", "Weather"]
    let more = ["The first trams would run along the river from the station to the hospital by the spring of 2027.",
                "Residents near the route were invited to a meeting at the library next week to see the plans.",
                "The council's transport chief said the line would take two thousand cars off the bridge every day."]
    let heads = ["Harbour workers vote to end the strike after a long winter of talks",
                 "School meals to get cheaper from April for every family in the county",
                 "Library reopens after a two year repair with a new reading room for children",
                 "Night buses return to the western suburbs as drivers are found for the routes",
                 "Storm damage closes the coast road while engineers check the old sea wall"]
    let letters = "We read every letter we are sent and reply to as many of them as we can."

    func page() -> String {
        menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n"
            + "City council approves new tram line after years of debate\n\nBy Jane Doe\n\n"
            + [para1, para2, para3].joined(separator: "\n\n") + "\n\nShare this article\n\n"
            + more.joined(separator: "\n\n") + "\n\nSign up for our newsletter\n\nMost read\n\n"
            + heads.joined(separator: "\n\n") + "\n\n" + letters + "\n\n"
            + ["About us", "Contact", "Privacy", "Terms", "Advertise", "Jobs", "Help", "Cookies"].map { "* " + $0 }.joined(separator: "\n") + "\n"
    }

    func testStoryEndsAtTheNewsletterBoxNotAtTheShareBar() {
        let a = parse(page())
        XCTAssertEqual(a.title, "City council approves new tram line after years of debate")
        // The share bar inside the story is a break too, but the story's sentences go on under it.
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3] + more)
        let bs = blocks(page())
        // Lines 12-28: the headline to the last paragraph above the newsletter box.
        XCTAssertEqual(block(heads[4], in: bs)?.rule, "other: outside the main prose region (lines 12-28): run of 6 lines")
        XCTAssertEqual(block(letters, in: bs)?.rule, "other: outside the main prose region (lines 12-28): run of 6 lines")
        XCTAssertEqual(block("Sign up for our newsletter", in: bs)?.rule, "rules:newsletter 'sign up for *newsletter*'")
    }

    func testARelatedLabelEndsItTooAndWithoutBreaksTheRegionRunsOn() {
        // Without the newsletter box the "Most read" label is the break.
        let p = page().replacingOccurrences(of: "Sign up for our newsletter\n\n", with: "")
        XCTAssertEqual(parse(p).paragraphs.map(\.text), [para1, para2, para3] + more)
        XCTAssertEqual(block(letters, in: blocks(p))?.rule, "other: outside the main prose region (lines 12-28): run of 6 lines")
        // Without either, nothing ends the story: the headlines and the letter stay
        // (the region's own verdict; the headline run lies wholly inside its first run).
        let q = p.replacingOccurrences(of: "Most read\n\n", with: "")
        XCTAssertEqual(parse(q).paragraphs.map(\.text), [para1, para2, para3] + more + heads.prefix(3) + [letters])
    }

    func testHeadlineRunAboveTheStoryIsLinkLike() {
        // A video playlist between the header and the story: headline-shaped
        // lines in a row, none ending like a sentence or holding a number.
        let vids = ["Why the council wants to build a tram line along the river",
                    "Watch the mayor answer questions from angry residents about the plan",
                    "What the new tram line would mean for the people of the old town",
                    "How other cities in the region paid for their own tram lines",
                    "See the first pictures of the trams the council wants to buy",
                    "Listen to the people who live next to the planned depot"]
        let chat = "Chat with us on our app. Find out what is happening in the world as it unfolds."
        let page = menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n"
            + "City council approves new tram line after years of debate\n\nBy Jane Doe\n\n" + chat + "\n\n"
            + ["Just watched", "Replay", "More videos", "Must watch", "Share", "Email"].joined(separator: "\n\n") + "\n\n"
            + vids.joined(separator: "\n\n") + "\n\n" + [para1, para2, para3].joined(separator: "\n\n") + "\n\n"
            + ["About us", "Contact", "Privacy", "Terms", "Advertise", "Jobs", "Help", "Cookies"].map { "* " + $0 }.joined(separator: "\n") + "\n"
        let a = parse(page)
        XCTAssertEqual(a.title, "City council approves new tram line after years of debate")
        // The header's own lines stay with the header rules (the promo sentence, the two
        // lines they read as headings); the playlist's other lines are out.
        XCTAssertEqual(a.paragraphs.map(\.text), [chat, para1, para2, para3])
        let bs = blocks(page)
        for v in vids.prefix(4) {
            XCTAssertEqual(block(v, in: bs)?.rule, "nav: outside the main prose region (lines 42-46): run of 12 short link-like lines")
        }
        // Without the rule the playlist would be the region's start; one number in
        // a line breaks the run (a tour's dates are the story's).
        let dated = page.replacingOccurrences(of: "Why the council", with: "Why 2 councils")
            .replacingOccurrences(of: "How other cities", with: "How 3 other cities")
        XCTAssertTrue(parse(dated).paragraphs.map(\.text).contains(vids[2]))
    }

    func testALongPlaylistInsideTheStorysRunIsLinkLikeNumbersOrNot() {
        // Ten headline-shaped lines, each set apart, two of them with a number,
        // between the story's opening and its rest: before, a number broke the
        // run and the list was read as the story's (the region's first run held it).
        let vids = ["Why the council wants to build a tram line along the river",
                    "Watch the mayor answer 20 questions from angry residents",
                    "What the new tram line would mean for the people of the old town",
                    "How other cities in the region paid for their own tram lines",
                    "See the first pictures of the trams the council wants to buy",
                    "Listen to the people who live next to the planned depot",
                    "The bridge that has to be rebuilt before the trams can cross",
                    "Shop owners on the high street fear the years of building work",
                    "The tram line's route through the park drawn on a map",
                    "Council leader explains the cost of the line in 3 minutes"]
        func page(_ list: String) -> String {
            menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n"
                + "City council approves new tram line after years of debate\n\nBy Jane Doe\n\n" + para1 + "\n\n"
                + list + "\n\n" + [para2, para3].joined(separator: "\n\n") + "\n\n" + more.joined(separator: "\n\n") + "\n\n"
                + ["About us", "Contact", "Privacy", "Terms", "Advertise", "Jobs", "Help", "Cookies"].map { "* " + $0 }.joined(separator: "\n") + "\n"
        }
        XCTAssertEqual(parse(page(vids.joined(separator: "\n\n"))).paragraphs.map(\.text), [para1, para2, para3] + more)
        // The same lines touching each other are the story's own list (a table of
        // teams, the points of an interview): they stay.
        let own = parse(page(vids.joined(separator: "\n"))).paragraphs.map(\.text)
        XCTAssertTrue(own.contains(vids[0]) || own.contains { $0.hasPrefix(vids[0]) }, "\(own)")
    }

    func testTheStorysOpeningAboveANewsletterBoxInsideTheStory() {
        // A newsletter box (and a "Related" label) inserted after the story's first
        // paragraphs: the longer rest under it outweighed the opening four times and
        // the region began under the box; the story's first paragraphs were lost.
        let opening = [para1, para2, para3]
        let dek = "The line to the hospital is to open in 2027, and the shops along the route are to get help with their rent."
        let rest = Array(TramStory.story) + more + [
            "The plan had been argued over in the chamber for most of the last decade, through two elections and three transport chiefs.",
            "Each of them had promised a decision within the year, and each had left office with the maps still rolled up in a cupboard.",
            "This time the vote came after a study that put the cost of doing nothing higher than the cost of the rails themselves.",
            "Traders in the old town, who had fought the first plan in the courts, said they would wait to see the timetable for the works.",
            "The opposition said it would not block the line but wanted an independent check of the figures before any contract is signed."]
        let header = "City council approves new tram line after years of debate\n\n\(dek)\n\nClose\n\n"
            + "By\nJane Doe\n@janedoe\nJohn Smith\n01 October 2020\n\n"
        let page: String = menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n" + header
            + opening.joined(separator: "\n\n") + "\n\nEssential news, delivered daily\n\nEmail\nSign up for our newsletter\n\n"
            + "Related\n\n" + rest.joined(separator: "\n\n") + "\n\n"
            + ["About us", "Contact", "Privacy", "Terms", "Advertise", "Jobs", "Help", "Cookies"].map { "* " + $0 }.joined(separator: "\n") + "\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [dek] + opening + rest)
        XCTAssertEqual(block("Essential news, delivered daily", in: blocks(page))?.rule,
                       "other: an insert between the story's opening and its rest (lines 30-35)")
    }

    func testTheStoryGoesOnUnderARelatedLinkUnderItsDatedHeader() {
        // Markdown: dated header, the story, "Related" over a heading that is one link
        // (html2text's teaser set into the story), the story's last paragraph, the
        // comment form. The dated header doubles the story's weight to pick its part;
        // the last paragraph had to reach a quarter of that doubled weight to join,
        // and was lost. It is measured against the parts' own weights now.
        let story = [para1, para2, para3] + more + TramStory.story.prefix(2)
        let last = "The council will publish the timetable for the works next month, and the first contracts are to be signed before the summer holidays begin, so that the digging along the river can start while the schools are closed and the roads are at their quietest."
        let page: String = menu.map { "* [\($0)](/\($0.lowercased()))" }.joined(separator: "\n") + "\n\n"
            + "City council approves new tram line after years of debate\n\n12 March 2021\n\n"
            + story.joined(separator: "\n\n") + "\n\nRelated\n\n# [\(heads[0])](/harbour)\n\n" + last + "\n\n"
            + "Leave a comment\n\nYour email address will not be published.\n\n"
            + ["About us", "Contact", "Privacy", "Terms", "Advertise", "Jobs", "Help", "Cookies"].map { "* [\($0)](/x)" }.joined(separator: "\n") + "\n"
        func markdown(_ text: String) -> Article {
            ArticleBuilder.build(source: "test.md", format: "text", url: nil, blocks: TextReader().blocks(from: text, markdown: true))
        }
        XCTAssertEqual(markdown(page).paragraphs.map(\.text), story + [last])
        // Without the date the story weighs as it is, and the paragraph joined already.
        XCTAssertEqual(markdown(page.replacingOccurrences(of: "12 March 2021\n\n", with: "")).paragraphs.map(\.text), story + [last])
    }

    /// Daily Mail's head: the headline, deks, byline and date, a toolbar, then the story.
    func toolbarPage(deks: String, toolbar: String, tail: String = "") -> String {
        menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n"
            + "City council approves new tram line after years of debate\n\n" + deks + "\n\n"
            + "By Jane Doe For The Evening Post\n\nPublished: 22:00 GMT, 26 September 2020\n\n" + toolbar + "\n\n"
            + TramStory.story.joined(separator: "\n\n") + "\n\n" + tail
            + ["About us", "Contact", "Privacy", "Terms", "Advertise", "Jobs", "Help", "Cookies"].map { "* " + $0 }.joined(separator: "\n") + "\n"
    }

    func testACommentsCountInTheHeadersShareBarIsALink() {
        // Summary bullets over the byline, the dates, then a share bar of short
        // lines ("845 shares" / "560" / "View" / "comments") and the story: the
        // label, eleven units under the date, opened the comments and the whole
        // story became comments.
        let all = Array(TramStory.story)
        let bullets = ["* The line will run from the station to the hospital along the river",
                       "* Shops along the route will get help with their rent during the works"]
        let a = parse(toolbarPage(deks: bullets.joined(separator: "\n"), toolbar: "*\n*\n*\n* e-mail\n*\n845 shares\n\n560\n\nView\ncomments"))
        XCTAssertEqual(a.paragraphs.map(\.text).suffix(all.count), all)
        XCTAssertEqual(a.comments.count, 0)
    }

    func testAShareBarUnderTheDatesIsNoStoryEnd() {
        // The same head without bullets (inscriptis without its markers): long deks
        // set apart, the byline, the date, then the share bar's lines ("e-mail",
        // "845 shares") and the comments link. Each share line ended the story
        // where it stood; the head, its date counting double, was the first part of
        // weight, and the story under "comments" was dropped as comments: the body
        // was one dek.
        let all = Array(TramStory.story)
        let deks = ["MPs are adding pressure to bolster protections for the new tram line as the council faces growing calls to slow down the works on the river road",
                    "A vote in the council chamber will soon show if the watchdogs are given the power to stop the works when the hospital road is closed too long"]
        let toolbar = "e-mail\n\n845 shares\n\n560\n\nView\ncomments"
        let a = parse(toolbarPage(deks: deks.joined(separator: "\n\n"), toolbar: toolbar))
        XCTAssertEqual(a.paragraphs.map(\.text).suffix(all.count), all)
        XCTAssertEqual(a.comments.count, 0)
        XCTAssertEqual(a.published, "2020-09-26")
        // A share bar under the story still ends it: the teasers after it stay out.
        let tail = (["Share this article", "", "e-mail", "", "845 shares", ""] + heads.flatMap { [$0, ""] }).joined(separator: "\n")
        let b = parse(toolbarPage(deks: deks.joined(separator: "\n\n"), toolbar: toolbar, tail: tail))
        XCTAssertEqual(b.paragraphs.map(\.text).suffix(all.count), all)
    }

    func testALoneRelatedLabelWhoseRuleHasAStarHeadsItsList() {
        // "Mehr zum Thema" (rule "mehr zum thema*", whose star takes "Mehr zum Thema:
        // X" lines) alone over a list of headlines, each set apart: the headlines
        // were furniture above the title, and one of them became the title.
        let items = ["Busspuren Geld vom Staat für alle Pendler? - Pro & Contra", "Straßenbahn Balsam für die Innenstadt",
                     "Experiment in Basel Die Tram im Test", "Bahnhofsplatz Neue Bäume für den Vorplatz"]
        let story = ["Der Stadtrat hat am Dienstag nach langer Debatte den Bau der neuen Straßenbahnlinie zum Krankenhaus beschlossen.",
                     "Die ersten Bahnen sollen im Frühjahr 2027 entlang des Flusses vom Bahnhof bis zum Krankenhaus fahren.",
                     "Anwohner an der Strecke sind nächste Woche zu einer Versammlung in der Bibliothek eingeladen worden."]
        let page: String = menu.map { "* " + $0 }.joined(separator: "\n") + "\n\nStadtrat beschließt neue Straßenbahnlinie\n\nVon Jana Schmidt\n\n"
            + "Mehr zum Thema\n\n" + items.joined(separator: "\n\n") + "\n\n" + story.joined(separator: "\n\n") + "\n\n"
            + ["Impressum", "Kontakt", "Datenschutz", "AGB", "Werbung", "Jobs", "Hilfe", "Cookies"].map { "* " + $0 }.joined(separator: "\n") + "\n"
        let bs = blocks(page)
        XCTAssertEqual(block(items[1], in: bs)?.rule, "related: item of the 'Mehr zum Thema' list above")
        XCTAssertEqual(parse(page).title, "Stadtrat beschließt neue Straßenbahnlinie")
        XCTAssertEqual(parse(page).paragraphs.map(\.text), story)
        // A line the star takes more than nothing of is an inline link, not a list's label.
        let inline = page.replacingOccurrences(of: "Mehr zum Thema\n\n", with: "Mehr zum Thema: Busse fahren seltener\n\n")
        XCTAssertNotEqual(block(items[1], in: blocks(inline))?.rule, "related: item of the 'Mehr zum Thema' list above")
    }
}

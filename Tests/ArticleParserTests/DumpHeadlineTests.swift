// Headlines on page dumps (docs/TEXT.md, "Headlines on page dumps"): the
// shapes the search window over the prose region did not take (a question, a
// short headline, a headline over its byline, a Markdown page's only "# "
// heading further down), and the look-alikes that stay out. Each test is one
// mechanism, on a made-up page.

import XCTest
import ArticleModel
@testable import ArticleParser

final class DumpHeadlineTests: XCTestCase {
    let head = TramStory.head
    let story = TramStory.story

    func dump(_ lines: [String]) -> String { TramStory.dump(lines) }

    func links(_ items: [String]) -> String { items.map { "* [\($0)](/\($0.lowercased()))" }.joined(separator: "\n") }

    func markdown(_ text: String) -> Article {
        ArticleBuilder.build(source: "test.md", format: "text", url: nil, blocks: TextReader().blocks(from: text, markdown: true))
    }

    func testAHeadlineThatAsks() {
        // Before: a line ending in "?" or "!" was no headline; the first line of the page was the title.
        for q in ["Will the new tram line be ready before the spring of 2027?", "The council says yes to the tram line at last!"] {
            let a = parse(dump([q, "By Jane Doe"] + story))
            XCTAssertEqual(a.title, q)
            XCTAssertEqual(a.author, "Jane Doe")
            XCTAssertEqual(a.paragraphs.map(\.text), story, q)
        }
        // Two sentences are no headline, and neither is a question in the story with no byline under it.
        let two = parse(dump(["The council voted. Will the trams run by 2027?", "By Jane Doe"] + story))
        XCTAssertNotEqual(two.title, "The council voted. Will the trams run by 2027?")
        let q = "When will the first trams run along the river?"
        XCTAssertNotEqual(parse(dump([q] + story)).title, q)
        XCTAssertEqual(parse(dump([head] + story[0...2] + [q] + story[3...])).title, head)
    }

    func testAHeadlineThatAsksUnderARubric() {
        // The story's region opens with the question, a one-word rubric right over
        // it: before, the rubric was the title and the question a heading.
        for q in ["Will the new tram line be ready before the spring of 2027?", "The council says yes to the tram line at last!"] {
            let a = parse(dump(["Transport", q] + story))
            XCTAssertEqual(a.title, q)
            XCTAssertEqual(a.paragraphs.map(\.text), story, q)
        }
        // A headline with its byline above the question: the question is the story's first heading.
        let q = "Will the new tram line be ready before the spring of 2027?"
        XCTAssertEqual(parse(dump([head, "By Jane Doe", "Transport", q] + story)).title, head)
        // A short line over a statement stays the title when it shares a word
        // with the story; a rubric that shares none is no title (a headline says
        // what its story is about).
        XCTAssertEqual(parse(dump(["Tram works"] + story)).title, "Tram works")
        XCTAssertNil(parse(dump(["Transport"] + story)).title)
    }

    func testARepeatedSearchPlaceholderOverAHeadlineWithItsBylineIsNoTitle() {
        // A search box's placeholder said twice (the desktop and the mobile header),
        // the second time above the story's head: it read as the document title over
        // the headline, and the story as "text after the article body". A headline
        // with its byline and date between the repeat and the story is the headline.
        let search = "Please enter a search term."
        let page = search + "\n\n" + TramStory.dump([search, "City Hall", head, "by: Jane Doe", "Posted: Nov 8, 2023 / 04:43 PM CST", "SHARE"] + story)
        let a = parse(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        // The document title repeated right over the story is still the title.
        let doc = head + "\n\n" + TramStory.dump([head, "By Jane Doe"] + story)
        XCTAssertEqual(block(head, in: blocks(doc))?.label, .title)
        XCTAssertEqual(parse(doc).paragraphs.map(\.text), story)
    }

    func testAShortHeadlineRightOverTheStory() {
        // One to three words, nothing headline-shaped near: before, the title was the menu's first entry.
        let a = parse(dump(["Tram line approved"] + story))
        XCTAssertEqual(a.title, "Tram line approved")
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        // Not a name (a byline's) and not a label.
        XCTAssertNotEqual(parse(dump(["Jane Doe"] + story)).title, "Jane Doe")
        XCTAssertNotEqual(parse(dump(["Read more:"] + story)).title, "Read more:")
    }

    func testAHeadlineOverThePhotosCaption() {
        // Headline / date / the lead photo's caption with its credit / the story: the
        // caption, right over the story, was the title.
        for caption in ["Fewer cars, more room to live! Photo: Jane Roe on Unsplash",
                        "Fotocredit: Jane Roe © 2021 City Transport",
                        "The depot by the river © City Transport / Jane Roe"] {
            let p = dump(["3 August 2015", head, caption] + story)
            XCTAssertEqual(parse(p).title, head, caption)
            XCTAssertEqual(parse(p).paragraphs.map(\.text), story, caption)
            XCTAssertEqual(block(head, in: blocks(p))?.rule, "title: headline over the photo's caption or credit (line 14)", caption)
        }
        // A headline-shaped line is no caption without a credit.
        XCTAssertEqual(parse(dump(["3 August 2015", head] + story)).title, head)
    }

    func testACaptionWithNoHeadlineOverItIsNoTitle() {
        // The lead photo's caption with its credit right over the story, and no
        // headline-shaped line within reach over it (a short headline, its date
        // and a lead paragraph): no title rather than the caption.
        let lead = "The council met for six hours on Tuesday before the vote on the tram line was taken at last."
        for caption in ["The depot by the river, Photo: City Transport",
                        "The depot by the river. © City Transport / Jane Roe"] {
            let p = dump(["Tram line approved", "6 November 2023", lead, caption] + story)
            XCTAssertNil(parse(p).title, caption)
            XCTAssertEqual(parse(p).paragraphs.map(\.text), story, caption)
            XCTAssertEqual(block(caption, in: blocks(p))?.rule,
                           "caption: a photo's caption or credit taken for the headline, with no headline over it; no title", caption)
        }
        // BBC's "Media caption" label marks a caption (rules data): it is never
        // the headline, and the search goes on to the one over its date.
        let media = "Media caption Drone footage shows the depot by the river"
        let bbc = dump(["Tram line approved", "6 November 2023", lead, media] + story)
        XCTAssertEqual(block(media, in: blocks(bbc))?.label, .boilerplate("caption"))
        XCTAssertEqual(parse(bbc).title, "Tram line approved")
        // html2text glues the label to the caption ("Media captionDrone footage ..."): still a caption.
        let glued = "Media captionDrone footage shows the depot by the river"
        XCTAssertEqual(block(glued, in: blocks(dump(["Tram line approved", "6 November 2023", lead, glued] + story)))?.label,
                       .boilerplate("caption"))
    }

    func testALineStandingFiveTimesOnThePageIsNoTitle() {
        // A teaser list's recurring line ("Plan your tram journey" under each
        // teaser) right over the story's date: the search took it. A headline
        // stands on its page a few times at most; five times is a label.
        let label = "Plan your tram journey"
        let teasers = ["Bus lanes to close in June", "New bridge opens to cyclists",
                       "Station car park to be rebuilt", "Night buses return to the river line"]
        let page = dump([label, "6 November 2023"] + story + teasers.flatMap { [$0, label] })
        XCTAssertNil(parse(page).title)
        XCTAssertEqual(parse(page).paragraphs.map(\.text), story)
        XCTAssertEqual(block(label, in: blocks(page))?.rule,
                       "other: the line taken for the headline stands 5 times on the page (a button's or a list's label); no title")
        // Four times (the document title, the headline, a breadcrumb, a share text) it stays.
        let four = dump([label, "6 November 2023"] + story + teasers.dropLast().flatMap { [$0, label] })
        XCTAssertEqual(parse(four).title, label)
    }

    func testAHeadlineOverItsDateLine() {
        // "Headline" / "DATE · Filed under ...": the line over the story's date is its headline.
        let a = parse(dump(["Tram line approved", "3. August 2015 · Filed under Verkehr"] + story))
        XCTAssertEqual(a.title, "Tram line approved")
        XCTAssertEqual(a.published, "2015-08-03")
        XCTAssertEqual(a.paragraphs.map(\.text), story)
    }

    func testADatedMetaLineIsNoHeadline() {
        // "Headline" / "27.01.2020 Soziales & Gesundheit" / the story: the meta
        // line nearest the story, a date opening or closing it, was the title.
        for meta in ["27.01.2020 Verkehr & Umwelt Startseite", "Jane Doe Zuletzt geändert am 06.11.2023",
                     "September 15, 2020 by Jane Doe Post a Comment"] {
            for sep in ["\n", "\n\n"] {
                let a = parse(TramStory.menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n"
                              + ([head, meta] + story).joined(separator: sep) + "\n")
                XCTAssertEqual(a.title, head, meta)
                XCTAssertEqual(a.paragraphs.map(\.text), story, meta)
            }
        }
        // A headline that names a date inside it is still a headline.
        let dated = "Tram report of 22.04.2020: what is the council waiting for"
        XCTAssertEqual(parse(dump([dated] + story)).title, dated)
    }

    func testAMenuItemIsNoTitleWhenALineThatIsNoListItemFollows() {
        // No headline-shaped line near the story, a list item under the first line
        // that is no list item: the page's first unit, the menu's "* Home", was the
        // title. The first line that is no list item is, when it is no sentence.
        let page = dump(["Tram line works", "", "* Results", ""] + story)
        let a = parse(page)
        XCTAssertEqual(a.title, "Tram line works")
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block("* Home", in: blocks(page))?.label, .boilerplate("nav"))
        // A sentence there is the text's start, not a headline; a bare name is a byline's.
        XCTAssertNotEqual(parse(dump([story[0], "", "* Results", ""] + story.dropFirst())).title, story[0])
        XCTAssertNotEqual(parse(dump(["Jane Doe", "", "* Results", ""] + story)).title, "Jane Doe")
    }

    func testAHeadlineUnderTheSitesName() {
        // A page that is no dump opens with the site's name and its menu: the
        // headline is the line over the story's byline or date, or the line
        // between that date and the first paragraph. Before, the site's name was the title.
        let site = ["City Times", "", "Home", "News", "Sport", ""]
        let paras = story.flatMap { [$0, ""] }
        for (lines, date) in [(["Tram line approved by the council", "", "Veröffentlicht am 6. November 2023 von Jane Doe", ""], "2023-11-06"),
                              (["6. November 2023", "", "Tram line approved by the council", ""], "2023-11-06")] {
            let a = parse((site + lines + paras).joined(separator: "\n"))
            XCTAssertEqual(a.title, "Tram line approved by the council", lines[0])
            XCTAssertEqual(a.published, date, lines[0])
            XCTAssertEqual(a.paragraphs.map(\.text), story, lines[0])
        }
        // A first line with the date right under it is the story's own headline:
        // a subheading under that date stays a heading.
        let own = parse((["Tram line approved by the council", "", "6. November 2023", "", "The vote", ""] + paras).joined(separator: "\n"))
        XCTAssertEqual(own.title, "Tram line approved by the council")
        // No date or byline in the head: the story opens with a heading under the
        // site's furniture, and that heading is the headline (before: "City Times").
        let bare = parse((site + ["Tram line approved by the council", ""] + paras).joined(separator: "\n"))
        XCTAssertEqual(bare.title, "Tram line approved by the council")
        XCTAssertEqual(bare.paragraphs.map(\.text), story)
        XCTAssertEqual(bare.sections.map(\.heading), [nil])
    }

    func testARubricOverTheHeadlineAndItsByline() {
        // "Nachruf" / "Elder: Aus dem Ghetto nach Augusta" / date: a first line of one
        // to three words over a headline-shaped line and the story's byline or date is
        // a rubric. Before, the byline or date within three units kept the rubric as
        // the title.
        for meta in ["By John Smith", "3 November 2023"] {
            let a = parse((["Obituary", "", "Jane Doe, who led the tram campaign, dies at 90", "", meta, ""] + story.flatMap { [$0, ""] }).joined(separator: "\n"))
            XCTAssertEqual(a.title, "Jane Doe, who led the tram campaign, dies at 90", meta)
            XCTAssertEqual(a.paragraphs.map(\.text), story, meta)
            XCTAssertEqual(a.boilerplate.map(\.text), ["Obituary"], meta)
        }
        // A first line shaped like a headline keeps its own byline: the line under it is its dek.
        let own = parse((["Tram line approved by the council", "", "Jane Doe, who led the tram campaign, welcomes it", "", "By John Smith", ""] + story.flatMap { [$0, ""] }).joined(separator: "\n"))
        XCTAssertEqual(own.title, "Tram line approved by the council")
    }

    func testTheHeadingTheStoryOpensWithUnderTheSitesFurniture() {
        // "Strangemachines" / "Challenges" / "Articles" / "Contact" / "Performant Python" /
        // the story: no headline near the story, so the title fell back to the page's
        // first line (the site's name), and the story opened with a section heading.
        let page = ["Strangemachines", "", "Challenges", "Articles", "Contact", "", "Performant Python", ""] + story.flatMap { [$0, ""] }
        let a = parse(page.joined(separator: "\n"))
        XCTAssertEqual(a.title, "Performant Python")
        XCTAssertEqual(a.sections.map(\.heading), [nil])
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertTrue(a.boilerplate.map(\.text).contains("Strangemachines"))
        // Not a line of icons, nor a sentence: the first line stays.
        for h in ["\u{E002}\u{E003}", "Read what we found."] {
            var p = page
            p[6] = h
            XCTAssertEqual(parse(p.joined(separator: "\n")).title, "Strangemachines", h)
        }
        // A first line shaped like a headline is the story's: its first section's heading stays.
        var titled = page
        titled[0] = "Why Python programs run slowly"
        let t = parse(titled.joined(separator: "\n"))
        XCTAssertEqual(t.title, "Why Python programs run slowly")
        XCTAssertEqual(t.sections.map(\.heading), ["Performant Python"])
    }

    func testAHeadlineRepeatedUnderAOneParagraphStoryIsNoDocumentTitle() {
        // A one-paragraph story (a radio piece's summary), its byline, then the
        // headline again over the piece's dates, the site's menu and a blurb in the
        // footer: the repeat was taken for the headline's restart under a document
        // title (the blurb far down was "the article after it"), and the story
        // above it became site furniture: an empty body.
        let summary = "Every year 24 billion tonnes of fertile soil are lost, and in the forests of Guinea the elephants feel it first, the villagers say."
        let footer = "Our broadcasts reach millions of listeners in Africa every day, on the radio, on the web and on their phones, in six languages."
        let lines = [head, summary, "Author: Jane Doe", "Audio and video on the topic", head, "* Date 23.05.2011", "* Print this page"]
            + TramStory.menu.map { "* " + $0 } + [footer]
        let a = parse(dump(lines))
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), [summary])
        XCTAssertEqual(a.author, "Jane Doe")
    }

    func testAOneLinePostIsNoHeadline() {
        // A blog post of one short line (and two shorter replies) under its headline
        // and date, then the share bar, the comment form and the sidebar: the line
        // was the prose region, the headline search took it for the headline, and
        // the body was empty.
        let post = "„I know I am drunk and maybe should not say this…“"
        let lines = ["Gnaur", "Nothing to do is also a thing to do", "14. Juni 2013 at 20:51 (Spezifisch)", post, "– „Then do not say it“", "– „Ok.“",
                     "Share this:", "Twitter", "Facebook", "Like this:", "Like Loading…", "Related", "Leave a Reply",
                     "Enter your comment here...", "Fill in your details below or click an icon to log in:", "Email (Address never made public)", "Name", "Website"]
            + ["WordPress.com", "Google", "Twitter", "Facebook"].map { "You are commenting using your \($0) account. ( Log Out / Change )" }
            + ["Cancel", "Connecting to %s", "Notify me of new comments via email.", "Notify me of new posts via email.",
               "Categories", "Specific", "English", "Favourites", "Unspecific", "Film", "Author", "Super-Ego", "Meta", "Register", "Log in",
               "Entries feed", "Comments feed", "WordPress.com", "Twitter",
               "At the start of the action film they should all just shoot each other and be done with it, it would save us two hours.",
               "The tram was late again this morning, and again nobody told us why, which is the part that annoys me most of all.", "Archive"]
        // (inscriptis sets the head's blocks apart with blank lines.)
        let a = parse(lines.enumerated().map { "      " + $1 + ($0 < 7 ? "\n" : "") }.joined(separator: "\n") + "\n")
        XCTAssertEqual(a.title, "Nothing to do is also a thing to do")
        XCTAssertEqual(a.paragraphs.map(\.text), [post])
        XCTAssertEqual(a.published, "2013-06-14")
    }

    func testNoHeadlineAndAMenusFirstLineGiveNoTitle() {
        // A dump with no headline near the story, whose first line is a menu's
        // ("Subscriptions" over "Login", "Search", ...): the title fell back to that
        // line, a wrong answer nobody sees. No title now, and --explain says why.
        let menu = ["Subscriptions", "Login", "Search", "Newsletter", "Contact", "Imprint", "Jobs", "Archive", "Podcasts", "Weather"]
        let page = menu.joined(separator: "\n") + "\n\n" + story.joined(separator: "\n\n") + "\n\n" + TramStory.foot.joined(separator: "\n") + "\n"
        let a = parse(page)
        XCTAssertNil(a.title)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block("Subscriptions", in: blocks(page))?.rule, "nav: the page's first line, link-like; no headline found, so no title")
        // A first line that is no menu's stays the title (a text file's headline).
        XCTAssertEqual(parse("Tram line approved\n\n" + story.joined(separator: "\n\n") + "\n").title, "Tram line approved")
    }

    func testALongLineWithNoBylineOrDateBesideItIsNoTitle() {
        // The search took a sentence over the story (a browser notice, a teaser's
        // or a caption's sentence): fifteen words or more, and no byline or date
        // within three units over it or four under it.
        let notice = "Achtung: Bitte aktualisiere deinen Browser, wenn du mit diesem Browser fortfährst, könnte die Seite nicht richtig funktionieren"
        let page = dump([notice] + story)
        XCTAssertNil(parse(page).title)
        XCTAssertEqual(parse(page).paragraphs.map(\.text), story)
        XCTAssertEqual(block(notice, in: blocks(page))?.rule,
                       "other: the line taken for the headline has 17 words and no byline or date beside it (a sentence, not a headline); no title")
        // A long headline with its date under it stays; so does one of fourteen words.
        let long = "Council approves the new tram line to the hospital after years of debate over its cost and its route"
        XCTAssertEqual(parse(dump([long, "6 November 2023"] + story)).title, long)
        let fourteen = "Council approves the tram line to the hospital after years of debate over cost"
        XCTAssertEqual(parse(dump([fourteen] + story)).title, fourteen)
    }

    func testAFirstLineOverAShortLineWithNoBlankBetweenGivesNoTitle() {
        // No headline found and too few menu lines for a dump's region: the title
        // fell back to the first line, the first of a block of short lines
        // ("Suche" / "Fotostream" / "Anmelden"; "Themen Newsletter ... Shop" / "Abo Suche").
        let body = story.joined(separator: "\n\n") + "\n"
        for first in [["Suche", "Fotostream", "Anmelden"], ["Themen Newsletter Stellenmarkt Heftarchiv Hilfe Shop", "Abo Suche"]] {
            let page = first.joined(separator: "\n") + "\n\n" + body
            XCTAssertNil(parse(page).title, "\(first)")
            XCTAssertEqual(parse(page).paragraphs.map(\.text), story, "\(first)")
            XCTAssertEqual(block(first[0], in: blocks(page))?.rule,
                           "nav: the page's first line, over a short line with no blank line between (a menu's); no headline found, so no title")
        }
        // A headline with its byline or date right under it stays, and so does
        // the first line of a page with no blank lines at all (WET: every line touches).
        XCTAssertEqual(parse("Tram line approved\nBy Jane Doe\n\n" + body).title, "Tram line approved")
        XCTAssertEqual(parse("Tram line approved\n6 November 2023\n\n" + body).title, "Tram line approved")
        XCTAssertEqual(parse("Tram line approved\nTransport | Blog\n" + story.joined(separator: "\n") + "\n").title, "Tram line approved")
    }

    func testAHeadlineFarAboveTheStoryWithoutItsBylineGivesNoTitle() {
        // The search's line stands over a second menu, eleven units above the story,
        // with no byline or date under it: a teaser's or a sidebar's line far more
        // often than the story's headline. No title; with its date under it, the
        // same line is the headline.
        let more = ["Opinion", "Letters", "Puzzles", "Obituaries", "Property", "Motors", "Dating", "Offers", "Events", "Shop"].map { "* " + $0 }
        let line = "Trams return to the market square for the winter festival"
        let a = parse(dump([line, ""] + more + [""] + story.flatMap { [$0, ""] }))
        XCTAssertNil(a.title)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        let dated = parse(dump([line, "3 November 2023", ""] + more + [""] + story.flatMap { [$0, ""] }))
        XCTAssertEqual(dated.title, line)
        // Markdown marks its headlines: the "# " heading stays the title.
        XCTAssertEqual(markdown(dump(["# " + line, ""] + more + [""] + story.flatMap { [$0, ""] })).title, line)
    }

    func testATitleThatSharesNoWordWithTheStory() {
        // The search took the search box's line with the site's date under it
        // over the headline (a line with a date under it wins): a title that
        // shares no word with its story is a widget's, not the headline. The
        // first headline-shaped line under it that does share one is the title.
        let ask = "What would you like to look for?"
        let page = dump([ask, "6 November 2023", head] + story)
        let a = parse(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block(ask, in: blocks(page))?.rule, "other: shares no word with the story; the headline is line 14")
        // With no such line under it: no title rather than the widget's line.
        let none = dump([ask, "6 November 2023"] + story)
        XCTAssertNil(parse(none).title)
        XCTAssertEqual(parse(none).paragraphs.map(\.text), story)
        XCTAssertEqual(block(ask, in: blocks(none))?.rule, "other: the line taken for the headline shares no word with the story; no title")
        // Words are compared on their first five letters: "Tramways" meets "trams".
        let inflected = "Tramways for everybody, say councillors"
        XCTAssertEqual(parse(dump([inflected, "6 November 2023"] + story)).title, inflected)
        // A Markdown "# " heading is marked as the headline: it stays.
        XCTAssertEqual(markdown(dump(["# " + ask, "6 November 2023"] + story)).title, ask)
        // Letters past ASCII are lowercased too: "ÜBERLASTETE" is the story's "überlasteten".
        let german = ["Der Stadtrat hat am Dienstag nach langer Debatte den Bau der neuen Straßenbahnlinie zum Krankenhaus beschlossen.",
                      "Die ersten Bahnen sollen im Frühjahr 2027 entlang des Flusses vom Bahnhof bis zum Krankenhaus fahren.",
                      "Die überlasteten Mediziner der Klinik hatten die Linie seit Jahren gefordert, sagte eine Sprecherin am Mittwoch."]
        let caps = "ÜBERLASTETE ÄRZTE SIND ZUFRIEDEN"
        XCTAssertEqual(parse(dump([caps, "6. November 2023"] + german)).title, caps)
        let other = german.map { $0.replacingOccurrences(of: "überlasteten", with: "erschöpften") }
        XCTAssertNil(parse(dump([caps, "6. November 2023"] + other)).title)
    }

    func testAHeadlineOverItsStandfirst() {
        // Headline, standfirst (no sentence end), byline: the search takes the
        // standfirst, the line with the byline under it. The headline over it says
        // as large a share of its words in the story, so it is the title; the
        // standfirst stays out of the body, as it was as the title.
        let dek = "Hospital link to open with a cost below the bus lanes"
        let page = dump([head, dek, "By Jane Smith", "6 November 2023"] + story)
        let a = parse(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.author, "Jane Smith")
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block(dek, in: blocks(page))?.label, .boilerplate("standfirst"))
        XCTAssertEqual(block(head, in: blocks(page))?.rule,
                       "title: the headline-shaped line right over the line taken for the headline (13), saying as large a share of its words in the story")
        // A site's tagline over the headline says less of the story: the headline stays.
        let tagline = "Your trusted source for council news and opinion"
        let tagged = parse(dump([tagline, head, "By Jane Smith", "6 November 2023"] + story))
        XCTAssertEqual(tagged.title, head)
        // A breadcrumb run into the headline ends with it: the headline stays.
        let crumbs = "Trams › " + head
        XCTAssertEqual(parse(dump([crumbs, head, "By Jane Smith", "6 November 2023"] + story)).title, head)
        // Markdown marks its headlines: a "# " heading under a line stays the title.
        XCTAssertEqual(markdown(dump([head, "# " + dek, "By Jane Smith", "6 November 2023"] + story)).title, dek)
    }

    func testTheOnlyTopHeadingOfAMarkdownPage() {
        // html2text writes the page's <h1> as "# ": the only one is the headline, even
        // inside the prose region (a teaser's prose above it started the region).
        let teaser = "Our newsletter brings the week's stories from the city council to your inbox every Friday morning."
        let page = links(TramStory.menu) + "\n\n" + teaser + "\n\n6. November 2023\n\n# " + head + "\n\n"
            + story.joined(separator: "\n\n") + "\n\n" + links(TramStory.foot) + "\n"
        let a = markdown(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        // A "# " heading that is a link is the site's logo, not the headline (here
        // 50 menu entries down, where only the short headline is near the story).
        let menu = (0..<5).flatMap { k in TramStory.menu.map { "\($0) \(k)" } }
        let logo = "# [City Times](https://example.org/)\n\n" + links(menu) + "\n\nTram line approved\n\n"
            + story.joined(separator: "\n\n") + "\n\n" + links(TramStory.foot) + "\n"
        XCTAssertEqual(markdown(logo).title, "Tram line approved")
    }
}

// Bylines on page dumps (docs/TEXT.md, "Bylines on page dumps"): the writer's
// name where real dumps put it, beside the date on one line, under a label of
// its own, or under a lead paragraph; and the shapes that look alike but name
// no writer. Each test is one mechanism, on a made-up page.

import XCTest
import ArticleModel
@testable import ArticleParser

final class DumpBylineTests: XCTestCase {
    let head = TramStory.head
    let story = TramStory.story

    func dump(_ lines: [String]) -> String { TramStory.dump(lines) }

    func testADatelineWithABylineInAnyLanguageTheRulesKnow() {
        // Before: only " by " split such a line; the rest stayed one line of the
        // header, no author and no date.
        for (line, author, date) in [
            ("Veröffentlicht am 3. Mai 2019 von Heiko Berger", "Heiko Berger", "2019-05-03"),
            ("Dezember 26, 2019 von Andrea Weber | Kategorien: Allgemein", "Andrea Weber", "2019-12-26"),
            ("12 avril 2023 par Jeanne Martin", "Jeanne Martin", "2023-04-12"),
            ("Geschrieben von Tom Krause am 25.08.2015", "Tom Krause", "2015-08-25"),
            ("Von: Björn Jahner | 31.10.2023", "Björn Jahner", "2023-10-31"),
            // (a bar and a time after it: the fields are in the line's first part)
            ("by Jane Doe November 8, 2023 | 6:03 pm", "Jane Doe", "2023-11-08"),
        ] {
            let a = parse(dump([head, line] + story))
            XCTAssertEqual(a.author, author, line)
            XCTAssertEqual(a.published, date, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
    }

    func testALabelBeforeTheByWord() {
        // "Ein Artikel von X", WordPress's "Post author By X", "Autor X", a forum's
        // "Thread starter X": before, no rule read them; the line was the headline
        // when the date stood under it.
        for (line, author) in [("Ein Artikel von Pamela Sladky", "Pamela Sladky"), ("Post author By Helge Fahrnberger", "Helge Fahrnberger"),
                               ("Artikel von Alexa Heyden", "Alexa Heyden"), ("A guest post by Jane Doe", "Jane Doe"),
                               ("Eine Kolumne von Nils Pickert", "Nils Pickert"), ("Autor Mark Newton:", "Mark Newton"),
                               ("Thread starter Tiberius", "Tiberius")] {
            let a = parse(dump([head, line, "6. November 2023"] + story))
            XCTAssertEqual(a.title, head, line)
            XCTAssertEqual(a.author, author, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
        // A sentence that starts so is text: its name does not check out.
        let sentence = "Ein Artikel von Jane Doe erschien zuerst im Stadtblatt, das die Pläne am Montag veröffentlichte."
        let a = parse(dump([head, "6. November 2023"] + story[0...1] + [sentence] + story[2...]))
        XCTAssertNil(a.author)
        XCTAssertEqual(a.paragraphs.map(\.text), Array(story[0...1]) + [sentence] + story[2...])
    }

    func testAPostFootersByline() {
        // A blog's post footer right under the story: before, the prose region
        // ended above it and the line was "outside the main prose region".
        for (line, author) in [("Posted by Jane Doe at 2:33 PM", "Jane Doe"), ("Publicado por Alberto González", "Alberto González"),
                               ("Eingestellt von Anna Berger um 10:52", "Anna Berger")] {
            let a = parse(dump([head] + story + [line, "Newer Post Older Post Home"]))
            XCTAssertEqual(a.author, author, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
        // The head's byline wins; a weekday is no name ("Di Dienstag": opening hours, not Italian "di").
        XCTAssertEqual(parse(dump([head, "By John Roe"] + story + ["Posted by Jane Doe at 2:33 PM"])).author, "John Roe")
        XCTAssertNil(parse(dump([head] + story + ["Di Dienstag 14.30 - 16.00 Uhr"])).author)
    }

    func testANameEndsAtItsDateOrTheNextFieldsLabel() {
        // Before: "Cooper am" (the connector kept), no author at all where the next
        // field's label ran into the name, and no date where the name ran into it.
        for (line, author, date) in [
            ("Geschrieben von Tom Krause am 25.08.2015 22:30 ( 1599 x gelesen )", "Tom Krause", nil),
            ("Dezember 26, 2019 von Andrea Weber Kategorien: Allgemein | Hinterlasse einen Kommentar", "Andrea Weber", "2019-12-26"),
            ("von Tilman Weber 10.12.2022 07:00 | Druckvorschau", "Tilman Weber", "2022-12-10"),
        ] as [(String, String, String?)] {
            let a = parse(dump([head, line] + story))
            XCTAssertEqual(a.author, author, line)
            if let date { XCTAssertEqual(a.published, date, line) }
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
    }

    func testAShortWeekdayAfterTheDateLabel() {
        // "Veröffentlicht am Fr, 24. Januar 2020": "Fr" was no date word, so the line was
        // neither a date nor a byline (and became the title).
        let a = parse(dump([head, "Veröffentlicht am Fr, 24. Januar 2020 von Anna Berger"] + story))
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.published, "2020-01-24")
        XCTAssertEqual(a.author, "Anna Berger")
    }

    func testABareNameBeforeAPhraseTheRulesKnow() {
        // A comment prompt after the name sets it apart as a separator does.
        for line in ["26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar", "September 26, 2019 Ulrike Stockhausen Leave a comment"] {
            let a = parse(dump([head, line] + story))
            XCTAssertEqual(a.author, "Ulrike Stockhausen", line)
            XCTAssertEqual(a.published, "2019-09-26", line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
    }

    func testANameAloneOverOrUnderTheDateLine() {
        // Before: the name was "other: short line in the header" and the page had no author.
        for lines in [["Amelie Siekmann", "04. Dezember 2022"], ["January 10, 2020 9:00AM (UTC)", "Nathanael Johnson"]] {
            let p = dump([head] + lines + story)
            let a = parse(p)
            XCTAssertEqual(a.author, lines.first { !$0.contains("20") }, "\(lines)")
            XCTAssertNotNil(a.published, "\(lines)")
            XCTAssertEqual(a.paragraphs.map(\.text), story, "\(lines)")
        }
        XCTAssertEqual(block("Amelie Siekmann", in: blocks(dump([head, "Amelie Siekmann", "04. Dezember 2022"] + story)))?.rule,
                       "byline: a name alone over or under the date line")
        // A rubric said twice, a word with an acronym in it, a line away from the date: no author.
        for lines in [["Open Future", "Open Future", "Jun 18th 2018"], ["Neue DJV-Online-Seminare", "3. Februar 2022"],
                      ["Amelie Siekmann", "Politik und Wirtschaft im Land", "04. Dezember 2022"]] {
            XCTAssertNil(parse(dump([head] + lines + story)).author, "\(lines)")
        }
    }

    func testANameInTheDateLinesBlock() {
        // Before: a name two or three lines over the date (a role and a handle
        // between) or under it past a comma was "meta: line in the block of the
        // byline or date", and a name with a particle no bare name: no author.
        for (lines, author) in [(["Andrew Woodcock", "Political Editor", "@andywoodcock", "Monday 28 September 2020 19:27"], "Andrew Woodcock"),
                                (["Dienstag, 01. Februar 2022 12:10", "Politik", "Jil Schuller"], "Jil Schuller"),
                                (["Christoph von Eichhorn", "Aktualisiert: 11.04.2020, 10:27"], "Christoph von Eichhorn")] {
            let a = parse(dump([head] + lines + story))
            XCTAssertEqual(a.author, author, "\(lines)")
            XCTAssertEqual(a.paragraphs.map(\.text), story, "\(lines)")
        }
        // The topmost name of the block: the writer over the desk under it.
        XCTAssertEqual(parse(dump([head, "André Borbe", "Redaktion Haus", "25.01.2022 14:47 Uhr"] + story)).author, "André Borbe")
        // A line of four words or more between (a headline), a block apart, a
        // rubric said twice, an article between capitals: no author. (The name
        // a block apart has no given name first: alone under the headline, one
        // that has is read by its own rule, testANameAloneInTheStorysHeadWithAGivenName.)
        for lines in [["12. November 2015 / 13:48", "3 verrückte Orte in Berlin", "Zum Video"],
                      ["Quarlesz Doe", "", "@qdoe", "Monday 28 September 2020 19:27"],
                      ["Open Future", "Open Future", "Politics", "Jun 18th 2018"],
                      ["Tag der Arbeit", "Politics", "Jun 18th 2018"]] {
            XCTAssertNil(parse(dump([head] + lines + story)).author, "\(lines)")
        }
    }

    func testABylineAsAnItemOfTheHeadersMetaList() {
        // inscriptis and WET keep a header's meta list as bullets: before, the
        // rules never saw "von Christoph Schulz" behind its "* " and the page had no author.
        for (line, author) in [("* von Christoph Schulz", "Christoph Schulz"), ("  * Post author By Helge Fahrnberger", "Helge Fahrnberger"),
                               ("• Por Rodolfo Costa", "Rodolfo Costa")] {
            let a = parse(dump([head, line, "* 12. März 2021"] + story))
            XCTAssertEqual(a.author, author, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
        // The label alone on its item, the name on the next ("* Von" / "* Claus Boelen-Theile").
        XCTAssertEqual(parse(dump([head, "* Von", "", "* Claus Boelen-Theile", "* 19.10.19, 08:00 Uhr"] + story)).author, "Claus Boelen-Theile")
        // A menu's "By ..." entries name no one: one word, or a function word among them.
        for line in ["* By Invitation", "* By Method", "* par LES TEMPS QUI COURENT"] {
            XCTAssertNil(parse(dump([head, line, "* 12. März 2021"] + story)).author, line)
        }
        // Under the story a bulleted byline is a teaser card's, not the story's.
        let cards = ["Harbour workers vote to end the strike", "* By Staff Writer", "",
                     "School meals to get cheaper from April", "* By Staff Writer"]
        XCTAssertNil(parse(dump([head] + story + [""] + cards)).author)
    }

    func testABylineAFewUnitsIntoTheRegionUnderTheLead() {
        // The dek, a quote set as a heading and a second paragraph over "Por Jane
        // Doe" and the date: before, a byline that far under the first paragraph
        // was a body line and the page had no author.
        let lead = "The city's tram line is back on the table after twenty years of debate and three failed votes in the council."
        let quote = "\"We have waited long enough for this line\""
        let more = "The vote on Tuesday was the first since the council's plans were redrawn last spring after the consultation."
        func page(_ by: String) -> String { dump([head, "", lead, "", quote, "", more, "", by, "4 de mayo de 2022 - 00:38", ""] + story.flatMap { [$0, ""] }) }
        let a = parse(page("Por Jane Doe"))
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.published, "2022-05-04")
        XCTAssertEqual(block("Por Jane Doe", in: blocks(page("Por Jane Doe")))?.label, .byline)
        // A paragraph that opens with the byline is the story's ("By Jane Doe: The council ...").
        let opens = "By Jane Doe: The council cannot ignore the cost of the line any longer, its auditors said in a report on Monday."
        XCTAssertNil(parse(page(opens)).author)
        XCTAssertTrue(parse(page(opens)).paragraphs.map(\.text).contains(opens))
    }

    func testANameBeforeTheDateOnItsLine() {
        // Before: the line was "other: short line in the header", no author and no date.
        for (line, author, date) in [("Tanja Karrasch - 3.11.2023", "Tanja Karrasch", "2023-11-03"),
                                     ("Julia Steinhoff / Oktober 25 2023", "Julia Steinhoff", "2023-10-25")] {
            let p = dump([head, line] + story)
            let a = parse(p)
            XCTAssertEqual(a.author, author, line)
            XCTAssertEqual(a.published, date, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
            // Two blocks of the one line: the byline, then the date.
            let bs = blocks(p).filter { $0.line == 13 }
            XCTAssertEqual(bs.map(\.label), [.byline, .date], line)
            XCTAssertEqual(bs.first?.rule, "byline: a name before the date on its line")
        }
        // Not set apart (a rubric as often as a name: "Aktuelle Meldung"), or not in the
        // story's head: no author.
        XCTAssertNil(parse(dump([head, "Aktuelle Meldung 21.01.2022"] + story)).author)
        XCTAssertNil(parse(dump([head] + story + ["Tanja Karrasch - 3.11.2023"])).author)
    }

    func testALabelsColonSetApartFromIt() {
        // "Von : Adrian Padeanu" under the date (French typography sets the colon
        // apart): the "von *" rule took ": Adrian Padeanu", which was no name, so
        // the line was meta and the story had no author.
        for (line, author) in [("Von : Adrian Padeanu", "Adrian Padeanu"), ("Par : Jean Dupont", "Jean Dupont")] {
            let p = dump([head, "3. November 2021 um 15:18 Uhr", line] + story)
            XCTAssertEqual(parse(p).author, author, line)
            XCTAssertEqual(parse(p).authors, [author], line)
            XCTAssertEqual(block(line, in: blocks(p))?.label, .byline, line)
        }
    }

    func testTheRestOfABarCutLineStaysInTheModel() {
        // "by X DATE | 6:03 pm": the byline and date come from the first part; the
        // rest is meta (before this, the split dropped it from the model).
        let a = parse(dump([head, "by Jane Doe November 8, 2023 | 6:03 pm | Druckvorschau"] + story))
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertTrue(a.boilerplate.contains { $0.kind == "meta" && $0.text == "6:03 pm | Druckvorschau" },
                      "\(a.boilerplate.map(\.text))")
    }

    func testABareNameSetApartBesideTheDate() {
        for (line, author) in [("30. Oktober 2023 - Carola Pönisch", "Carola Pönisch"),
                               ("September 17, 2019 Helmut Rubik 0", "Helmut Rubik")] {
            let p = dump([head, line] + story)
            let a = parse(p)
            XCTAssertEqual(a.author, author, line)
            XCTAssertNotNil(a.published, line)
            XCTAssertEqual(block(author, in: blocks(p))?.rule, "byline: a name set apart beside the date on its line")
        }
        // Not set apart (a rubric as often as a name), not name words, or not in the story's head: no author.
        for line in ["21.01.2022 Aktuelle Meldung", "18.02.2022, 10:27 | Recht & Gesetz", "01. November 2021 | Naturschutz, BUND"] {
            let a = parse(dump([head, line] + story))
            XCTAssertNil(a.author, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
        let far = dump([head, "By Jane Doe"] + story + ["Related", "A second headline about the river works", "30. Oktober 2023 - Carola Pönisch"])
        XCTAssertEqual(parse(far).author, "Jane Doe")
    }

    func testAByLabelAloneOverTheName() {
        // (Also after a word or two: "Tipps von" / "Anna Berger".)
        for label in ["von", "By :", "Autor", "Tipps von", "Disko Von"] {
            let p = dump([head, label, "Anna Berger"] + story)
            let a = parse(p)
            XCTAssertEqual(a.author, "Anna Berger", label)
            XCTAssertEqual(block(label, in: blocks(p))?.rule, "meta: a byline's label alone on its line")
            XCTAssertEqual(a.paragraphs.map(\.text), story, label)
        }
        // With the date in the same block (no blank line between): before, the block's
        // date made the label and the name "meta: line in the block of the byline or date".
        let dated = parse(dump([head, "By", "James Whittaker", "-", "May 4, 2022"] + story))
        XCTAssertEqual(dated.author, "James Whittaker")
        XCTAssertEqual(dated.published, "2022-05-04")
        // A menu under the label is no name: it repeats a word, it trails off.
        for menu in ["Suche Erweiterte Suche", "Neue Beiträge..."] {
            XCTAssertNil(parse(dump([head, "Von:", menu] + story)).author, menu)
        }
    }

    func testADatedBylineUnderTheLeadParagraph() {
        // Headline, lead paragraph, then "DATE par NAME": the byline stands in the
        // body's first lines (before: a paragraph of the body).
        let lead = "The council has voted for the new tram line, and the hospital will be on it at last, after years of debate."
        let p = dump([head, "", lead, "", "4.02.2022 par Bob Fischer", ""] + story.flatMap { [$0, ""] })
        let a = parse(p)
        XCTAssertEqual(a.author, "Bob Fischer")
        XCTAssertEqual(a.published, "2022-02-04")
        XCTAssertEqual(a.paragraphs.map(\.text), [lead] + story)
    }
    func testALooseBylineIsANameNotAPhrase() {
        // The header's byline rule takes a name that is not capitalised ("By
        // oradmin"); before, it took any words after the rule's label too.
        for line in ["Von Kopf bis Fuss", "Von Tunis nach Teheran", "By Course or Type", "Redação: 71 3203-1048",
                     "Posted by 6 years ago", "Autor:innen"] {
            let a = parse(dump([head, line] + story))
            XCTAssertNil(a.author, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
        XCTAssertEqual(parse(dump([head, "By oradmin"] + story)).author, "oradmin")
        XCTAssertEqual(parse(dump([head, "Von Roland Brockmann und Sebastian Drescher"] + story)).authors, ["Roland Brockmann", "Sebastian Drescher"])
        // A lowercase word after two capitalised ones ends the name.
        XCTAssertEqual(parse(dump([head, "Von Anna Schmidt mit dpa"] + story)).authors, ["Anna Schmidt"])
        // A weekday after a lowercase word ends the name as a date does; a
        // weekday that is a surname does not.
        XCTAssertEqual(parse(dump([head, "Von Isabella.DiBiase am Samstag"] + story)).author, "Isabella.DiBiase")
        XCTAssertEqual(parse(dump([head, "Von Anna Sonntag"] + story)).authors, ["Anna Sonntag"])
    }
    func testARoleAfterTheNameWithoutAComma() {
        // Before: the whole line was the role and no name was read.
        let a = parse(dump([head, "By Evan Halper Staff Writer"] + story))
        XCTAssertEqual(a.authors, ["Evan Halper"])
        XCTAssertEqual(a.author, "Evan Halper")
        XCTAssertEqual(a.authorRole, "Staff Writer")
        // A column's name and a desk's are no name and its role.
        for line in ["By Letters To The Editor", "By Our Foreign Staff", "Von Teufel Blog Redaktion"] {
            XCTAssertEqual(parse(dump([head, line] + story)).authors, [], line)
        }
        // One word and running words after a comma: a heading's phrase, not a name
        // and its affiliation (before: "Einheimischen" was the author).
        for line in ["Von Einheimischen, Gästen und ganz viel Kühen", "Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»"] {
            XCTAssertNil(parse(dump([head, line] + story)).author, line)
        }
        XCTAssertEqual(parse(dump([head, "Von Jane Doe, Reuters"] + story)).author, "Jane Doe")
    }

    // MARK: given names (GivenNames.swift)

    func testAGivenNameTellsANameFromARubric() {
        func given(_ w: String) -> Bool {
            Array(w.utf8).withUnsafeBufferPointer { MetaLines.isGivenName($0, 0, $0.count) }
        }
        // Diacritics folded to the list's US spellings; a hyphenated name by its first part.
        for w in ["Tanja", "Gunter", "Günter", "Jürgen", "JOSÉ", "Hans-Peter", "Verónica"] { XCTAssertTrue(given(w), w) }
        // Rubric and menu words, and words that are names in the US lists but
        // function words on a page ("Von", "Der").
        for w in ["Aktuelle", "Neue", "Meldung", "Redaktion", "Von", "Der", "Jo", "Ann3"] { XCTAssertFalse(given(w), w) }
    }

    func testANameAloneInTheStorysHeadWithAGivenName() {
        // Before: "other: short line in the header", no author.
        for name in ["Gunter Frank", "Jürgen Weber", "Verónica De Vita"] {
            let p = dump([head, name] + story)
            let a = parse(p)
            XCTAssertEqual(a.author, name)
            XCTAssertEqual(a.paragraphs.map(\.text), story, name)
            XCTAssertEqual(block(name, in: blocks(p))?.rule, "byline: a name alone in the story's head, its first word a given name")
        }
        // No given name first: a rubric or a tag as often as a name.
        for line in ["Neue Seminare", "Open Future"] {
            XCTAssertNil(parse(dump([head, line] + story)).author, line)
        }
        // A name the story says is its subject, not its writer.
        let subject = ["Lindvik won the ski jumping on Sunday in front of a home crowd of thirty thousand people."] + story
        XCTAssertNil(parse(dump([head, "Marius Lindvik"] + subject)).author)
        // One of a block of names: a menu's or a list of columnists.
        XCTAssertNil(parse(dump([head, "Opinión", "Juan Cristobal Soruco", "Oscar Díaz Arnau"] + story)).author)
    }

    func testAGivenNameBeforeTheDateWithoutASeparator() {
        // Before: not set apart from the date, the words were read as a rubric's.
        for (line, author, date) in [("Tanja Karrasch 3.11.2023", "Tanja Karrasch", "2023-11-03"),
                                     ("Bettina Kugler 19.10.2019, 05:00 Uhr", "Bettina Kugler", "2019-10-19"),
                                     // (a line the date rules took whole, the name before a comma)
                                     ("Christian Kahle , 03.11.2023 15:32 Uhr", "Christian Kahle", "2023-11-03")] {
            let p = dump([head, line] + story)
            let a = parse(p)
            XCTAssertEqual(a.author, author, line)
            XCTAssertEqual(a.published, date, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
        XCTAssertNil(parse(dump([head, "Aktuelle Meldung 21.01.2022"] + story)).author)
        // A place before a dateline's date is no name, however name-shaped.
        let place = parse(dump([head, "Bad Homburg , 03.11.2023"] + story))
        XCTAssertNil(place.author)
        XCTAssertEqual(place.published, "2023-11-03")
        let subject = ["Lindvik won the ski jumping on Sunday in front of a home crowd of thirty thousand people."] + story
        XCTAssertNil(parse(dump([head, "Marius Lindvik 3.11.2023"] + subject)).author)
    }

    func testAGivenNameAfterTheDateWithoutASeparator() {
        // Before: with no separator or count after the date, the words were read
        // as a rubric's ("21.01.2022 Aktuelle Meldung") and the line stayed a date line.
        for (line, author) in [("28. Jan. 2022 Paula Balov", "Paula Balov"),
                               ("1. Februar 2022 , Daniel Dillenburg", "Daniel Dillenburg"),
                               // (a rubric after the name: the name is the given name and the next word)
                               ("30. Oktober 2023 Carola Pönisch Kultur", "Carola Pönisch"),
                               ("16. Mai 2019 Juan Carlos Muñoz Netzwerk , Windows", "Juan Carlos Muñoz"),
                               // (a function word is no third name word, given name or not: "Carter" is one)
                               ("13/06/2014 Tony Carter All , Books , Kit Reviews", "Tony Carter")] {
            let p = dump([head, line] + story)
            let a = parse(p)
            XCTAssertEqual(a.author, author, line)
            XCTAssertNotNil(a.published, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
            XCTAssertEqual(block(author, in: blocks(p))?.rule, "byline: a name set apart beside the date on its line", line)
        }
        // A sentence after the date (a lowercase word after the name), or no given name first.
        for line in ["3. Mai 2022 Angela Merkel besucht Kiew", "21.01.2022 Aktuelle Meldung"] {
            XCTAssertNil(parse(dump([head, line] + story)).author, line)
        }
        // A name said after a date on more than one line: a teaser list's cards.
        let cards = parse(dump([head, "October 28, 2020 Kate May"] + story + ["Polka Dot Plant Care", "October 19, 2020 Kate May"]))
        XCTAssertNil(cards.author)
    }
}

// Shapes found on trafilatura's evaluation pages (docs/TEXT.md, "trafilatura's
// evaluation pages"): each test is one kept mechanism, on a made-up page, with
// the exact body and the `--explain` reason of the line that decides it.

import XCTest
import ArticleModel
@testable import ArticleParser

final class SnippetShapesTests: XCTestCase {
    let menu = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Reisen", "Wissen", "Video", "Podcasts", "Wetter"]
    let foot = ["Impressum", "Kontakt", "Datenschutz", "AGB", "Werbung", "Jobs", "Hilfe", "Cookies"]
    let head = "Stadtrat beschließt neue Straßenbahnlinie nach langem Streit"
    let de = ["Der Stadtrat hat am Dienstag nach monatelanger Debatte die neue Straßenbahnlinie zum Krankenhaus beschlossen.",
              "Die ersten Bahnen sollen im Frühjahr 2027 vom Bahnhof entlang des Flusses bis zur Klinik fahren.",
              "Anwohner an der Strecke sind nächste Woche zu einer Versammlung in der Stadtbibliothek eingeladen.",
              "Geschäfte entlang der Strecke bekommen Hilfe bei der Miete, solange die Straße aufgerissen ist."]

    func list(_ items: [String]) -> String { items.map { "* " + $0 }.joined(separator: "\n") }

    func testGermanCommentFormAndRelatedLabelEndTheStory() {
        // WordPress's German wordings: a related box and the comment form under the story.
        let teaser = "Auch in der Nachbarstadt wird über eine neue Buslinie zum Bahnhof lange und heftig gestritten."
        let form = "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert."
        let comment = "Endlich passiert etwas in dieser Stadt, ich freue mich schon sehr auf die erste Fahrt mit der Bahn."
        let page = list(menu) + "\n\n\(head)\n\nVon Erika Muster\n\n" + de.joined(separator: "\n\n")
            + "\n\nDas könnte Sie auch interessieren:\n\n\(teaser)\n\nSchreibe einen Kommentar\n\n\(form)\n\n\(comment)\n\n"
            + list(foot) + "\n"
        let a = parse(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), de)
        let bs = blocks(page)
        XCTAssertEqual(block("Das könnte Sie auch interessieren:", in: bs)?.rule, "rules:related 'das könnte sie auch interessieren*'")
        XCTAssertEqual(block("Schreibe einen Kommentar", in: bs)?.rule, "rules:form 'schreibe einen kommentar*'")
        XCTAssertEqual(block(form, in: bs)?.rule, "rules:form 'deine e-mail-adresse wird nicht veröffentlicht*'")
    }

    func testRegionUnderACommentFormMovesAboveIt() {
        // A short post over a long comment thread and a sidebar blurb: the heaviest
        // run lies under the comment form, but comments come after the story.
        let post = ["Heute war ich endlich wieder am See, und das Wasser war so klar wie lange nicht mehr.",
                    "Morgen geht es weiter in die Berge, wenn das Wetter hält und der Zug pünktlich fährt."]
        let thread = ["Was für ein schöner Bericht, ich war letzten Sommer auch dort und kann den See nur empfehlen.",
                      "Wir fahren jedes Jahr mit den Kindern hin, am besten früh am Morgen, bevor die Busse kommen.",
                      "Danke für die vielen Tipps, wir haben uns gleich für das nächste Wochenende ein Zimmer genommen.",
                      "Ich finde es schade, dass es dort so wenig Parkplätze gibt, aber mit dem Rad ist es ohnehin schöner.",
                      "Die Berge sind im Herbst am schönsten, wenn die Wälder bunt werden und die Wege leer sind."]
        let archive = ["Mai 2024", "April 2024", "März 2024", "Februar 2024", "Januar 2024", "Dezember 2023"]
        let page = list(menu) + "\n\nAm See\n\n3. Mai 2024 von Erika\n\n" + post.joined(separator: "\n\n")
            + "\n\nSchreibe einen Kommentar\n\nAntworten abbrechen\n\nName *\nE-Mail *\nWebsite\nKommentar absenden\n\n"
            + list(archive) + "\n\n" + thread.joined(separator: "\n\n") + "\n\n"
            + list(foot) + "\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), post)
        XCTAssertEqual(block(thread[4], in: blocks(page))?.rule, "other: outside the main prose region (lines 16-18): run of 5 lines")
    }

    func testShareLabelAuthorBoxAndPreviousPostEndTheStory() {
        // More phrase data: a share label, an author box and a previous-post link.
        let bio = "Erika Muster schreibt seit vielen Jahren über Verkehr, Städte und alles, was sich darin bewegt."
        let page = list(menu) + "\n\n\(head)\n\nVon Erika Muster\n\n" + de.joined(separator: "\n\n")
            + "\n\nTeilen Sie dies mit:\n\nÜber den Autor\n\n\(bio)\n\nVorheriger Beitrag\n\n" + list(foot) + "\n"
        XCTAssertEqual(parse(page).paragraphs.map(\.text), de)
        let bs = blocks(page)
        XCTAssertEqual(block("Teilen Sie dies mit:", in: bs)?.rule, "rules:share 'teilen sie dies mit*'")
        XCTAssertEqual(block("Über den Autor", in: bs)?.rule, "rules:author 'über den autor*'")
        XCTAssertEqual(block("Vorheriger Beitrag", in: bs)?.rule, "rules:nav_previous 'vorheriger beitrag*' (no title)")
        XCTAssertEqual(block(bio, in: bs)?.rule, "other: outside the main prose region (lines 16-22): run of 1 line")
    }
}

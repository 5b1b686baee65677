// Cookie and privacy consent notices on page dumps (Consent.swift; docs/TEXT.md,
// "Cookie and consent notices"): a notice names a topic (cookies, the privacy
// statement) and the consenting, and speaks to the reader or is short; a
// consent panel's text between a notice and its buttons is the panel's.

import XCTest
import ArticleModel
@testable import ArticleParser

final class ConsentTests: XCTestCase {
    let menu = ["Nachrichten", "Verlosung", "Jobs", "Rezepte", "Service", "Wetter", "Werbung", "Kontakt"]
    let story = [
        "Am Dienstagabend kam es in der Nordstraße zu einem versuchten Einbruch in ein Wohnhaus am Rand der Stadt.",
        "Nach aktuellem Kenntnisstand schlug der Hund des Hausbewohners plötzlich an. Als der Bewohner nach dem Rechten schauen wollte, erkannte er zwei dunkle Gestalten, die wegrannten.",
        "Die Polizei hat die Ermittlungen aufgenommen. Zeugen, die Hinweise geben können, werden gebeten, sich bei der Dienststelle zu melden.",
    ]
    // A WordPress consent panel (the shape of a common plugin), longer than the story.
    let panel = [
        "Cookie-Zustimmung verwalten",
        "Wir verwenden Technologien wie Cookies, um Geräteinformationen zu speichern und/oder darauf zuzugreifen. Wenn du nicht zustimmst oder die Zustimmung widerrufst, können bestimmte Merkmale und Funktionen beeinträchtigt werden.",
        "Funktional Immer aktiv",
        "Die technische Speicherung oder der Zugang ist unbedingt erforderlich für den rechtmäßigen Zweck, die Nutzung eines bestimmten Dienstes zu ermöglichen, der vom Teilnehmer oder Nutzer ausdrücklich gewünscht wird.",
        "Statistiken",
        "Die technische Speicherung oder der Zugriff, der ausschließlich zu statistischen Zwecken erfolgt, und die technische Speicherung oder der Zugriff, der ausschließlich zu anonymen statistischen Zwecken verwendet wird.",
        "Marketing",
        "Die technische Speicherung oder der Zugriff ist erforderlich, um Nutzerprofile zu erstellen, um Werbung zu versenden oder um den Nutzer auf einer Website oder über mehrere Websites hinweg zu ähnlichen Marketingzwecken zu verfolgen.",
        "Akzeptieren Ablehnen Einstellungen speichern",
    ]

    func page(_ storyLines: [String]) -> String {
        menu.map { "* " + $0 }.joined(separator: "\n") + "\n"
            + "Hund vertreibt Einbrecher in der Nordstraße\n1. November 2023\n"
            + storyLines.joined(separator: "\n") + "\n"
            + ["Impressum", "Datenschutz", "Kontakt", "Jobs", "Werbung", "Archiv", "Suche", "Abo"].map { "* " + $0 }.joined(separator: "\n") + "\n"
            + "Copyright © 2023 Hildesheimer Presse. Alle Rechte vorbehalten.\n"
            + panel.joined(separator: "\n") + "\n"
    }

    func testAConsentPanelWeighsNothingAgainstTheStory() {
        let a = parse(page(story))
        XCTAssertEqual(a.title, "Hund vertreibt Einbrecher in der Nordstraße")
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        let bs = blocks(page(story))
        XCTAssertEqual(block(panel[0], in: bs)?.rule, "consent: a cookie or privacy consent notice ('Cookie', 'Zustimmung')")
        XCTAssertEqual(block(panel[1], in: bs)?.rule, "consent: a cookie or privacy consent notice ('Cookies', 'zustimmst')")
        XCTAssertEqual(block(panel[3], in: bs)?.rule, "consent: inside the consent panel of the notice on line 24")
        XCTAssertEqual(block(panel[8], in: bs)?.rule, "consent: the buttons of the consent notice on line 24")
        XCTAssertEqual(block(panel[3], in: bs)?.label, .boilerplate("consent"))
        XCTAssertFalse(a.boilerplate.isEmpty)
        XCTAssertEqual(a.boilerplate.filter { $0.kind == "consent" }.count, panel.count)
    }

    func testAnEmbedsConsentLineInsideTheStoryIsNoParagraph() {
        let embed = "Mit dem Laden des Beitrags akzeptieren Sie die Datenschutzerklärung von Instagram."
        let a = parse(page([story[0], embed, story[1], story[2]]))
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block(embed, in: blocks(page([story[0], embed, story[1], story[2]])))?.rule,
                       "consent: a cookie or privacy consent notice ('Datenschutzerklärung', 'akzeptieren')")
    }

    func testAStoryThatTellsItsReaderAboutCookiesStaysTheStory() {
        // Topic, reader and the site, but no act word: a story about cookies, not a
        // notice (reading the site as an act, "... verwendet Cookies, um dir die beste
        // Erfahrung auf unserer Website zu bieten", took such stories for banners).
        let report = [
            "Most websites use cookies to follow you around the web, and we rarely notice how many of them there are.",
            "The researchers counted the trackers on a thousand news sites and found more than forty on the average page.",
            story[2],
        ]
        XCTAssertEqual(parse(page(report)).paragraphs.map(\.text), report)
    }

    func testAShortPostUnderALongBannerIsStillADump() {
        // The post weighs less than a region must; the banner weighed more, and held
        // the region (the post was "outside the main prose region"). The banner still
        // tells a dump, so the region is the post and the menus stay out.
        let post = "Wer rutscht als nächstes aus auf dem Glatteis vor dem Haus? Ich wette, das bin wieder ich, wie jedes Jahr."
        let banner = "Datenschutz & Cookies: Diese Website verwendet Cookies. Wenn du die Website weiterhin nutzt, stimmst du der Verwendung von Cookies zu. Weitere Informationen, beispielsweise zur Kontrolle von Cookies, findest du hier: Cookie-Richtlinie. Wir verwenden Cookies, um Inhalte und Anzeigen zu personalisieren und die Zugriffe auf unsere Website zu analysieren."
        let text = page([post]) + banner + "\n"
        let a = parse(text)
        XCTAssertEqual(a.title, "Hund vertreibt Einbrecher in der Nordstraße")
        XCTAssertEqual(a.paragraphs.map(\.text), [post])
        XCTAssertEqual(block(banner, in: blocks(text))?.label, .boilerplate("consent"))
    }

    func testAStoryAboutCookiesStaysTheStory() {
        // Topic and act words, but no word to the reader: reporting, not a notice.
        let report = [
            "The regulator said websites must let people reject cookies as easily as they accept them, and fined two publishers.",
            "Consumer groups welcomed the ruling. Publishers said the banners would cost them advertising money in the coming year.",
            story[2],
        ]
        let text = page(report).replacingOccurrences(of: "Hund vertreibt Einbrecher in der Nordstraße", with: "Regulator fines publishers over cookie banners")
        XCTAssertEqual(parse(text).paragraphs.map(\.text), report)
        // A recipe's cookies are no topic of consent either.
        let recipe = "Let the cookies cool on the tray for ten minutes before you move them, or they will break apart."
        XCTAssertEqual(parse(page([story[0], recipe, story[1]])).paragraphs.map(\.text), [story[0], recipe, story[1]])
    }
}

import XCTest
import ArticleModel
import HTMLExtractor

/// Small pages with the shapes analysts found going wrong (issue 15): bylines
/// with roles and labels, account boxes, infobox dates, lead paragraphs
/// outside the content container.
final class FieldTests: XCTestCase {
    func read(_ html: String) -> Article {
        let page = HTMLReader().read(bytes: Array(html.utf8), source: "page.html")
        return ArticleBuilder.build(source: "page.html", format: "html", url: page.url, blocks: page.blocks)
    }

    /// A page with `head` in <head> and `top` before a three-paragraph article body.
    func page(head: String = "", top: String, after: String = "") -> String {
        """
        <html><head><title>Storm Closes Schools Across The Valley</title>\(head)</head><body>
        \(top)
        <article><h1>Storm Closes Schools Across The Valley</h1>
        <div class="article-body">
        <p>Heavy snow closed every school in the valley on Monday, and officials said classes would not resume before Wednesday at the earliest.</p>
        <p>Road crews worked through the night, but drifts of more than a metre blocked the main routes into the town for most of the morning.</p>
        <p>Parents were told to keep children at home, and the district said it would post updates on its website every few hours.</p>
        </div></article>\(after)</body></html>
        """
    }

    func testAgencyRoleGoesToAuthorRole() {
        let a = read(page(top: "", after: "").replacingOccurrences(
            of: "<div class=\"article-body\">",
            with: "<div class=\"byline\">STEVE PEOPLES, AP National Political Writer</div><div class=\"article-body\">"))
        XCTAssertEqual(a.author, "STEVE PEOPLES")
        XCTAssertEqual(a.authors, ["STEVE PEOPLES"])
        XCTAssertEqual(a.authorRole, "AP National Political Writer")
    }

    func testARoleAfterTheNameWithoutAComma() {
        let a = read(page(top: "<p class=\"byline\">By Evan Halper Staff Writer</p>"))
        XCTAssertEqual(a.authors, ["Evan Halper"])
        XCTAssertEqual(a.authorRole, "Staff Writer")
    }

    func testSeveralAuthorsAndDegrees() {
        let a = read(page(top: "<p class=\"byline\">By Stella Kim, Jennifer Jett and Brenda Goodman, MA</p>"))
        XCTAssertEqual(a.authors, ["Stella Kim", "Jennifer Jett", "Brenda Goodman"])
        XCTAssertEqual(a.author, "Stella Kim, Jennifer Jett and Brenda Goodman")
        XCTAssertEqual(a.authorRole, "MA")
    }

    func testPublishedLabelAfterTheName() {
        let a = read(page(top: "<div class=\"author\">Moritz Bachmann publiziert am 12.03.2020</div>"))
        XCTAssertEqual(a.authors, ["Moritz Bachmann"])
        XCTAssertEqual(a.author, "Moritz Bachmann")
        XCTAssertNil(a.authorRole)
    }

    func testLabelOrCommentCountGluedAfterTheNameGoes() {
        // Inline elements side by side: the name, then "Veröffentlicht" or the comment count.
        XCTAssertEqual(read(page(top: "<div class=\"author\">Herr_Rein Veröffentlicht</div>")).authors, ["Herr_Rein"])
        XCTAssertEqual(read(page(top: "<div class=\"author\">Jane Doe Ein Kommentar</div>")).authors, ["Jane Doe"])
        XCTAssertEqual(read(page(top: "<div class=\"author\">Jane Doe 3 Comments</div>")).authors, ["Jane Doe"])
        // The label alone is no author.
        XCTAssertNil(read(page(top: "<div class=\"author\">Veröffentlicht</div>")).author)
    }

    func testDateInThePagesAddressIsTheLastResort() {
        func canonical(_ u: String) -> String { "<link rel=\"canonical\" href=\"\(u)\">" }
        XCTAssertEqual(read(page(head: canonical("https://blog.example.org/2014/05/18/library-stays-open/"), top: "")).published,
                       "2014-05-18")
        XCTAssertEqual(read(page(head: canonical("https://example.org/news/2019-11-03-storm"), top: "")).published, "2019-11-03")
        // A year and month alone, an impossible day, an archive's timestamp: no date.
        XCTAssertNil(read(page(head: canonical("https://example.org/2019/05/storm"), top: "")).published)
        XCTAssertNil(read(page(head: canonical("https://example.org/2019/02/30/storm"), top: "")).published)
        XCTAssertNil(read(page(head: canonical("https://web.archive.org/web/20140226054445/http://example.org/storm"), top: "")).published)
        // Any date the page gives comes first.
        XCTAssertEqual(read(page(head: canonical("https://example.org/2014/05/18/x") + "<meta property=\"article:published_time\" content=\"2014-05-19\">",
                                 top: "")).published, "2014-05-19")
    }

    func testDateLabelsInOtherLanguagesAndPluginMeta() {
        XCTAssertEqual(read(page(top: "", after: "<p>Aktualisiert: 30.12.2016</p>")).published, "2016-12-30")
        XCTAssertEqual(read(page(top: "<p>Pubblicato il 3 marzo 2021</p>")).published, "2021-03-03")
        XCTAssertEqual(read(page(head: "<meta name='shareaholic:article_published_time' content='2014-03-17T01:44:37+01:00'>", top: "")).published,
                       "2014-03-17")
    }

    func testTwitterCardWrittenBy() {
        // Yoast's card: the label says what the data is.
        let card = "<meta name=\"twitter:label1\" content=\"Verfasst von\"><meta name=\"twitter:data1\" content=\"Octavius Hallenstein\">"
        let a = read(page(head: card, top: ""))
        XCTAssertEqual(a.authors, ["Octavius Hallenstein"])
        // A reading time is no author; a meta author comes first.
        let time = "<meta name=\"twitter:label1\" content=\"Est. reading time\"><meta name=\"twitter:data1\" content=\"4 Minuten\">"
        XCTAssertNil(read(page(head: time, top: "")).author)
        XCTAssertEqual(read(page(head: card + "<meta name=\"author\" content=\"Jane Doe\">", top: "")).authors, ["Jane Doe"])
    }

    func testCompanyInMetaAuthorIsNoAuthor() {
        // A web agency's name in meta author ("wegewerk GmbH") names no writer.
        XCTAssertNil(read(page(head: "<meta name=\"author\" content=\"Web Commerce GmbH\">", top: "")).author)
    }

    func testLongerColonAndPhraseLabels() {
        XCTAssertEqual(read(page(top: "<p>Written by: <a href=\"/author/jm\">Julie Mollins</a></p>")).authors, ["Julie Mollins"])
        XCTAssertEqual(read(page(top: "", after: "<p>Blog Beitrag von Margarita Koreneva</p>")).authors, ["Margarita Koreneva"])
    }

    func testByLineWithADateRightAfterTheHeadline() {
        // The line is marked as a teaser's metadata, where bylines are not looked for;
        // as the page's date line right under the headline, it names the author too.
        let html = page(top: "").replacingOccurrences(
            of: "<div class=\"article-body\">",
            with: "<div class=\"teaser-small__metadata related\"><p>VON <a href=\"/autoren/mg\">MORITZ GATHMANN</a> am 21. April 2020</p></div><div class=\"article-body\">")
        let a = read(html)
        XCTAssertEqual(a.published, "2020-04-21")
        XCTAssertEqual(a.authors, ["MORITZ GATHMANN"])
    }

    func testWeekdayInABylineBoxIsNotTheAuthor() {
        let top = "<div class=\"article-author\">Donnerstag, 4. November 2021</div>"
        let a = read(page(top: top))
        XCTAssertNil(a.author)
        XCTAssertEqual(a.published, "2021-11-04")
    }

    func testDateLabelAfterTheNameGoes() {
        let a = read(page(top: "<div class=\"author-info\">Sara Zinnecker Stand: 05. Februar 2020</div>"))
        XCTAssertEqual(a.authors, ["Sara Zinnecker"])
    }

    func testPublisherAsAuthorGivesWayToTheByline() {
        // The site's own name in the author meta, a reporter in the byline.
        let head = """
        <meta name="author" content="The Valley Courier"><link rel="canonical" href="https://www.valleycourier.com/news/storm">
        """
        let a = read(page(head: head, top: "<p class=\"byline\">By Michael Hingston</p>"))
        XCTAssertEqual(a.author, "Michael Hingston")
        // No byline at all: no author rather than the publisher.
        let b = read(page(head: head, top: ""))
        XCTAssertNil(b.author)
        // og:site_name says it as well.
        let c = read(page(head: "<meta property=\"og:site_name\" content=\"Courier Online\"><meta name=\"author\" content=\"Courier Online\">", top: ""))
        XCTAssertNil(c.author)
        // A byline in the page that names the publisher ("Die" + the address's name): no author either.
        let d = read(page(head: "<link rel=\"canonical\" href=\"https://dietagespresse.com/halloween\">",
                          top: "<div class=\"author-info\">von Die Tagespresse 31. Oktober 2023</div>"))
        XCTAssertNil(d.author)
        XCTAssertEqual(d.published, "2023-10-31")
    }

    func testAccountBoxLabelIsNotTheAuthor() {
        let top = """
        <div class="account"><span class="author-login">Sign In</span></div>
        <div class="article-meta"><p>By Brenda Goodman</p></div>
        """
        let a = read(page(top: top))
        XCTAssertEqual(a.author, "Brenda Goodman")
        XCTAssertEqual(a.authors, ["Brenda Goodman"])
    }

    func testSectionLabelLosesToByLine() {
        let top = "<h6 class=\"author-section\">Tech Industry</h6><div class=\"byline\">by Steven Musil January 18, 2017 11:00 PM PST</div>"
        let a = read(page(top: top))
        XCTAssertEqual(a.author, "Steven Musil")
        XCTAssertEqual(a.published, "2017-01-18")
    }

    func testMetaAuthorThatIsNoNameIsIgnored() {
        let head = """
        <meta property="dc:creator twitter:site_name" content="Creator Name"><meta name="author" content="FAIL">
        """
        XCTAssertEqual(read(page(head: head, top: "")).author, "Creator Name")
        let fail = read(page(head: "<meta name=\"author\" content=\"FAIL\">", top: ""))
        XCTAssertNil(fail.author)
        XCTAssertEqual(fail.authors, [String]())
    }

    func testLinkInTheAuthorIsDropped() {
        let a = read(page(head: "<meta name=\"author\" content=\"Bradley M. Kuhn (http://ebb.org/bkuhn/)\">", top: ""))
        XCTAssertEqual(a.author, "Bradley M. Kuhn")
    }

    func testWidgetByLineIsNotTheAuthor() {
        let after = "<div class=\"related-stories\"><p>Sponsored stories by Taboola</p></div>"
        XCTAssertNil(read(page(top: "", after: after)).author)
    }

    func testPostFooterOrAsideByLine() {
        // Blogger: "Posted by X at 2:33 PM" in the post's footer, beside its body.
        let footer = "<div class=\"post-footer\"><span class=\"post-author\">Posted by <a href=\"/profile\">T. V. Raman</a></span> <span class=\"post-timestamp\">at <a href=\"/p\">2:33 PM</a></span></div>"
        let html = page(top: "").replacingOccurrences(of: "</div></article>", with: "</div>\(footer)</article>")
        XCTAssertEqual(read(html).author, "T. V. Raman")
        let aside = page(top: "").replacingOccurrences(of: "</div></article>", with: "</div><aside class=\"meta\"><p>Von: Moritz Pieczewski-Freimuth</p></aside></article>")
        XCTAssertEqual(read(aside).author, "Moritz Pieczewski-Freimuth")
        // The page's own footer is no byline.
        let site = "<footer class=\"site-footer\"><p>Posted by Jane Smith</p></footer>"
        XCTAssertNil(read(page(top: "", after: site)).author)
    }

    func testByPhrasesInOtherLanguages() {
        for (line, name) in [("erstellt von <a href=\"/u/7\">Dominique</a> — veröffentlicht 28.01.2022 06:00", "Dominique"),
                             ("Geschrieben von Anna Berger", "Anna Berger"), ("Escrito por María López", "María López")] {
            XCTAssertEqual(read(page(top: "<p class=\"meta\">\(line)</p>")).author, name, line)
        }
    }

    func testReferencesInJSONLDAreDecoded() {
        let ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Storm Closes Schools Across The Valley\",\"author\":{\"@type\":\"Person\",\"name\":\"Redacci&oacute;n Diario P&#225;gina Siete\"}}</script>"
        XCTAssertEqual(read(page(head: ld, top: "")).author, "Redacción Diario Página Siete")
    }

    func testCopyrightInMetaAuthorIsNoAuthor() {
        XCTAssertNil(read(page(head: "<meta name=\"author\" content=\"Copyright Haufe-Lexware GmbH &amp; Co. KG\">", top: "")).author)
        XCTAssertNil(read(page(head: "<meta name=\"author\" content=\"© 2020 Valley News\">", top: "")).author)
    }

    func testAuthorWithoutAPersonLosesItsLabel() {
        let a = read(page(top: "<div class=\"author-display-name\">Autor Redaktion</div>"))
        XCTAssertEqual(a.author, "Redaktion")
        XCTAssertEqual(a.authors, [])
        XCTAssertEqual(a.authorRole, "Redaktion")
    }

    func testPrepositionOfTheDateAfterTheName() {
        let a = read(page(top: "<p class=\"meta\">Von Anna Berger am 3. März 2021</p>"))
        XCTAssertEqual(a.author, "Anna Berger")
        XCTAssertEqual(a.published, "2021-03-03")
    }

    func testByRunIntoTheName() {
        let a = read(page(top: "<div class=\"meta\"><span>By</span><span><a href=\"/team/alex\">Alex Bozarjian</a></span></div>"))
        XCTAssertEqual(a.author, "Alex Bozarjian")
        // A word that starts with "By" is no byline.
        XCTAssertNil(read(page(top: "<div class=\"meta\">ByteDance Weekly</div>")).author)
    }

    func testLabelledBylineEndingInAColon() {
        // A colon after the name (a quote follows) is no date label to cut.
        XCTAssertEqual(read(page(top: "<p class=\"author\">Autor Mark Newton:</p>")).author, "Mark Newton")
    }

    func testInfoboxDateIsNotPublished() {
        let top = """
        <table class="infobox"><tr><th>Initial release</th><td>28 February 1998</td></tr>
        <tr><th>Founded</th><td><time datetime="1998-02-28">February 28, 1998</time></td></tr></table>
        """
        let a = read(page(top: "", after: "").replacingOccurrences(of: "<div class=\"article-body\">",
                                                                     with: "<div class=\"article-body\">" + top))
        XCTAssertNil(a.published)
        let withMeta = read(page(head: "<meta property=\"article:published_time\" content=\"2020-01-05T10:00:00Z\">", top: top))
        XCTAssertEqual(withMeta.published, "2020-01-05")
    }

    func testPersonBeatsAgencyAndRelativeTimeGoes() {
        let top = "<div class=\"source-name\"><span class=\"author\">Tech Insider</span></div><div class=\"author-info\">Alex Perry 1 day ago</div>"
        let a = read(page(top: top))
        XCTAssertEqual(a.author, "Alex Perry")
        XCTAssertEqual(a.authors, ["Alex Perry"])
    }

    func testLinkedCellsOfADataTableAreBody() {
        let rows = ["Groundhog Day", "Run Lola Run", "Edge of Tomorrow", "Palm Springs"].enumerated().map {
            "<tr><th><a href=\"/wiki/f\($0.offset)\">\($0.element)</a></th><td>A film in which a day repeats itself, over and over again.</td></tr>"
        }.joined()
        let a = read(page(top: "").replacingOccurrences(of: "<div class=\"article-body\">",
                                                         with: "<div class=\"article-body\"><table>\(rows)</table>"))
        for film in ["Groundhog Day", "Run Lola Run", "Edge of Tomorrow", "Palm Springs"] {
            XCTAssertTrue(a.bodyText.contains(film), "missing \(film): \(a.bodyText)")
        }
    }

    func testDatelineThatNamesItsAuthor() {
        let de = read(page(top: "<div class=\"entry-meta\">Veröffentlicht am Fr, 24. Januar 2020, 18:18 von Creeny</div>"))
        XCTAssertEqual(de.authors, ["Creeny"])
        XCTAssertEqual(de.published, "2020-01-24")
        let fr = read(page(top: "<div class=\"meta\">Accueil | Par Loïc Le Clerc | 30 septembre 2018</div>"))
        XCTAssertEqual(fr.authors, ["Loïc Le Clerc"])
        XCTAssertEqual(fr.published, "2018-09-30")
        // WordPress's published and updated dates side by side, then the writer.
        let wp = read(page(top: "<div class=\"entry-meta\"><time class=\"entry-date published\">10. Februar 2019</time><time class=\"updated\">9. Februar 2019</time> von Heiko</div>"))
        XCTAssertEqual(wp.authors, ["Heiko"])
        XCTAssertEqual(wp.published, "2019-02-10")
        // The word without a date, or not right after it, names no author.
        let prose = read(page(top: "<div class=\"meta\">10. Februar 2019: Rede von Angela Merkel</div>"))
        XCTAssertNil(prose.author)
        XCTAssertNil(read(page(top: "<div class=\"kicker\">Ein Bericht von Anna Schmidt</div>")).author)
    }

    func testPageTimeGivesTheLocalDayOfUTCMetadata() {
        let utc = "<meta property=\"article:published_time\" content=\"2020-02-25T02:25:54+00:00\">"
        // The byline's date and time are the same instant five hours west: its day.
        let a = read(page(head: utc, top: "<p class=\"byline-date\">February 24, 2020 | 9:25pm</p>"))
        XCTAssertEqual(a.published, "2020-02-24")
        XCTAssertEqual(a.publishedTime, "2020-02-24T21:25")
        // A date alone (a header's "today") or a time that is no offset away proves nothing.
        XCTAssertEqual(read(page(head: utc, top: "<div class=\"header-date\">February 24, 2020</div>")).published, "2020-02-25")
        XCTAssertEqual(read(page(head: utc, top: "<p class=\"byline-date\">February 24, 2020 | 9:13pm</p>")).published, "2020-02-25")
        // Metadata with its own offset is the page's day already.
        let local = "<meta property=\"article:published_time\" content=\"2020-02-25T02:25:54+01:00\">"
        XCTAssertEqual(read(page(head: local, top: "<p class=\"byline-date\">February 24, 2020 | 8:25pm</p>")).published, "2020-02-25")
    }

    func testNumericDatesReadDayFirstOutsideEnglish() {
        let top = "<div class=\"date\">03/05/2022 21:44</div>"
        XCTAssertEqual(read(page(top: top)).published, "2022-03-05")
        XCTAssertEqual(read(page(top: top).replacingOccurrences(of: "<html>", with: "<html lang=\"pt-BR\">")).published, "2022-05-03")
        XCTAssertEqual(read(page(top: top).replacingOccurrences(of: "<html>", with: "<html lang=\"en-US\">")).published, "2022-03-05")
    }

    func testDatelineOpeningTheFirstParagraph() {
        func lead(_ opening: String) -> Article {
            read(page(top: "").replacingOccurrences(of: "<p>Heavy snow", with: "<p>\(opening) Heavy snow"))
        }
        XCTAssertEqual(lead("29.11.2022 –").published, "2022-11-29")
        XCTAssertEqual(lead("Pressemitteilung vom 25. Januar 2022 | Berlin –").published, "2022-01-25")
        XCTAssertEqual(lead("(21. November 2022)").published, "2022-11-21")
        XCTAssertTrue(lead("29.11.2022 –").bodyText.hasPrefix("29.11.2022 – Heavy snow"))
        // A date in the story's first sentence is no dateline.
        XCTAssertNil(lead("On 3 March 2020, after a week of warnings,").published)
        XCTAssertNil(lead("In the night before the 3rd of March, 2020 ends,").published)
    }

    func testTitlePartThatIsADate() {
        func titled(_ title: String, head: String = "") -> Article {
            read(page(head: head, top: "").replacingOccurrences(
                of: "<title>Storm Closes Schools Across The Valley</title>", with: "<title>\(title)</title>"))
        }
        XCTAssertEqual(titled("Storm Closes Schools | Valley News | 23.11.2021").published, "2021-11-23")
        XCTAssertEqual(titled("Storm Closes Schools", head: "<meta property=\"og:title\" content=\"Storm Closes Schools – 5 March 2020\">").published,
                       "2020-03-05")
        // A date inside a longer part is the story's subject, not the page's date.
        XCTAssertNil(titled("Storm of 23.11.2021 Closes Schools | Valley News").published)
        // The page's own metadata comes first.
        XCTAssertEqual(titled("Storm Closes Schools | 23.11.2021",
                              head: "<meta property=\"article:published_time\" content=\"2021-11-24T08:00:00Z\">").published,
                       "2021-11-24")
    }

    func testDateLineInTheHeadlinesHeader() {
        func headed(_ header: String, top: String = "") -> Article {
            read(page(top: top).replacingOccurrences(of: "<article><h1>Storm Closes Schools Across The Valley</h1>",
                                                     with: "<article><header class=\"c-heading\"><h1>Storm Closes Schools Across The Valley</h1>\(header)</header>"))
        }
        let a = headed("<div>Stand - 12.11.2021 (Unverändert gültig seit: 05.11.2021)</div>")
        XCTAssertEqual(a.published, "2021-11-12")
        XCTAssertEqual(headed("<p>Weather 23.11.2021 Category: Schools, Roads</p>").published, "2021-11-23")
        // A site header that does not hold the headline shows today's date: no date.
        XCTAssertNil(headed("", top: "<header class=\"site-header\"><span>Monday, 23.11.2021 Weather: snow, -3 degrees and wind</span></header>").published)
    }

    func testDateLineRightAfterTheHeadline() {
        func after(_ line: String) -> Article {
            read(page(top: "").replacingOccurrences(of: "<h1>Storm Closes Schools Across The Valley</h1>",
                                                    with: "<h1>Storm Closes Schools Across The Valley</h1>\(line)"))
        }
        let a = after("<div class=\"box\">18.02.2022, 10:27 | Schools &amp; Roads | Comment now</div>")
        XCTAssertEqual(a.published, "2022-02-18")
        // A subtitle with a date stays in the body and still dates the page.
        let sub = read(page(top: "").replacingOccurrences(of: "<div class=\"article-body\">",
            with: "<div class=\"article-body\"><p><strong>Bern, 17.08.2007 - Speech at the valley schools conference</strong></p>"))
        XCTAssertEqual(sub.published, "2007-08-17")
        XCTAssertTrue(sub.bodyText.hasPrefix("Bern, 17.08.2007 - Speech"), sub.bodyText)
        // A sentence that mentions a date is the story's prose, not its date line.
        XCTAssertNil(after("<p>The storm of 17.08.2007 was the last to close the schools.</p>").published)
    }

    func testDateThenNameMetaLine() {
        func meta(_ line: String) -> Article { read(page(top: "<div class=\"entry-meta\">\(line)</div>")) }
        XCTAssertEqual(meta("11.12.2019 - Amelie Loevenich").author, "Amelie Loevenich")
        XCTAssertEqual(meta("04.02.2022 | 13:10 Uhr | Uta Helkenberg").author, "Uta Helkenberg")
        XCTAssertEqual(meta("September 17, 2019 Helmut Rubik 0").author, "Helmut Rubik")
        // Words right after the date, not set apart: as often a category.
        XCTAssertNil(meta("21.01.2022 Aktuelle Meldung").author)
        XCTAssertNil(meta("11.12.2019 - Schools and roads closed").author)
    }

    func testNoBreakSpaceAfterBy() {
        let a = read(page(top: "<div class=\"wrote_by\">By&nbsp;<a href=\"/reporters/jd\">Jose de la Cruz</a></div>"))
        XCTAssertEqual(a.authors, ["Jose de la Cruz"])
    }

    func testColonLabelsNameTheAuthor() {
        XCTAssertEqual(read(page(top: "<div>Autorin: Alys Arden</div>")).authors, ["Alys Arden"])
        let credit = "<p>Text: Klausmartin Friedrich</p>"
        let a = read(page(top: "").replacingOccurrences(of: "</div></article>", with: credit + "</div></article>"))
        XCTAssertEqual(a.authors, ["Klausmartin Friedrich"])
        XCTAssertFalse(a.bodyText.contains("Klausmartin"))
    }

    func testBylineDateStillCounts() {
        let a = read(page(top: "<p class=\"byline\">By Ana Sandoiu | Published November 20, 2019</p>"))
        XCTAssertEqual(a.author, "Ana Sandoiu")
        XCTAssertEqual(a.published, "2019-11-20")
    }

    func testTheArticlesOwnHeaderInsideAMarkedFrame() {
        // Drupal marks a node promoted to the front page "node--promoted": the article
        // element holds the headline, the byline, the story's container and teasers; the
        // class does not make the header beside the story a promotion.
        let story = """
            <p>Heavy snow closed every school in the valley on Monday, and officials said classes would not resume before Wednesday at the earliest.</p>
            <p>Road crews worked through the night, but drifts of more than a metre blocked the main routes into the town for most of the morning.</p>
            <p>Parents were told to keep children at home, and the district said it would post updates on its website every few hours.</p>
            """
        let teaser = "<article class=\"teaser\"><h3><a href=\"/q\">Roads reopen</a></h3><p>Teaser text about the roads reopening soon after the storm, with crews out all week long.</p></article>"
        let html = """
            <html><head><title>Storm Closes Schools Across The Valley | Site</title>
            <meta property="og:title" content="Storm Closes Schools Across The Valley"></head><body>
            <article role="article" class="node node--type-article node--promoted node--view-mode-full">
            <header class="article-header"><div class="channel"><a href="/x">Weather</a></div><h1>Snow shuts the valley schools</h1>
            <div class="byline"><div>Von <span class="byline__author-name"><a href="/jane-doe">Jane Doe</a></span>, <span class="byline__created-date">07 Dez 2022</span></div></div></header>
            <div class="article-body"><div class="field"><div class="field__item">\(story)</div></div></div>
            <section class="more">\(teaser)\(teaser)\(teaser)</section>
            </article></body></html>
            """
        let a = read(html)
        XCTAssertEqual(a.authors, ["Jane Doe"])
        XCTAssertEqual(a.published, "2022-12-07")
    }
}

final class AuthorNamesTests: XCTestCase {
    func testParse() {
        let cases: [(String, [String], String?)] = [
            ("Jane Doe", ["Jane Doe"], nil),
            ("By Jane Doe, Staff Writer", ["Jane Doe"], "Staff Writer"),
            ("Jong, Michiel de", ["Jong, Michiel de"], nil),
            ("Priya Natarajan and Colm Hegarty", ["Priya Natarajan", "Colm Hegarty"], nil),
            ("A. Smith, B. Jones, and C. Brown", ["A. Smith", "B. Jones", "C. Brown"], nil),
            ("Bruno (Henrique Zecchin) Rodrigues", ["Bruno (Henrique Zecchin) Rodrigues"], nil),
            ("Our Foreign Staff", [], "Our Foreign Staff"),
            ("Jack Ma", ["Jack Ma"], nil),
            ("史蒂文的家", ["史蒂文的家"], nil),
            ("Sign In", [], nil), ("FAIL", [], nil), ("por", [], nil), ("Follow Author", [], nil),
            ("Einheimischen, Gästen und ganz viel Kühen", [], nil),
            ("Autor Mark Newton", ["Mark Newton"], nil), ("Übersetzung Sarah-Indra Jungblut", [], nil),
            ("Photos by Jane Doe", [], nil),
            ("Ana María de la Cruz and Luis van der Berg", ["Ana María de la Cruz", "Luis van der Berg"], nil),
            ("More Richard (R.J.) Eskow", [], nil),
            // Labels in other languages and "Label: value" lines (trafilatura's evaluation pages).
            ("Veröffentlicht von Cem Basman", ["Cem Basman"], nil),
            ("Publicado por Ana García", ["Ana García"], nil),
            ("Artikel von", [], nil), ("Rezept von", [], nil), ("No Author", [], nil), ("Datum", [], nil),
            ("Gesponserte Inhalte", [], nil),
            ("Interview: Julia Lauter", ["Julia Lauter"], nil),
            ("Text Interview: Harald Willenbrock", ["Harald Willenbrock"], nil),
            ("Katharina Schmidt Kategorien: Mode", ["Katharina Schmidt"], nil),
            ("Alexander Karper Foto: © GEPA", ["Alexander Karper"], nil),
            ("Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet", ["Fritz Imhof"], nil),
            ("Inga HoeltmannFollow", ["Inga Hoeltmann"], nil),
            ("Anna McFollow", ["Anna McFollow"], nil),
            // The place after the agency is no second author.
            ("Nada Tawfik, BBC News, New York", ["Nada Tawfik"], "BBC News, New York"),
            ("Jane Doe, Reuters, and John Roe", ["Jane Doe", "John Roe"], "Reuters"),
            // Without an "and", one word after a full name is a place, not a second writer
            // (a meta author "Sebastian Held, Daniel Hentschel ebrosia, Germany").
            ("Sebastian Held, Daniel Hentschel ebrosia, Germany", ["Sebastian Held"], "Germany"),
            ("Jane Doe, London", ["Jane Doe"], "London"),
            ("Jane Doe and Cher", ["Jane Doe", "Cher"], nil),
            ("Doe, Jane", ["Doe, Jane"], nil),
            // A site's address or a source label is no person; initials' dots are.
            ("Vegolosi.it", [], nil), ("Redakcja Forsal.pl", [], nil), ("Quelle", [], nil),
            ("J.R.R. Tolkien", ["J.R.R. Tolkien"], nil),
            // Titles before the name go; two words stay a name.
            ("Rechtsanwalt Sebastian Einbock", ["Sebastian Einbock"], nil),
            ("Dr. Jane Doe", ["Jane Doe"], nil),
            // Desks are roles, companies are nobody.
            ("TVT-Redaktion", [], "TVT-Redaktion"), ("Redacción EC", [], "Redacción EC"),
            ("NATURSTROM AG", [], nil), ("RTL Online", [], nil), ("wegewerk GmbH", [], nil),
            ("Perform Media Deutschland GmbH", [], nil),
            // A separator set before the name; a handle written with marks stays as written.
            ("/ Cory Doctorow", ["Cory Doctorow"], nil), ("— Jane Doe", ["Jane Doe"], nil),
            ("-_TheLordHelix_-", ["-_TheLordHelix_-"], nil),
            // "and" as y / e between names of two words or more; not inside one name.
            ("Keith Bradsher y Tariq Panja", ["Keith Bradsher", "Tariq Panja"], nil),
            ("Isabel Caro, Rocío Latorre y José Miguel Wilson", ["Isabel Caro", "Rocío Latorre", "José Miguel Wilson"], nil),
            ("Ana Lima e João Silva", ["Ana Lima", "João Silva"], nil),
            ("José Ortega y Gasset", ["José Ortega y Gasset"], nil),
            // A name, then the writer's handle: the name (an address stays no name).
            ("Eric Levitz@EricLevitz", ["Eric Levitz"], nil),
            ("Chris Pokorny @DawgsByNature Nov", ["Chris Pokorny"], nil),
            ("jane@example.com", [], nil),
            ("Subject", [], nil),
        ]
        for (raw, names, role) in cases {
            let p = AuthorNames.parse(raw)
            XCTAssertEqual(p.names, names, raw)
            XCTAssertEqual(p.role, role, raw)
        }
    }

    func testTextBylinesKeepTheirAuthor() {
        // The text reader's bylines: `author` as before, `authors` derived from it.
        let b = Block(index: 0, text: "By Priya Natarajan and Colm Hegarty", label: .byline, rule: "test",
                      value: "Priya Natarajan and Colm Hegarty")
        let a = ArticleBuilder.build(source: "x.txt", format: "text", blocks: [b])
        XCTAssertEqual(a.author, "Priya Natarajan and Colm Hegarty")
        XCTAssertEqual(a.authors, ["Priya Natarajan", "Colm Hegarty"])
        XCTAssertNil(a.authorRole)
        let r = ArticleBuilder.build(source: "x.txt", format: "text",
                                     blocks: [Block(index: 0, text: "Reuters", label: .byline, rule: "test", value: "Reuters")])
        XCTAssertEqual(r.author, "Reuters")
        XCTAssertEqual(r.authors, [String]())
        XCTAssertEqual(r.authorRole, "Reuters")
        // A string that names nobody stays `author` as the reader gave it ("CDU"),
        // but an interface label is no author at all.
        for (raw, author) in [("CDU", "CDU"), ("DATE", nil), ("Subject:", nil)] as [(String, String?)] {
            let x = ArticleBuilder.build(source: "x.txt", format: "text",
                                         blocks: [Block(index: 0, text: raw, label: .byline, rule: "test", value: raw)])
            XCTAssertEqual(x.author, author, raw)
            XCTAssertEqual(x.authors, [String](), raw)
        }
    }

    func testAPublishersMetaAuthorGivesWayToTheWritersByline() {
        // A page's meta author is the publisher ("Süddeutsche.de GmbH"); the byline
        // in the story ("Von Markus Balser, Berlin") names the writer.
        func byline(_ s: String, _ i: Int) -> Block { Block(index: i, text: s, label: .byline, rule: "test", value: s) }
        let a = ArticleBuilder.build(source: "x.html", format: "html", blocks: [byline("Süddeutsche.de GmbH", 0), byline("Markus Balser", 1)])
        XCTAssertEqual(a.authors, ["Markus Balser"])
        XCTAssertEqual(a.author, "Markus Balser")
        // A first byline that is a role or a person stays (a later one is often a teaser's).
        let desk = ArticleBuilder.build(source: "x.txt", format: "text", blocks: [byline("Reuters", 0), byline("Jane Doe", 1)])
        XCTAssertEqual(desk.author, "Reuters")
        let two = ArticleBuilder.build(source: "x.txt", format: "text", blocks: [byline("Jane Doe", 0), byline("John Roe", 1)])
        XCTAssertEqual(two.authors, ["Jane Doe"])
    }
}

/// Lead paragraphs in a container of their own, away from the rest of the
/// story (the nytimes shape): body, because they are written with the same
/// markup as the body's paragraphs.
final class LeadParagraphTests: XCTestCase {
    func testLeadParagraphsOutsideTheContentRoot() {
        func p(_ s: String) -> String { "<p class=\"story-body-text story-content\">\(s)</p>" }
        let leads = (1...4).map { p("Lead paragraph \($0) tells what happened in the capital on Tuesday night, when the power failed across the city.") }
        let rest = (1...9).map { p("Body paragraph \($0) explains, with some detail and several quotes, why the grid could not cope with the heat, and what comes next.") }
        // Enough other text in <main> that widening the root to it does not pay.
        let teasers = (1...8).map { "<li><a href=\"/s\($0)\">Teaser headline number \($0) about another story in the world section that readers liked today</a></li>" }.joined()
        let html = """
        <html><head><title>Blackout Hits The Capital</title></head><body>
        <div class="page"><header class="masthead"><a href="/">The Times</a></header>
        <main><div class="story-meta"><h1>Blackout Hits The Capital</h1><p class="byline">By Ana Ruiz</p></div>
        <div class="lede-column"><div class="story-body story-body-1">\(leads.joined())</div></div>
        <div class="ad"><p>Advertisement</p></div>
        <section class="story-wrap"><div class="story-body story-body-2">\(rest.joined())</div>
        <div class="story-body story-body-3">\(p("A last paragraph says that the city will review its plans before next summer, officials said."))</div></section>
        <div class="more-in-world"><h3>More in World</h3><ul>\(teasers)</ul></div>
        </main><footer class="site-footer"><p>Copyright 2017 The Times, all rights reserved in every country of the world.</p></footer></div></body></html>
        """
        let page = HTMLReader().read(bytes: Array(html.utf8), source: "p.html")
        let a = ArticleBuilder.build(source: "p.html", format: "html", blocks: page.blocks)
        let texts = a.paragraphs.map(\.text)
        XCTAssertEqual(texts.count, 14, texts.joined(separator: "\n"))
        XCTAssertTrue(texts.first?.hasPrefix("Lead paragraph 1") ?? false, texts.first ?? "")
        XCTAssertFalse(a.bodyText.contains("Copyright"))
        XCTAssertFalse(a.bodyText.contains("Advertisement"))
    }

    func testSameMarkupAfterTheContentIsNotBody() {
        func post(_ title: String, _ n: Int, _ words: String) -> String {
            "<div class=\"post\"><h2>\(title)</h2><div class=\"entry-content\">"
                + (1...n).map { "<p>Paragraph \($0) of \(words), long enough to count as prose in any page of a blog like this one.</p>" }.joined()
                + "</div></div>"
        }
        let html = """
        <html><head><title>Main Post</title></head><body><h1>Main Post</h1>
        \(post("Main Post", 8, "the main post"))
        <div class="ad"><p>Advertisement</p></div>
        \(post("Older Post", 2, "an older post"))
        </body></html>
        """
        let page = HTMLReader().read(bytes: Array(html.utf8), source: "p.html")
        let a = ArticleBuilder.build(source: "p.html", format: "html", blocks: page.blocks)
        XCTAssertEqual(a.paragraphs.count, 8, a.bodyText)
        XCTAssertFalse(a.bodyText.contains("older post"))
    }
}

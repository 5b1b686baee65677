import Foundation
import XCTest
@testable import Report

/// The writer without a browser: numbers and dates for people, chart{}
/// options, SVG structure, large outputs, and that the page is the same bytes.
final class ReportTests: XCTestCase {
    func testNumbersForPeople() {
        let cases: [(Double, String)] = [(0, "0"), (7, "7"), (3.7, "3.7"), (18.32, "18.3"), (0.125, "0.13"), (42.25, "42.3"),
                                         (950, "950"), (1000, "1k"), (1234, "1.2k"), (12_345, "12k"), (999_999, "1M"),
                                         (2_500_000, "2.5M"), (3.4e9, "3.4B"), (-1500, "-1.5k")]
        for (v, s) in cases { XCTAssertEqual(Human.short(v), s, "\(v)") }
        XCTAssertEqual(Human.cell(1949, written: "1949"), "1949", "four digits stay as written (years)")
        XCTAssertEqual(Human.cell(1_234_567, written: "1234567"), "1,234,567")
        XCTAssertEqual(Human.cell(12.5, written: "12.5"), "12.5")
    }

    func testDatesAsDates() throws {
        XCTAssertEqual(Day.number(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(Day.number(year: 2000, month: 3, day: 1), 11017)
        for d in [-800_000, -1, 0, 59, 11017, 20_000, 700_000] {
            let c = Day.civil(d)
            XCTAssertEqual(Day.number(year: c.year, month: c.month, day: c.day), d)
        }
        let year = try XCTUnwrap(Day.parse(.number(1949, "1949")))
        XCTAssertEqual(Day.label(year.day, year.unit), "1949")
        let month = try XCTUnwrap(Day.parse(.text("2015-03")))
        XCTAssertEqual(Day.label(month.day, month.unit), "Mar 2015")
        let day = try XCTUnwrap(Day.parse(.text("2015-03-04T10:00:00Z")))
        XCTAssertEqual(Day.label(day.day, day.unit), "4 Mar 2015")
        XCTAssertEqual(Day.label(Day.advance(day.day, .month, by: 11), .month), "Feb 2016")
        XCTAssertNil(Day.parse(.text("2015-13")))
        XCTAssertNil(Day.parse(.text("china")))
        XCTAssertNil(Day.parse(.number(29, "29")))
    }

    func testChartOptionsAreCheckedWhenDeclared() {
        func message(_ o: [String: ChartOption]) -> String {
            do { _ = try ChartSpec(options: o); return "accepted" } catch { return error.description }
        }
        XCTAssertEqual(message(["kind": .string("pie")]), "chart: kind must be one of bar, line, histogram, scatter, network, not 'pie'")
        XCTAssertEqual(message(["kind": .string("bar"), "x": .string("word")]),
                       #"chart: a bar chart needs x and y, as in chart { kind = "bar", x = "word", y = "count" }"#)
        XCTAssertEqual(message(["kind": .string("histogram"), "x": .string("n"), "y": .string("m")]),
                       #"chart: a histogram chart takes x, bins, title, only, except, not 'y' (chart { kind = "histogram", x = "words", bins = 10 })"#)
        XCTAssertEqual(message(["kind": .string("line"), "x": .string("d"), "by": .string("week")]), "chart: by must be day, month or year, not 'week'")
        XCTAssertEqual(message(["kind": .string("bar"), "x": .string("w"), "y": .string("c"), "top": .number(2.5)]),
                       "chart: top must be a whole number from 1 to 1000")
        XCTAssertEqual(message(["kind": .string("network")]), "accepted")
    }

    func words(_ n: Int) -> ReportInput {
        let rows: [[ReportValue?]] = (0..<n).map { i in [.number(Double(i + 1), String(i + 1)), .text("w\(i + 1)"), .number(Double(n - i), String(n - i))] }
        var bar = ChartSpec(kind: .bar)
        bar.x = "word"
        bar.y = ["count"]
        return ReportInput(title: "t.lua", charts: [bar], columns: ["rank", "word", "count"], rows: rows)
    }

    func count(_ s: String, _ needle: String) -> Int { s.components(separatedBy: needle).count - 1 }

    /// One bar per record, the category and value labels, a legend and axis.
    func testBarsAreRecords() {
        let html = HTMLReport.render(words(12)).html
        XCTAssertEqual(count(html, "<rect class=\"bar\""), 12)
        XCTAssertEqual(count(html, "class=\"category\""), 12)
        XCTAssertTrue(html.contains(">w1</text>") && html.contains(">w12</text>"))
        XCTAssertTrue(html.contains("<g class=\"legend\">"))
        XCTAssertTrue(html.contains("<title>word: w1, count: 12</title></rect>"), "a bar's tooltip names its record")
        XCTAssertTrue(html.contains("text-anchor=\"middle\">count</text>"), "the axis title")
        // the ticks of 0...12 are 0, 5, 10, 15
        for t in ["0", "5", "10", "15"] { XCTAssertTrue(html.contains("text-anchor=\"middle\">\(t)</text>"), t) }
        XCTAssertEqual(count(html, "<tr>"), 13, "a header and 12 rows")
        XCTAssertEqual(count(html, "<tr hidden>"), 0)
    }

    /// Large outputs: the top bars with a note, the first rows shown, all in the file.
    func testLargeOutputsStayUsable() {
        var input = words(1500)
        input.rows.append([.number(1501, "1501"), .text("<script>alert(1)</script>"), .number(12_345, "12345")])
        let html = HTMLReport.render(input).html
        XCTAssertEqual(count(html, "<rect class=\"bar\""), 25)
        XCTAssertTrue(html.contains("<p class=\"note\">the top 25 of 1501 records by count; 1476 left out</p>"))
        XCTAssertEqual(count(html, "<tr>"), 101, "a header and the first 100 rows")
        XCTAssertEqual(count(html, "<tr hidden>"), 1401)
        XCTAssertTrue(html.contains("The first 100 of 1501 records are shown; all are in this file."))
        XCTAssertTrue(html.contains("<td class=\"num\" data-value=\"12345\">12,345</td>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertTrue(html.contains(">12k</text>"), "the top bar's value, for people")
    }

    func testFiltersLineHistogramScatterAndNetwork() {
        let rows: [[ReportValue?]] = [
            [.text("a.txt"), .number(1949, "1949"), .number(120, "120"), .text("B (3), C (1)")],
            [.text("b.txt"), .number(1953, "1953"), .number(80, "80"), .text("A (3)")],
            [.text("c.txt"), .number(1953, "1953"), .number(30, "30"), .text("A (1)")],
            [.text("(all)"), .number(2015, "2015"), .number(230, "230"), .text("")],
        ]
        func spec(_ kind: ChartKind, _ body: (inout ChartSpec) -> Void) -> ChartSpec {
            var s = ChartSpec(kind: kind)
            s.except = ["source": "(all)"]
            body(&s)
            return s
        }
        let charts = [
            spec(.line) { $0.x = "year" },
            spec(.histogram) { $0.x = "words"; $0.bins = 4 },
            spec(.scatter) { $0.x = "words"; $0.y = ["year"]; $0.label = "source" },
            spec(.network) { $0.source = "name"; $0.target = "with" },
        ]
        let input = ReportInput(title: "t", charts: charts, columns: ["source", "year", "words", "with"],
                                rows: rows.map { [$0[0], $0[1], $0[2], $0[3]] }, shownRows: 10)
        // the network names a field no record has: it says so instead of drawing
        let page = HTMLReport.render(input)
        XCTAssertEqual(page.warnings, ["html: chart 4 (network) has nothing to draw: no record has the field 'name' (fields: source, year, words, with)"])
        let html = page.html
        XCTAssertTrue(html.contains(">1950</text>"), "years on the time axis")
        XCTAssertFalse(html.contains(">2015</text>"), "the (all) row is left out")
        // 1949..1953: two units of five have records, so counts are stems
        XCTAssertEqual(count(html, "<line class=\"stem\""), 2)
        XCTAssertEqual(count(html, "<rect class=\"bin\""), 5, "30, 80 and 120 in about 4 bins: 20-40, ..., 100-120")
        XCTAssertTrue(html.contains("records per bin of 20"))
        XCTAssertTrue(html.contains("<title>20 to 40: 1 record</title>") && html.contains("<title>100 to 120: 1 record</title>"))
        XCTAssertEqual(count(html, "<circle class=\"point\" data-record"), 3)
        var net = ChartSpec(kind: .network)
        net.target = "with"
        let edges = ReportInput(title: "t", charts: [net], columns: ["source", "with"],
                                rows: [[.text("A"), .text("B (3), C (1)")], [.text("B"), .text("A (3)")], [.text("C"), .text("A (1)")]])
        let drawn = Network.draw(net, edges)
        // A-B and B-A are one link of weight 3 (the widest line), A-C one of weight 1
        XCTAssertEqual(count(drawn.svg, "<line class=\"edge\""), 2)
        XCTAssertEqual(count(drawn.svg, "<circle class=\"node\""), 3)
        XCTAssertTrue(drawn.svg.contains("stroke-width=\"6\"><title>A – B: 3</title>"), drawn.svg)
        XCTAssertTrue(drawn.svg.contains("stroke-width=\"2.7\"><title>A – C: 1</title>"), drawn.svg)
        XCTAssertEqual(HTMLReport.render(input).html, html, "the same bytes every time")
    }

    /// Two y fields: two lines and a legend of both; months on the axis.
    func testLineSeriesByMonth() {
        var spec = ChartSpec(kind: .line)
        spec.x = "day"; spec.y = ["a", "b"]; spec.by = .month
        var rows: [[ReportValue?]] = []
        for (i, d) in ["2023-11-20", "2023-12-02", "2023-12-30", "2024-01-15", "2024-03-01"].enumerated() {
            rows.append([.text(d), .number(Double(i), String(i)), .number(2, "2")])
        }
        rows.append([.text("someday"), .number(1, "1"), .number(1, "1")])
        let drawn = Charts.draw(spec, ReportInput(title: "t", charts: [spec], columns: ["day", "a", "b"], rows: rows))
        XCTAssertEqual(count(drawn.svg, "<polyline class=\"series\""), 2)
        XCTAssertTrue(drawn.svg.contains(">a</text>") && drawn.svg.contains(">b</text>"), "the legend names both")
        for month in ["Nov 2023", "Dec 2023", "Jan 2024", "Feb 2024", "Mar 2024"] {
            XCTAssertTrue(drawn.svg.contains(">\(month)</text>"), month)
        }
        // sums per month: Dec 2023 holds records 1 and 2, so a = 3 there; no zeros are made up (4 months have data)
        XCTAssertTrue(drawn.svg.contains("<title>Dec 2023: 3 a</title>"), drawn.svg)
        XCTAssertEqual(count(drawn.svg, "<circle class=\"point\""), 8)
        XCTAssertEqual(drawn.notes, ["1 record without a date in day left out"])
    }

    func testLargeScattersAreThinned() {
        var spec = ChartSpec(kind: .scatter)
        spec.x = "a"; spec.y = ["b"]; spec.label = "name"
        func input(_ n: Int) -> ReportInput {
            var rows: [[ReportValue?]] = []
            for i in 0..<n {
                let a: ReportValue = .number(Double(i), String(i)), b: ReportValue = .number(Double(i % 7), String(i % 7))
                rows.append([.text("p\(i)"), a, b])
            }
            return ReportInput(title: "t", charts: [spec], columns: ["name", "a", "b"], rows: rows)
        }
        let big = Charts.draw(spec, input(2500))
        XCTAssertEqual(count(big.svg, "<circle class=\"point\""), 2000)
        XCTAssertEqual(big.notes, ["the first 2000 of 2500 points; 500 left out"])
        XCTAssertEqual(count(big.svg, "class=\"point-label\""), 0, "no labels over 100 points")
        XCTAssertGreaterThan(count(Charts.draw(spec, input(100)).svg, "class=\"point-label\""), 10)
    }

    func testNetworkKeepsTheMostLinkedNodes() {
        var net = ChartSpec(kind: .network)
        net.top = 3
        let rows: [[ReportValue?]] = [[.text("hub"), .text("a"), .number(5, "5")], [.text("hub"), .text("b"), .number(4, "4")],
                                      [.text("hub"), .text("c"), .number(1, "1")], [.text("a"), .text("b"), .number(1, "1")]]
        let drawn = Network.draw(net, ReportInput(title: "t", charts: [net], columns: ["source", "target", "weight"], rows: rows))
        XCTAssertEqual(drawn.notes, ["the 3 most linked of 4 nodes; 1 left out"])
        XCTAssertEqual(count(drawn.svg, "<circle class=\"node\""), 3)
        XCTAssertFalse(drawn.svg.contains(">c</text>"))
        XCTAssertEqual(count(drawn.svg, "<line class=\"edge\""), 3, "hub-a, hub-b, a-b")
    }

    func testNetworkTargetsAndLayout() {
        XCTAssertEqual(Network.targets(.text("China (11), United States (6)")).map(\.name), ["China", "United States"])
        XCTAssertEqual(Network.targets(.text("China (11), United States (6)")).map(\.weight), [11, 6])
        XCTAssertEqual(Network.targets(.text("Chad")).map(\.name), ["Chad"])
        let edges = [Network.Edge(a: 0, b: 1, weight: 3), Network.Edge(a: 1, b: 2, weight: 1), Network.Edge(a: 3, b: 4, weight: 1)]
        let p = Network.layout(count: 5, edges: edges)
        XCTAssertEqual(p.map { "\($0)" }, Network.layout(count: 5, edges: edges).map { "\($0)" })
        for q in p { XCTAssertTrue((0...1).contains(q.0) && (0...1).contains(q.1), "\(q)") }
        // no two nodes on top of each other
        for i in 0..<5 { for j in (i + 1)..<5 {
            XCTAssertGreaterThan(hypot(p[i].0 - p[j].0, p[i].1 - p[j].1), 0.1, "\(i) and \(j)")
        } }
    }
}

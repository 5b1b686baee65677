import XCTest

/// `authors` and `author_role` (issue 15) in `lectern parse` JSON and in Lua.
final class AuthorFieldsTests: XCTestCase {
    let page = """
    <html><head><title>Turnout Rises In The Primaries</title></head><body><article>
    <h1>Turnout Rises In The Primaries</h1>
    <div class="byline">STEVE PEOPLES and Jill Colvin, AP National Political Writers</div>
    <div class="article-body">
    <p>Turnout in the primaries rose in every state that voted on Tuesday, officials said, with long lines at many polling places.</p>
    <p>Both campaigns said the numbers showed enthusiasm, and both said the other side should be worried about November.</p>
    </div></article></body></html>
    """

    func testParseJSONHasAuthorsAndRole() throws {
        let dir = try tempDir(self)
        let path = try write(dir, "p.html", page)
        let r = try lectern(["parse", path])
        XCTAssertEqual(r.status, 0, r.err)
        let obj = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        XCTAssertEqual(obj["author"] as? String, "STEVE PEOPLES and Jill Colvin")
        XCTAssertEqual(obj["authors"] as? [String], ["STEVE PEOPLES", "Jill Colvin"])
        XCTAssertEqual(obj["author_role"] as? String, "AP National Political Writers")
        // New keys sit right after `author`.
        let line = r.out
        let a = line.range(of: "\"author\":")!, s = line.range(of: "\"authors\":")!
        let role = line.range(of: "\"author_role\":")!, bio = line.range(of: "\"author_bio\":")!
        XCTAssertTrue(a.lowerBound < s.lowerBound && s.lowerBound < role.lowerBound && role.lowerBound < bio.lowerBound)
    }

    func testAuthorsInLua() throws {
        let dir = try tempDir(self)
        let path = try write(dir, "p.html", page)
        let script = try write(dir, "a.lua", """
        function article(a)
          print(#a.authors, a.authors[1], a.authors[2], a.author_role)
        end
        """)
        let none = try write(dir, "n.html", "<html><body><p>No byline on this page at all, only a paragraph of text.</p></body></html>")
        let r = try lectern(["run", script, path, none])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "2\tSTEVE PEOPLES\tJill Colvin\tAP National Political Writers\n0\tnil\tnil\tnil\n")
    }
}

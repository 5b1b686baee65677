// Parsing single files outside a run: for `lectern eval` and tests.
import Foundation
import ArticleModel

public enum ParseOnce {
    /// The article of one file (text, HTML, gzip), or why it could not be read.
    public static func parse(path: String, config: RunConfig = RunConfig()) -> Result<Article, InputError> {
        var c = config
        c.mode = .parse
        guard case .success(let worker) = Worker.make(runner: Runner(config: c), initialStates: [], args: [:]) else {
            return .failure(InputError(description: "\(path): cannot make a reader"))
        }
        let item = WorkItem(source: path, content: .file(path: path), size: 0)
        switch worker.load(item) {
        case .failure(let e): return .failure(e)
        case .success(let page): return .success(worker.build(item, page, page.blocks))
        }
    }

    /// Parses every file that expected.json names, from `dir`; files that fail
    /// are left out (the scorer counts them missing) and reported on stderr.
    public static func parseAll(dir: String, expected: Data, config: RunConfig) throws -> [String: Article] {
        guard let obj = try JSONSerialization.jsonObject(with: expected) as? [String: Any] else {
            throw InputError(description: "expected.json: not a JSON object of file names")
        }
        var out: [String: Article] = [:]
        for name in obj.keys.sorted() {
            let path = (dir as NSString).appendingPathComponent(name)
            switch parse(path: path, config: config) {
            case .success(var a):
                a.source = name
                out[name] = a
            case .failure(let e):
                FileHandle.standardError.write(Data("lectern: \(terminalSafe(e.description))\n".utf8))
            }
        }
        return out
    }
}

// One fuzz input goes through both readers: bytes -> decoded text -> labelled
// blocks -> Article -> JSON, and bytes -> HTML blocks -> Article -> JSON. A
// crash, a hang (-timeout) or a sanitizer report is a finding.
import ArticleModel
import ArticleParser
import HTMLExtractor

let reader = TextReader(rules: .defaults())
let html = HTMLReader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (text, _) = TextDecoding.decode(bytes)
    let a = ArticleBuilder.build(source: "fuzz", format: "text", blocks: reader.blocks(from: text))
    _ = a.json()
    let page = html.read(bytes: bytes, source: "fuzz")
    let b = ArticleBuilder.build(source: "fuzz", format: "html", url: page.url, blocks: page.blocks)
    _ = b.json()
    if let doc = page.document { _ = doc.xpath("//p") }
    return 0
}

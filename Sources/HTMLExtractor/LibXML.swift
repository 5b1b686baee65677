// The libxml2 layer: parser set-up, error silencing, parsing, XPath.
// No file of this target imports Foundation: Debian's libxml2 headers pull in
// ICU, and a Swift file that sees both Foundation and CLibXML2 fails to build.
internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

typealias XNode = UnsafeMutablePointer<xmlNode>

enum LibXML {
    /// Runs once per process: xmlInitParser() is not thread-safe the first time.
    /// Also installs no-op error handlers as the default for threads created
    /// later (libxml2 keeps its handlers per thread).
    static let ready: Bool = {
        xmlInitParser()
        xmlThrDefSetStructuredErrorFunc(nil) { _, _ in }
        xmlThrDefSetGenericErrorFunc(nil, silentGeneric)
        return true
    }()

    /// libxml2's generic handler is variadic, which Swift cannot write. A
    /// non-variadic C function that ignores its arguments is safe to call
    /// through a variadic pointer on the platforms Swift supports.
    static var silentGeneric: xmlGenericErrorFunc {
        let f: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = { _, _ in }
        return unsafeBitCast(f, to: xmlGenericErrorFunc.self)
    }

    /// Silences libxml2 on the calling thread (its handlers are thread-local).
    static func silenceThisThread() {
        _ = ready
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        xmlSetGenericErrorFunc(nil, silentGeneric)
    }

    /// Recover from bad markup, say nothing, never touch the network. libxml2's
    /// own depth and size limits stay on (no HUGE). IGNORE_ENC: the encoding we
    /// pass wins over a `<meta charset>` that may be wrong.
    static let options: Int32 = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        | HTML_PARSE_COMPACT.rawValue)

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> xmlDocPtr? {
        silenceThisThread()
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        let n = Int32(clamping: bytes.count)
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { p in
            htmlReadMemory(p, n, nil, encoding, options)
        }
    }

    /// True if libxml2 (with iconv/ICU) can decode `name`.
    static func supportsEncoding(_ name: String) -> Bool {
        _ = ready
        guard let h = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(h)
        return true
    }
}

/// Owns a libxml2 document; freed on deinit. Used by one worker thread at a
/// time. The tree is parsed from the page's bytes on the first query (with the
/// same encoding and options as the reader), so pages whose scripts never ask
/// for XPath never pay for it.
public final class HTMLDocument: @unchecked Sendable {
    private let bytes: [UInt8]
    private let encoding: String
    private var parsed: xmlDocPtr? = nil

    init(bytes: [UInt8], encoding: String) {
        self.bytes = bytes
        self.encoding = encoding
    }

    /// Parses a page on its own (charset chosen as the reader does).
    public convenience init(bytes: [UInt8]) {
        let enc = bytes.withUnsafeBufferPointer { Charset.choose($0) }
        self.init(bytes: bytes, encoding: enc)
    }

    deinit {
        if let d = parsed { xmlFreeDoc(d) }
    }

    /// The libxml2 document, parsed on first use; an empty HTML document when
    /// the bytes give none.
    var doc: xmlDocPtr {
        if let d = parsed { return d }
        let d = bytes.withUnsafeBufferPointer { LibXML.parse($0, encoding: encoding) } ?? htmlNewDoc(nil, nil)!
        parsed = d
        return d
    }

    /// The strings an XPath expression selects (text of elements, attribute
    /// values, string results), or an error message for a bad expression.
    ///
    /// - node sets: each node's string value, in document order; elements give
    ///   their text content (white space collapsed, trimmed), attributes their
    ///   value, text and comment nodes their content.
    /// - string, number, boolean results: one string ("3", "2.5", "true").
    public func xpath(_ query: String) -> Result<[String], XPathError> {
        LibXML.silenceThisThread()
        guard let ctx = xmlXPathNewContext(doc) else {
            return .failure(XPathError(message: "XPath: out of memory"))
        }
        defer { xmlXPathFreeContext(ctx) }
        ctx.pointee.error = { _, _ in }
        guard let obj = xmlXPathEvalExpression(query, ctx) else {
            var why = ""
            if let m = ctx.pointee.lastError.message {
                why = trimmed(String(cString: m))
            }
            return .failure(XPathError(message: "invalid XPath expression: \(query)" + (why.isEmpty ? "" : " (\(why))")))
        }
        defer { xmlXPathFreeObject(obj) }
        switch obj.pointee.type {
        case XPATH_NODESET:
            var out: [String] = []
            if let set = obj.pointee.nodesetval, let tab = set.pointee.nodeTab {
                let n = Int(set.pointee.nodeNr)
                out.reserveCapacity(n)
                for i in 0..<n {
                    if let node = tab[i] { out.append(Self.stringValue(node)) }
                }
            }
            return .success(out)
        case XPATH_BOOLEAN:
            return .success([obj.pointee.boolval != 0 ? "true" : "false"])
        case XPATH_NUMBER, XPATH_STRING:
            guard let s = xmlXPathCastToString(obj) else { return .success([""]) }
            defer { free(s) }
            return .success([String(cString: s)])
        default:
            guard let s = xmlXPathCastToString(obj) else { return .success([]) }
            defer { free(s) }
            return .success([String(cString: s)])
        }
    }

    static func stringValue(_ node: XNode) -> String {
        switch node.pointee.type {
        case XML_ELEMENT_NODE, XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE, XML_DOCUMENT_FRAG_NODE:
            guard let c = xmlNodeGetContent(node) else { return "" }
            defer { free(c) }
            return collapsed(c)
        default:
            guard let c = xmlNodeGetContent(node) else { return "" }
            defer { free(c) }
            return String(cString: c)
        }
    }

    /// White space runs become one space, ends trimmed.
    static func collapsed(_ c: UnsafePointer<xmlChar>) -> String {
        var out: [UInt8] = []
        var p = c
        var space = false
        while p.pointee != 0 {
            let b = p.pointee
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20); space = false }
                out.append(b)
            }
            p += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

public struct XPathError: Error, Sendable, Equatable {
    public var message: String
    public init(message: String) { self.message = message }
}

func trimmed(_ s: String) -> String {
    var u = Substring(s)
    while let f = u.first, f.isWhitespace { u.removeFirst() }
    while let l = u.last, l.isWhitespace { u.removeLast() }
    return String(u)
}

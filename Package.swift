// swift-tools-version:6.0
// Lectern: one target per layer, lowest first.
import PackageDescription

let package = Package(
    name: "Lectern",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lectern", targets: ["lectern"]),
        // The readers as a library, for the fuzzer (scripts/fuzz) and embedders.
        .library(name: "LecternReaders", targets: ["ArticleModel", "ArticleParser", "HTMLExtractor"]),
        // The Lua host as a library, for the script fuzzer (scripts/fuzz lua).
        .library(name: "LecternLuaHost", targets: ["LuaHost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C layer: Lua 5.4 and libxml2 from Debian, and the small C code that must
        // own every longjmp (lua_error), the capped allocator and the timeout hook.
        .systemLibrary(name: "CLua", pkgConfig: "lua5.4",
                       providers: [.apt(["liblua5.4-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CLuaBridge", dependencies: ["CLua"]),
        // The article model: plain values, JSON encoding, no I/O.
        .target(name: "ArticleModel"),
        // Plain-text scraped pages -> labelled blocks -> Article.
        .target(name: "ArticleParser", dependencies: ["ArticleModel"]),
        // Saved HTML pages -> the same labelled blocks -> Article. It uses the
        // text reader's rules engine for the phrases at the story's edges and
        // for --rules files.
        .target(name: "HTMLExtractor", dependencies: ["ArticleModel", "ArticleParser", "CLibXML2"]),
        // Embedded Lua: states, sandbox, model push, hooks, text module.
        // HTML reports: records as a sortable table and charts as inline SVG (--format html).
        .target(name: "Report"),
        .target(name: "LuaHost", dependencies: ["CLuaBridge", "ArticleModel", "Report"]),
        // Corpus walking, workers, ordered output, record formats.
        .target(name: "CorpusRunner",
                dependencies: ["ArticleModel", "ArticleParser", "HTMLExtractor", "LuaHost", "CZlib", "Report"]),
        .executableTarget(name: "lectern", dependencies: [
            "CorpusRunner",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ArticleParserTests", dependencies: ["ArticleParser", "ArticleModel"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "HTMLExtractorTests", dependencies: ["HTMLExtractor", "ArticleParser", "ArticleModel"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "CZlib"]),
        .testTarget(name: "LecternTests", dependencies: ["CorpusRunner", "LuaHost", "ArticleParser", "ArticleModel"],
                    exclude: ["Fixtures"]),  // read by path (WARCTests), not bundled
    ]
)

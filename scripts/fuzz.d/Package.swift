// swift-tools-version:6.0
// The libFuzzer targets: ParserFuzz (the readers) and LuaFuzz (the Lua host);
// built by scripts/fuzz with `swift build -c release --sanitize=fuzzer --sanitize=address`.
import PackageDescription

let package = Package(
    name: "LecternFuzz",
    dependencies: [.package(name: "Lectern", path: "../..")],
    targets: [
        .executableTarget(
            name: "ParserFuzz",
            dependencies: [.product(name: "LecternReaders", package: "Lectern")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "LuaFuzz",
            dependencies: [.product(name: "LecternReaders", package: "Lectern"),
                           .product(name: "LecternLuaHost", package: "Lectern")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)

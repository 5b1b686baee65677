// swift-tools-version:6.0
// The libFuzzer target for Lectern's readers; built by scripts/fuzz with
// `swift build -c release --sanitize=fuzzer --sanitize=address`.
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
    ]
)

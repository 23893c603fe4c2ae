// swift-tools-version:6.0
import PackageDescription

// Release builds of the programs that render letters (brev, brev-service, the letter
// benchmarks) use jemalloc (Debian's libjemalloc2): the pipeline allocates many small,
// short-lived objects, and glibc's malloc cost more CPU per letter (Benchmarks/README.md).
// Debug builds, which the tests and ThreadSanitizer run, keep glibc's (and brev-service's
// two-arena setting, MallocArenas, is for them).
let jemallocInRelease: [LinkerSetting] = [.linkedLibrary("jemalloc", .when(configuration: .release))]

// Module boundaries follow docs/DESIGN.md: data flows one way, Case → Template → Document →
// Layout → PDF, and only BrevPipeline knows every stage.
let package = Package(
    name: "brev",
    platforms: [.macOS(.v14)],
    products: [
        // The letter commands (render, check, standard); brev runs brev-service for the rest.
        .executable(name: "brev", targets: ["brev"]),
        // serve, batch, users: the commands that need the server's libraries.
        .executable(name: "brev-service", targets: ["brev-service"]),
        .library(name: "BrevPipeline", targets: ["BrevPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // SF1601 over HTTPS (BrevTransport) and the tests' local SF1601 server (NIOHTTP1).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in Hummingbird's graph; named so BrevServer may use HTTPField.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The PostgreSQL batch journal shared by several workers (BrevStore).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already in postgres-nio's graph (BoringSSL); named so the service hashes each PDF it
        // hands out with the CPU's SHA instructions (BrevServer's PDFDigest).
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        // System libraries (Debian -dev packages; scripts/setup.sh installs them).
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz", providers: [.apt(["libharfbuzz-dev"])]),
        // hb-subset, for the HTML twin's web fonts (BrevWebFont).
        .systemLibrary(name: "CHarfBuzzSubset", pkgConfig: "harfbuzz-subset", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libdeflate: the PDF writer's whole-buffer compressor (FlateDecode), faster than zlib at the same ratio.
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // libhyphen ships no .pc file; the modulemap links it.
        .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev", "hyphen-da"])]),
        // ICU hides behind a C target whose header has no ICU types: Foundation's own ICU
        // module would clash with the system headers (platform-notes.md §1).
        .target(name: "CICUBreak", linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]),

        .target(name: "BrevCore", dependencies: ["CZlib"]),
        .target(name: "BrevCase", dependencies: ["BrevCore", .product(name: "Yams", package: "Yams")]),
        .target(name: "BrevDocument", dependencies: ["BrevCore"]),
        .target(name: "BrevTemplate", dependencies: [
            "BrevCore", "BrevCase", "BrevDocument", "CLibXML2",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The layout's output (pages of positioned glyph runs and their structure): all that the
        // PDF and PNG writers see of a letter.
        .target(name: "BrevPages"),
        .target(name: "BrevLayout", dependencies: ["BrevCore", "BrevDocument", "BrevPages", "CHarfBuzz", "CICUBreak", "CHyphen"]),
        // The PDF writer subsets its fonts with hb-subset.
        .target(name: "BrevPDF", dependencies: ["BrevCore", "BrevPages", "CHarfBuzzSubset", "CLibDeflate"]),
        // Pages as PNG images with cairo, for the visual tests. Only the tests link it: a program
        // that links cairo loads it and its libraries (X11, xcb, fontconfig, pixman…) at every start.
        .target(name: "BrevPageImages", dependencies: ["BrevPages", "CCairo", "CFreeType"]),
        .target(name: "BrevDigitalPost", dependencies: ["BrevCore", "CLibXML2"]),
        // The HTML twin's web fonts: subsets of Fonts/ to the characters a page shows.
        .target(name: "BrevWebFont", dependencies: ["BrevDocument", "CHarfBuzzSubset"]),
        .target(name: "BrevStandard", dependencies: [
            "BrevCore", "BrevCase", "BrevDocument", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "BrevPipeline", dependencies: [
            "BrevCore", "BrevCase", "BrevDocument", "BrevTemplate", "BrevLayout", "BrevPDF", "BrevDigitalPost", "BrevStandard", "BrevWebFont",
        ]),
        // The batch job: a journal (SQLite via GRDB; PostgreSQL later), a transport (the outbox
        // folder; SF1601 over HTTPS later) and the runner that drives pipelines through them.
        .target(name: "BrevStore", dependencies: [
            "BrevCore", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .target(name: "BrevTransport", dependencies: [
            "BrevCore", "BrevDigitalPost",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .target(name: "BrevBatch", dependencies: ["BrevPipeline", "BrevStore", "BrevTransport", "BrevCore"]),
        // The caseworkers' service (issue 13): a JSON API over the pipeline, tokens and an audit log in SQLite.
        .target(name: "BrevServer", dependencies: [
            "BrevPipeline", "BrevCase", "BrevCore", "BrevDigitalPost", "BrevBatch", "BrevStore",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // What both executables' commands share: resource options, reading inputs, the crash line.
        .target(name: "BrevCommandLine", dependencies: [
            "BrevPipeline", "BrevCore", "BrevCase", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The command line of the letters. It links none of the server's libraries (HTTP, SQLite,
        // PostgreSQL, TLS), so a one-letter render starts without loading them: serve, batch and
        // users run in brev-service, which brev executes for them (ServiceLauncher).
        .executableTarget(name: "brev", dependencies: [
            "BrevCommandLine", "BrevPipeline", "BrevCore", "BrevCase", "BrevDigitalPost", "BrevStandard", "BrevDocument",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: jemallocInRelease),
        .executableTarget(name: "brev-service", dependencies: [
            "BrevCommandLine", "BrevPipeline", "BrevCore", "BrevBatch", "BrevStore", "BrevTransport", "BrevServer",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: jemallocInRelease),

        // Speed is measured here, never in a timed unit test: `swift run -c release letter-benchmark`.
        .executableTarget(name: "letter-benchmark", dependencies: ["BrevPipeline", "BrevCore"],
                          path: "Benchmarks/LetterBenchmark",
                          linkerSettings: jemallocInRelease),
        .executableTarget(name: "peer-letter-benchmark", dependencies: ["BrevCore", "BrevPipeline"],
                          path: "Benchmarks/PeerLetter", exclude: ["template"],
                          linkerSettings: jemallocInRelease),
        .executableTarget(name: "layout-scaling-benchmark", dependencies: ["BrevCore", "BrevDocument", "BrevLayout"],
                          path: "Benchmarks/LayoutScaling"),
        // libFuzzer target (scripts/fuzz.sh builds it with -sanitize=fuzzer in .build-fuzz);
        // in the normal build it is a plain program that replays case (and letter XHTML) files.
        .executableTarget(name: "case-fuzzer", dependencies: ["BrevPipeline", "BrevTemplate", "BrevDocument", "BrevCore"],
                          path: "Fuzz/CaseFuzzer"),
        // Pipelines side by side on threads, for ThreadSanitizer and AddressSanitizer builds
        // (scripts/stress.sh): what `brev batch --jobs N` and `brev serve` do in one process.
        .executableTarget(name: "pipeline-stress", dependencies: ["BrevPipeline", "BrevCore"], path: "Fuzz/PipelineStress"),
        .executableTarget(name: "batch-benchmark", dependencies: ["BrevBatch", "BrevStore", "BrevCore"],
                          path: "Benchmarks/BatchBenchmark"),
        // Shared by the tests: repository paths, a fixed date, running pdftotext and friends.
        .target(name: "BrevTestSupport", dependencies: ["BrevCore"]),
        .testTarget(name: "BrevCoreTests", dependencies: ["BrevCore", "BrevTestSupport"]),
        .testTarget(name: "BrevCaseTests", dependencies: ["BrevCase", "BrevCore", "BrevTestSupport"]),
        .testTarget(name: "BrevTemplateTests", dependencies: ["BrevTemplate", "BrevDocument", "BrevCase", "BrevCore", "BrevTestSupport",
                                                             .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "BrevLayoutTests", dependencies: ["BrevLayout", "BrevDocument", "BrevCore", "BrevTestSupport"]),
        .testTarget(name: "BrevPipelineTests", dependencies: ["BrevPipeline", "BrevDocument", "BrevCase", "BrevCore", "BrevPDF", "BrevPages",
                                                             "BrevLayout", "BrevTemplate", "BrevTestSupport", "BrevCommandLine", "BrevPageImages",
                                                             "BrevWebFont", "CHarfBuzzSubset"],
                    exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "BrevStandardTests", dependencies: ["BrevStandard", "BrevPipeline", "BrevDocument", "BrevCase", "BrevCore",
                                                             "BrevTestSupport"]),
        .testTarget(name: "BrevDigitalPostTests", dependencies: ["BrevDigitalPost", "BrevCore", "BrevTestSupport"]),
        .testTarget(name: "BrevServerTests", dependencies: [
            "BrevServer", "BrevPipeline", "BrevCore", "BrevTestSupport", "BrevBatch", "BrevStore",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(name: "BrevBatchTests", dependencies: ["BrevBatch", "BrevStore", "BrevTransport", "BrevPipeline", "BrevLayout", "BrevCore", "BrevTestSupport",
                                                          .product(name: "NIOCore", package: "swift-nio"),
                                                          .product(name: "NIOPosix", package: "swift-nio"),
                                                          .product(name: "NIOHTTP1", package: "swift-nio")]),
    ]
)

// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "vanban",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vanban", targets: ["vanban"]),
        .library(name: "VanBan", targets: ["VanBan"]),
        // The FTS5 tokenizer as a loadable SQLite extension, so the sqlite3 shell and
        // Datasette can run MATCH queries on an archive (`.load libCVietText`).
        .library(name: "CVietText", type: .dynamic, targets: ["CVietText"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Only for NIOCore's IOError: `serve` reads a failed bind's errno from it (Hummingbird's own dependency).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(
            name: "CVietText",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("sqlite3"),
                .linkedLibrary("deflate"),
            ]
        ),
        // The search index's postings and query evaluation (C, over CVietText's tokenizer).
        .target(
            name: "CSearch",
            dependencies: ["CVietText"],
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        .target(
            name: "VanBan",
            dependencies: [
                "CVietText",
                "CSearch",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "VanBanServer",
            dependencies: [
                "VanBan",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "vanban",
            dependencies: [
                "VanBan",
                "VanBanServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "VanBanTests",
            dependencies: ["VanBan", "VanBanServer", "vanban", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
    ]
)

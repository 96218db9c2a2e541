import Foundation
import VanBan
import XCTest

/// Paths and helpers shared by the tests: the repository, its corpus and rules, temporary
/// folders, archives built from real files, and the `vanban` executable.
enum Support {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.appendingPathComponent("corpus")
    static let fixtures = repository.appendingPathComponent("Tests/VanBanTests/Fixtures")
    static let rules = try! RuleSet(directory: repository.appendingPathComponent("indexer"))

    /// The `vanban` built beside the test bundle (swift test builds it: the tests depend on it).
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
        let beside = testBinary.deletingLastPathComponent().appendingPathComponent("vanban")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repository.appendingPathComponent(".build/debug/vanban")
    }()

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of `corpus/` (and optionally the fixtures) in a new folder.
    static func corpusCopy(withFixtures: Bool = false) throws -> URL {
        let folder = try temporaryDirectory().appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: corpus, to: folder)
        if withFixtures {
            for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where name.hasSuffix(".txt") {
                try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name),
                                                 to: folder.appendingPathComponent(name))
            }
        }
        return folder
    }

    /// The documents (`.txt`) of a folder of `Fixtures/` in a new folder, without their labels.
    static func fixtureCopy(_ name: String) throws -> URL {
        let folder = try temporaryDirectory().appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = fixtures.appendingPathComponent(name)
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) where file.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        return folder
    }

    /// Indexes `folder` into a new archive beside it and opens it.
    static func archive(of folder: URL) throws -> (Archive, IndexReport) {
        let path = folder.deletingLastPathComponent().appendingPathComponent("archive.db").path
        let report = try Indexer(archivePath: path, corpus: Corpus(root: folder), rules: rules).run()
        return (try Archive(path: path, rules: rules), report)
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the real `vanban` executable.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Output {
        var env = environment
        env["VANBAN_RULES"] = env["VANBAN_RULES"] ?? repository.appendingPathComponent("indexer").path
        return try run(executable, arguments, in: directory, environment: env)
    }

    /// The passages that are not headings: a document's paragraphs of text.
    static func body(_ passages: [Passage]) -> [Passage] {
        zip(passages, Passage.headings(amongPaths: passages.map(\.headingPath))).filter { !$0.1 }.map(\.0)
    }

    /// Writes a file of `folder` (and the folders on its way) with exactly these bytes.
    static func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Starts the real `vanban` in the background, its errors discarded and its output sent to
    /// `output` (discarded too unless given): a run to kill midway, or a server.
    static func start(_ arguments: [String], output: Any = FileHandle.nullDevice) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["VANBAN_RULES": repository.appendingPathComponent("indexer").path]) { $1 }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs a program to its end and collects what it printed.
    static func run(_ program: URL, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// SplitMix64: a tiny seeded generator, so case N of seed S (and any noise) is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// An event as Python's `icalendar` (a real RFC 5545 parser) read it: `scripts/check_ics.py`.
struct ParsedEvent: Decodable {
    let uid: String
    let dtstamp: String
    let start: String
    let end: String?
    let rrule: String?
    let occurrences: [String]
    let summary: String
    let description: String
}

extension Support {
    /// Parses an iCalendar feed with `scripts/check_ics.py`; skips the test when Python's
    /// icalendar package is not installed (scripts/install-deps.sh installs it).
    static func parseICS(_ text: String) throws -> [ParsedEvent] {
        let file = try temporaryDirectory().appendingPathComponent("feed.ics")
        try Data(text.utf8).write(to: file)
        let script = repository.appendingPathComponent("scripts/check_ics.py").path
        let result = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, file.path])
        if result.status == 3 || result.status == 127 {
            throw XCTSkip("python3 with the icalendar package is needed to check the feed (pip install icalendar): \(result.stderr)")
        }
        guard result.status == 0 else {
            XCTFail("icalendar rejected the feed: \(result.stderr)")
            return []
        }
        struct Feed: Decodable { let events: [ParsedEvent] }
        return try JSONDecoder().decode(Feed.self, from: Data(result.stdout.utf8)).events
    }
}

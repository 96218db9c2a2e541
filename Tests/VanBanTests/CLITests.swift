import Foundation
import XCTest

/// The real `vanban` executable, as a person runs it.
final class CLITests: XCTestCase {
    nonisolated(unsafe) static var archive = ""

    override class func setUp() {
        let folder = try! Support.corpusCopy()
        archive = folder.deletingLastPathComponent().appendingPathComponent("cli.db").path
        let result = try! Support.run(["index", folder.path, "--archive", archive])
        precondition(result.status == 0, result.stderr)
    }

    private func vanban(_ arguments: String...) throws -> Support.Output {
        try Support.run(arguments + ["--archive", Self.archive])
    }

    func testSearchPrintsNumberSectionAndHighlightedSnippet() throws {
        let result = try vanban("search", "dan van kheo", "--limit", "1")
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("60-CTr/ĐUK · 2014-05-29 · Chương trình"), result.stdout)
        XCTAssertTrue(result.stdout.contains("§ III. NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[Dân vận khéo]"), result.stdout)
        XCTAssertFalse(result.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    func testSearchJSONIsStable() throws {
        let result = try vanban("search", "84 - CV/ĐU", "--json")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let hits = try XCTUnwrap(json?["hits"] as? [[String: Any]])
        XCTAssertEqual(hits.first?["number"] as? String, "84-CV/ĐU")
        XCTAssertEqual(hits.first?["numberMatch"] as? Bool, true)
        XCTAssertNotNil(json?["total"] as? Int)
        XCTAssertNotNil(json?["facets"] as? [String: Any])
        let passages = try XCTUnwrap(hits.last?["passages"] as? [[String: Any]])
        let snippet = try XCTUnwrap(passages.first?["snippet"] as? [String: Any])
        XCTAssertNotNil(snippet["highlights"] as? [[Int]])
    }

    func testShowPrintsMetadataAndSections() throws {
        let result = try vanban("show", "ctr 60")
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasPrefix("Chương trình 60-CTr/ĐUK"), result.stdout)
        XCTAssertTrue(result.stdout.contains("II. MỤC TIÊU, CHỈ TIÊU › 1. Mục tiêu"))
        let json = try vanban("show", "84 - CV/ĐU", "--json")
        XCTAssertTrue(json.stdout.contains("\"signer\" : \"Phan Văn Châu\""), json.stdout)
    }

    /// `refs` lists everything the text cites, what it states about other documents under
    /// "stated here about ..."; `--json` gives the same links, each with its source.
    func testRefsGroupsWhatTheTextStatesAboutOtherDocuments() throws {
        let result = try vanban("refs", "84-CV/ĐU")
        XCTAssertEqual(result.status, 0, result.stderr)
        let groups = result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("stated here about") }
        XCTAssertEqual(groups, ["stated here about 60-CTr/ĐUK", "stated here about 164-KH/TU"], result.stdout)
        let about = try XCTUnwrap(result.stdout.range(of: "stated here about 164-KH/TU"))
        XCTAssertTrue(result.stdout[about.upperBound...].contains("implements   25-NQ/TW"), result.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(try vanban("refs", "84-CV/ĐU", "--json").stdout.utf8)) as? [[String: Any]]
        let sources = json?.compactMap { ($0["source"] as? [String: Any])?["number"] as? String }
        XCTAssertEqual(sources, ["84-CV/ĐU", "60-CTr/ĐUK", "164-KH/TU", "84-CV/ĐU", "84-CV/ĐU", "60-CTr/ĐUK"])
    }

    func testExitCodes() throws {
        XCTAssertEqual(try vanban("search", "zzzxq").status, 1, "nothing found")
        XCTAssertEqual(try vanban("show", "nq 99").status, 1, "neither in the archive nor cited")
        let cited = try vanban("show", "nq 25")
        XCTAssertEqual(cited.status, 0)
        XCTAssertTrue(cited.stdout.contains("is not in the archive yet"), cited.stdout)
        let bad = try Support.run(["search", "--archive", Self.archive, "--", "-dân"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("add at least one word"), bad.stderr)
        let missing = try Support.run(["search", "dân", "--archive", "/nonexistent/archive.db"])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.stderr.contains("run `vanban index` first"), missing.stderr)
    }

    func testIndexReportsUnreadableFilesWithExitCodeFour() throws {
        let folder = try Support.corpusCopy()
        try Data([0xC3, 0x28]).write(to: folder.appendingPathComponent("bad.txt"))
        let path = folder.deletingLastPathComponent().appendingPathComponent("a.db").path
        let result = try Support.run(["index", folder.path, "--archive", path])
        XCTAssertEqual(result.status, 4)
        XCTAssertTrue(result.stderr.contains("skipped bad.txt: not valid UTF-8"), result.stderr)
        XCTAssertTrue(result.stdout.contains("2 added"), result.stdout)
    }
}

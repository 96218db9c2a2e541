import Foundation
import VanBan
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

    /// Numbering starts again each term, so one number may name two documents: `show` and `refs`
    /// list them with their files, and take a file in place of the number.
    func testShowPicksOneOfTwoDocumentsOfOneNumberByFile() throws {
        let folder = try Support.corpusCopy()
        let original = try String(contentsOf: folder.appendingPathComponent("84-CV-DU_2014-06-06.txt"), encoding: .utf8)
        let later = original.replacingOccurrences(of: "ngày 6 tháng 6 năm 2014", with: "ngày 9 tháng 3 năm 2020")
        try later.write(to: folder.appendingPathComponent("84-CV-DU_2020-03-09.txt"), atomically: true, encoding: .utf8)
        let archive = folder.deletingLastPathComponent().appendingPathComponent("twice.db").path
        XCTAssertEqual(try Support.run(["index", folder.path, "--archive", archive]).status, 0)
        let both = try Support.run(["show", "84-CV/ĐU", "--archive", archive])
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.stderr.contains("names 2 documents") && both.stderr.contains("84-CV-DU_2020-03-09.txt"), both.stderr)
        let one = try Support.run(["show", "84-CV-DU_2020-03-09.txt", "--json", "--archive", archive])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.contains("\"date\" : \"2020-03-09\""), one.stdout)
        let refs = try Support.run(["refs", "84-CV/ĐU", "--archive", archive])
        XCTAssertTrue(refs.status != 0 && refs.stderr.contains("84-CV-DU_2014-06-06.txt"), refs.stderr)
        let byFile = try Support.run(["refs", "84-CV-DU_2020-03-09.txt", "--archive", archive])
        XCTAssertEqual(byFile.status, 0, byFile.stderr)
        XCTAssertTrue(byFile.stdout.contains("60-CTr/ĐUK"), byFile.stdout)
    }

    /// `refs` lists everything the text cites, what it states about other documents under
    /// "stated here about ..."; `--json` gives the same links, each with its source.
    func testRefsGroupsWhatTheTextStatesAboutOtherDocuments() throws {
        let result = try vanban("refs", "84-CV/ĐU")
        XCTAssertEqual(result.status, 0, result.stderr)
        let groups = result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("stated here about") }
        XCTAssertEqual(groups, ["stated here about 60-CTr/ĐUK", "stated here about 164-KH/TU"], result.stdout)
        let about = try XCTUnwrap(result.stdout.range(of: "stated here about 164-KH/TU"))
        XCTAssertTrue(result.stdout[about.upperBound...].contains("25-NQ/TW (2013-06-03)  not in archive  · in force since 2013-06-03 (assumed: a signing date)\n  implements\n"),
                      result.stdout)
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

    // MARK: the API's limits and messages, and honest failures

    func testOptionsOutsideTheAPIsLimitsAreRefusedInItsWords() throws {
        let cases: [([String], String)] = [
            (["search", "dân", "--limit", "0"], "\"--limit\" must be a whole number from 1 to 100."),
            (["search", "dân", "--limit", "500"], "\"--limit\" must be a whole number from 1 to 100."),
            (["search", "dân", "--limit", "mười"], "\"--limit\" must be a whole number from 1 to 100."),
            (["search", "dân", "--sort", "newest"], "\"--sort\" must be one of: relevance, date."),
            (["search", "dân", "--offset", "10001"], "\"--offset\" must be a whole number from 0 to 10000."),
            (["search", "dân", "--from", "1800"], "\"--from\" must be a whole number from 1900 to 2100."),
            (["search", "dân", "--from", "2020", "--to", "2010"], "The year range 2020–2010 is empty: \"--from\" must not be after \"--to\"."),
            (["search", "dân", "--type", "zz"], "Unknown document type \"zz\""),
            (["search", String(repeating: "dân ", count: 1_200)], "The query is too long (6000 bytes; at most 4000)."),
            (["chain", "84-CV/ĐU", "--depth", "50"], "\"--depth\" must be a whole number from 1 to 20."),
            (["show", String(repeating: "9", count: 201)], "\"number\" is too long (201 bytes; at most 200)."),
            (["requires", "--due", "mười"], "--due takes a month"),
            (["serve", "--port", "80000"], "\"--port\" must be a whole number from 0 to 65535."),
        ]
        for (arguments, message) in cases {
            let result = try Support.run(arguments + ["--archive", Self.archive])
            XCTAssertEqual(result.status, 2, "\(arguments.prefix(3).map { $0.prefix(20) }): \(result.stderr.prefix(300))")
            XCTAssertTrue(result.stderr.contains("vanban: " + message) || result.stderr.contains(message), "\(arguments.prefix(3).map { $0.prefix(20) }): \(result.stderr.prefix(300))")
        }
        // The same limit over HTTP says the same, naming the parameter as the API spells it.
        XCTAssertEqual(Limits.wholeNumber("limit", Limits.pageSize), "\"limit\" must be a whole number from 1 to 100.")
    }

    func testAQueryStartingWithADash() throws {
        let excluded = "The query only excludes words (-word); add at least one word to find."
        for arguments in [["search", "--archive", Self.archive, "--", "-dân"], ["search", " -dân", "--archive", Self.archive]] {
            let result = try Support.run(arguments)
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains(excluded), result.stderr)
        }
        let both = try Support.run(["search", "--archive", Self.archive, "--limit", "1", "--", "-khéo", "dân vận"])
        XCTAssertEqual(both.status, 64, "one query argument: the second is a usage error")
        let query = try Support.run(["search", "--archive", Self.archive, "--", "dân vận -khéo"])
        XCTAssertEqual(query.status, 0, query.stderr)
        let dash = try vanban("search", "-dân")
        XCTAssertEqual(dash.status, 64)
        XCTAssertTrue(dash.stderr.contains("\"-dân\" was read as an option. A query starting with \"-\" goes after \"--\""), dash.stderr)
        XCTAssertTrue(dash.stderr.contains("starts with a space"), dash.stderr)
    }

    func testPastTheLastPageSaysHowManyThereAre() throws {
        let result = try vanban("search", "dan", "--offset", "1000")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("No documents past --offset 1000: dan finds 2 (the last page is --offset 0)."), result.stdout)
    }

    func testActorsAndAbbreviationsInAnyCase() throws {
        let lower = try vanban("requires", "--who", "btg", "--json"), upper = try vanban("requires", "--who", "BTG", "--json")
        XCTAssertEqual(lower.status, 0, lower.stderr)
        let count = { (output: Support.Output) in try (JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [Any])?.count ?? 0 }
        XCTAssertGreaterThan(try count(upper), 0)
        XCTAssertEqual(try count(lower), try count(upper))
        XCTAssertEqual(try count(try vanban("requires", "--who", "ban tuyen giao", "--json")), try count(upper))
        XCTAssertEqual(try vanban("search", "dân", "--type", "ctr").status, 0, "type codes in any case")
    }

    func testShowPrintsRequirementsAndRefsListEachDocumentOnce() throws {
        let show = try vanban("show", "60-CTr/ĐUK")
        XCTAssertTrue(show.stdout.contains("Requirements (62)") || show.stdout.contains("Requirements ("), show.stdout.suffix(500).description)
        XCTAssertTrue(show.stdout.contains("  who:      Ban Tuyên giáo Đảng ủy khối"))
        XCTAssertTrue(show.stdout.contains("  when:     yearly, by 15/12 (trước 15 tháng 12 hàng năm)"))
        let refs = try vanban("refs", "84-CV/ĐU")
        XCTAssertEqual(refs.stdout.components(separatedBy: "60-CTr/ĐUK (2014-05-29)  · in force since 2014-05-29 (assumed: a signing date)\n").count - 1, 1,
                       "once, with its status: \(refs.stdout)")
        XCTAssertTrue(refs.stdout.contains("  implements, disseminates, mentions; 3 citations"), refs.stdout)
        let cited = try vanban("refs", "60-CTr/ĐUK")
        // Once among its own links; what 84-CV/ĐU says it does comes after, under "stated in 84-CV/ĐU".
        let own = cited.stdout.components(separatedBy: "\nstated ")[0]
        XCTAssertEqual(own.components(separatedBy: "\n164-KH/TU  not in archive  · ").count - 1, 1, "164-KH/TU once: \(cited.stdout)")
        XCTAssertTrue(cited.stdout.contains("“… đứng đầu; tận tụy"), "a quote cut short says so")
        XCTAssertFalse(cited.stdout.contains("“ười"))
    }

    func testNoEngineTextReachesTheUser() throws {
        let folder = try Support.temporaryDirectory()
        let notAnArchive = folder.appendingPathComponent("notes.db")
        try Data("không phải kho".utf8).write(to: notAnArchive)
        let result = try Support.run(["search", "dân", "--archive", notAnArchive.path])
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.contains("is not a vanban archive, or it is damaged; run `vanban index` to rebuild it"), result.stderr)
        for word in ["SQLite", "sqlite", "error 26", "executing"] { XCTAssertFalse(result.stderr.contains(word), result.stderr) }

        // A port in use: said plainly, exit code 6.
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && listen(socket, 1) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        XCTAssertTrue(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let serve = try Support.run(["serve", "--port", String(port), "--archive", Self.archive])
        XCTAssertEqual(serve.status, 6, serve.stderr)
        XCTAssertTrue(serve.stderr.contains("vanban: port \(port) is in use on 127.0.0.1; choose another with --port, or --port 0 for a free one."), serve.stderr)
        for word in ["bind(", "errno", "descriptor", "NIO"] { XCTAssertFalse(serve.stderr.contains(word), serve.stderr) }
        let host = try Support.run(["serve", "--host", "nosuchhost.invalid", "--port", "0", "--archive", Self.archive])
        XCTAssertEqual(host.status, 6)
        XCTAssertTrue(host.stderr.contains("no such host name or address"), host.stderr)
    }
}

import Foundation
import VanBan
@testable import VanBanServer
import XCTest

/// Validity derived at index time from the fixtures of `Fixtures/validity` (decisions of one
/// province replacing, amending, repealing and ending one another, and a five-document Party
/// chain), read through the real `vanban` process and the real HTTP server on 127.0.0.1.
final class ValidityEndToEndTests: XCTestCase {
    nonisolated(unsafe) static var archivePath = ""
    /// A fixed day, so the statuses do not move with the calendar.
    private static let day = "2025-06-01"

    override class func setUp() {
        archivePath = try! Support.archive(of: Support.fixtureCopy("validity")).0.path
    }

    private func vanban(_ arguments: String...) throws -> Support.Output {
        try Support.run(arguments + ["--archive", Self.archivePath])
    }

    private func json(_ output: Support.Output) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], output.stdout + output.stderr)
    }

    private func status(_ number: String, asOf day: String = day) throws -> Validity {
        let output = try vanban("status", number, "--as-of", day, "--json")
        XCTAssertEqual(output.status, 0, output.stderr)
        return try JSONDecoder().decode(Validity.self, from: Data(output.stdout.utf8))
    }

    // MARK: CLI

    func testADecreeReplacedThroughTheEffectClauseOfALaterOne() throws {
        let old = try status("12/2019/QĐ-UBND")
        XCTAssertEqual(old.status.state, .replaced)
        XCTAssertEqual(old.status.by, ["25/2023/QĐ-UBND"])
        XCTAssertEqual(old.status.since, "2023-06-15", "the day the later decree's own clause states")
        XCTAssertFalse(old.status.assumed)
        let evidence = try XCTUnwrap(old.evidence.first)
        XCTAssertEqual(evidence.document, "25/2023/QĐ-UBND")
        XCTAssertEqual(evidence.article, "Điều 3")
        XCTAssertTrue(evidence.sentence.hasPrefix("Quyết định này có hiệu lực kể từ ngày 15 tháng 6 năm 2023 và thay thế Quyết định số 12/2019"),
                      evidence.sentence)
        XCTAssertEqual(old.effect?.basis, .afterSigning)
        XCTAssertEqual(old.effect?.starts, "2019-03-25", "10 days after its signing on 2019-03-15")

        let namesake = try status("12/2021/QĐ-UBND")
        XCTAssertEqual(namesake.status.state, .inForce, "12/2021 is another decision than the 12/2019 that 25/2023 replaces")
        XCTAssertEqual(namesake.status.since, "2021-04-05")

        let before = try status("12/2019/QĐ-UBND", asOf: "2023-06-14")
        XCTAssertEqual(before.status.state, .inForce)
        XCTAssertEqual(before.upcoming.map(\.by), ["25/2023/QĐ-UBND"])

        let text = try vanban("status", "12/2019/QĐ-UBND", "--as-of", Self.day)
        XCTAssertTrue(text.stdout.contains("Status     replaced by 25/2023/QĐ-UBND since 2023-06-15"), text.stdout)
        XCTAssertTrue(text.stdout.contains("in 25/2023/QĐ-UBND § Điều 3"), text.stdout)
    }

    func testAPartialAmendmentNamingArticles() throws {
        let amended = try status("25/2023/QĐ-UBND")
        XCTAssertEqual(amended.status.state, .amended)
        XCTAssertEqual(amended.status.parts, ["Điều 5 và khoản 2 Điều 7"])
        XCTAssertEqual(amended.status.by, ["30/2024/QĐ-UBND"])
        XCTAssertEqual(amended.status.since, "2024-02-20", "kể từ ngày ký: its signing date")
        XCTAssertEqual(amended.changes.first?.basis, .signing)
        XCTAssertEqual(amended.changes.first?.sinceEvidence?.sentence, "Quyết định này có hiệu lực kể từ ngày ký.")
    }

    func testARepealByListAndOfAPart() throws {
        for number in ["3/2015/QĐ-UBND", "8/2016/QĐ-UBND", "17/2018/QĐ-UBND"] {
            let repealed = try status(number)
            XCTAssertEqual(repealed.status.state, .repealed, number)
            XCTAssertEqual(repealed.status.by, ["40/2024/QĐ-UBND"], number)
            XCTAssertEqual(repealed.status.since, "2024-07-01", "\(number): the day 40/2024 takes effect (từ ngày 01/7/2024)")
            XCTAssertEqual(repealed.evidence.first?.article, "Điều 1", number)
        }
        let part = try status("9/2017/QĐ-UBND")
        XCTAssertEqual(part.status.state, .partlyRepealed)
        XCTAssertEqual(part.status.parts, ["khoản 3 Điều 4"])
        XCTAssertEqual(try status("3/2015/QĐ-UBND", asOf: "2024-06-30").status.state, .inForce, "not before the repeal takes effect")
    }

    func testAnExpiryDateOfItsOwn() throws {
        let expired = try status("55/QĐ-UBND")
        XCTAssertEqual(expired.status.state, .expired)
        XCTAssertEqual(expired.status.since, "2022-01-01", "đến hết ngày 31 tháng 12 năm 2021")
        XCTAssertEqual(expired.effect?.ends, "2022-01-01")
        XCTAssertEqual(try status("55/QĐ-UBND", asOf: "2021-12-31").status.state, .inForce)
    }

    func testConflictsAreReportedNotResolved() throws {
        let twice = try status("7/2020/QĐ-UBND")
        XCTAssertEqual(twice.status.state, .replaced)
        XCTAssertTrue(twice.status.conflicted)
        XCTAssertEqual(twice.conflicts.map(\.kind), [.severalEnd])
        XCTAssertEqual(Set(twice.conflicts.first?.changes.map(\.by) ?? []), ["50/2024/QĐ-UBND", "51/2024/QĐ-UBND"])
        let early = try status("60/2022/QĐ-UBND")
        XCTAssertEqual(early.status.state, .repealed)
        XCTAssertEqual(early.conflicts.map(\.kind), [.beforeOwnDate], "a repeal dated 2021 of a decision of 2022")
        let text = try vanban("status", "7/2020/QĐ-UBND", "--as-of", Self.day)
        XCTAssertTrue(text.stdout.contains("Conflicts\n  2 documents end it in full"), text.stdout)
    }

    func testCheckWarnsOfReferencesThatNoLongerStand() throws {
        let output = try vanban("check", "80/KH-UBND", "--as-of", Self.day, "--json")
        XCTAssertEqual(output.status, 5, "a check with warnings fails, as verify does")
        let check = try JSONDecoder().decode(ValidityCheck.self, from: Data(output.stdout.utf8))
        let warnings = Dictionary(uniqueKeysWithValues: check.warnings.map { ($0.reference.label, $0) })
        XCTAssertEqual(Set(warnings.keys), ["12/2019/QĐ-UBND", "7/2020/QĐ-UBND", "3/2015/QĐ-UBND"],
                       "25/2023 is only amended: no warning")
        XCTAssertEqual(warnings["12/2019/QĐ-UBND"]?.timing, .before, "replaced before 80/KH-UBND was issued")
        XCTAssertEqual(warnings["3/2015/QĐ-UBND"]?.timing, .after)
        XCTAssertEqual(warnings["3/2015/QĐ-UBND"]?.status.by, ["40/2024/QĐ-UBND"])
        XCTAssertTrue(warnings["3/2015/QĐ-UBND"]?.citedAt.first?.sentence.hasPrefix("Kiểm tra việc thực hiện Quyết định số 3/2015") ?? false)
        let text = try vanban("check", "80/KH-UBND", "--as-of", Self.day)
        XCTAssertTrue(text.stdout.contains("! 12/2019/QĐ-UBND: replaced by 25/2023/QĐ-UBND since 2023-06-15, already before 80/KH-UBND was issued"),
                      text.stdout)
        let sameDay = try JSONDecoder().decode(ValidityCheck.self,
                                               from: Data(try vanban("check", "210/UBND-KT", "--as-of", Self.day, "--json").stdout.utf8))
        XCTAssertEqual(sameDay.warnings.map(\.timing), [.sameDay], "a letter of the day the replacement takes effect")
        let clean = try vanban("check", "20-KH/ĐU", "--as-of", Self.day)
        XCTAssertEqual(clean.status, 0, clean.stdout)
        XCTAssertTrue(clean.stdout.hasPrefix("No reference of 20-KH/ĐU"), clean.stdout)

        let show = try vanban("show", "80/KH-UBND")
        XCTAssertTrue(show.stdout.contains("Warnings: references that no longer stand (3)"), show.stdout)
        let shown = try json(try vanban("show", "12/2019/QĐ-UBND", "--json"))
        XCTAssertEqual(((shown["validity"] as? [String: Any])?["status"] as? [String: Any])?["state"] as? String, "replaced")
        XCTAssertEqual((shown["status"] as? [String: Any])?["state"] as? String, "replaced", "status in show --json")
        XCTAssertEqual((shown["status"] as? [String: Any])?["by"] as? [String], ["25/2023/QĐ-UBND"])
    }

    func testSearchInsideAChain() throws {
        func numbers(_ arguments: String...) throws -> Set<String> {
            let output = try Support.run(["search"] + arguments + ["--json", "--limit", "50", "--archive", Self.archivePath])
            XCTAssertEqual(output.status, 0, output.stderr)
            let results = try JSONDecoder().decode(SearchResults.self, from: Data(output.stdout.utf8))
            return Set(results.hits.compactMap(\.number))
        }
        let chain: Set = ["07-HD/BTGTU", "12-CTr/HU", "31-CTr/HU", "20-KH/ĐU", "102-CV/ĐU"]
        XCTAssertEqual(try numbers("chữ ký số", "--under", "05-CT/TU"), chain, "the five documents below 05-CT/TU, not 44-KH/TU (based on it)")
        XCTAssertEqual(try numbers("chữ ký số", "--under", "ct 05", "--exhaustive"), chain, "the slow path agrees")
        XCTAssertTrue(try numbers("chữ ký số").isSuperset(of: chain.union(["05-CT/TU", "44-KH/TU"])))
        XCTAssertEqual(try numbers("chữ ký số", "--under", "05-CT/TU", "--in-force"), chain.subtracting(["12-CTr/HU"]),
                       "12-CTr/HU was replaced by 31-CTr/HU")
        XCTAssertEqual(try numbers("chu ky so", "--cites", "07-HD/BTGTU"), ["12-CTr/HU", "31-CTr/HU"])
        XCTAssertEqual(try numbers("chữ ký số", "--under", "31-CTr/HU"), ["20-KH/ĐU", "102-CV/ĐU"])

        let text = try vanban("search", "chữ ký số", "--under", "05-CT/TU")
        XCTAssertTrue(text.stdout.hasPrefix("Within the 5 documents under 05-CT/TU"), text.stdout)
        let unknown = try vanban("search", "chữ ký số", "--under", "99-CT/TU")
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("99-CT/TU"), unknown.stderr)

        let down = try vanban("chain", "05-CT/TU", "--down")
        XCTAssertTrue(down.stdout.contains("implements 12-CTr/HU (2021-04-01)  · replaced by 31-CTr/HU since 2021-05-04"), down.stdout)
    }

    func testRefsAndMissingShowEachReferencesStatus() throws {
        let refs = try vanban("refs", "80/KH-UBND")
        XCTAssertTrue(refs.stdout.contains("12/2019/QĐ-UBND (2019-03-15)  · replaced by 25/2023/QĐ-UBND since 2023-06-15"), refs.stdout)
        let missing = try vanban("missing")
        XCTAssertTrue(missing.stdout.contains("  status: repealed by 40/2024/QĐ-UBND since 2024-07-01"), missing.stdout)
    }

    func testAddingADocumentChangesTheStatusOfWhatItTouches() throws {
        let folder = try Support.fixtureCopy("validity")
        let later = folder.appendingPathComponent("qd-25-2023-ubnd.txt")
        let aside = folder.deletingLastPathComponent().appendingPathComponent("qd-25-2023-ubnd.txt")
        try FileManager.default.moveItem(at: later, to: aside)
        let archive = folder.deletingLastPathComponent().appendingPathComponent("own.db").path
        XCTAssertEqual(try Support.run(["index", folder.path, "--archive", archive]).status, 0)
        let before = try Support.run(["status", "12/2019/QĐ-UBND", "--as-of", Self.day, "--archive", archive])
        XCTAssertTrue(before.stdout.contains("Status     in force since 2019-03-25"), before.stdout)
        try FileManager.default.moveItem(at: aside, to: later)
        XCTAssertEqual(try Support.run(["index", folder.path, "--archive", archive]).status, 0)
        let after = try Support.run(["status", "12/2019/QĐ-UBND", "--as-of", Self.day, "--archive", archive])
        XCTAssertTrue(after.stdout.contains("Status     replaced by 25/2023/QĐ-UBND since 2023-06-15"), after.stdout)
    }

    func testABadDayIsRefusedClearly() throws {
        let output = try vanban("status", "12/2019/QĐ-UBND", "--as-of", "hôm qua")
        XCTAssertNotEqual(output.status, 0)
        XCTAssertTrue(output.stderr.contains("must be a day"), output.stderr)
    }

    // MARK: HTTP and the page

    func testStatusCheckAndScopedSearchOverHTTP() async throws {
        let server = try await TestServer.start(archive: Archive(path: Self.archivePath, rules: Support.rules, connections: 2))
        do {
            let reply = try await server.get("/documents/12%2F2019%2FQ%C4%90-UBND/status?asOf=\(Self.day)")
            XCTAssertEqual(reply.status, 200, reply.text)
            let validity = try JSONDecoder().decode(Validity.self, from: reply.body)
            XCTAssertEqual(validity.status.state, .replaced)
            XCTAssertEqual(validity.status.since, "2023-06-15")
            XCTAssertEqual(validity.evidence.first?.document, "25/2023/QĐ-UBND")

            let external = try JSONDecoder().decode(Validity.self, from: try await server.get("/documents/9%2F2017%2FQ%C4%90-UBND/status").body)
            XCTAssertEqual(external.status.parts, ["khoản 3 Điều 4"], "a document known only from citations has a status too")

            let check = try JSONDecoder().decode(ValidityCheck.self,
                                                 from: try await server.get("/documents/80%2FKH-UBND/check?asOf=\(Self.day)").body)
            XCTAssertEqual(check.warnings.count, 3)
            let badDay = try await server.get("/documents/80%2FKH-UBND/check?asOf=yesterday")
            XCTAssertEqual(badDay.status, 400, badDay.text)

            for (query, expected) in [
                ("under=05-CT%2FTU", ["07-HD/BTGTU", "12-CTr/HU", "31-CTr/HU", "20-KH/ĐU", "102-CV/ĐU"]),
                ("under=05-CT%2FTU&inForce=true", ["07-HD/BTGTU", "31-CTr/HU", "20-KH/ĐU", "102-CV/ĐU"]),
                ("under=05-CT%2FTU&inForce=true&exhaustive=true", ["07-HD/BTGTU", "31-CTr/HU", "20-KH/ĐU", "102-CV/ĐU"]),
                ("cites=07-HD%2FBTGTU", ["12-CTr/HU", "31-CTr/HU"]),
            ] {
                let reply = try await server.get("/search?q=ch%E1%BB%AF+k%C3%BD+s%E1%BB%91&limit=50&\(query)")
                XCTAssertEqual(reply.status, 200, reply.text)
                let results = try JSONDecoder().decode(SearchResults.self, from: reply.body)
                XCTAssertEqual(Set(results.hits.compactMap(\.number)), Set(expected), query)
                XCTAssertNotNil(results.scope, query)
            }

            let page = try await server.get("/view/12%2F2019%2FQ%C4%90-UBND")
            XCTAssertTrue(page.text.contains("Bị thay thế bởi 25/2023/QĐ-UBND từ"), "the badge")
            XCTAssertTrue(page.text.contains("thay thế Quyết định số 12/2019/QĐ-UBND"), "the evidence a click away")
            let plan = try await server.get("/view/80%2FKH-UBND")
            XCTAssertTrue(plan.text.contains("id=\"canh-bao\""), "the warnings section")
            let scoped = try await server.get("/?q=ch%E1%BB%AF+k%C3%BD+s%E1%BB%91&under=05-CT%2FTU")
            XCTAssertEqual(scoped.status, 200)
            XCTAssertTrue(scoped.text.contains("trong các văn bản thực hiện 05-CT/TU"), scoped.text)
            let chain = try await server.get("/documents/05-CT%2FTU/chain?direction=down")
            let tree = try JSONDecoder().decode(ChainNode.self, from: chain.body)
            XCTAssertEqual(tree.children.first { $0.node.label == "07-HD/BTGTU" }?.children.first { $0.node.label == "12-CTr/HU" }?.node.validity?.state,
                           .replaced)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

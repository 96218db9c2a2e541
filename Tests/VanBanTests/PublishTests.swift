import Foundation
import GRDB
import VanBan
import XCTest

/// Issue 17: every index run names its build; `vanban publish` replaces a replica's archive
/// only with a whole, checked copy; a server keeps serving its build when the copy is
/// interrupted or a file that is no whole archive is renamed over it, and reports the build in
/// /health.
final class PublishTests: XCTestCase {
    private func buildID(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'build_id'") }
    }

    private func addDocument(_ number: Int, to folder: URL) throws {
        try """
            ---
            number: \(number)-NQ/ĐU
            type: Nghị quyết
            issuer: Đảng ủy Sở Tư pháp
            date: 2015-03-02
            title: Nghị quyết về việc phát hành kho văn bản lần \(number)
            ---
            Đảng ủy quyết nghị phát hành kho văn bản tới các máy chủ bản sao.
            """.write(to: folder.appendingPathComponent("\(number)-NQ-DU.txt"), atomically: true, encoding: .utf8)
    }

    private func index(_ folder: URL, into path: String) throws {
        _ = try Indexer(archivePath: path, corpus: Corpus(root: folder), rules: Support.rules).run()
    }

    /// A built archive of the bundled corpus and a replica's folder with that build published.
    private func published() throws -> (corpus: URL, source: String, replica: String) {
        let corpus = try Support.corpusCopy()
        let source = corpus.deletingLastPathComponent().appendingPathComponent("archive.db").path
        try index(corpus, into: source)
        let folder = try Support.temporaryDirectory()
        let result = try Support.run(["publish", source, folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return (corpus, source, folder.appendingPathComponent("archive.db").path)
    }

    private func health(_ server: TestServer) async throws -> ArchiveHealth {
        let reply = try await server.get("/health")
        XCTAssertEqual(reply.status, 200, reply.text)
        return try JSONDecoder().decode(ArchiveHealth.self, from: reply.body)
    }

    func testIndexWritesABuildIdWheneverItWritesTheArchive() throws {
        let folder = try Support.corpusCopy()
        let path = folder.deletingLastPathComponent().appendingPathComponent("archive.db").path
        try index(folder, into: path)
        let first = try XCTUnwrap(try buildID(path))
        XCTAssertNotNil(first.wholeMatch(of: /\d{8}T\d{6}Z-[0-9a-f]{8}/), first)
        try index(folder, into: path)
        XCTAssertEqual(try buildID(path), first, "nothing changed: the archive is not written again")
        try addDocument(7, to: folder)
        try index(folder, into: path)
        let second = try XCTUnwrap(try buildID(path))
        XCTAssertNotEqual(second, first)
        // An archive built before build ids is written again by the next run, with one.
        try DatabaseQueue(path: path).write { try $0.execute(sql: "DELETE FROM meta WHERE key = 'build_id'") }
        try index(folder, into: path)
        XCTAssertNotNil(try buildID(path))
    }

    func testPublishedBuildIsServedAndTheBuildIdChanges() async throws {
        let (corpus, source, replica) = try published()
        let first = try XCTUnwrap(try buildID(source))
        XCTAssertEqual(try buildID(replica), first)
        let server = try await TestServer.start(archive: Archive(path: replica, rules: Support.rules, connections: 4))
        addTeardownBlock { await server.stop() }
        let before = try await health(server)
        XCTAssertEqual(before.buildId, first)
        XCTAssertEqual(before.documents, 2)
        XCTAssertNil(before.refused)

        try addDocument(7, to: corpus)
        try index(corpus, into: source)
        let second = try XCTUnwrap(try buildID(source))
        let result = try Support.run(["publish", source, replica])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("published build \(second) (3 documents"), result.stdout)
        XCTAssertTrue(result.stdout.contains("replacing build \(first)"), result.stdout)
        let after = try await health(server)
        XCTAssertEqual(after.buildId, second)
        XCTAssertEqual(after.documents, 3)
        let added = try await server.get("/documents/7-NQ%2F%C4%90U")
        XCTAssertEqual(added.status, 200)
        XCTAssertFalse(FileManager.default.fileExists(atPath: replica + ".publishing"))
    }

    /// SIGKILL in the middle of the copy (slowed by --max-rate so that there is a middle).
    func testInterruptedPublishLeavesTheOldArchiveServing() async throws {
        let (corpus, source, replica) = try published()
        let first = try XCTUnwrap(try buildID(source))
        let server = try await TestServer.start(archive: Archive(path: replica, rules: Support.rules, connections: 4))
        addTeardownBlock { await server.stop() }
        try addDocument(7, to: corpus)
        try index(corpus, into: source)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: source)[.size] as? Int)

        let rate = Double(size) / 4 / 1e6  // four seconds for the whole copy
        let publish = try Support.start(["publish", source, replica, "--max-rate", String(rate)])
        let partial = replica + ".publishing"
        let deadline = Date().addingTimeInterval(20)
        func copied() -> Int { (try? FileManager.default.attributesOfItem(atPath: partial)[.size] as? Int) ?? 0 }
        while copied() < size / 4 && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        kill(publish.processIdentifier, SIGKILL)
        publish.waitUntilExit()
        XCTAssertEqual(publish.terminationReason, .uncaughtSignal)
        XCTAssertGreaterThan(copied(), 0, "killed during the copy")
        XCTAssertLessThan(copied(), size, "killed during the copy")

        let during = try await health(server)
        XCTAssertEqual(during.buildId, first)
        XCTAssertEqual(during.documents, 2)
        XCTAssertNil(during.refused, "the partial copy was never renamed over the archive")
        let search = try await server.get("/search?q=dan+van+kheo")
        XCTAssertEqual(search.status, 200)
        let notYet = try await server.get("/documents/7-NQ%2F%C4%90U")
        XCTAssertEqual(notYet.status, 404)

        let again = try Support.run(["publish", source, replica])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: partial), "the next run removes the leftover")
        let after = try await health(server)
        XCTAssertEqual(after.buildId, try buildID(source))
        XCTAssertEqual(after.documents, 3)
    }

    func testCorruptCopyIsRefusedAndTheReplicaKeepsItsArchive() throws {
        let (corpus, source, replica) = try published()
        let first = try XCTUnwrap(try buildID(replica))
        try addDocument(7, to: corpus)
        try index(corpus, into: source)
        let published = try Data(contentsOf: URL(fileURLWithPath: replica))

        // A b-tree page overwritten in the middle of the file: a disk or a copy gone wrong.
        var damaged = try Data(contentsOf: URL(fileURLWithPath: source))
        let pageSize = 16384, page = damaged.count / pageSize / 2
        damaged.replaceSubrange(page * pageSize..<page * pageSize + 512, with: Data(repeating: 0xA5, count: 512))
        let damagedPath = source + ".damaged"
        try damaged.write(to: URL(fileURLWithPath: damagedPath))
        let refused = try Support.run(["publish", damagedPath, replica])
        XCTAssertEqual(refused.status, 5, refused.stdout + refused.stderr)
        XCTAssertTrue(refused.stderr.contains("is refused: ") && refused.stderr.contains("malformed"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("\(replica) is unchanged"), refused.stderr)

        // Not an archive at all, and a truncated one: refused before or after the copy.
        let garbage = source + ".garbage"
        try Data("not a database, but long enough to look like a file header".utf8).write(to: URL(fileURLWithPath: garbage))
        let notArchive = try Support.run(["publish", garbage, replica])
        XCTAssertEqual(notArchive.status, 3, notArchive.stderr)
        XCTAssertTrue(notArchive.stderr.contains("does not read as a whole archive (file is not a database)"), notArchive.stderr)
        let truncated = source + ".truncated"
        try Data(contentsOf: URL(fileURLWithPath: source)).prefix(damaged.count / 2).write(to: URL(fileURLWithPath: truncated))
        let cut = try Support.run(["publish", truncated, replica])
        XCTAssertNotEqual(cut.status, 0, cut.stdout)

        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: replica)), published, "the replica's file is untouched")
        XCTAssertEqual(try buildID(replica), first)
        XCTAssertFalse(FileManager.default.fileExists(atPath: replica + ".publishing"))
    }

    /// What `vanban publish` guards against, done by hand: a file that is no whole archive
    /// renamed over the one a server serves.
    func testReplicaRefusesAFileThatIsNoWholeArchiveAndKeepsServing() async throws {
        let (corpus, source, replica) = try published()
        let first = try XCTUnwrap(try buildID(replica))
        let server = try await TestServer.start(archive: Archive(path: replica, rules: Support.rules, connections: 4))
        addTeardownBlock { await server.stop() }
        try addDocument(7, to: corpus)
        try index(corpus, into: source)
        let whole = try Data(contentsOf: URL(fileURLWithPath: source))

        let broken = replica + ".broken"
        for bad in [Data("not a database".utf8), whole.prefix(whole.count / 2)] {
            try bad.write(to: URL(fileURLWithPath: broken))
            XCTAssertEqual(rename(broken, replica), 0)
            let health = try await health(server)
            XCTAssertEqual(health.buildId, first, "the old build is still served")
            XCTAssertEqual(health.documents, 2)
            let reason = try XCTUnwrap(health.refused)
            XCTAssertTrue(reason.contains("was refused and build \(first) is still served"), reason)
            for target in ["/search?q=dan+van+kheo", "/documents/84-CV%2F%C4%90U", "/stats", "/?q=dan"] {
                let reply = try await server.get(target)
                XCTAssertEqual(reply.status, 200, "\(target): \(reply.text.prefix(300))")
            }
            let notYet = try await server.get("/documents/7-NQ%2F%C4%90U")
            XCTAssertEqual(notYet.status, 404)
        }

        let result = try Support.run(["publish", source, replica])
        XCTAssertEqual(result.status, 0, result.stderr)
        let after = try await health(server)
        XCTAssertEqual(after.buildId, try buildID(source))
        XCTAssertEqual(after.documents, 3)
        XCTAssertNil(after.refused)
    }
}

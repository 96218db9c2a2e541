import Foundation
import GRDB
import VanBan
import XCTest

/// Issue 7: `vanban verify` finds what is wrong with an archive; an archive of another schema
/// version is refused with a message; odd input is indexed or refused file by file; and a
/// `vanban index` killed at any moment leaves the previous archive whole.
final class ReliabilityTests: XCTestCase {
    private func verify(_ archive: Archive, _ folder: URL) throws -> VerificationReport {
        try Verifier(archivePath: archive.path, corpus: Corpus(root: folder)).run()
    }

    private func failures(_ report: VerificationReport) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: report.checks.filter { !$0.passed }.map { ($0.name, $0.details) })
    }

    /// A copy of an archive file beside it, to damage or to restore from.
    private func copy(_ path: String, as name: String) throws -> String {
        let copy = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        return copy
    }

    // MARK: vanban verify

    func testVerifyPassesOnAFreshArchive() throws {
        let folder = try Support.corpusCopy(withFixtures: true)
        try Support.write([], "empty.txt", in: folder)  // recorded as unreadable: known, not missing
        let (archive, _) = try Support.archive(of: folder)
        let report = try verify(archive, folder)
        XCTAssertEqual(report.checks.map(\.name), ["sqlite integrity", "schema", "fts5 integrity", "search index agrees with fts5", "search index lists are whole", "corpus files indexed",
                                                   "documents have files", "links point at nodes", "no orphan rows"])
        XCTAssertTrue(report.passed, "\(failures(report))")
    }

    func testVerifyFindsChangedNewAndDeletedFiles() throws {
        let folder = try Support.corpusCopy()
        let (archive, _) = try Support.archive(of: folder)
        let letter = folder.appendingPathComponent("84-CV-DU_2014-06-06.txt")
        try (String(contentsOf: letter, encoding: .utf8) + "\nMột dòng thêm.\n").write(to: letter, atomically: true, encoding: .utf8)
        try Support.write(Array("Số: 7-TB/ĐU\n\nThông báo mới.\n".utf8), "new.txt", in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("60-CTr-DUK_2014-05-29.txt"))
        let report = try verify(archive, folder)
        XCTAssertFalse(report.passed)
        XCTAssertEqual(failures(report), [
            "corpus files indexed": ["changed since indexed: 84-CV-DU_2014-06-06.txt", "not indexed: new.txt"],
            "documents have files": ["no such file: 60-CTr-DUK_2014-05-29.txt"],
        ])
    }

    /// Bytes flipped on disk inside a document's stored text, the bulk of an archive: SQLite
    /// keeps no checksums, but the FTS5 check reads every passage back and compares the index
    /// with it.
    func testVerifyReportsACorruptArchive() throws {
        let folder = try Support.corpusCopy(withFixtures: true)
        let (archive, _) = try Support.archive(of: folder)
        let damaged = try copy(archive.path, as: "damaged.db")
        let stored = try DatabaseQueue(path: damaged).read { db in
            try Data.fetchOne(db, sql: """
                SELECT substr(t.block, 200, 64) FROM texts t JOIN documents d ON d.id = t.document_id WHERE d.symbol = '60-CTr/ĐUK'
                """)
        }
        var file = try Data(contentsOf: URL(fileURLWithPath: damaged))
        let range = try XCTUnwrap(stored.flatMap { file.range(of: $0) }, "the programme's stored text is in the file")
        file.replaceSubrange(range, with: Data(file[range].map { $0 ^ 0xFF }))
        try file.write(to: URL(fileURLWithPath: damaged))

        let report = try Verifier(archivePath: damaged, corpus: Corpus(root: folder)).run()
        XCTAssertFalse(report.passed)
        let integrity = [report.check("sqlite integrity"), report.check("fts5 integrity")].compactMap { $0 }
        XCTAssertTrue(integrity.contains { !$0.passed && !$0.details.isEmpty }, "\(report.checks)")
        let command = try Support.run(["verify", folder.path, "--archive", damaged])
        XCTAssertEqual(command.status, 5, command.stdout + command.stderr)
        XCTAssertTrue(command.stdout.contains("FAILED"), command.stdout)
    }

    /// A document whose stored text is damaged is still found, without its passages; the others
    /// keep theirs. A length no block of its size can hold is refused before anything is
    /// allocated for it.
    func testSearchSurvivesDamagedStoredText() throws {
        let folder = try Support.corpusCopy()
        let (archive, _) = try Support.archive(of: folder)
        for damage in ["X'FFFFFF3F' || substr(t.block, 5)", "substr(t.block, 1, 4) || randomblob(length(t.block) - 4)"] {
            let damaged = try copy(archive.path, as: "damaged-text.db")
            defer { try? FileManager.default.removeItem(atPath: damaged) }
            try DatabaseQueue(path: damaged).write { db in
                try db.execute(sql: """
                    UPDATE texts AS t SET block = \(damage) FROM documents d WHERE d.id = t.document_id AND d.symbol = '84-CV/ĐU'
                    """)
                XCTAssertEqual(db.changesCount, 1)
            }
            let results = try Archive(path: damaged, rules: Support.rules).search(SearchRequest(query: "dang uy"))
            let hits = Dictionary(uniqueKeysWithValues: results.hits.map { ($0.number ?? "", $0) })
            XCTAssertEqual(hits["84-CV/ĐU"]?.passages, [], damage)
            XCTAssertFalse(try XCTUnwrap(hits["60-CTr/ĐUK"]).passages.isEmpty, damage)
        }
    }

    func testVerifyCommandExitCodes() throws {
        let folder = try Support.corpusCopy()
        let path = folder.deletingLastPathComponent().appendingPathComponent("archive.db").path
        try Support.run(["index", folder.path, "--archive", path])
        let sound = try Support.run(["verify", folder.path, "--archive", path])
        XCTAssertEqual(sound.status, 0, sound.stdout + sound.stderr)
        XCTAssertEqual(sound.stdout.split(separator: "\n").filter { $0.hasPrefix("ok") }.count, 9, sound.stdout)

        try Support.write(Array("Số: 9-TB/ĐU\n\nThông báo chưa lập chỉ mục.\n".utf8), "late.txt", in: folder)
        let stale = try Support.run(["verify", folder.path, "--archive", path, "--json"])
        XCTAssertEqual(stale.status, 5, stale.stderr)
        let report = try JSONDecoder().decode(VerificationReport.self, from: Data(stale.stdout.utf8))
        XCTAssertEqual(report.check("corpus files indexed")?.details, ["not indexed: late.txt"])

        let missing = try Support.run(["verify", folder.path, "--archive", path + ".nope"])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.stderr.contains("run `vanban index` first"), missing.stderr)
    }

    // MARK: schema versions

    func testArchiveOfAnotherSchemaVersionGivesAClearMessage() throws {
        let folder = try Support.corpusCopy()
        let (archive, _) = try Support.archive(of: folder)
        for (version, advice) in [("0", "run `vanban index` to rebuild it"), ("999", "upgrade vanban to read it")] {
            let path = try copy(archive.path, as: "schema-\(version).db")
            try DatabaseQueue(path: path).write {
                try $0.execute(sql: "UPDATE meta SET value = ? WHERE key = 'schema_version'", arguments: [version])
            }
            XCTAssertThrowsError(try Archive(path: path, rules: Support.rules)) { error in
                guard case .archiveVersion(let message) = error as? VanBanError else { return XCTFail("\(error)") }
                XCTAssertTrue(message.contains("schema version \(version)") && message.contains(advice), message)
            }
            let search = try Support.run(["search", "dan van", "--archive", path])
            XCTAssertEqual(search.status, 3, search.stderr)
            XCTAssertTrue(search.stderr.contains(advice), search.stderr)
            let check = try Verifier(archivePath: path, corpus: Corpus(root: folder)).run().check("schema")
            XCTAssertEqual(check?.passed, false)
            XCTAssertTrue(check?.details.first?.contains(advice) ?? false, "\(String(describing: check))")
            // An older archive is rebuilt; a newer one is refused and left as it was.
            let index = try Support.run(["index", folder.path, "--archive", path])
            XCTAssertEqual(index.status, version == "0" ? 0 : 3, index.stderr)
            let schema = { (file: String) in
                try DatabaseQueue(path: file).read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'schema_version'") }
            }
            XCTAssertEqual(try schema(path), version == "0" ? try schema(archive.path) : "999")
            if version == "999" { XCTAssertTrue(index.stderr.contains("upgrade vanban"), index.stderr) }
        }
        let garbage = folder.deletingLastPathComponent().appendingPathComponent("garbage.db")
        try Data(repeating: 0x5A, count: 8192).write(to: garbage)
        XCTAssertThrowsError(try Archive(path: garbage.path, rules: Support.rules)) { error in
            guard case .archiveVersion(let message) = error as? VanBanError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("run `vanban index` to rebuild it"), message)
        }
    }

    // MARK: odd input

    func testNULBytes() throws {
        let folder = try Support.temporaryDirectory().appendingPathComponent("corpus")
        let text = "Số: 31-TB/ĐU\nBiên Hòa, ngày 3 tháng 4 năm 2021\n\nThông báo về nuôi chim yến và dệt thổ cẩm.\n"
        let nuls = text.replacingOccurrences(of: "chim yến", with: "chim\u{0} yến\u{0}").replacingOccurrences(of: "thổ cẩm", with: "thổ\u{0} cẩm")
        try Support.write(Array(nuls.utf8), "few-nuls.txt", in: folder)
        // Past the first 4 kB that decide "binary", NULs are dropped like any control character.
        let late = "Số: 32-TB/ĐU\nBiên Hòa, ngày 3 tháng 4 năm 2021\n\n" + String(repeating: "Công tác dân vận ở cơ sở. ", count: 200)
        try Support.write(Array(late.utf8) + [UInt8](repeating: 0, count: 500) + Array(" Côn Đảo.\n".utf8), "late-nuls.txt", in: folder)
        try Support.write(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "utf16-without-bom.txt", in: folder)
        try Support.write([UInt8](repeating: 0, count: 4096), "zeros.txt", in: folder)
        let (archive, report) = try Support.archive(of: folder)
        XCTAssertEqual(Set(report.added), ["few-nuls.txt", "late-nuls.txt"])
        XCTAssertEqual(report.failed, [.init(path: "utf16-without-bom.txt", reason: "binary content, not text"),
                                       .init(path: "zeros.txt", reason: "binary content, not text")])
        XCTAssertEqual(try archive.search(SearchRequest(query: "chim yen")).hits.first?.file, "few-nuls.txt")
        XCTAssertEqual(try archive.search(SearchRequest(query: "con dao")).hits.first?.file, "late-nuls.txt")
        for number in ["31-TB/ĐU", "32-TB/ĐU"] {
            XCTAssertFalse(try archive.document(numbered: number).paragraphs.contains { $0.text.contains("\u{0}") }, number)
        }
    }

    func testEmptyFilesAreReportedAndNotIndexed() throws {
        let folder = try Support.corpusCopy()
        try Support.write([], "empty.txt", in: folder)
        try Support.write(Array(" \n\t\r\n  ".utf8), "blank.txt", in: folder)
        try Support.write([0xEF, 0xBB, 0xBF], "bom-only.txt", in: folder)
        let (archive, report) = try Support.archive(of: folder)
        XCTAssertEqual(report.failed.map(\.path), ["blank.txt", "bom-only.txt", "empty.txt"])
        XCTAssertTrue(report.failed.allSatisfy { $0.reason == "empty file" }, "\(report.failed)")
        XCTAssertEqual(try archive.statistics().documents, 2)
        XCTAssertTrue(try verify(archive, folder).passed)
    }

    /// A large file, the corpus text repeated, is indexed whole: the first and the last copy
    /// are found. (scripts/bigfile.sh does the same at 50 MB with a release build.)
    func testLargeFileIsIndexedWhole() throws {
        let megabytes = 5
        let folder = try Support.corpusCopy()
        let programme = try String(contentsOf: folder.appendingPathComponent("60-CTr-DUK_2014-05-29.txt"), encoding: .utf8)
        let body = programme.components(separatedBy: "\n---\n").last!
        var text = "Số: 99-NQ/ĐU\nBiên Hòa, ngày 1 tháng 2 năm 2020\n\n"
        var copies = 0
        while text.utf8.count < megabytes << 20 {
            text += "Đoạn lặp số \(copies).\n" + body
            copies += 1
        }
        try Support.write(Array(text.utf8), "large.txt", in: folder)
        let (archive, report) = try Support.archive(of: folder)
        XCTAssertEqual(report.failed, [])
        XCTAssertTrue(report.added.contains("large.txt"))
        for copy in [0, copies - 1] {
            XCTAssertEqual(try archive.search(SearchRequest(query: "\"Đoạn lặp số \(copy)\"")).hits.first?.file, "large.txt", "copy \(copy)")
        }
    }

    func testVietnameseFileNamesWithSpaces() throws {
        let folder = try Support.temporaryDirectory().appendingPathComponent("corpus")
        let names = ["Nghị quyết số 5.txt", "Văn bản cũ/Quyết định 12 (bản sao).txt",
                     "Thông báo về thổ cẩm.txt".decomposedStringWithCanonicalMapping]  // an NFD name, as macOS writes them
        for (index, name) in names.enumerated() {
            try Support.write(Array("Số: \(index + 5)-NQ/ĐU\nBiên Hòa, ngày 1 tháng 2 năm 2020\n\nNội dung riêng \(index) về chim yến.\n".utf8),
                      name, in: folder)
        }
        let (archive, report) = try Support.archive(of: folder)
        XCTAssertEqual(report.failed, [])
        XCTAssertEqual(Set(report.added.map { Array($0.utf8) }), Set(names.map { Array($0.utf8) }))
        let hits = try archive.search(SearchRequest(query: "chim yen", limit: 10)).hits
        XCTAssertEqual(Set(hits.map { Array(($0.file ?? "").utf8) }), Set(names.map { Array($0.utf8) }))
        XCTAssertTrue(try verify(archive, folder).passed)
        let shown = try Support.run(["show", "7-NQ/ĐU", "--json", "--archive", archive.path])
        XCTAssertTrue(shown.stdout.contains(names[2]), shown.stdout)
    }

    func testSymbolicLinkLoopIsReportedAndTheRestIndexed() throws {
        let folder = try Support.corpusCopy()
        try FileManager.default.copyItem(at: folder.appendingPathComponent("84-CV-DU_2014-06-06.txt"),
                                         to: folder.appendingPathComponent("sub/letter.txt").creatingFolder())
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("sub/parent").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("self.txt").path, withDestinationPath: "self.txt")
        let (archive, report) = try Support.archive(of: folder)
        XCTAssertEqual(report.failed, [.init(path: "self.txt", reason: "symbolic link loop"),
                                       .init(path: "sub/parent", reason: "symbolic link loop")])
        XCTAssertEqual(Set(report.added), ["60-CTr-DUK_2014-05-29.txt", "84-CV-DU_2014-06-06.txt", "sub/letter.txt"])
        XCTAssertEqual(try archive.statistics().documents, 3)
        XCTAssertTrue(try verify(archive, folder).passed)
    }

    func testCRLFAndCROnlyLineEndsReadAsLF() throws {
        let folder = try Support.temporaryDirectory().appendingPathComponent("corpus")
        func text(_ number: Int) -> String {
            """
            Số: \(number)-NQ/ĐU
            Biên Hòa, ngày 1 tháng 2 năm 2020

            NGHỊ QUYẾT
            về công tác dân vận

            I. MỤC TIÊU

            Nâng cao chất lượng công tác dân vận.

            II. NHIỆM VỤ

            Các chi bộ thực hiện tốt quy chế dân chủ ở cơ sở.

            """
        }
        try Support.write(Array(text(12).utf8), "lf.txt", in: folder)
        try Support.write(Array(text(13).replacingOccurrences(of: "\n", with: "\r\n").utf8), "crlf.txt", in: folder)
        try Support.write(Array(text(14).replacingOccurrences(of: "\n", with: "\r").utf8), "cr.txt", in: folder)
        let (archive, report) = try Support.archive(of: folder)
        XCTAssertEqual(report.failed, [])
        let lf = try archive.document(numbered: "12-NQ/ĐU")
        XCTAssertEqual(lf.document.date, "2020-02-01")
        XCTAssertEqual(Set(lf.paragraphs.filter { !$0.heading }.map(\.section)), ["I. MỤC TIÊU", "II. NHIỆM VỤ"])
        for number in ["13-NQ/ĐU", "14-NQ/ĐU"] {
            let other = try archive.document(numbered: number)
            XCTAssertEqual(other.paragraphs, lf.paragraphs, number)
            XCTAssertEqual(other.document.date, lf.document.date, number)
            XCTAssertEqual(other.document.title, lf.document.title, number)
        }
    }

    // MARK: killed builds

    /// SIGKILL at random points of a run: before the listing, during analysis and writing,
    /// around the rename. Afterwards the archive is always the previous one or, when the kill
    /// came after the rename, the complete new one; never a partial build. A leftover (or
    /// garbage) `ARCHIVE.building` or `ARCHIVE.packed` does not stop the next run.
    func testKilledAtRandomPointsTheArchiveIsTheOldOrTheNewOne() throws {
        let folder = try Support.corpusCopy()
        let directory = folder.deletingLastPathComponent()
        let path = directory.appendingPathComponent("archive.db").path
        try Support.run(["index", folder.path, "--archive", path])
        let previous = try copy(path, as: "previous.db")
        let letter = try String(contentsOf: folder.appendingPathComponent("84-CV-DU_2014-06-06.txt"), encoding: .utf8)
        let programme = try String(contentsOf: folder.appendingPathComponent("60-CTr-DUK_2014-05-29.txt"), encoding: .utf8)
        for copy in 0..<220 {
            try ((copy % 20 == 0 ? programme : letter) + "\nBản sao \(copy).\n")
                .write(to: folder.appendingPathComponent("copy-\(copy).txt"), atomically: false, encoding: .utf8)
        }
        let total = 222

        // How long a whole run takes here, so the kills spread over all of it.
        let calibration = try copy(previous, as: "calibration.db")
        let started = Date()
        XCTAssertEqual(try Support.run(["index", folder.path, "--archive", calibration]).status, 0)
        let duration = Date().timeIntervalSince(started)

        var kills = 0, rounds = 0, replaced = 0, leftovers = 0
        while kills < 20 && rounds < 40 {
            rounds += 1
            let delay = Double.random(in: 0...(duration * 1.1))
            let process = try Support.start(["index", folder.path, "--archive", path])
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { kills += 1 }
            if FileManager.default.fileExists(atPath: path + ".building") { leftovers += 1 }
            let context = "round \(rounds), killed after \(Int(delay * 1000)) ms of a \(Int(duration * 1000)) ms run"
            let archive = try Archive(path: path, rules: Support.rules)
            let statistics = try archive.statistics()
            XCTAssertTrue([2, total].contains(statistics.documents), "\(context): \(statistics.documents) documents")
            XCTAssertEqual(statistics.orphanPassages, 0, context)
            XCTAssertEqual(try archive.search(SearchRequest(query: "dan van kheo")).hits.first?.number, "60-CTr/ĐUK", context)
            if statistics.documents == total {
                // The run got past its rename: the new archive must be whole. Start again from the old one.
                replaced += 1
                XCTAssertTrue(try verify(archive, folder).passed, context)
                try FileManager.default.removeItem(atPath: path)
                try FileManager.default.copyItem(atPath: previous, toPath: path)
            }
        }
        print("kill: \(kills) kills in \(rounds) rounds of a \(Int(duration * 1000)) ms run; \(replaced) past the rename, \(leftovers) left ARCHIVE.building")
        XCTAssertGreaterThanOrEqual(kills, 20, "\(rounds) rounds, \(replaced) past the rename")
        XCTAssertGreaterThan(leftovers, 0, "no kill left ARCHIVE.building behind")

        for leftover in [".building", ".packed"] {
            try Data(repeating: 0x5A, count: 10_000).write(to: URL(fileURLWithPath: path + leftover))
        }
        let finished = try Support.run(["index", folder.path, "--archive", path])
        XCTAssertEqual(finished.status, 0, finished.stderr)
        let archive = try Archive(path: path, rules: Support.rules)
        XCTAssertEqual(try archive.statistics().documents, total)
        XCTAssertTrue(try verify(archive, folder).passed)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".building"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".packed"))
    }
}

private extension URL {
    /// The URL, once its folder exists.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}

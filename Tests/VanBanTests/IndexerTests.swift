import Foundation
import GRDB
import VanBan
import XCTest

final class IndexerTests: XCTestCase {
    func testBadFilesAreReportedAndTheRestIndexed() throws {
        let folder = try Support.corpusCopy()
        try Support.write([], "empty.txt", in: folder)
        try Support.write(Array("Đảng ủy ".utf8) + [0xC3, 0x28, 0xFF] + Array(" dân vận".utf8), "invalid.txt", in: folder)
        try Support.write([0x7F, 0x45, 0x4C, 0x46] + [UInt8](repeating: 0, count: 200), "binary.txt", in: folder)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gone.txt").path,
                                                   withDestinationPath: "/nonexistent/file.txt")
        let (archive, report) = try Support.archive(of: folder)
        let reasons = Dictionary(uniqueKeysWithValues: report.failed.map { ($0.path, $0.reason) })
        XCTAssertEqual(reasons["empty.txt"], "empty file")
        XCTAssertEqual(reasons["invalid.txt"], "not valid UTF-8 (first bad byte at offset 13)")
        XCTAssertEqual(reasons["binary.txt"], "binary content, not text")
        XCTAssertEqual(reasons["gone.txt"], "broken symbolic link")
        XCTAssertEqual(Set(report.added), ["60-CTr-DUK_2014-05-29.txt", "84-CV-DU_2014-06-06.txt"])
        XCTAssertEqual(try archive.search(SearchRequest(query: "dan van kheo")).hits.first?.number, "60-CTr/ĐUK")
    }

    func testUnreadableFileIsReported() throws {
        try XCTSkipIf(getuid() == 0, "root reads any file; the broken link above covers an unreadable entry")
        let folder = try Support.corpusCopy()
        let locked = folder.appendingPathComponent("locked.txt")
        try Support.write(Array("Đảng ủy".utf8), "locked.txt", in: folder)
        chmod(locked.path, 0)
        let (_, report) = try Support.archive(of: folder)
        XCTAssertEqual(report.failed.first?.path, "locked.txt")
    }

    func testEncodingsAndLineEnds() throws {
        let folder = try Support.temporaryDirectory().appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = "Số: 12-NQ/ĐU\r\nBiên Hòa, ngày 1 tháng 2 năm 2020\r\n\r\nNội dung về công tác dân vận.\r\n"
        try Support.write([0xEF, 0xBB, 0xBF] + Array(text.utf8), "bom.txt", in: folder)
        try Support.write([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "utf16.txt", in: folder)
        let (archive, report) = try Support.archive(of: folder)
        XCTAssertEqual(report.failed, [])
        let documents = try archive.documents(numbered: "12-NQ/ĐU")
        XCTAssertEqual(Set(documents.map(\.encoding)), ["UTF-8", "UTF-16LE"])
        XCTAssertEqual(Set(documents.map(\.date)), ["2020-02-01"])
    }

    /// Offsets are stored in code points: past a character outside the BMP (two UTF-16 units,
    /// one code point), a citation's words are still its own.
    func testOffsetsPastAnAstralCharacter() throws {
        let folder = try Support.temporaryDirectory().appendingPathComponent("corpus")
        let text = """
            Số: 12-NQ/ĐU
            Biên Hòa, ngày 1 tháng 2 năm 2020

            NGHỊ QUYẾT
            về công tác dân vận

            1. 👍🏽 Các chi bộ thực hiện Nghị quyết số 25-NQ/TW ngày 3 tháng 6 năm 2013 👍 và Chỉ thị số 18-CT/TU, báo cáo trước ngày 15 tháng 12 hằng năm.

            """
        try Support.write(Array(text.utf8), "12.txt", in: folder)
        let (archive, _) = try Support.archive(of: folder)
        let references = try archive.references(of: "12-NQ/ĐU")
        XCTAssertEqual(references.map(\.text), ["Nghị quyết số 25-NQ/TW", "Chỉ thị số 18-CT/TU"])
        // The words stand at the stored offsets (a citation's own text is kept only where they do not).
        let path = folder.deletingLastPathComponent().appendingPathComponent("archive.db").path
        let stored = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM citations WHERE text IS NULL") }
        XCTAssertEqual(stored, 2)
    }

    func testRerunsOnlyTouchWhatChanged() throws {
        let folder = try Support.corpusCopy()
        let path = folder.deletingLastPathComponent().appendingPathComponent("archive.db").path
        let indexer = Indexer(archivePath: path, corpus: Corpus(root: folder), rules: Support.rules)
        XCTAssertTrue(try indexer.run().rebuilt)
        let again = try indexer.run()
        XCTAssertFalse(again.changed)
        XCTAssertEqual(again.unchanged, 2)

        let added = "Số: 5-TB/ĐU\nBiên Hòa, ngày 2 tháng 1 năm 2015\n\nThông báo về phong trào thi đua khoẻ mạnh.\n"
        try Support.write(Array(added.utf8), "new.txt", in: folder)
        let programme = folder.appendingPathComponent("60-CTr-DUK_2014-05-29.txt")
        try (String(contentsOf: programme, encoding: .utf8) + "\nĐoạn bổ sung về chuyển đổi số.\n").write(to: programme, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("84-CV-DU_2014-06-06.txt"))
        let third = try indexer.run()
        XCTAssertEqual(third.added, ["new.txt"])
        XCTAssertEqual(third.updated, ["60-CTr-DUK_2014-05-29.txt"])
        XCTAssertEqual(third.removed, ["84-CV-DU_2014-06-06.txt"])
        let archive = try Archive(path: path, rules: Support.rules)
        XCTAssertEqual(try archive.search(SearchRequest(query: "chuyen doi so")).hits.first?.number, "60-CTr/ĐUK")
        XCTAssertEqual(try archive.search(SearchRequest(query: "\"Phan Văn Châu\"")).total, 0)
        XCTAssertEqual(try archive.search(SearchRequest(query: "khỏe mạnh")).hits.first?.number, "5-TB/ĐU")
        XCTAssertEqual(try archive.statistics().orphanPassages, 0)
    }

    /// New passages reach the full-text index in bulk; a changed file met after new ones must
    /// flush them before its old passages are deleted, or the index and the text part ways.
    func testAChangedFileAfterNewOnesKeepsTheIndexWhole() throws {
        let folder = try Support.corpusCopy()
        let path = folder.deletingLastPathComponent().appendingPathComponent("archive.db").path
        let indexer = Indexer(archivePath: path, corpus: Corpus(root: folder), rules: Support.rules)
        _ = try indexer.run()
        try Support.write(Array("Số: 3-TB/ĐU\nBiên Hòa, ngày 2 tháng 1 năm 2015\n\nThông báo về giếng khoan nông thôn.\n".utf8),
                  "00-first.txt", in: folder)
        let letter = folder.appendingPathComponent("84-CV-DU_2014-06-06.txt")
        try "Số: 84-CV/ĐU\nBiên Hòa, ngày 6 tháng 6 năm 2014\n\nCông văn thay bằng bản về rừng ngập mặn.\n"
            .write(to: letter, atomically: true, encoding: .utf8)
        let report = try indexer.run()
        XCTAssertEqual(report.added, ["00-first.txt"])
        XCTAssertEqual(report.updated, ["84-CV-DU_2014-06-06.txt"])
        let archive = try Archive(path: path, rules: Support.rules)
        XCTAssertEqual(try archive.search(SearchRequest(query: "rung ngap man")).hits.first?.number, "84-CV/ĐU")
        XCTAssertEqual(try archive.search(SearchRequest(query: "gieng khoan")).hits.first?.number, "3-TB/ĐU")
        XCTAssertEqual(try archive.search(SearchRequest(query: "\"truy cap van ban\"")).total, 0)
        let verification = try Verifier(archivePath: path, corpus: Corpus(root: folder)).run()
        XCTAssertTrue(verification.passed, "\(verification.checks.filter { !$0.passed })")
    }

    func testNamesDifferingOnlyInNormalisationAreTwoFiles() throws {
        let folder = try Support.corpusCopy()
        let name = "Nghị quyết số 5.txt"
        for (index, spelling) in [name.precomposedStringWithCanonicalMapping, name.decomposedStringWithCanonicalMapping].enumerated() {
            try Support.write(Array("Số: \(index + 7)-TB/ĐU\nBiên Hòa, ngày 2 tháng 1 năm 2015\n\nNội dung \(index).\n".utf8), spelling, in: folder)
        }
        let path = folder.deletingLastPathComponent().appendingPathComponent("archive.db").path
        let indexer = Indexer(archivePath: path, corpus: Corpus(root: folder), rules: Support.rules)
        XCTAssertEqual(try indexer.run().added.count, 4)
        for spelling in [name.precomposedStringWithCanonicalMapping, name.decomposedStringWithCanonicalMapping] {
            try Support.write(Array("Số: 9-TB/ĐU\nBiên Hòa, ngày 3 tháng 1 năm 2015\n\nĐã sửa \(spelling.utf8.count).\n".utf8), spelling, in: folder)
        }
        let again = try indexer.run()
        XCTAssertEqual(again.updated.count, 2)
        XCTAssertEqual(again.failed, [])
        XCTAssertEqual(try Archive(path: path, rules: Support.rules).statistics().documents, 4)
    }

    func testIncompleteDocumentsAreIndexedAndListed() throws {
        let folder = try Support.corpusCopy()
        try Support.write(Array("Ghi chú về công tác dân vận ở cơ sở.\n".utf8), "note.txt", in: folder)
        let (archive, report) = try Support.archive(of: folder)
        XCTAssertEqual(report.incomplete, [IndexReport.Incomplete(path: "note.txt", missing: ["number", "date"])])
        XCTAssertEqual(try archive.search(SearchRequest(query: "ghi chu")).hits.first?.file, "note.txt")
    }

    func testKilledRunLeavesThePreviousArchiveUsable() throws {
        let folder = try Support.corpusCopy()
        let path = folder.deletingLastPathComponent().appendingPathComponent("archive.db").path
        try Support.run(["index", folder.path, "--archive", path])
        let seed = try String(contentsOf: folder.appendingPathComponent("60-CTr-DUK_2014-05-29.txt"), encoding: .utf8)
        for copy in 0..<400 {
            try (seed + "\nBản sao \(copy).\n").write(to: folder.appendingPathComponent("copy-\(copy).txt"), atomically: false, encoding: .utf8)
        }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<5 {
            let process = try Support.start(["index", folder.path, "--archive", path])
            usleep(UInt32.random(in: 20_000...250_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let archive = try Archive(path: path, rules: Support.rules)
            XCTAssertEqual(try archive.search(SearchRequest(query: "dan van kheo")).hits.first?.number, "60-CTr/ĐUK", "round \(round)")
            XCTAssertEqual(try archive.statistics().documents, 2, "round \(round): the previous archive, not a partial one")
        }
        let finished = try Support.run(["index", folder.path, "--archive", path, "--json"])
        XCTAssertEqual(finished.status, 0, finished.stderr)
        let archive = try Archive(path: path, rules: Support.rules)
        XCTAssertEqual(try archive.statistics().documents, 402)
    }
}

import Foundation
import XCTest

/// The archive as a plain SQLite file that other tools open: the sqlite3 shell reads its tables
/// as they are, and runs MATCH queries once it has loaded the tokenizer as an extension.
final class ExtensionTests: XCTestCase {
    nonisolated(unsafe) static var archive = ""

    override class func setUp() {
        archive = try! Support.archive(of: Support.corpusCopy()).0.path
    }

    /// libCVietText.so, built by `swift build` and `swift test` beside the test bundle; the
    /// path is given without ".so", as the README shows it, and sqlite3 adds the suffix.
    private func extensionPath() throws -> String {
        let folder = Support.executable.deletingLastPathComponent()
        let library = folder.appendingPathComponent("libCVietText.so")
        guard FileManager.default.fileExists(atPath: library.path) else {
            throw XCTSkip("\(library.path) is not built: run `swift build --product CVietText` first")
        }
        return folder.appendingPathComponent("libCVietText").path
    }

    private func sqlite3(_ arguments: [String], readonly: Bool = true) throws -> Support.Output {
        guard let shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("the sqlite3 shell is not installed (apt-get install sqlite3)")
        }
        return try Support.run(URL(fileURLWithPath: shell), (readonly ? ["-readonly"] : []) + ["-bail"] + arguments)
    }

    func testTheShellRunsMatchQueriesWithTheLoadedTokenizer() throws {
        let result = try sqlite3([Self.archive, "-cmd", ".load \(try extensionPath())", """
            SELECT highlight(documents_fts, 2, '[', ']') FROM documents_fts WHERE documents_fts MATCH 'dang uy' ORDER BY rank LIMIT 5;
            """])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = result.stdout.split(separator: "\n")
        XCTAssertFalse(rows.isEmpty)
        XCTAssertTrue(result.stdout.contains("[Đảng] [ủy]"), "unmarked words match the marked text: \(result.stdout)")
    }

    /// Passage text is stored compressed a document at a time; the extension's vv_text() reads
    /// it back through the view `passage_texts`, the same text `show` gives.
    func testTheShellReadsPassageTextThroughTheView() throws {
        let result = try sqlite3([Self.archive, "-cmd", ".load \(try extensionPath())", """
            SELECT t.ordinal, t.heading, t.body FROM passage_texts t JOIN documents d ON d.id = t.document_id
            WHERE d.symbol = '84-CV/ĐU' ORDER BY t.ordinal;
            """])
        XCTAssertEqual(result.status, 0, result.stderr)
        let letter = try String(contentsOf: Support.corpus.appendingPathComponent("84-CV-DU_2014-06-06.txt"), encoding: .utf8)
        let bodies = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "|", omittingEmptySubsequences: false).last! }
        XCTAssertGreaterThan(bodies.count, 2)
        XCTAssertTrue(bodies.allSatisfy { letter.contains($0) }, result.stdout)
        XCTAssertTrue(result.stdout.contains("Đảng ủy Sở triển khai toàn văn Chương trình số 60-CTr/ĐUK"), result.stdout)
        let shown = try Support.run(["show", "84-CV/ĐU", "--archive", Self.archive])
        XCTAssertTrue(bodies.allSatisfy { shown.stdout.contains($0) }, shown.stdout)
    }

    /// The view reads a document's block by its id and keeps the last one inflated: a change to
    /// the block on the same connection is seen at once.
    func testTheStoredTextIsReadAgainOnceItChanges() throws {
        let copy = Self.archive + ".changed.db"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: Self.archive, toPath: copy)
        let result = try sqlite3([copy, "-cmd", ".load \(try extensionPath())", """
            SELECT vv_stored_text(2, 0, 40);
            SELECT vv_stored_text(1, 0, 40);
            UPDATE texts SET block = (SELECT block FROM texts WHERE document_id = 2) WHERE document_id = 1;
            SELECT vv_stored_text(1, 0, 40);
            """], readonly: false)
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = result.stdout.split(separator: "\n")
        XCTAssertEqual(rows.count, 3, result.stdout)
        XCTAssertNotEqual(rows[0], rows[1])
        XCTAssertEqual(rows[2], rows[0], "document 1 now holds document 2's block")
    }

    func testPlainTablesReadWithoutTheExtension() throws {
        let documents = try sqlite3([Self.archive, "SELECT symbol FROM documents ORDER BY symbol;"])
        XCTAssertEqual(documents.status, 0, documents.stderr)
        XCTAssertEqual(documents.stdout, "60-CTr/ĐUK\n84-CV/ĐU\n")
        // Only MATCH needs the tokenizer, and says so.
        let match = try sqlite3([Self.archive, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'dang';"])
        XCTAssertNotEqual(match.status, 0)
        XCTAssertTrue(match.stderr.contains("no such tokenizer: vietnamese"), match.stderr)
        let text = try sqlite3([Self.archive, "SELECT body FROM passage_texts LIMIT 1;"])
        XCTAssertTrue(text.stderr.contains("no such function: vv_stored_text"), text.stderr)
    }
}

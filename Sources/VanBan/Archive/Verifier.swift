import CSearch
import Foundation
import GRDB

/// What `vanban verify` found: each check with its result and, when it failed, what is wrong.
public struct VerificationReport: Codable, Sendable {
    public struct Check: Codable, Sendable, Equatable {
        public let name: String
        public let passed: Bool
        /// One line per problem found (at most ``Verifier/detailLimit``, then a count).
        public let details: [String]
    }

    public let archive: String
    public let corpus: String
    public let checks: [Check]
    public let passed: Bool

    init(archive: String, corpus: String, checks: [Check]) {
        self.archive = archive
        self.corpus = corpus
        self.checks = checks
        passed = checks.allSatisfy(\.passed)
    }

    public func check(_ name: String) -> Check? { checks.first { $0.name == name } }
}

/// Checks that an archive is sound and matches its corpus, without changing either.
///
/// The checks run on a private copy of the archive file: FTS5's `integrity-check` is an
/// INSERT and needs a writable connection, which the archive itself never gets outside
/// `vanban index`; and a copy is one consistent snapshot even if a re-index renames a new
/// archive over the file meanwhile. A corrupt or foreign file is a failed check, not an error.
public struct Verifier {
    public static let detailLimit = 50

    public let archivePath: String
    public let corpus: Corpus

    public init(archivePath: String, corpus: Corpus) {
        self.archivePath = archivePath
        self.corpus = corpus
    }

    /// Throws only when there is no archive file or no corpus folder to compare.
    public func run() throws -> VerificationReport {
        guard FileManager.default.fileExists(atPath: archivePath) else { throw VanBanError.archiveMissing(archivePath) }
        let listing = try corpus.files()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("archive.db").path
        try FileManager.default.copyItem(atPath: archivePath, toPath: copy)

        var checks: [VerificationReport.Check] = []
        func check(_ name: String, _ problems: () throws -> [String]) {
            do {
                let found = try problems()
                let shown = found.prefix(Self.detailLimit) + (found.count > Self.detailLimit ? ["… and \(found.count - Self.detailLimit) more"] : [])
                checks.append(.init(name: name, passed: found.isEmpty, details: Array(shown)))
            } catch {
                checks.append(.init(name: name, passed: false, details: ["\(error)"]))
            }
        }
        func report() -> VerificationReport { VerificationReport(archive: archivePath, corpus: corpus.root.path, checks: checks) }

        let queue: DatabaseQueue
        do {
            queue = try Connection.open(copy, readonly: false)
        } catch {
            check("sqlite integrity") { throw error }
            return report()
        }
        defer { try? queue.close() }
        check("sqlite integrity") { try Self.sqliteIntegrity(queue) }
        check("schema") { try queue.read(Schema.incompatibility).map { [$0] } ?? [] }
        // The other checks read this schema's tables: on a damaged or foreign file they would
        // only repeat the failure above.
        guard checks.allSatisfy(\.passed) else { return report() }
        check("fts5 integrity") { try Self.ftsIntegrity(queue) }
        check("search index agrees with fts5") { try queue.write(Self.searchIndexAgrees) }
        check("search index lists are whole") { try queue.read(Self.damagedLists) }
        check("corpus files indexed") { try queue.read { try Self.unindexedFiles(listing.files, db: $0) } }
        check("documents have files") { try queue.read { try Self.documentsWithoutFiles(listing.files, db: $0) } }
        check("links point at nodes") { try queue.read(Self.danglingLinks) }
        check("no orphan rows") { try queue.read(Self.orphans) }
        return report()
    }

    private static func sqliteIntegrity(_ queue: DatabaseQueue) throws -> [String] {
        let rows = try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        return rows == ["ok"] ? [] : rows
    }

    /// With rank 1, FTS5 also compares its index with the text it was built from.
    private static func ftsIntegrity(_ queue: DatabaseQueue) throws -> [String] {
        try queue.write { try $0.execute(sql: "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)") }
        return []
    }

    /// The search index counts, for every term, the documents FTS5 finds it in.
    private static func searchIndexAgrees(_ db: Database) throws -> [String] {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.verify_vocab; CREATE VIRTUAL TABLE temp.verify_vocab USING fts5vocab(main, documents_fts, 'row')")
        defer { try? db.execute(sql: "DROP TABLE temp.verify_vocab") }
        return try Row.fetchAll(db, sql: """
            SELECT coalesce(v.term, s.term) AS term, v.doc AS fts, s.docs AS search
            FROM temp.verify_vocab v FULL OUTER JOIN search_terms s ON s.term = v.term
            WHERE v.term IS NOT ? AND (v.doc IS NOT s.docs)
            ORDER BY 1 LIMIT 20
            """, arguments: [StoredText.boundary]).map { row in
            "term \(String(reflecting: row["term"] as String)): FTS5 finds it in \(row["fts"] as Int? ?? 0) documents, the search index counts \(row["search"] as Int? ?? 0)"
        }
    }

    /// Every postings list reads to its end, and its dense weights say what its entries do.
    private static func damagedLists(_ db: Database) throws -> [String] {
        var damaged: [String] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT term, segment, docs FROM search_postings ORDER BY term, segment")
        while let row = try rows.next() {
            let whole = try row.withUnsafeData(named: "docs") { data in
                data.map { $0.withUnsafeBytes { vs_postings_check($0.bindMemory(to: UInt8.self).baseAddress, $0.count) == 0 } } ?? false
            }
            if !whole { damaged.append("term \(String(reflecting: row["term"] as String)), segment \(row["segment"] as Int): its list is damaged") }
        }
        return damaged
    }

    /// Every corpus file is indexed with its current content, or recorded as unreadable.
    /// Paths are compared as bytes, as the file system and SQLite compare them: Swift's `==`
    /// would take an NFC and an NFD spelling of one name, two files on Linux, for one.
    private static func unindexedFiles(_ files: [Corpus.File], db: Database) throws -> [String] {
        var hashes: [[UInt8]: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT path, hash FROM documents") {
            hashes[Array((row["path"] as String).utf8)] = row["hash"]
        }
        let unreadable = Set(try String.fetchAll(db, sql: "SELECT path FROM problems").map { Array($0.utf8) })
        var problems: [String] = []
        for file in files where !unreadable.contains(Array(file.path.utf8)) {
            guard let indexed = hashes[Array(file.path.utf8)] else {
                problems.append("not indexed: \(file.path)")
                continue
            }
            guard let data = FileManager.default.contents(atPath: file.url.path) else {
                problems.append("cannot be read: \(file.path)")
                continue
            }
            if ContentHash.of(Array(data)) != indexed { problems.append("changed since indexed: \(file.path)") }
        }
        return problems
    }

    private static func documentsWithoutFiles(_ files: [Corpus.File], db: Database) throws -> [String] {
        let present = Set(files.map { Array($0.path.utf8) })
        return try String.fetchAll(db, sql: "SELECT path FROM documents ORDER BY path")
            .filter { !present.contains(Array($0.utf8)) }.map { "no such file: \($0)" }
    }

    private static func danglingLinks(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT id, source, target FROM links
            WHERE source NOT IN (SELECT id FROM nodes) OR (target IS NOT NULL AND target NOT IN (SELECT id FROM nodes))
            ORDER BY id
            """).map { "link \($0["id"] as Int64): \($0["source"] as Int64) → \(($0["target"] as Int64?).map(String.init) ?? "none") names a missing node" }
    }

    /// Rows whose owner is gone: what a delete that missed a cascade would leave behind (for
    /// citations and requirements, rows outside their document's range of ids).
    private static func orphans(_ db: Database) throws -> [String] {
        let queries = [
            ("passages", "SELECT count(*) FROM passages WHERE document_id NOT IN (SELECT id FROM documents)"),
            ("citations", """
                SELECT count(*) FROM citations c WHERE NOT EXISTS (SELECT 1 FROM documents d
                    WHERE d.id = c.document_id AND \(DocumentRows.citations.contain("c")))
                """),
            ("requirements", """
                SELECT count(*) FROM requirements r WHERE NOT EXISTS (SELECT 1 FROM documents d
                    WHERE d.id = r.document_id AND \(DocumentRows.requirements.contain("r")))
                """),
            ("requirement actors", "SELECT count(*) FROM requirement_actors WHERE requirement_id NOT IN (SELECT id FROM requirements)"),
            ("links", "SELECT count(*) FROM links WHERE citation_id NOT IN (SELECT id FROM citations)"),
            ("nodes", "SELECT count(*) FROM nodes WHERE document_id IS NOT NULL AND document_id NOT IN (SELECT id FROM documents)"),
        ]
        return try queries.compactMap { table, sql in
            let count = try Int.fetchOne(db, sql: sql) ?? 0
            return count == 0 ? nil : "\(count) \(table) without their owner"
        }
    }
}

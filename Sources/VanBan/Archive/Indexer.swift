import Foundation
import GRDB

/// Builds and updates an archive from a corpus folder.
///
/// A run never changes the archive in place: it writes a copy (`ARCHIVE.building`), applies
/// the changes there, flushes it and renames it over the archive. A run killed at any point
/// leaves the previous archive whole, and readers that have it open keep a consistent file.
/// Only new, changed and removed files are processed; a change of schema or of the rule
/// files in `indexer/` rebuilds everything.
public struct Indexer {
    public let archivePath: String
    public let corpus: Corpus
    public let rules: RuleSet

    public init(archivePath: String, corpus: Corpus, rules: RuleSet) {
        self.archivePath = archivePath
        self.corpus = corpus
        self.rules = rules
    }

    private var buildingPath: String { archivePath + ".building" }

    public func run(progress: ((IndexProgress) -> Void)? = nil) throws -> IndexReport {
        let started = Date()
        let lock = try IndexLock(path: archivePath + ".lock")
        defer { lock.release() }
        try? FileManager.default.removeItem(atPath: buildingPath)
        var report = IndexReport()
        let (files, listingProblems) = try corpus.files()
        report.failed = listingProblems.map { IndexReport.Failure(path: $0.path, reason: $0.reason) }
        let known = try existingDocuments()
        report.rebuilt = known == nil
        let plan = ChangePlan(files: files, known: known ?? [:])
        report.unchanged = plan.unchanged
        let hadProblems = report.rebuilt ? false : try hasProblems()
        if plan.isEmpty && !report.rebuilt && listingProblems.isEmpty && !hadProblems {
            report.seconds = Date().timeIntervalSince(started)
            return report
        }
        let queue = try prepareBuildingCopy(fresh: report.rebuilt)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            try db.inTransaction {
                try apply(plan, in: db, report: &report, progress: progress, started: started)
                return .commit
            }
        }
        try queue.close()
        try commitBuildingCopy()
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// The documents the current archive holds, or nil when it must be rebuilt.
    private func existingDocuments() throws -> [String: ChangePlan.Known]? {
        guard FileManager.default.fileExists(atPath: archivePath) else { return nil }
        do {
            let queue = try Connection.open(archivePath, readonly: true)
            defer { try? queue.close() }
            return try queue.read { db -> [String: ChangePlan.Known]? in
                guard try Schema.incompatibility(db) == nil,
                      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'rules'") == Schema.buildKey(rules: rules)
                else { return nil }
                var known: [String: ChangePlan.Known] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, path, size, mtime, hash FROM documents") {
                    known[row["path"]] = ChangePlan.Known(id: row["id"], size: row["size"], mtime: row["mtime"], hash: row["hash"])
                }
                return known
            }
        } catch {
            return nil  // unreadable or not an archive: rebuild it
        }
    }

    private func hasProblems() throws -> Bool {
        let queue = try Connection.open(archivePath, readonly: true)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM problems") ?? 0 } > 0
    }

    private func prepareBuildingCopy(fresh: Bool) throws -> DatabaseQueue {
        if !fresh { try FileManager.default.copyItem(atPath: archivePath, toPath: buildingPath) }
        let queue = try Connection.open(buildingPath, readonly: false)
        if fresh { try queue.writeWithoutTransaction { try Schema.create($0, buildKey: Schema.buildKey(rules: rules)) } }
        return queue
    }

    private func commitBuildingCopy() throws {
        let descriptor = open(buildingPath, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
        guard rename(buildingPath, archivePath) == 0 else {
            throw VanBanError.corpus("cannot replace \(archivePath): \(String(cString: strerror(errno)))")
        }
    }

    private func apply(_ plan: ChangePlan, in db: Database, report: inout IndexReport,
                       progress: ((IndexProgress) -> Void)?, started: Date) throws {
        for path in plan.removed {
            try db.execute(sql: "DELETE FROM documents WHERE path = ?", arguments: [path])
            report.removed.append(path)
        }
        let writer = DocumentWriter(rules: rules)
        let parser = DocumentParser(rules: rules)
        let bytesTotal = plan.toRead.reduce(0) { $0 + $1.file.size }
        try db.execute(sql: "DELETE FROM problems")
        for failure in report.failed {
            try db.execute(sql: "INSERT OR REPLACE INTO problems VALUES (?, ?)", arguments: [failure.path, failure.reason])
        }
        for (done, item) in plan.toRead.enumerated() {
            try index(item, parser: parser, writer: writer, db: db, report: &report)
            progress?(IndexProgress(filesDone: done + 1, filesTotal: plan.toRead.count, bytesDone: report.bytes,
                                    bytesTotal: bytesTotal, seconds: Date().timeIntervalSince(started)))
        }
        try CitationGraph(rules: rules).rebuild(db)
        try db.execute(sql: "INSERT OR REPLACE INTO meta VALUES ('built_at', ?), ('corpus', ?)",
                       arguments: [ISO8601DateFormatter().string(from: Date()), corpus.root.path])
    }

    private func index(_ item: ChangePlan.Item, parser: DocumentParser, writer: DocumentWriter,
                       db: Database, report: inout IndexReport) throws {
        let path = item.file.path
        do {
            let bytes = try readFile(item.file.url)
            let hash = ContentHash.of(bytes)
            if let known = item.known, known.hash == hash {
                try db.execute(sql: "UPDATE documents SET mtime = ?, size = ? WHERE id = ?",
                               arguments: [item.file.mtime, item.file.size, known.id])
                return
            }
            let decoded = try TextDecoder.decode(bytes)
            let document = parser.parse(decoded.text)
            if let known = item.known {
                try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [known.id])
                report.updated.append(path)
            } else {
                report.added.append(path)
            }
            try writer.insert(document, from: .init(file: item.file, hash: hash, encoding: decoded.encoding), into: db)
            report.bytes += bytes.count
            let missing = document.metadata.missingFields.filter { $0 == "number" || $0 == "date" }
            if !missing.isEmpty { report.incomplete.append(.init(path: path, missing: missing)) }
        } catch let failure as TextDecoder.Failure {
            try record(path: path, reason: failure.description, known: item.known, db: db, report: &report)
        } catch let error as VanBanError {
            try record(path: path, reason: error.description, known: item.known, db: db, report: &report)
        }
    }

    /// A file that cannot be read is reported and kept out of the archive; an older indexed
    /// version of it is dropped, so the archive never serves text the corpus no longer has.
    private func record(path: String, reason: String, known: ChangePlan.Known?, db: Database,
                        report: inout IndexReport) throws {
        report.failed.append(.init(path: path, reason: reason))
        try db.execute(sql: "INSERT OR REPLACE INTO problems VALUES (?, ?)", arguments: [path, reason])
        if let known { try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [known.id]) }
    }

    private func readFile(_ url: URL) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw VanBanError.corpus(access(url.path, R_OK) == 0 ? "cannot open file" : "permission denied")
        }
        defer { try? handle.close() }
        do {
            return Array(try handle.readToEnd() ?? Data())
        } catch {
            throw VanBanError.corpus("cannot read: \(error.localizedDescription)")
        }
    }
}

/// Which corpus files to read, which to drop, and how many are unchanged.
struct ChangePlan {
    struct Known {
        let id: Int64
        let size: Int
        let mtime: Double
        let hash: String
    }

    struct Item {
        let file: Corpus.File
        let known: Known?
    }

    var toRead: [Item] = []
    var removed: [String] = []
    var unchanged = 0

    init(files: [Corpus.File], known: [String: Known]) {
        for file in files {
            let previous = known[file.path]
            if let previous, previous.size == file.size, previous.mtime == file.mtime {
                unchanged += 1
            } else {
                toRead.append(Item(file: file, known: previous))
            }
        }
        let present = Set(files.map(\.path))
        removed = known.keys.filter { !present.contains($0) }.sorted()
    }

    var isEmpty: Bool { toRead.isEmpty && removed.isEmpty }
}

/// An exclusive lock on the archive, so two index runs never write it at once.
struct IndexLock {
    private let descriptor: Int32

    init(path: String) throws {
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw VanBanError.corpus("another `vanban index` is writing \(path.dropLast(5)); wait for it to finish")
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

import Foundation
import GRDB

/// Builds and updates an archive from a corpus folder.
///
/// A run never changes the archive in place: it writes a copy (`ARCHIVE.building`), applies
/// the changes there, packs it into `ARCHIVE.packed`, flushes that and renames it over the
/// archive. A run killed at any point leaves the previous archive whole, and readers that have
/// it open keep a consistent file.
/// Only new, changed and removed files are processed; a change of schema or of the rule
/// files in `indexer/` rebuilds everything.
public struct Indexer {
    public let archivePath: String
    public let corpus: Corpus
    public let rules: RuleSet
    /// How source files are read (OCR of scans or not).
    public let options: SourceReader.Options

    public init(archivePath: String, corpus: Corpus, rules: RuleSet, options: SourceReader.Options = .init()) {
        self.archivePath = archivePath
        self.corpus = corpus
        self.rules = rules
        self.options = options
    }

    private var buildingPath: String { archivePath + ".building" }
    /// The building copy packed again (VACUUM INTO), which replaces the archive.
    private var packedPath: String { archivePath + ".packed" }

    public func run(progress: ((IndexProgress) -> Void)? = nil) throws -> IndexReport {
        let started = Date()
        let lock = try IndexLock(path: archivePath + ".lock")
        defer { lock.release() }
        for path in [buildingPath, packedPath] { try? FileManager.default.removeItem(atPath: path) }
        var report = IndexReport()
        let (files, listingProblems) = try corpus.files()
        report.failed = listingProblems.map { IndexReport.Failure(path: $0.path, reason: $0.reason) }
        let known = try existingDocuments()
        report.rebuilt = known == nil
        let plan = ChangePlan(files: files, known: known ?? [:])
        report.unchanged = plan.unchanged
        let mustRewrite = report.rebuilt ? false : try mustRewrite()
        if plan.isEmpty && !report.rebuilt && listingProblems.isEmpty && !mustRewrite {
            report.seconds = Date().timeIntervalSince(started)
            return report
        }
        let queue = try prepareBuildingCopy(fresh: report.rebuilt)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -32768")
            try db.inTransaction {
                try apply(plan, in: db, report: &report, progress: progress, started: started)
                return .commit
            }
            // Pages filled as rows came leave index and WITHOUT ROWID pages half empty: packed
            // again in key order, a 20,000-document archive is 1 % smaller, for half a second.
            try db.execute(sql: "VACUUM INTO ?", arguments: [packedPath])
        }
        try queue.close()
        try FileManager.default.removeItem(atPath: buildingPath)
        try commitPackedCopy()
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// The documents the current archive holds, or nil when it must be rebuilt. An archive of a
    /// newer vanban is refused, not rebuilt: it may hold what this version cannot make again.
    private func existingDocuments() throws -> [[UInt8]: ChangePlan.Known]? {
        guard FileManager.default.fileExists(atPath: archivePath) else { return nil }
        do {
            let queue = try Connection.open(archivePath, readonly: true)
            defer { try? queue.close() }
            return try queue.read { db -> [[UInt8]: ChangePlan.Known]? in
                let problem = try Schema.incompatibility(db)
                // A newer vanban's archive may hold what this one cannot make again: left alone.
                if let problem, try Schema.storedVersion(db) ?? 0 > Schema.version {
                    throw VanBanError.archiveVersion("The archive \(archivePath) is left as it is: \(problem).")
                }
                guard problem == nil,
                      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'rules'") == Schema.buildKey(rules: rules)
                else { return nil }
                var known: [[UInt8]: ChangePlan.Known] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, path, size, mtime, hash FROM documents") {
                    known[Array((row["path"] as String).utf8)] = ChangePlan.Known(id: row["id"], size: row["size"], mtime: row["mtime"], hash: row["hash"])
                }
                return known
            }
        } catch let error as VanBanError {
            throw error
        } catch {
            return nil  // unreadable or not an archive: rebuild it
        }
    }

    /// Whether an archive with nothing new to read must still be written again: it records
    /// files to try again, or it was built before archives recorded a build id.
    private func mustRewrite() throws -> Bool {
        let queue = try Connection.open(archivePath, readonly: true)
        defer { try? queue.close() }
        return try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM problems") ?? 0 > 0 || BuildID.read(db) == nil
        }
    }

    private func prepareBuildingCopy(fresh: Bool) throws -> DatabaseQueue {
        if !fresh { try FileManager.default.copyItem(atPath: archivePath, toPath: buildingPath) }
        let queue = try Connection.open(buildingPath, readonly: false)
        if fresh { try queue.writeWithoutTransaction { try Schema.create($0, buildKey: Schema.buildKey(rules: rules)) } }
        return queue
    }

    private func commitPackedCopy() throws {
        let descriptor = open(packedPath, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
        guard rename(packedPath, archivePath) == 0 else {
            throw VanBanError.corpus("cannot replace \(archivePath): \(String(cString: strerror(errno)))")
        }
    }

    private func apply(_ plan: ChangePlan, in db: Database, report: inout IndexReport,
                       progress: ((IndexProgress) -> Void)?, started: Date) throws {
        let index = try SearchIndexWriter(db)
        let writer = DocumentWriter(rules: rules, index: index)
        for removed in plan.removed {
            try writer.delete(document: removed.id, from: db)
            report.removed.append(removed.path)
        }
        let bytesTotal = plan.toRead.reduce(0) { $0 + $1.file.size }
        try db.execute(sql: "DELETE FROM problems")
        for failure in report.failed {
            try db.execute(sql: "INSERT OR REPLACE INTO problems VALUES (?, ?)", arguments: [failure.path, failure.reason])
        }
        let rules = self.rules, options = self.options
        var done = 0, bytesDone = 0
        try Pipeline.run(plan.toRead, batchSize: 16, produce: { FileAnalysis.analyse($0, rules: rules, options: options) }) { analysis in
            try store(analysis, writer: writer, db: db, report: &report)
            done += 1
            // Source bytes, whatever became of the file: a PDF counts its own size, not its text's.
            bytesDone += analysis.item.file.size
            progress?(IndexProgress(filesDone: done, filesTotal: plan.toRead.count, bytesDone: bytesDone,
                                    bytesTotal: bytesTotal, seconds: Date().timeIntervalSince(started)))
        }
        try CitationGraphWriter(rules: rules).rebuild(db)
        try ValidityWriter(rules: rules).rebuild(db)
        try index.finish(db)
        let now = Date()
        try db.execute(sql: "INSERT OR REPLACE INTO meta VALUES ('built_at', ?), ('corpus', ?), (?, ?)",
                       arguments: [ISO8601DateFormatter().string(from: now), corpus.root.path, BuildID.key, BuildID.make(at: now)])
    }

    private func store(_ analysis: FileAnalysis, writer: DocumentWriter, db: Database, report: inout IndexReport) throws {
        let item = analysis.item
        switch analysis.outcome {
        case .unchanged(let known):
            try db.execute(sql: "UPDATE documents SET mtime = ?, size = ? WHERE id = ?",
                           arguments: [item.file.mtime, item.file.size, known.id])
        case .failure(let reason):
            try record(path: item.file.path, reason: reason, known: item.known, writer: writer, db: db, report: &report)
        case .document(let document, let hash, let encoding):
            if let known = item.known {
                try writer.delete(document: known.id, from: db)
                report.updated.append(item.file.path)
            } else {
                report.added.append(item.file.path)
            }
            try writer.insert(document, from: .init(file: item.file, hash: hash, encoding: encoding), into: db)
            report.bytes += analysis.bytes
            let missing = document.parsed.metadata.missingFields.filter { $0 == "number" || $0 == "date" }
            if !missing.isEmpty { report.incomplete.append(.init(path: item.file.path, missing: missing)) }
        }
    }

    /// A file that cannot be read is reported and kept out of the archive; an older indexed
    /// version of it is dropped, so the archive never serves text the corpus no longer has.
    private func record(path: String, reason: String, known: ChangePlan.Known?, writer: DocumentWriter,
                        db: Database, report: inout IndexReport) throws {
        report.failed.append(.init(path: path, reason: reason))
        try db.execute(sql: "INSERT OR REPLACE INTO problems VALUES (?, ?)", arguments: [path, reason])
        if let known { try writer.delete(document: known.id, from: db) }
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
    var removed: [(path: String, id: Int64)] = []
    var unchanged = 0

    /// Paths compare as bytes: an NFC and an NFD spelling of one name are two files on Linux,
    /// though Swift's String calls them equal.
    init(files: [Corpus.File], known: [[UInt8]: Known]) {
        for file in files {
            let previous = known[Array(file.path.utf8)]
            if let previous, previous.size == file.size, previous.mtime == file.mtime {
                unchanged += 1
            } else {
                toRead.append(Item(file: file, known: previous))
            }
        }
        let present = Set(files.map { Array($0.path.utf8) })
        removed = known.filter { !present.contains($0.key) }
            .map { (path: String(decoding: $0.key, as: UTF8.self), id: $0.value.id) }
            .sorted { $0.path < $1.path }
    }

    var isEmpty: Bool { toRead.isEmpty && removed.isEmpty }
}

/// An exclusive lock on the archive, so two runs that rename a file over it (`vanban index`,
/// `vanban publish`) never write it at once.
struct IndexLock {
    private let descriptor: Int32

    init(path: String) throws {
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw VanBanError.corpus("another `vanban index` or `vanban publish` is writing \(path.dropLast(5)); wait for it to finish")
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

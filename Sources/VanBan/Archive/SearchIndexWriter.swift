import CSearch
import Foundation
import GRDB

/// Writes the search index during an index run: the postings of the documents added, in
/// segments, and each term's count of live documents.
///
/// Documents are gathered in memory and written out as a segment whenever they take more than
/// ``memoryLimit``; at the end of the run the run's segments are merged into one, and the newest
/// segments into older ones while they are of a size (a segment at most a third of the one
/// before it stays), so that a small incremental run rewrites little and a search reads few
/// segments. Ids only grow (documents.id is AUTOINCREMENT), so each segment holds higher ids
/// than the one before it, and merging two is joining their lists, dropping removed documents.
final class SearchIndexWriter {
    static let memoryLimit = 32 << 20

    private let builder: OpaquePointer
    private var runSegments: [Int] = []
    private var nextSegment: Int
    /// Change of each term's document count in this run.
    private var counts: [String: Int] = [:]

    init(_ db: Database) throws {
        guard let builder = vs_builder_new() else { throw VanBanError.corpus("out of memory") }
        self.builder = builder
        nextSegment = (try Int.fetchOne(db, sql: "SELECT max(segment) FROM search_postings") ?? 0) + 1
    }

    deinit { vs_builder_free(builder) }

    func add(_ document: IndexedDocument, id: Int64, db: Database) throws {
        guard vs_builder_add(builder, UInt32(id), document.handle) == 0 else {
            throw VanBanError.corpus("cannot add document \(id) to the search index (out of memory)")
        }
        if vs_builder_memory(builder) > Self.memoryLimit { try flush(db) }
    }

    /// A removed document's postings stay in their segment until it is merged (the table no
    /// longer marks it live); its terms count one document less from now.
    func remove(_ document: IndexedDocument) {
        for term in document.terms { counts[term, default: 0] -= 1 }
    }

    func finish(_ db: Database) throws {
        try flush(db)
        if runSegments.count > 1 { try merge(runSegments, db: db) }
        try mergeTiers(db)
        try updateCounts(db)
        try SearchTable.write(db)
    }

    private func flush(_ db: Database) throws {
        let terms = vs_builder_finish(builder)
        guard terms > 0 else { return }
        let segment = nextSegment
        nextSegment += 1
        runSegments.append(segment)
        let insert = try db.cachedStatement(sql: "INSERT INTO search_postings(term, segment, count, docs, positions) VALUES (?,?,?,?,?)")
        for index in 0..<terms {
            var postings = VSPostings()
            guard vs_builder_postings(builder, index, &postings) == 0 else { throw VanBanError.corpus("out of memory") }
            let term = String(decoding: UnsafeRawBufferPointer(start: postings.term, count: Int(postings.term_length)), as: UTF8.self)
            counts[term, default: 0] += Int(postings.count)
            try insert.execute(arguments: Self.row(term, segment: segment, postings))
        }
        vs_builder_clear(builder)
    }

    /// The row of a term's postings in a segment.
    private static func row(_ term: String, segment: Int, _ postings: VSPostings) -> StatementArguments {
        let docs = Data(bytes: postings.docs, count: postings.docs_length)
        let positions = postings.positions.map { Data(bytes: $0, count: postings.positions_length) }
        return [term, segment, Int(postings.count), docs, positions]
    }

    /// Merges the newest segments while the newest is at least a third of the one before it.
    private func mergeTiers(_ db: Database) throws {
        while true {
            let sizes = try Row.fetchAll(db, sql: """
                SELECT segment, sum(length(docs) + coalesce(length(positions), 0)) AS bytes FROM search_postings
                GROUP BY segment ORDER BY segment DESC LIMIT 2
                """)
            guard sizes.count == 2, (sizes[0]["bytes"] as Int) * 3 >= (sizes[1]["bytes"] as Int) else { return }
            try merge([sizes[1]["segment"], sizes[0]["segment"]], db: db)
        }
    }

    /// Joins `segments` (in order; the newest of the index) into a new one, keeping only live
    /// documents. Merged rows are written as they come: a segment may be larger than memory.
    private func merge(_ segments: [Int], db: Database) throws {
        let live = try liveDocuments(db)
        let target = nextSegment
        nextSegment += 1
        let list = segments.map(String.init).joined(separator: ",")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT term, docs, positions FROM search_postings WHERE segment IN (\(list)) ORDER BY term, segment
            """)
        let insert = try db.cachedStatement(sql: "INSERT INTO search_postings(term, segment, count, docs, positions) VALUES (?,?,?,?,?)")
        var term: String?
        var merge: OpaquePointer?
        func close() throws {
            guard let current = term, let done = merge else { return }
            defer { vs_merge_free(done) }
            var postings = VSPostings()
            vs_merge_result(done, &postings)
            if postings.count > 0 { try insert.execute(arguments: Self.row(current, segment: target, postings)) }
        }
        try live.withUnsafeBufferPointer { live in
            while let row = try rows.next() {
                let rowTerm: String = row["term"]
                if rowTerm != term {
                    try close()
                    term = rowTerm
                    merge = vs_merge_new(live.baseAddress, UInt32(live.count))
                }
                let docs: Data = row["docs"]
                let positions: Data? = row["positions"]
                let status = docs.withUnsafeBytes { d in
                    (positions ?? Data()).withUnsafeBytes { p in
                        vs_merge_add(merge, d.bindMemory(to: UInt8.self).baseAddress, d.count,
                                     positions == nil ? nil : p.bindMemory(to: UInt8.self).baseAddress, p.count)
                    }
                }
                guard status == 0 else { throw VanBanError.corpus("the search index's postings of \(rowTerm) are damaged") }
            }
            try close()
        }
        try db.execute(sql: "DELETE FROM search_postings WHERE segment IN (\(list))")
    }

    /// A byte per document id: 1 for the documents the archive holds.
    private func liveDocuments(_ db: Database) throws -> [UInt8] {
        let count = (try Int.fetchOne(db, sql: "SELECT max(id) FROM documents") ?? 0) + 1
        var live = [UInt8](repeating: 0, count: count)
        for id in try Int.fetchAll(db, sql: "SELECT id FROM documents") { live[id] = 1 }
        return live
    }

    private func updateCounts(_ db: Database) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO search_terms VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs
            """)
        for (term, change) in counts where change != 0 { try upsert.execute(arguments: [term, change]) }
        try db.execute(sql: "DELETE FROM search_terms WHERE docs <= 0")
        counts = [:]
    }
}

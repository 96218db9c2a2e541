import GRDB

/// Brings new passages into the full-text index in bulk: one `INSERT … SELECT` per few
/// megabytes of text rather than one insert per passage.
///
/// SQLite 3.40's FTS5 writes its pending terms out as a new segment at every statement
/// savepoint, and a row-by-row insert opens one per row: indexing passage by passage made
/// thousands of tiny segments to merge and cost four times the tokenizing itself. Passages
/// wait in `passages` and are copied in one statement: a new row's id is one past the largest,
/// so the waiting rows are those from the first of them on. Deletions only ever meet rows of
/// documents indexed in earlier runs or already flushed.
final class SearchIndexFeed {
    /// About the size of FTS5's own pending-terms buffer, so a flush writes a few full segments.
    private static let flushBytes = 4 << 20
    private var firstPending: Int64?
    private var pendingBytes = 0

    func added(passage id: Int64, bytes: Int, in db: Database) throws {
        if firstPending == nil { firstPending = id }
        pendingBytes += bytes
        if pendingBytes >= Self.flushBytes { try flush(db) }
    }

    func flush(_ db: Database) throws {
        guard let first = firstPending else { return }
        try db.execute(sql: """
            INSERT INTO passages_fts(rowid, title, heading, body)
            SELECT id, title, heading, body FROM passages WHERE id >= ?
            """, arguments: [first])
        firstPending = nil
        pendingBytes = 0
    }
}

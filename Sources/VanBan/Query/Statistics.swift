import GRDB

/// Counts and build facts of an archive.
public struct ArchiveStatistics: Codable, Sendable, Equatable {
    public let documents: Int
    public let sections: Int
    public let passages: Int
    /// Files of the corpus that could not be indexed at the last run.
    public let problems: Int
    /// Passages whose document is gone: always 0 in a sound archive.
    public let orphanPassages: Int
    public let builtAt: String?
    public let schemaVersion: Int
    public let builtBy: String?
}

extension Archive {
    public func statistics() throws -> ArchiveStatistics {
        try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            func meta(_ key: String) throws -> String? {
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
            }
            return ArchiveStatistics(
                documents: try count("SELECT count(*) FROM documents"),
                sections: try count("SELECT coalesce(sum(sections), 0) FROM documents"),
                passages: try count("SELECT count(*) FROM passages WHERE ordinal > 0"),
                problems: try count("SELECT count(*) FROM problems"),
                orphanPassages: try count("SELECT count(*) FROM passages WHERE document_id NOT IN (SELECT id FROM documents)"),
                builtAt: try meta("built_at"),
                schemaVersion: Int(try meta("schema_version") ?? "") ?? 0,
                builtBy: try meta("vanban_version"))
        }
    }
}

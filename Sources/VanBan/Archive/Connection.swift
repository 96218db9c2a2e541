import CVietText
import Foundation
import GRDB

/// Opens archive files with the Vietnamese tokenizer registered on every connection.
enum Connection {
    /// The page cache of a read-only connection (`serve` holds four).
    static let readerCacheKB = 4_096

    static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            let status = vv_register_tokenizer(UnsafeMutableRawPointer(db.sqliteConnection))
            if status != 0 { throw DatabaseError(resultCode: ResultCode(rawValue: status), message: "cannot register the vietnamese tokenizer") }
            // SQLite's default cache is 2,000 KB, 125 of the archive's 16 KB pages: fewer than a
            // search of common words touches (skip tables, the heads of lists, the hits' rows),
            // so each search read them again from the kernel (83 reads a query of "ke hoach 45
            // tinh uy" at 20,000 documents, 9 with this).
            if readonly { try db.execute(sql: "PRAGMA cache_size = -\(readerCacheKB)") }
            // No memory map: with one, every page a search touches counts in the process's
            // resident size (840 MB for `serve` under load at 100,000 documents, against 76 MB
            // read through the page cache), and searches were no faster for it.
        }
        return configuration
    }

    static func open(_ path: String, readonly: Bool) throws -> DatabaseQueue {
        try DatabaseQueue(path: path, configuration: configuration(readonly: readonly))
    }
}

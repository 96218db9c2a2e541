import CVietText
import Foundation
import GRDB

/// Opens archive files with the Vietnamese tokenizer registered on every connection.
enum Connection {
    static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            let status = vv_register_tokenizer(UnsafeMutableRawPointer(db.sqliteConnection))
            if status != 0 { throw DatabaseError(resultCode: ResultCode(rawValue: status), message: "cannot register the vietnamese tokenizer") }
            // Readers map the file instead of copying each page through read(): a quarter off a
            // typical search at 100,000 documents. An archive is replaced by rename, never
            // truncated in place, so a mapping never loses its pages.
            if readonly { try db.execute(sql: "PRAGMA mmap_size = 2147418112") }
        }
        return configuration
    }

    static func open(_ path: String, readonly: Bool) throws -> DatabaseQueue {
        try DatabaseQueue(path: path, configuration: configuration(readonly: readonly))
    }
}

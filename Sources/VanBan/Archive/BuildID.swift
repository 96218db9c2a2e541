import Foundation
import GRDB

/// The name of one build of an archive, written by every `vanban index` run that writes one,
/// so that replicas serving copies of it (see ``Publisher``) can be told apart: a UTC time
/// stamp, which orders builds for a reader, and random hex, which keeps two builds of one
/// second apart ("20250601T120304Z-3f9a2c1b").
public enum BuildID {
    static let key = "build_id"

    static func make(at date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date) + "-" + String(format: "%08x", UInt32.random(in: 0...UInt32.max))
    }

    /// The build id an archive records; nil for one built before vanban recorded them.
    static func read(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }
}

import CSearch
import Foundation
import GRDB

/// Every document's length, columns, type, issuer and year, packed in one blob at the end of
/// each index run, so that a search (or a cold CLI) loads them in one read instead of a query
/// over the documents, and ranks and filters without going back to SQLite.
///
/// Types, issuers and issuer groups are numbered in the blob; `Labels` names them. An issuer
/// *group* is what the issuer filter tells apart (the issuer code and every name of it); an
/// issuer *label* is what the facet shows (the issuer as written).
struct SearchTable {
    struct Labels: Codable, Sendable {
        /// Type codes, by id from 1.
        var types: [String] = []
        /// Issuer code and name keys (either may be absent), by group id from 1.
        var groups: [[String?]] = []
        /// Issuers as written, by label id from 1.
        var issuers: [String] = []
        var documents = 0
        var tokens = 0

        var averageLength: Double { documents > 0 ? Double(tokens) / Double(documents) : 1 }
    }

    /// Packs the documents table into the blob (format: CSearch's table.c).
    static func write(_ db: Database) throws {
        let count = (try Int.fetchOne(db, sql: "SELECT max(id) FROM documents") ?? 0) + 1
        var flags = [UInt8](repeating: 0, count: count), types = flags
        var groups = [UInt16](repeating: 0, count: count), issuers = groups, years = groups
        var lengths = [UInt32](repeating: 0, count: count), titles = lengths, headings = lengths, dates = lengths
        var labels = Labels()
        var typeIDs: [String: Int] = [:], groupIDs: [[String?]: Int] = [:], issuerIDs: [String: Int] = [:]
        func id<Key: Hashable>(_ key: Key, in ids: inout [Key: Int], list: inout [Key]) -> Int {
            if let id = ids[key] { return id }
            list.append(key)
            ids[key] = list.count
            return list.count
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, type_code, issuer_key, issuer_name_key, issuer, year, date, unmarked, tokens, title_tokens,
                heading_tokens FROM documents ORDER BY id
            """)
        while let row = try rows.next() {
            let index: Int = row["id"]
            flags[index] = 1 | (row["unmarked"] as Int == 1 ? 2 : 0)
            if let type: String = row["type_code"] { types[index] = UInt8(min(255, id(type, in: &typeIDs, list: &labels.types))) }
            let group: [String?] = [row["issuer_key"], row["issuer_name_key"]]
            groups[index] = UInt16(min(65535, id(group, in: &groupIDs, list: &labels.groups)))
            if let issuer: String = row["issuer"] { issuers[index] = UInt16(min(65535, id(issuer, in: &issuerIDs, list: &labels.issuers))) }
            years[index] = UInt16(clamping: row["year"] as Int? ?? 0)
            lengths[index] = UInt32(row["tokens"] as Int)
            titles[index] = UInt32(row["title_tokens"] as Int)
            headings[index] = UInt32(row["heading_tokens"] as Int)
            dates[index] = UInt32(dateKey(row["date"]))
            labels.documents += 1
            labels.tokens += row["tokens"] as Int
        }
        var blob = Data("VSD1".utf8)
        append([count, labels.types.count + 1, labels.groups.count + 1, labels.issuers.count + 1].map(UInt32.init), to: &blob)
        blob.append(contentsOf: flags)
        blob.append(contentsOf: types)
        for column in [groups, issuers, years] { append(column, to: &blob) }
        for column in [lengths, titles, headings, dates] { append(column, to: &blob) }
        let json = String(decoding: try JSONEncoder().encode(labels), as: UTF8.self)
        try db.execute(sql: "INSERT OR REPLACE INTO search_table VALUES (1, ?, ?)", arguments: [blob, json])
    }

    /// yyyy-mm-dd as yyyymmdd, the parts a date lacks as 0: it sorts as the text does.
    static func dateKey(_ date: String?) -> Int {
        guard let date else { return 0 }
        let parts = date.split(separator: "-").map { Int($0) ?? 0 }
        return (parts.first ?? 0) * 10_000 + (parts.count > 1 ? parts[1] : 0) * 100 + (parts.count > 2 ? parts[2] : 0)
    }

    private static func append<Value: FixedWidthInteger>(_ values: [Value], to data: inout Data) {
        values.map(\.littleEndian).withUnsafeBytes { data.append(contentsOf: $0) }
    }

    let handle: OpaquePointer
    let labels: Labels

    /// Reads the packed table of an archive.
    static func read(_ db: Database) throws -> SearchTable {
        guard let row = try Row.fetchOne(db, sql: "SELECT blob, labels FROM search_table WHERE id = 1") else {
            throw VanBanError.archiveVersion("The archive has no search table; run `vanban index` to rebuild it.")
        }
        let blob: Data = row["blob"]
        guard let labels = try? JSONDecoder().decode(Labels.self, from: Data((row["labels"] as String).utf8)),
              let handle = blob.withUnsafeBytes({ vs_table_new($0.bindMemory(to: UInt8.self).baseAddress, $0.count, labels.averageLength) })
        else {
            throw VanBanError.archiveVersion("The archive's search table is damaged; run `vanban index` to rebuild it.")
        }
        return SearchTable(handle: handle, labels: labels)
    }
}

/// Owns a loaded table for as long as an archive file is open.
final class LoadedSearchTable: @unchecked Sendable {
    let table: SearchTable

    init(_ table: SearchTable) { self.table = table }

    deinit { vs_table_free(table.handle) }
}

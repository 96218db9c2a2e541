import Foundation
import GRDB

/// Resolves every stored citation to a node and writes the citation graph (`nodes`, `links`).
///
/// A number alone is not a key: numbering restarts each term and every Đảng ủy issues CV
/// numbers. A citation names a document by number, type and issuer, and narrows the candidates
/// with what it says (its date) and where it stands (the citing document's province, for
/// local issuers). One candidate: linked. Several: linked to none, and the ambiguity recorded.
/// None: an external node, whose metadata is harvested from every citation of it; citations
/// that disagree on it are recorded as conflicts, not merged.
///
/// The graph is rebuilt from all citations at each index run, so a document added later
/// turns the external node that stood for it into a link to the real document.
struct CitationGraph {
    let rules: RuleSet

    private struct DocumentRow {
        let id: Int64
        let node: Int64
        let date: String?
        let year: Int?
        let province: String?
    }

    private struct Harvest {
        var node: Int64
        var symbol: String?
        var name: String
        var keys: (num: String?, type: String?, issuer: String?)
        var types: [String: Int] = [:]
        var dates: [String: Int] = [:]
        var issuers: [String: Int] = [:]
        var titles: [String: Int] = [:]
    }

    func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM links; DELETE FROM nodes")
        var byNumber: [String: [DocumentRow]] = [:]
        var documentNodes: [Int64: DocumentRow] = [:]
        let documents = try Row.fetchCursor(db, sql: """
            SELECT id, path, symbol, type_name, type_code, num_key, type_key, issuer_key, date, year, issuer, title, province
            FROM documents
            """)
        while let row = try documents.next() {
            let node = try insertDocumentNode(row, db: db)
            let document = DocumentRow(id: row["id"], node: node, date: row["date"], year: row["year"], province: row["province"])
            documentNodes[document.id] = document
            if let num: String = row["num_key"], let type: String = row["type_key"], let issuer: String = row["issuer_key"] {
                byNumber[Self.lookupKey(num, type, issuer), default: []].append(document)
            }
        }
        var external: [String: Harvest] = [:]
        var targets: [Int: Int64] = [:]
        var currentDocument: Int64 = -1
        let insertLink = try db.makeStatement(sql: """
            INSERT INTO links(citation_id, source, target, relation, status, note) VALUES (?,?,?,?,?,?)
            """)
        // A cursor, not an array: the citations of a large archive are read one at a time.
        let citations = try Row.fetchCursor(db, sql: "SELECT * FROM citations ORDER BY document_id, ordinal")
        while let citation = try citations.next() {
            let documentID: Int64 = citation["document_id"]
            if documentID != currentDocument { targets = [:]; currentDocument = documentID }
            guard let citing = documentNodes[documentID] else { continue }
            let (status, target, note) = try resolve(citation, citing: citing, byNumber: byNumber,
                                                     targets: targets, external: &external, db: db)
            let ordinal: Int = citation["ordinal"]
            if let target { targets[ordinal] = target }
            // When the text names another document as the subject ("Chương trình ... thực hiện Kế hoạch
            // 164-KH/TU") but that subject is unresolved, the citing document only mentions the target.
            let subject: Int? = citation["subject"]
            let source = subject.flatMap { targets[$0] } ?? citing.node
            let relation: String = subject != nil && source == citing.node ? Relation.mentions.rawValue : citation["relation"]
            try insertLink.execute(arguments: [citation["id"], source, target, relation, status, note])
        }
        for harvest in external.values { try store(harvest, db: db) }
    }

    private func insertDocumentNode(_ row: Row, db: Database) throws -> Int64 {
        let symbol: String? = row["symbol"]
        let name = [row["type_name"] as String?, symbol].compactMap { $0 }.joined(separator: " ")
        try db.execute(sql: """
            INSERT INTO nodes(key, document_id, symbol, name, num_key, type_key, issuer_key, type_code, date, issuer, title)
            VALUES (?,?,?,?,?,?,?,?,?,?,?)
            """, arguments: ["doc:\(row["id"] as Int64)", row["id"], symbol, name.isEmpty ? row["path"] : name,
                             row["num_key"], Self.typeKey(row["type_key"]), row["issuer_key"], row["type_code"],
                             row["date"], row["issuer"], row["title"]])
        return db.lastInsertedRowID
    }

    private func resolve(_ citation: Row, citing: DocumentRow, byNumber: [String: [DocumentRow]], targets: [Int: Int64],
                         external: inout [String: Harvest], db: Database) throws -> (String, Int64?, String?) {
        switch citation["kind"] as String {
        case Citation.Kind.back.rawValue:
            if let earlier: Int = citation["refers_to"], let target = targets[earlier] {
                return ("resolved", target, "back-reference")
            }
            return ("unresolved", nil, citation["note"] ?? "unresolved back-reference")
        case Citation.Kind.named.rawValue:
            let name: String = citation["named"]
            let node = try harvest(citation, key: "named:\(VietText.key(name))", symbol: nil, name: name,
                                   keys: (nil, nil, nil), external: &external, db: db)
            return ("external", node, nil)
        default:
            let num: String = citation["num_key"], type: String = citation["type_key"], issuer: String = citation["issuer_key"]
            let candidates = narrow(byNumber[Self.lookupKey(num, type, issuer)] ?? [], citation: citation, citing: citing)
            if candidates.count == 1 { return ("resolved", candidates[0].node, nil) }
            if candidates.count > 1 {
                let list = try candidates.map { try documentLabel($0.id, db: db) }.joined(separator: "; ")
                return ("ambiguous", nil, "\(candidates.count) documents fit: \(list)")
            }
            let scope = isLocal(issuer) ? "@" + VietText.key(citing.province ?? "") : ""
            let symbol: String = citation["symbol"]
            let typeName = (citation["type_code"] as String?).flatMap { rules.types.entry(for: $0)?.name }
            let node = try harvest(citation, key: "ext:\(Self.lookupKey(num, type, issuer))\(scope)", symbol: symbol,
                                   name: [typeName, symbol].compactMap { $0 }.joined(separator: " "),
                                   keys: (num, Self.typeKey(type), issuer), external: &external, db: db)
            return ("external", node, nil)
        }
    }

    /// Keeps the candidates that fit the citation's date and, for a local issuer, the citing
    /// document's province. A central issuer (TW, CP, TTg, QH, a ministry) is never narrowed by
    /// province: a decree's place line reads "Hà Nội", and a province's documents cite it.
    private func narrow(_ candidates: [DocumentRow], citation: Row, citing: DocumentRow) -> [DocumentRow] {
        var fitting = candidates
        if isLocal(citation["issuer_key"]), let province = citing.province.map(VietText.key), !province.isEmpty {
            fitting = fitting.filter { $0.province.map(VietText.key).map { $0 == province } ?? true }
        }
        guard let date: String = citation["date"] else { return fitting }
        let exact = fitting.filter { $0.date == date }
        if !exact.isEmpty { return exact }
        let sameYear = fitting.filter { $0.year == Int(date.prefix(4)) }
        return sameYear.isEmpty ? fitting.filter { $0.date == nil } : sameYear
    }

    private func harvest(_ citation: Row, key: String, symbol: String?, name: String,
                         keys: (num: String?, type: String?, issuer: String?),
                         external: inout [String: Harvest], db: Database) throws -> Int64 {
        if external[key] == nil {
            try db.execute(sql: "INSERT INTO nodes(key, symbol, name, num_key, type_key, issuer_key) VALUES (?,?,?,?,?,?)",
                           arguments: [key, symbol, name, keys.num, keys.type, keys.issuer])
            external[key] = Harvest(node: db.lastInsertedRowID, symbol: symbol, name: name, keys: keys)
        }
        func count(_ value: String?, _ field: WritableKeyPath<Harvest, [String: Int]>) {
            if let value, !value.isEmpty { external[key]![keyPath: field][value, default: 0] += 1 }
        }
        count(citation["type_code"], \.types)
        count(citation["date"], \.dates)
        count(citation["issuer"], \.issuers)
        count(citation["title"], \.titles)
        return external[key]!.node
    }

    /// Writes the harvested record; values that differ between citations become conflicts.
    private func store(_ harvest: Harvest, db: Database) throws {
        // The most cited value, then the longest; between two as cited and as long ("Tỉnh ủy" and
        // "Tinh uy" once each) the greater, not whichever a dictionary happened to list last.
        func best(_ values: [String: Int]) -> String? {
            values.max { ($0.value, $0.key.count, $0.key) < ($1.value, $1.key.count, $1.key) }?.key
        }
        var conflicts: [String] = []
        for (field, values) in [("date", harvest.dates), ("type", harvest.types)] where values.count > 1 {
            conflicts.append("\(field): " + values.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value)×)" }.joined(separator: " vs "))
        }
        let issuerKeys = Set(harvest.issuers.keys.map(issuerIdentity))
        if issuerKeys.count > 1 {
            conflicts.append("issuer: " + harvest.issuers.keys.sorted().joined(separator: " vs "))
        }
        let json = String(decoding: try JSONEncoder().encode(conflicts), as: UTF8.self)
        try db.execute(sql: "UPDATE nodes SET type_code = ?, date = ?, issuer = ?, title = ?, conflicts = ? WHERE id = ?",
                       arguments: [best(harvest.types), best(harvest.dates), best(harvest.issuers), best(harvest.titles),
                                   json, harvest.node])
    }

    /// One key per issuing body: "Ban Chấp hành Trung ương Đảng (khóa XI)" and "Hội nghị Ban
    /// chấp hành Trung ương" are both TW.
    private func issuerIdentity(_ text: String) -> String {
        let name = text.split(separator: "(").first.map(String.init) ?? text
        return rules.issuers.entry(for: name.trimmingCharacters(in: .whitespaces))?.code ?? VietText.key(name)
    }

    private func documentLabel(_ id: Int64, db: Database) throws -> String {
        let row = try Row.fetchOne(db, sql: "SELECT symbol, date, path FROM documents WHERE id = ?", arguments: [id])
        return "\(row?["symbol"] ?? "?") of \(row?["date"] ?? "no date") (\(row?["path"] ?? "?"))"
    }

    /// Local issuers (a province's or district's committees) reuse numbers across provinces.
    private func isLocal(_ issuerKey: String) -> Bool {
        rules.issuers.entry(for: issuerKey)?.isLocal ?? true
    }

    /// QĐ is written for Quy định as well as Quyết định (101-QĐ/TW is a Quy định): one key.
    static func typeKey(_ key: String?) -> String? {
        guard let key else { return nil }
        return key == "qdi" || key == "qyd" ? "qd" : key
    }

    static func lookupKey(_ num: String, _ type: String, _ issuer: String) -> String {
        "\(num)|\(typeKey(type) ?? type)|\(issuer)"
    }
}

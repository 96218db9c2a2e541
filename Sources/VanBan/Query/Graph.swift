import Foundation
import GRDB

/// A node of the citation graph: a document in the archive, or one known only from citations.
public struct GraphNode: Codable, Sendable, Hashable {
    public let id: Int64
    public let number: String?
    public let name: String
    public let type: String?
    public let date: String?
    public let issuer: String?
    public let title: String?
    /// False for a document known only from the citations of it.
    public let inArchive: Bool
    /// Where citations of an external document disagree ("date: 2010-06-21 (2×) vs 2010-06-22 (1×)").
    public let conflicts: [String]
    /// Whether it stands today (see ``Archive/validity(of:asOf:)``), where a listing gives it.
    public internal(set) var validity: ValidityStatus?

    public var label: String { number ?? name }

    /// A row holding ``Archive/nodeColumns`` side by side, named with `prefix`. They are read by
    /// position from the first: a lookup by name lower-cases each column name of the row before
    /// it, and a reference's row has 51 (most of what `cited-by` of a much-cited document cost).
    init(row: Row, prefix: String = "") {
        guard let at = row.columnNames.enumerated().first(where: { $0.element == prefix + "id" })?.offset else {
            preconditionFailure("a node's row without \(prefix)id")
        }
        id = row[at]
        number = row[at + 1]
        name = row[at + 2]
        type = row[at + 3]
        date = row[at + 4]
        issuer = row[at + 5]
        title = row[at + 6]
        inArchive = (row[at + 7] as Int64?) != nil
        conflicts = PlainJSON.strings(row[at + 8])
    }
}

/// One citation as a typed link, with where it is stated.
public struct Reference: Codable, Sendable, Equatable {
    public let source: GraphNode
    /// Nil when the citation could not be resolved (ambiguous, or an unresolved back-reference).
    public let target: GraphNode?
    public let relation: Relation
    /// resolved, external, ambiguous or unresolved.
    public let status: String
    public let note: String?
    /// The document whose text states the link (the source itself, unless the text says
    /// what another document does: "Kế hoạch 164-KH/TU ... thực hiện Nghị quyết 25-NQ/TW").
    public let statedIn: GraphNode
    public let section: String
    public let sentence: String
    public let text: String
    public let cue: String?
    public let date: String?
    /// The part of the target the relation touches ("khoản 1 Điều 12"), where the text names one.
    public let part: String?
    /// When the relation takes effect, where the text says: a date, or "on-effect" (with the
    /// citing document: "kể từ ngày Nghị định này có hiệu lực").
    public let effect: String?
    /// The passage of `statedIn` that states it (0: the title passage), for a link to that place.
    public let passage: Int
    /// The sentence as a quote: "…" where it was cut short, the citation highlighted.
    public let quote: Snippet
}

extension Archive {
    /// A node's columns, in the order ``GraphNode/init(row:prefix:)`` reads them.
    static let nodeColumns = "id, symbol, name, type_code, date, issuer, title, document_id, conflicts"

    /// The graph node a number (any common form) or a document name ("Điều lệ Đảng") names.
    public func node(named text: String) throws -> GraphNode {
        try read { try node(named: text, db: $0) }
    }

    func node(named text: String, db: Database) throws -> GraphNode {
        let nodes = try nodes(named: text, db: db)
        guard let only = nodes.first else {
            throw VanBanError.notFound("\(text) is neither in the archive nor cited by any document in it.")
        }
        guard nodes.count == 1 else {
            let file = try db.cachedStatement(sql: "SELECT d.path FROM nodes n JOIN documents d ON d.id = n.document_id WHERE n.id = ?")
            let list = try nodes.map { node in
                "\(node.label) (\(node.date ?? "no date"), \(try String.fetchOne(file, arguments: [node.id]) ?? "cited"))"
            }
            throw VanBanError.notFound("\(text) names \(nodes.count) documents: \(list.joined(separator: "; ")). Give the full number, or the file of one in the archive.")
        }
        return only
    }

    func nodes(named text: String, db: Database) throws -> [GraphNode] {
        // A document's file names it alone where its number names several (numbering starts
        // again each term).
        let filed = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(Self.nodeColumns) FROM nodes WHERE document_id = (SELECT id FROM documents WHERE path = ?)
            """), arguments: [text])
        if !filed.isEmpty { return filed.map { GraphNode(row: $0) } }
        if let reference = NumberReference.parse(text, rules: rules) { return try nodes(numbered: reference, db: db) }
        for (name, qualifier) in [(text, nil), NamedLookup.split(text)] {
            var sql = "SELECT \(Self.nodeColumns), term FROM nodes WHERE name_key = ?"
            var arguments: StatementArguments = [VietText.key(name)]
            if let qualifier {
                sql += " AND term = ?"
                arguments += [qualifier]
            }
            let rows = try Row.fetchAll(db.cachedStatement(sql: sql + " ORDER BY term"), arguments: arguments)
            guard !rows.isEmpty else { continue }
            // "Điều lệ Đảng" is the edition cited without a term, when there is one.
            let plain = qualifier == nil ? rows.filter { ($0["term"] as String?) == nil } : []
            return (plain.isEmpty ? rows : plain).map { GraphNode(row: $0) }
        }
        return []
    }

    func nodes(numbered reference: NumberReference, db: Database) throws -> [GraphNode] {
        let key = reference.key(rules)
        var sql = "SELECT \(Self.nodeColumns) FROM nodes WHERE num_key = ? AND \(NumberReference.typeCondition)"
        var arguments: StatementArguments = [key.number, key.type, reference.typeCode]
        if let issuer = key.issuer {
            sql += " AND issuer_key = ?"
            arguments += [issuer]
        }
        // Prepared once a connection: a search by number asks this each time, and preparing it
        // cost more than running it.
        let nodes = try Row.fetchAll(db.cachedStatement(sql: sql + " ORDER BY document_id IS NULL, date"), arguments: arguments)
            .map { GraphNode(row: $0) }
        // The year a số hiệu carries tells 137/2013/NĐ-CP from 137/2018/NĐ-CP (see Resolver).
        guard let year = reference.year else { return nodes }
        let scanner = NumberScanner(rules: rules)
        return nodes.filter { node in node.number.flatMap { scanner.number(exactly: $0)?.year }.map { $0 == year } ?? true }
    }

    /// What a document's text cites, in text order, with what it states about other documents
    /// ("Chương trình 60-CTr/ĐUK ... thực hiện Kế hoạch 164-KH/TU", stated in 84-CV/ĐU), then
    /// the links that run from it stated in other documents.
    public func references(of text: String) throws -> [Reference] {
        let node = try node(named: text)
        return try read { try references(statedInOrFrom: node.id, db: $0) }
    }

    /// ``references(of:)`` grouped by the document each link runs from and the one stating it:
    /// the document's own links first, then what its text says of others ("stated here about
    /// 60-CTr/ĐUK"), then what other texts say it does, each in text order.
    public func referenceGroups(of text: String) throws -> [ReferenceGroup] {
        let node = try node(named: text)
        // Found by a dictionary and appended in place: a document may cite thousands of times.
        var index: [[Int64]: Int] = [:]
        var members: [[Reference]] = []
        for reference in try read({ try references(statedInOrFrom: node.id, db: $0) }) {
            let key = [reference.source.id, reference.statedIn.id]
            if let known = index[key] {
                members[known].append(reference)
            } else {
                index[key] = members.count
                members.append([reference])
            }
        }
        let groups = members.map { ReferenceGroup(about: $0[0].source, statedIn: $0[0].statedIn, references: $0) }
        let own = groups.filter { $0.about.id == node.id && $0.statedIn.id == node.id }
        let statedHere = groups.filter { $0.about.id != node.id && $0.statedIn.id == node.id }
        return own + statedHere + groups.filter { $0.statedIn.id != node.id }
    }

    func references(statedInOrFrom node: Int64, db: Database) throws -> [Reference] {
        let document = try Int64.fetchOne(db, sql: "SELECT document_id FROM nodes WHERE id = ?", arguments: [node])
        return try references(where: "(c.document_id = ? OR l.source = ?)", [document, node],
                              order: "c.document_id IS NOT ?, c.document_id, c.ordinal", orderArguments: [document], db: db)
    }

    /// What cites a document: the links whose target it is.
    public func citations(of text: String) throws -> [Reference] {
        let node = try node(named: text)
        return try read { try references(where: "l.target = ?", node.id, db: $0) }
    }

    func references(where condition: String, _ id: Int64, db: Database) throws -> [Reference] {
        try references(where: condition, [id], order: "c.document_id, c.ordinal", orderArguments: [], db: db)
    }

    private func references(where condition: String, _ arguments: [Int64?], order: String, orderArguments: [Int64?],
                            db: Database) throws -> [Reference] {
        let prefixed = { (p: String) in Self.nodeColumns.split(separator: ", ").map { "\(p).\($0) AS \(p)_\($0)" }.joined(separator: ", ") }
        let rows = try Row.fetchAll(db, sql: """
            SELECT l.relation, l.status, l.note, l.part, l.effect, p.heading AS section, ct.text, c.cue, c.date AS cited_date,
                c.passage, c.start, c.end, c.sentence_start, c.sentence_end,
                CASE p.ordinal WHEN 0 THEN p.title ELSE p.body END AS passage_text,
                \(prefixed("s")), \(prefixed("t")), \(prefixed("w"))
            FROM links l JOIN citations c ON c.id = l.citation_id JOIN citation_texts ct ON ct.id = c.id
            JOIN passage_texts p ON p.document_id = c.document_id AND p.ordinal = c.passage
            JOIN nodes s ON s.id = l.source LEFT JOIN nodes t ON t.id = l.target
            JOIN nodes w ON w.document_id = c.document_id
            WHERE \(condition) ORDER BY \(order)
            """, arguments: StatementArguments(arguments + orderArguments))
        let statuses = try self.statuses(of: rows.flatMap { [$0["s_id"], $0["t_id"], $0["w_id"]].compactMap { $0 as Int64? } }, db: db)
        return rows.map { row in
            let quote = Quote(passage: row["passage_text"], sentence: row["sentence_start"]..<row["sentence_end"],
                              citation: row["start"]..<row["end"], inTitle: row["passage"] == 0)
            return Reference(source: GraphNode(row: row, prefix: "s_").with(statuses),
                      target: (row["t_id"] as Int64?) == nil ? nil : GraphNode(row: row, prefix: "t_").with(statuses),
                      relation: Relation(rawValue: row["relation"]) ?? .mentions, status: row["status"], note: row["note"],
                      statedIn: GraphNode(row: row, prefix: "w_").with(statuses), section: row["section"], sentence: quote.sentence,
                      text: row["text"], cue: row["cue"], date: row["cited_date"], part: row["part"], effect: row["effect"],
                      passage: row["passage"], quote: quote.snippet)
        }
    }

    /// The document-to-document edges: one per pair, with the strongest relation stated.
    func edges(db: Database) throws -> [Edge] {
        var strongest: [Pair: Relation] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT source, target, relation FROM links WHERE target IS NOT NULL") {
            let pair = Pair(source: row["source"], target: row["target"])
            let relation = Relation(rawValue: row["relation"]) ?? .mentions
            strongest[pair] = min(strongest[pair] ?? relation, relation)
        }
        return strongest.map { Edge(source: $0.key.source, target: $0.key.target, relation: $0.value) }
            .sorted { ($0.source, $0.target) < ($1.source, $1.target) }
    }

    func allNodes(db: Database) throws -> [Int64: GraphNode] {
        let rows = try Row.fetchAll(db, sql: "SELECT \(Self.nodeColumns) FROM nodes")
        return Dictionary(uniqueKeysWithValues: rows.map { (($0["id"] as Int64), GraphNode(row: $0)) })
    }
}

struct Pair: Hashable {
    let source: Int64
    let target: Int64
}

/// A document-to-document edge of the graph.
public struct Edge: Codable, Sendable, Equatable {
    public let source: Int64
    public let target: Int64
    public let relation: Relation
}

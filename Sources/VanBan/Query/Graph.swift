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

    public var label: String { number ?? name }

    init(row: Row, prefix: String = "") {
        id = row[prefix + "id"]
        number = row[prefix + "symbol"]
        name = row[prefix + "name"]
        type = (row[prefix + "type_code"] as String?)
        date = row[prefix + "date"]
        issuer = row[prefix + "issuer"]
        title = row[prefix + "title"]
        inArchive = (row[prefix + "document_id"] as Int64?) != nil
        let json: String = row[prefix + "conflicts"] ?? "[]"
        conflicts = (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
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
    /// The passage of `statedIn` that states it (0: the title passage), for a link to that place.
    public let passage: Int
    /// The sentence as a quote: "…" where it was cut short, the citation highlighted.
    public let quote: Snippet
}

extension Archive {
    static let nodeColumns = "id, symbol, name, type_code, date, issuer, title, document_id, conflicts"

    /// The graph node a number (any common form) or a document name ("Điều lệ Đảng") names.
    public func node(named text: String) throws -> GraphNode {
        try read { db in
            let nodes = try nodes(named: text, db: db)
            guard let only = nodes.first else {
                throw VanBanError.notFound("\(text) is neither in the archive nor cited by any document in it.")
            }
            guard nodes.count == 1 else {
                let list = nodes.map { "\($0.label) (\($0.date ?? "no date"), \($0.inArchive ? "in the archive" : "cited"))" }
                throw VanBanError.notFound("\(text) names \(nodes.count) documents: \(list.joined(separator: "; ")). Give the full number.")
            }
            return only
        }
    }

    func nodes(named text: String, db: Database) throws -> [GraphNode] {
        if let reference = NumberReference.parse(text, rules: rules) { return try nodes(numbered: reference, db: db) }
        return try Row.fetchAll(db, sql: "SELECT \(Self.nodeColumns) FROM nodes WHERE key = ?",
                                arguments: ["named:\(VietText.key(text))"]).map { GraphNode(row: $0) }
    }

    func nodes(numbered reference: NumberReference, db: Database) throws -> [GraphNode] {
        var sql = "SELECT \(Self.nodeColumns) FROM nodes WHERE num_key = ? AND type_key = ?"
        var arguments: StatementArguments = [reference.number, CitationGraph.typeKey(VietText.key(reference.typeCode))]
        if let issuer = reference.issuer {
            sql += " AND issuer_key = ?"
            arguments += [VietText.key(issuer)]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY document_id IS NULL, date", arguments: arguments).map { GraphNode(row: $0) }
    }

    /// What a document cites: the links whose source it is.
    public func references(of text: String) throws -> [Reference] {
        let node = try node(named: text)
        return try read { try references(where: "l.source = ?", node.id, db: $0) }
    }

    /// What cites a document: the links whose target it is.
    public func citations(of text: String) throws -> [Reference] {
        let node = try node(named: text)
        return try read { try references(where: "l.target = ?", node.id, db: $0) }
    }

    func references(where condition: String, _ id: Int64, db: Database) throws -> [Reference] {
        let prefixed = { (p: String) in Self.nodeColumns.split(separator: ", ").map { "\(p).\($0) AS \(p)_\($0)" }.joined(separator: ", ") }
        let rows = try Row.fetchAll(db, sql: """
            SELECT l.relation, l.status, l.note, p.heading AS section, c.text, c.cue, c.date AS cited_date,
                c.passage, c.start, c.end, c.sentence_start, c.sentence_end,
                CASE p.ordinal WHEN 0 THEN p.title ELSE p.body END AS passage_text,
                \(prefixed("s")), \(prefixed("t")), \(prefixed("w"))
            FROM links l JOIN citations c ON c.id = l.citation_id
            JOIN passage_texts p ON p.document_id = c.document_id AND p.ordinal = c.passage
            JOIN nodes s ON s.id = l.source LEFT JOIN nodes t ON t.id = l.target
            JOIN nodes w ON w.document_id = c.document_id
            WHERE \(condition) ORDER BY c.document_id, c.ordinal
            """, arguments: [id])
        return rows.map { row in
            let quote = Quote(passage: row["passage_text"], sentence: row["sentence_start"]..<row["sentence_end"],
                              citation: row["start"]..<row["end"], inTitle: row["passage"] == 0)
            return Reference(source: GraphNode(row: row, prefix: "s_"),
                      target: (row["t_id"] as Int64?) == nil ? nil : GraphNode(row: row, prefix: "t_"),
                      relation: Relation(rawValue: row["relation"]) ?? .mentions, status: row["status"], note: row["note"],
                      statedIn: GraphNode(row: row, prefix: "w_"), section: row["section"], sentence: quote.sentence,
                      text: row["text"], cue: row["cue"], date: row["cited_date"], passage: row["passage"], quote: quote.snippet)
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

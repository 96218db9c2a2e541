import GRDB

/// A document cited but not in the archive, with what the citations say of it.
public struct MissingDocument: Codable, Sendable, Equatable {
    public struct Place: Codable, Sendable, Equatable {
        public let document: String
        public let section: String
        public let sentence: String
    }

    public let node: GraphNode
    public let citations: Int
    public let citingDocuments: Int
    public let citedBy: [Place]
}

extension Archive {
    /// Every cited document that is not in the archive, most cited first (then by how many
    /// documents cite it, then by label): what an office should obtain first.
    public func missingDocuments() throws -> [MissingDocument] {
        try read { db in
            let nodes = try allNodes(db: db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT l.target, d.symbol, d.path, p.heading AS section, c.document_id,
                    substr(CASE p.ordinal WHEN 0 THEN p.title ELSE p.body END, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS sentence
                FROM links l JOIN citations c ON c.id = l.citation_id JOIN documents d ON d.id = c.document_id
                JOIN passage_texts p ON p.document_id = c.document_id AND p.ordinal = c.passage
                JOIN nodes n ON n.id = l.target WHERE n.document_id IS NULL ORDER BY c.document_id, c.ordinal
                """)
            var places: [Int64: [MissingDocument.Place]] = [:]
            var citing: [Int64: Set<Int64>] = [:]
            for row in rows {
                let target: Int64 = row["target"]
                places[target, default: []].append(.init(document: row["symbol"] ?? row["path"], section: row["section"],
                                                          sentence: row["sentence"]))
                citing[target, default: []].insert(row["document_id"])
            }
            let statuses = try statuses(of: Array(places.keys), db: db)
            return places.map { id, list in
                MissingDocument(node: nodes[id]!.with(statuses), citations: list.count, citingDocuments: citing[id]!.count, citedBy: list)
            }.sorted {
                // Labels repeat (two laws of one name, told apart by date): the node's id settles ties.
                ($1.citations, $1.citingDocuments, $0.node.label, $0.node.id) < ($0.citations, $0.citingDocuments, $1.node.label, $1.node.id)
            }
        }
    }
}

import GRDB

/// The documents a search is kept to when it asks for a part of the graph: those under a
/// document in its chain (``SearchRequest/under``), those citing one (``SearchRequest/cites``),
/// those still in force (``SearchRequest/inForce``). It is worked out as a set of archive ids
/// and given to the search as ``SearchRequest/within``, so the ranking, the passages and the
/// facets are those of any search.
public struct SearchScope: Codable, Sendable, Equatable {
    /// The document whose down-chain the search is kept to.
    public let under: GraphNode?
    /// The document the hits cite.
    public let cites: GraphNode?
    public let inForce: Bool
    /// The day "in force" is read for.
    public let asOf: String?
    /// How many documents of the archive it admits.
    public let documents: Int
}

/// The relations `under` follows down: what implements, guides or disseminates a document.
let chainDownRelations: Set<Relation> = [.implements, .guides, .disseminates]

extension Archive {
    /// The request kept to the documents its scope admits, and the scope; the request as it is
    /// when it asks for no scope.
    func scoped(_ request: SearchRequest, db: Database) throws -> (SearchRequest, SearchScope?) {
        guard request.under != nil || request.cites != nil || request.inForce else { return (request, nil) }
        var admitted: Set<Int64>? = request.within.map(Set.init)
        func keep(_ ids: Set<Int64>) { admitted = admitted.map { $0.intersection(ids) } ?? ids }
        let under = try request.under.map { try node(named: $0, db: db) }
        let cites = try request.cites.map { try node(named: $0, db: db) }
        if let under { keep(try documents(under: under.id, db: db)) }
        if let cites { keep(try documents(citing: cites.id, db: db)) }
        let day = request.inForce ? ISODate.today() : nil
        if let day {
            let stopped = try stoppedDocuments(asOf: day, db: db)
            keep(Set(try Int64.fetchAll(db, sql: "SELECT id FROM documents")).subtracting(stopped))
        }
        var scoped = request
        scoped.within = (admitted ?? []).sorted()
        let statuses = try statuses(of: [under?.id, cites?.id].compactMap { $0 }, db: db)
        return (scoped, SearchScope(under: under?.with(statuses), cites: cites?.with(statuses), inForce: request.inForce,
                                    asOf: day, documents: scoped.within?.count ?? 0))
    }

    /// The archive documents in a node's down-chain: what implements, guides or disseminates
    /// it, transitively, through documents known only from citations too ("Kế hoạch 164-KH/TU
    /// thực hiện Nghị quyết 25-NQ/TW", stated in a program that implements the plan).
    func documents(under node: Int64, db: Database) throws -> Set<Int64> {
        var below: [Int64: [Int64]] = [:]
        let relations = chainDownRelations.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
        for row in try Row.fetchAll(db, sql: "SELECT DISTINCT source, target FROM links WHERE target IS NOT NULL AND relation IN (\(relations))") {
            below[row["target"], default: []].append(row["source"])
        }
        var seen: Set<Int64> = [node], queue = [node]
        while let current = queue.popLast() {
            for next in below[current] ?? [] where seen.insert(next).inserted { queue.append(next) }
        }
        seen.remove(node)
        guard !seen.isEmpty else { return [] }
        let list = "[" + seen.map(String.init).joined(separator: ",") + "]"
        return Set(try Int64.fetchAll(db, sql: """
            SELECT document_id FROM nodes WHERE document_id IS NOT NULL AND id IN (SELECT value FROM json_each(?))
            """, arguments: [list]))
    }

    /// The archive documents whose text cites a node.
    func documents(citing node: Int64, db: Database) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: """
            SELECT DISTINCT c.document_id FROM links l JOIN citations c ON c.id = l.citation_id
            WHERE l.target = ? AND c.document_id <> coalesce((SELECT document_id FROM nodes WHERE id = ?), -1)
            """, arguments: [node, node]))
    }
}

import Foundation
import GRDB

/// Writes the citation graph (`nodes`, `links`) at every index run: reads the archive's
/// documents and citations, has the ``Resolver`` resolve them, and stores its nodes and links.
/// Because the graph is rebuilt from all citations, a document added later turns the external
/// node that stood for it into a link to the real document.
struct CitationGraphWriter {
    let rules: RuleSet

    func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM links; DELETE FROM nodes")
        let documents = try Row.fetchAll(db, sql: """
            SELECT id, path, symbol, type_name, type_code, num_key, type_key, issuer_key, number_year, date, year, issuer, title, province
            FROM documents ORDER BY id
            """).map(Self.document)
        let names = try Row.fetchAll(db, sql: "SELECT named, term, date FROM citations WHERE kind = 'named' AND named IS NOT NULL")
            .map { row -> (name: String, qualifier: String?) in
                let facts = CitationFacts(kind: .named, text: "", named: row["named"], term: row["term"], date: row["date"])
                return (row["named"], facts.qualifier)
            }
        let resolution = Resolution(Resolver(documents: documents, names: names, rules: rules))
        let insertLink = try db.makeStatement(sql: """
            INSERT INTO links(citation_id, source, target, relation, status, note, part, effect) VALUES (?,?,?,?,?,?,?,?)
            """)
        func insert(_ links: [(citation: Int64, link: Resolver.Link)]) throws {
            for (citation, link) in links {
                try insertLink.execute(arguments: [citation, link.source + 1, link.target.map { $0 + 1 }, link.relation.rawValue,
                                                   link.status.rawValue, link.note, link.part, link.effect])
            }
        }
        var batch = Resolution.Batch()
        func flush() throws {
            let resolved = resolution.take()
            resolution.start(batch)
            batch = []
            try insert(resolved)
        }
        // A cursor, not an array: the citations of a large archive are read one document at a time,
        // in id order, which is (document_id, ordinal) order (see documents.first_citation).
        let citations = try Row.fetchCursor(db, sql: """
            SELECT c.id, c.document_id, \(Self.factColumns), t.text FROM citations c JOIN citation_texts t ON t.id = c.id ORDER BY c.id
            """)
        var inBatch = 0
        while let row = try citations.next() {
            let document: Int64 = row[1]
            if document != batch.last?.document {
                if inBatch >= Resolution.batchSize {
                    try flush()
                    inBatch = 0
                }
                batch.append((document, []))
            }
            batch[batch.count - 1].citations.append((row[0], Self.facts(row)))
            inBatch += 1
        }
        try flush()
        try insert(resolution.take())
        let insertNode = try db.makeStatement(sql: """
            INSERT INTO nodes(id, key, document_id, symbol, name, num_key, type_key, issuer_key, type_code, date, issuer, title,
                conflicts, name_key, term) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        for (index, node) in resolution.finished().enumerated() {
            try insertNode.execute(arguments: [
                index + 1, node.key, node.documentID, node.symbol, node.name, node.number?.number, node.number?.type,
                node.number?.issuer, node.typeCode, node.date, node.issuer, node.title, PlainJSON.array(node.conflicts),
                node.nameKey, node.term,
            ])
        }
    }

    private static func document(_ row: Row) -> Resolver.Document {
        let key: NumberKey? = (row["num_key"] as String?).flatMap { number in
            (row["type_key"] as String?).map { NumberKey(stored: number, type: $0, issuer: row["issuer_key"]) }
        }
        return Resolver.Document(id: row["id"], number: key, symbol: row["symbol"], typeCode: row["type_code"],
                                 typeName: row["type_name"], date: row["date"], year: row["year"], province: row["province"],
                                 issuer: row["issuer"], title: row["title"], path: row["path"], numberYear: row["number_year"])
    }

    /// The columns ``facts(_:)`` reads, from the third of a row on.
    private static let factColumns = """
        c.kind, c.num_key, c.type_key, c.issuer_key, c.symbol, c.named, c.term, c.type_code, c.date, c.issuer, c.title,
        c.relation, c.subject, c.object, c.refers_to, c.note, c.part, c.effect, c.number_year
        """

    /// A stored citation (its id, its document, ``factColumns``, then its words from
    /// `citation_texts`) as the resolver reads it. Read by position: looked up by name, the
    /// columns of 80,000 citations took a sixth of the graph's rebuild.
    private static func facts(_ row: Row) -> CitationFacts {
        let key: NumberKey? = (row[3] as String?).flatMap { number in
            (row[4] as String?).map { NumberKey(stored: number, type: $0, issuer: row[5]) }
        }
        return CitationFacts(kind: Citation.Kind(rawValue: row[2]) ?? .number, key: key, symbol: row[6],
                             text: row[21], named: row[7], term: row[8], typeCode: row[9],
                             date: row[10], issuer: row[11], title: row[12],
                             relation: Relation(rawValue: row[13]) ?? .mentions, subject: row[14],
                             object: row[15], refersTo: row[16], note: row[17], part: row[18],
                             effect: row[19], numberYear: row[20])
    }
}

/// The resolver on a thread of its own: it resolves a batch of documents' citations while the
/// database's thread writes the links of the batch before and reads the next one (reading and
/// resolving took about the same time, one after the other).
private final class Resolution: @unchecked Sendable {
    typealias Batch = [(document: Int64, citations: [(id: Int64, facts: CitationFacts)])]

    static let batchSize = 2_000

    private var resolver: Resolver
    private var batch = Batch()
    private var resolved: [(citation: Int64, link: Resolver.Link)] = []
    private let queue = DispatchQueue(label: "vanban.resolution")

    init(_ resolver: Resolver) { self.resolver = resolver }

    /// Starts resolving `batch`, in the order batches are given.
    func start(_ batch: Batch) {
        queue.sync { self.batch = batch }
        queue.async { [self] in
            for (document, citations) in self.batch {
                for link in resolver.links(of: document, citations: citations.map(\.facts)) {
                    resolved.append((citations[link.ordinal].id, link))
                }
            }
        }
    }

    /// The links of the batch last started, once it is resolved.
    func take() -> [(citation: Int64, link: Resolver.Link)] {
        queue.sync {
            defer { resolved = [] }
            return resolved
        }
    }

    func finished() -> [Resolver.Node] { queue.sync { resolver.finished() } }
}

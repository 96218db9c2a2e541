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
        var resolver = Resolver(documents: documents, names: names, rules: rules)
        let insertLink = try db.makeStatement(sql: """
            INSERT INTO links(citation_id, source, target, relation, status, note, part, effect) VALUES (?,?,?,?,?,?,?,?)
            """)
        var document: Int64?
        var batch: [(id: Int64, facts: CitationFacts)] = []
        func flush() throws {
            guard let document else { return }
            for link in resolver.links(of: document, citations: batch.map(\.facts)) {
                try insertLink.execute(arguments: [batch[link.ordinal].id, link.source + 1, link.target.map { $0 + 1 },
                                                   link.relation.rawValue, link.status.rawValue, link.note, link.part, link.effect])
            }
            batch.removeAll(keepingCapacity: true)
        }
        // A cursor, not an array: the citations of a large archive are read one document at a time,
        // in id order, which is (document_id, ordinal) order (see documents.first_citation).
        let citations = try Row.fetchCursor(db, sql: """
            SELECT c.*, t.text AS words FROM citations c JOIN citation_texts t ON t.id = c.id ORDER BY c.id
            """)
        while let row = try citations.next() {
            let id: Int64 = row["document_id"]
            if id != document {
                try flush()
                document = id
            }
            batch.append((row["id"], Self.facts(row)))
        }
        try flush()
        let insertNode = try db.makeStatement(sql: """
            INSERT INTO nodes(id, key, document_id, symbol, name, num_key, type_key, issuer_key, type_code, date, issuer, title,
                conflicts, name_key, term) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        for (index, node) in resolver.finished().enumerated() {
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

    /// A stored citation, with its words from `citation_texts`, as the resolver reads it.
    private static func facts(_ row: Row) -> CitationFacts {
        let key: NumberKey? = (row["num_key"] as String?).flatMap { number in
            (row["type_key"] as String?).map { NumberKey(stored: number, type: $0, issuer: row["issuer_key"]) }
        }
        return CitationFacts(kind: Citation.Kind(rawValue: row["kind"]) ?? .number, key: key, symbol: row["symbol"],
                             text: row["words"], named: row["named"], term: row["term"], typeCode: row["type_code"],
                             date: row["date"], issuer: row["issuer"], title: row["title"],
                             relation: Relation(rawValue: row["relation"]) ?? .mentions, subject: row["subject"],
                             object: row["object"], refersTo: row["refers_to"], note: row["note"], part: row["part"],
                             effect: row["effect"], numberYear: row["number_year"])
    }
}

import Foundation
import GRDB

/// Writes every node's validity (`validity`) at each index run, after the citation graph: reads
/// the nodes, the documents' effect clauses and the links that change validity, each with the
/// sentence that states it, has ``ValidityGraph`` derive the records, and stores them. Because
/// it is derived again from the whole graph, adding a document changes the status of what it
/// touches.
struct ValidityWriter {
    let rules: RuleSet

    func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM validity")
        let nodes = try self.nodes(db)
        let records = ValidityGraph.records(nodes: nodes, acts: try acts(db))
        let insert = try db.makeStatement(sql: "INSERT INTO validity(node_id, document_id, stops, record) VALUES (?,?,?,?)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let documents = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, document_id FROM nodes WHERE document_id IS NOT NULL")
            .map { ($0["id"] as Int64, $0["document_id"] as Int64) })
        for node in nodes {
            guard let record = records[node.id] else { continue }
            try insert.execute(arguments: [node.id, documents[node.id], record.stops,
                                           String(decoding: try encoder.encode(record), as: UTF8.self)])
        }
    }

    private func nodes(_ db: Database) throws -> [ValidityGraph.Node] {
        var clauses: [Int64: (EffectClause, Evidence?, Evidence?)] = [:]
        // The passages are read by subqueries, not LEFT JOINs: SQLite cannot flatten a view of a
        // join into the right side of a LEFT JOIN, and materialized it, inflating every passage
        // of the archive.
        func passage(_ column: String, _ side: String) -> String {
            "(SELECT \(column) FROM passage_texts WHERE document_id = e.document_id AND ordinal = e.\(side)_passage) AS \(side)_\(column)"
        }
        let effects = try Row.fetchCursor(db, sql: """
            SELECT e.*, coalesce(d.symbol, d.path) AS label, d.path, \(passage("heading", "start")), \(passage("body", "start")),
                \(passage("heading", "end")), \(passage("body", "end"))
            FROM effects e JOIN documents d ON d.id = e.document_id
            """)
        let reader = PartReader(rules: rules)
        while let row = try effects.next() {
            var clause = EffectClause(ends: row["ends"])
            switch row["start_kind"] as String? {
            case "date": clause.start = (row["start_date"] as String?).map(EffectClause.Start.date)
            case "signing": clause.start = .signing
            case "after-signing": clause.start = .afterSigning(days: row["days"] ?? 0)
            default: break
            }
            func evidence(_ side: String) -> Evidence? {
                guard let ordinal: Int = row[side + "_passage"], let text: String = row[side + "_sentence"] else { return nil }
                let body: String? = row[side + "_body"]
                let article = body.flatMap { body in
                    body.range(of: text).flatMap { reader.article(in: body, before: body.utf16.distance(from: body.startIndex, to: $0.lowerBound)) }
                }
                return Evidence(document: row["label"], file: row["path"], passage: ordinal, section: row[side + "_heading"] ?? "",
                                article: article, sentence: text)
            }
            clauses[row["document_id"]] = (clause, evidence("start"), evidence("end"))
        }
        return try Row.fetchAll(db, sql: """
            SELECT n.id, coalesce(n.symbol, d.path, n.name) AS label, d.path, n.document_id, coalesce(n.date, d.partial_date) AS date
            FROM nodes n LEFT JOIN documents d ON d.id = n.document_id ORDER BY n.id
            """).map { row in
            let document: Int64? = row["document_id"]
            let clause = document.flatMap { clauses[$0] }
            return ValidityGraph.Node(id: row["id"], label: row["label"], file: row["path"], date: row["date"],
                                      clause: clause?.0, clauseEvidence: (clause?.1, clause?.2))
        }
    }

    /// The links that change validity, with the sentence of each and the part it names.
    private func acts(_ db: Database) throws -> [ValidityGraph.Act] {
        let relations = ValidityGraph.changing.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT l.*, c.passage, c.start, t.text, c.cue, c.sentence_start, c.sentence_end, p.heading,
                CASE p.ordinal WHEN 0 THEN p.title ELSE p.body END AS passage_text, coalesce(d.symbol, d.path) AS label, d.path
            FROM links l JOIN citations c ON c.id = l.citation_id JOIN citation_texts t ON t.id = c.id
            JOIN documents d ON d.id = c.document_id JOIN passage_texts p ON p.document_id = c.document_id AND p.ordinal = c.passage
            WHERE l.target IS NOT NULL AND l.relation IN (\(relations)) ORDER BY c.document_id, c.ordinal
            """)
        let reader = PartReader(rules: rules)
        var acts: [ValidityGraph.Act] = []
        while let row = try rows.next() {
            guard let relation = Relation(rawValue: row["relation"]) else { continue }
            // Citation offsets are UTF-16 units of the passage.
            let passage: String = row["passage_text"]
            let text = Array(passage.utf16)
            func slice(_ range: Range<Int>) -> String {
                let clamped = max(0, min(range.lowerBound, text.count))..<max(0, min(range.upperBound, text.count))
                return String(decoding: text[clamped], as: UTF16.self)
            }
            let start: Int = row["start"]
            // The part, as the link gives it, else as the words between the cue and the reference name it.
            var part: String? = row["part"]
            if part == nil, let cue: String = row["cue"] {
                let before = slice(max(0, start - 160)..<start)
                part = before.range(of: cue, options: .backwards).flatMap { reader.part(in: String(before[$0.upperBound...])) }
            }
            // When the text dates the change itself (a date, not "on the day this one takes effect").
            let effect: String? = row["effect"]
            let date = effect.flatMap(Self.storedDate)
            let evidence = Evidence(document: row["label"], file: row["path"], passage: row["passage"], section: row["heading"],
                                    article: reader.article(in: passage, before: row["sentence_start"]),
                                    sentence: slice(row["sentence_start"]..<row["sentence_end"]), citation: row["text"])
            acts.append(ValidityGraph.Act(source: row["source"], target: row["target"], relation: relation, part: part,
                                          date: date, evidence: evidence))
        }
        return acts
    }

    /// A yyyy-mm-dd value as stored, or nil for anything else ("on-effect").
    private static func storedDate(_ stored: String) -> String? {
        let parts = stored.split(separator: "-")
        guard parts.count == 3 else { return nil }
        return DateParser.iso(day: parts[2], month: parts[1], year: parts[0])
    }
}

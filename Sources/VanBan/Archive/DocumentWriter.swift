import Foundation
import GRDB

/// Stores parsed documents: each one's row, its stored text, title passage and body passages,
/// citations and requirements, and keeps both full-text indexes in step: FTS5's, a row a
/// document, and the search index's (``SearchIndexWriter``).
///
/// Documents go into FTS5 one `INSERT … VALUES` each, from the text in hand, not through a
/// trigger: a trigger makes every insert a multi-row write with a statement savepoint, and
/// SQLite 3.40's FTS5 writes its pending terms out as a new segment at every savepoint, which
/// made indexing four times slower than the tokenizing itself.
struct DocumentWriter {
    let rules: RuleSet
    let index: SearchIndexWriter
    private let actorIDs = ActorIDs()

    /// The `actors` row of each name seen in this run.
    private final class ActorIDs {
        var byName: [String: Int64] = [:]
    }

    init(rules: RuleSet, index: SearchIndexWriter) {
        self.rules = rules
        self.index = index
    }

    struct Source {
        let file: Corpus.File
        let hash: String
        let encoding: String
    }

    func insert(_ analysed: AnalysedDocument, from source: Source, into db: Database) throws {
        let document = analysed.parsed
        let metadata = document.metadata
        let number = metadata.number
        let issuerCode = number?.issuer
        // The body's code too where the number's adds a term to it (UBTVQH of UBTVQH15): the
        // issuer filter and the issuer words of "nghi quyet 89 ubtvqh" match on these names.
        let body = issuerCode.flatMap { rules.issuers.entry(forNumberCode: $0) }
        let bodyCode = body.flatMap { VietText.key($0.code) == issuerCode.map(VietText.key) ? nil : $0.code }
        let issuerNames = [metadata.issuer, metadata.parentIssuer, body?.name, bodyCode].compactMap { $0 }.joined(separator: " ")
        let recipients = String(decoding: try JSONEncoder().encode(metadata.recipients), as: UTF8.self)
        let indexed = analysed.indexed
        let key = number.map { NumberKey($0, types: rules.types) }
        try db.cachedStatement(sql: """
            INSERT INTO documents(path, size, mtime, hash, encoding, symbol, num_key, type_key, issuer_key,
                number_year, type_code, type_name, issuer, issuer_code, parent_issuer, issuer_name_key,
                place, date, year, title, signer, signer_role, recipients, province, source, missing, sections,
                unmarked, tokens, title_tokens, heading_tokens)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """).execute(arguments: [
                source.file.path, source.file.size, source.file.mtime, source.hash, source.encoding,
                number?.symbol, key?.number, key?.type, key?.issuer, number?.year,
                metadata.typeCode, metadata.typeName, metadata.issuer, issuerCode, metadata.parentIssuer,
                VietText.key(issuerNames), metadata.place, metadata.date, metadata.year, metadata.title,
                metadata.signer, metadata.signerRole, recipients, rules.province(of: metadata), metadata.source,
                metadata.missingFields.joined(separator: ","), analysed.stored.sections,
                analysed.unmarked, indexed.length, indexed.tokens(column: 0), indexed.tokens(column: 1),
            ])
        let documentID = db.lastInsertedRowID
        let stored = analysed.stored
        try db.cachedStatement(sql: "INSERT INTO texts VALUES (?,?,?,?,?,?,?,?)").execute(arguments: [
            documentID, stored.title.utf8.count, stored.headingStart, stored.headings.utf8.count,
            stored.bodyStart, stored.bodies.utf8.count, stored.block,
            TokenStarts.encode(headings: stored.perPassage(indexed.passageStarts(column: 1)),
                               bodies: stored.perPassage(indexed.passageStarts(column: 2))),
        ])
        try insertPassages(analysed, documentID: documentID, into: db)
        try insertSource(analysed, documentID: documentID, into: db)
        let columns = analysed.columns
        try db.cachedStatement(sql: "INSERT INTO documents_fts(rowid, title, heading, body) VALUES (?,?,?,?)")
            .execute(arguments: [documentID, columns.title, columns.heading, columns.body])
        try index.add(indexed, id: documentID, db: db)
        let citations = try insertCitations(analysed.citations, of: document, documentID: documentID, into: db)
        let requirements = try insertRequirements(analysed.requirements, of: document, documentID: documentID, into: db)
        try db.cachedStatement(sql: """
            UPDATE documents SET first_citation = ?, citation_count = ?, first_requirement = ?, requirement_count = ? WHERE id = ?
            """).execute(arguments: [citations.first, citations.count, requirements.first, requirements.count, documentID])
        try insertEffect(analysed.effect, documentID: documentID, into: db)
    }

    /// The effect clause, when the text has one.
    private func insertEffect(_ effect: EffectClause, documentID: Int64, into db: Database) throws {
        guard !effect.isEmpty else { return }
        let (kind, date, days): (String?, String?, Int?)
        switch effect.start {
        case .date(let day): (kind, date, days) = ("date", day, nil)
        case .signing: (kind, date, days) = ("signing", nil, nil)
        case .afterSigning(let count): (kind, date, days) = ("after-signing", nil, count)
        case nil: (kind, date, days) = (nil, nil, nil)
        }
        try db.execute(sql: "INSERT INTO effects VALUES (?,?,?,?,?,?,?,?,?)", arguments: [
            documentID, kind, date, days, effect.ends, effect.startSentence.map { $0.passage + 1 }, effect.startSentence?.text,
            effect.endSentence.map { $0.passage + 1 }, effect.endSentence?.text,
        ])
    }

    /// The file's format, pages and notes, and each passage's page: one statement per page, as
    /// passages run in page order.
    private func insertSource(_ analysed: AnalysedDocument, documentID: Int64, into db: Database) throws {
        let source = analysed.source, metadata = analysed.parsed.metadata
        let notes = PlainJSON.array(source.notes + metadata.notes)
        try db.cachedStatement(sql: """
            UPDATE documents SET format = ?, pages = ?, notes = ?, ocr = ?, partial_date = ?, partial_number = ? WHERE id = ?
            """).execute(arguments: [source.format.rawValue, source.pageCount, notes, source.ocr, metadata.partialDate,
                             metadata.partialNumber, documentID])
        guard source.pageCount != nil else { return }
        let statement = try db.cachedStatement(sql: """
            UPDATE passages SET page = ? WHERE document_id = ? AND ordinal BETWEEN ? AND ?
            """)
        let passages = analysed.parsed.passages
        var first = 0
        while first < passages.count {
            let page = passages[first].page
            var last = first
            while last + 1 < passages.count, passages[last + 1].page == page { last += 1 }
            // Ordinals count from 1 for body passages; the title passage (0) lies on the first page.
            try statement.execute(arguments: [page, documentID, first == 0 ? 0 : first + 1, last + 1])
            first = last + 1
        }
    }

    /// Each passage with where its text lies in the block.
    private func insertPassages(_ analysed: AnalysedDocument, documentID: Int64, into db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO passages(document_id, ordinal, line, heading_start, heading_length, body_start, body_length)
            VALUES (?,?,?,?,?,?,?)
            """)
        let lines = [1] + analysed.parsed.passages.map(\.line)
        for (ordinal, span) in analysed.stored.spans.enumerated() {
            try insert.execute(arguments: [documentID, ordinal, lines[ordinal], span.headingStart, span.headingLength,
                                           span.bodyStart, span.bodyLength])
        }
    }

    /// Where a document's rows lie in `citations` or `requirements`: the id of the first (nil
    /// when there are none) and how many; see `documents.first_citation`.
    struct IDRange {
        var first: Int64?
        var count = 0

        /// Ids follow one another: the range is only a range while nothing else is inserted between.
        mutating func inserted(_ id: Int64) {
            precondition(first.map { id == $0 + Int64(count) } ?? true, "row \(id) does not follow the \(count) before it")
            if first == nil { first = id }
            count += 1
        }
    }

    /// Removes a document: from FTS5 first (which is given the text it indexed), from the search
    /// index's term counts, then everything stored for it (its citations and requirements by
    /// their ranges of ids, which no cascade reaches).
    func delete(document id: Int64, from db: Database) throws {
        if let row = try Row.fetchOne(db, sql: "SELECT title, heading, body FROM document_columns WHERE id = ?", arguments: [id]) {
            let columns = DocumentColumns(title: row["title"], heading: row["heading"], body: row["body"])
            try db.execute(sql: "INSERT INTO documents_fts(documents_fts, rowid, title, heading, body) VALUES ('delete', ?, ?, ?, ?)",
                           arguments: [id, columns.title, columns.heading, columns.body])
            index.remove(try IndexedDocument(columns))
        }
        for rows in DocumentRows.allCases {
            try db.execute(sql: """
                DELETE FROM \(rows.table) WHERE id IN (SELECT x.id FROM documents d JOIN \(rows.table) x ON \(rows.contain("x"))
                    WHERE d.id = ?)
                """, arguments: [id])
        }
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
    }

    private func insertRequirements(_ requirements: [Requirement], of document: ParsedDocument, documentID: Int64,
                                    into db: Database) throws -> IDRange {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO requirements(document_id, ordinal, passage, start, end, action_start, schedule,
                targets, basis, highlights, months) VALUES (?,?,?,?,?,?,?,?,?,?,?)
            """)
        let insertActor = try db.cachedStatement(sql: "INSERT INTO requirement_actors VALUES (?,?,?,?)")
        var spans = SpanCache()
        var rows = IDRange()
        for (ordinal, requirement) in requirements.enumerated() {
            let units = spans.units(document.passages[requirement.passage].text, passage: requirement.passage)
            let months = requirement.schedule.map { "," + $0.months.map(String.init).joined(separator: ",") + "," } ?? ""
            try insert.execute(arguments: [
                documentID, ordinal, requirement.passage + 1, units.codePoints(requirement.range.lowerBound),
                units.codePoints(requirement.range.upperBound), units.codePoints(requirement.actionStart),
                requirement.schedule.map { StoredSchedule($0).json }, requirement.targets.isEmpty ? "[]" : try json(requirement.targets),
                PlainJSON.array(requirement.basis), PlainJSON.array(requirement.highlights), months,
            ])
            let id = db.lastInsertedRowID
            rows.inserted(id)
            for (index, actor) in requirement.actors.enumerated() {
                try insertActor.execute(arguments: [id, index, try actorID(actor, db: db), actor.role.rawValue])
            }
        }
        return rows
    }

    /// Looked up, then inserted or updated, not upserted: SQLite runs an upsert, a statement that
    /// may write twice, in a savepoint, and at every savepoint FTS5 writes its pending terms out
    /// as a new segment (a tenth of the writer's time went to that).
    private func actorID(_ actor: Actor, db: Database) throws -> Int64 {
        if let id = actorIDs.byName[actor.name] { return id }
        let id: Int64
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, key FROM actors WHERE name = ?"), arguments: [actor.name]) {
            id = row[0]
            if (row[1] as String) != actor.key {
                try db.cachedStatement(sql: "UPDATE actors SET key = ? WHERE id = ?").execute(arguments: [actor.key, id])
            }
        } else {
            try db.cachedStatement(sql: "INSERT INTO actors(name, key) VALUES (?, ?)").execute(arguments: [actor.name, actor.key])
            id = db.lastInsertedRowID
        }
        actorIDs.byName[actor.name] = id
        return id
    }

    private func insertCitations(_ citations: [Citation], of document: ParsedDocument, documentID: Int64,
                                 into db: Database) throws -> IDRange {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO citations(document_id, ordinal, passage, start, end, kind, text, symbol, num_key, type_key,
                issuer_key, number_year, named, type_code, date, issuer, title, relation, cue, subject, refers_to,
                note, sentence_start, sentence_end, object, part, effect, term, defines)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        let title = document.metadata.titlePassage
        let titleOffset = title.trichYeuOffset(document.metadata.title)
        var spans = SpanCache()
        var rows = IDRange()
        for (ordinal, citation) in citations.enumerated() {
            // Citations of the trích yếu (after the body passages) belong to the title passage, ordinal 0.
            let inTitle = citation.passage == document.passages.count
            let text = inTitle ? title : document.passages[citation.passage].text
            let shift = inTitle ? titleOffset : 0
            let number = citation.number
            let key = citation.facts(types: rules.types).key
            let units = spans.units(text, passage: citation.passage), scalars = spans.scalars()
            // Offsets are stored in code points, as SQLite's substr() and the page count them. A
            // sentence cut short (the extraction keeps at most a few hundred units either side of
            // the citation) ends on whole words.
            let range = units.codePoints(citation.range.lowerBound + shift)..<units.codePoints(citation.range.upperBound + shift)
            let sentence = WordBoundary.shrunk(
                units.codePoints(citation.sentenceRange.lowerBound + shift)..<units.codePoints(citation.sentenceRange.upperBound + shift),
                in: scalars)
            // Not stored when it is the passage's own words there (see the view citation_texts).
            let own = citation.text.unicodeScalars.elementsEqual(scalars[range])
            let values: [(any DatabaseValueConvertible)?] = [
                documentID, ordinal, inTitle ? 0 : citation.passage + 1, range.lowerBound, range.upperBound,
                citation.kind.rawValue, own ? nil : citation.text, number?.symbol, key?.number, key?.type,
                key?.issuer, number?.year, citation.named, citation.typeCode, citation.date, citation.issuer,
                citation.title, citation.relation.rawValue, citation.cue, citation.subject, citation.refersTo,
                citation.note, sentence.lowerBound, sentence.upperBound, citation.object, citation.part,
                citation.effect, citation.term, citation.defines,
            ]
            try statement.execute(arguments: StatementArguments(values))
            rows.inserted(db.lastInsertedRowID)
        }
        return rows
    }
}

extension DocumentMetadata {
    /// The title passage's text: type, number, trích yếu, issuer and signer, so a search for
    /// any of them ranks the document's own header first.
    var titlePassage: String {
        [typeName, number?.symbol, title, issuer, signer].compactMap { $0 }.joined(separator: " — ")
    }
}

extension String {
    /// Where the trích yếu starts in the title passage's text, in UTF-16 units.
    func trichYeuOffset(_ title: String?) -> Int {
        guard let title, let range = range(of: title) else { return 0 }
        return utf16.distance(from: startIndex, to: range.lowerBound)
    }
}

/// A passage's code points before each UTF-16 offset (and its code points, for citations), made
/// once for all the citations or requirements of the passage: SQLite's substr() counts code
/// points, so sentences are stored as offsets into the passage rather than copied.
private struct SpanCache {
    struct Units {
        /// `before[i]`: the code points before UTF-16 offset i; nil when the passage has no
        /// scalar past U+FFFF (nearly always), and each unit is then a code point.
        let before: [Int]?
        let count: Int

        func codePoints(_ utf16Offset: Int) -> Int {
            let offset = max(0, min(utf16Offset, count))
            return before?[offset] ?? offset
        }
    }

    private var passage = -1
    private var units = Units(before: nil, count: 0)
    private var madeScalars: [Unicode.Scalar]?
    private var text = ""

    mutating func units(_ text: String, passage: Int) -> Units {
        guard passage != self.passage else { return units }
        var copy = text
        let astral = copy.withUTF8 { $0.contains { $0 >= 0xF0 } }  // a 4-byte sequence's lead
        let units = astral ? Self.counted(text) : Units(before: nil, count: text.utf16.count)
        (self.passage, self.text, self.units, madeScalars) = (passage, text, units, nil)
        return units
    }

    private static func counted(_ text: String) -> Units {
        var before: [Int] = []
        before.reserveCapacity(text.utf16.count + 1)
        var count = 0
        for scalar in text.unicodeScalars {
            before.append(count)
            if scalar.value > 0xFFFF { before.append(count) }
            count += 1
        }
        before.append(count)
        return Units(before: before, count: before.count - 1)
    }

    /// The code points of the passage `units` was last given.
    mutating func scalars() -> [Unicode.Scalar] {
        if let madeScalars { return madeScalars }
        let made = Array(text.unicodeScalars)
        madeScalars = made
        return made
    }
}

/// Arrays of plain values as JSON, written directly: setting up JSONEncoder for each of them
/// cost more than the rest of storing a requirement.
enum PlainJSON {
    static func array(_ strings: [String]) -> String {
        "[" + strings.map(quoted).joined(separator: ",") + "]"
    }

    /// The strings of a stored array (none for NULL or what is not one). Most are empty, and are
    /// read without setting up JSONDecoder.
    static func strings(_ json: String?) -> [String] {
        guard let json, json != "[]" else { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    static func array(_ numbers: [Int]) -> String {
        "[" + numbers.map(String.init).joined(separator: ",") + "]"
    }

    static func array(_ numbers: [[Int]]) -> String {
        "[" + numbers.map(array).joined(separator: ",") + "]"
    }

    static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

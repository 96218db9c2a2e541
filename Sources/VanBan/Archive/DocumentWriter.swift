import Foundation
import GRDB

/// Stores parsed documents: each one's row, title passage, body passages, citations and
/// requirements. Passages reach the full-text index through `feed`, in bulk.
struct DocumentWriter {
    let rules: RuleSet
    private let feed = SearchIndexFeed()

    init(rules: RuleSet) { self.rules = rules }

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
        let issuerNames = [metadata.issuer, metadata.parentIssuer, issuerCode.flatMap { rules.issuers.entry(for: $0)?.name }]
            .compactMap { $0 }.joined(separator: " ")
        let recipients = String(decoding: try JSONEncoder().encode(metadata.recipients), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO documents(path, size, mtime, hash, encoding, symbol, num_key, type_key, issuer_key,
                number_year, type_code, type_name, issuer, issuer_code, parent_issuer, issuer_name_key,
                place, date, year, title, signer, signer_role, recipients, province, source, missing)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """, arguments: [
                source.file.path, source.file.size, source.file.mtime, source.hash, source.encoding,
                number?.symbol, number?.numberKey, number?.typeKey, number?.issuerKey, number?.year,
                metadata.typeCode, metadata.typeName, metadata.issuer, issuerCode, metadata.parentIssuer,
                VietText.key(issuerNames), metadata.place, metadata.date, metadata.year, metadata.title,
                metadata.signer, metadata.signerRole, recipients, rules.province(of: metadata), metadata.source,
                metadata.missingFields.joined(separator: ","),
            ])
        let documentID = db.lastInsertedRowID
        let statement = try db.cachedStatement(sql: """
            INSERT INTO passages(document_id, ordinal, line, title, heading, body) VALUES (?,?,?,?,?,?)
            """)
        let title = titleText(metadata)
        try statement.execute(arguments: [documentID, 0, 1, title, "", ""])
        try feed.added(passage: db.lastInsertedRowID, bytes: title.utf8.count, in: db)
        for (ordinal, passage) in document.passages.enumerated() {
            try statement.execute(arguments: [documentID, ordinal + 1, passage.line, "", passage.headingPath, passage.text])
            try feed.added(passage: db.lastInsertedRowID, bytes: passage.text.utf8.count, in: db)
        }
        try insertCitations(analysed.citations, of: document, documentID: documentID, into: db)
        try insertRequirements(analysed.requirements, of: document, documentID: documentID, into: db)
    }

    /// Indexes the passages still waiting for the full-text index.
    func finish(_ db: Database) throws { try feed.flush(db) }

    private func insertRequirements(_ requirements: [Requirement], of document: ParsedDocument, documentID: Int64,
                                    into db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO requirements(document_id, ordinal, passage, start, end, action_start, schedule,
                targets, basis, highlights, months) VALUES (?,?,?,?,?,?,?,?,?,?,?)
            """)
        let insertActor = try db.cachedStatement(sql: "INSERT INTO requirement_actors VALUES (?,?,?,?)")
        for (ordinal, requirement) in requirements.enumerated() {
            let text = document.passages[requirement.passage].text
            let months = requirement.schedule.map { "," + $0.months.map(String.init).joined(separator: ",") + "," } ?? ""
            try insert.execute(arguments: [
                documentID, ordinal, requirement.passage + 1, text.codePoints(requirement.range.lowerBound),
                text.codePoints(requirement.range.upperBound), text.codePoints(requirement.actionStart),
                try requirement.schedule.map(json), try json(requirement.targets), try json(requirement.basis),
                try json(requirement.highlights), months,
            ])
            let id = db.lastInsertedRowID
            for actor in requirement.actors {
                try insertActor.execute(arguments: [id, actor.name, actor.key, actor.role.rawValue])
            }
        }
    }

    private func insertCitations(_ citations: [Citation], of document: ParsedDocument, documentID: Int64,
                                 into db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO citations(document_id, ordinal, passage, start, end, kind, text, symbol, num_key, type_key,
                issuer_key, number_year, named, type_code, date, issuer, title, relation, cue, subject, refers_to,
                note, sentence_start, sentence_end)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        let title = titleText(document.metadata)
        let titleOffset = title.trichYeuOffset(document.metadata.title)
        for (ordinal, citation) in citations.enumerated() {
            // Citations of the trích yếu (after the body passages) belong to the title passage, ordinal 0.
            let inTitle = citation.passage == document.passages.count
            let text = inTitle ? title : document.passages[citation.passage].text
            let shift = inTitle ? titleOffset : 0
            let number = citation.number
            let values: [(any DatabaseValueConvertible)?] = [
                documentID, ordinal, inTitle ? 0 : citation.passage + 1, citation.range.lowerBound + shift,
                citation.range.upperBound + shift,
                citation.kind.rawValue, citation.text, number?.symbol, number?.numberKey, number?.typeKey,
                number?.issuerKey, number?.year, citation.named, citation.typeCode, citation.date, citation.issuer,
                citation.title, citation.relation.rawValue, citation.cue, citation.subject, citation.refersTo,
                citation.note, text.codePoints(citation.sentenceRange.lowerBound + shift),
                text.codePoints(citation.sentenceRange.upperBound + shift),
            ]
            try statement.execute(arguments: StatementArguments(values))
        }
    }

    /// What the title column indexes: type, number, trích yếu, issuer and signer, so a search
    /// for any of them ranks the document's own header first.
    private func titleText(_ metadata: DocumentMetadata) -> String {
        [metadata.typeName, metadata.number?.symbol, metadata.title, metadata.issuer, metadata.signer]
            .compactMap { $0 }.joined(separator: " — ")
    }
}

extension String {
    /// Where the trích yếu starts in the title passage's text, in UTF-16 units.
    func trichYeuOffset(_ title: String?) -> Int {
        guard let title, let range = range(of: title) else { return 0 }
        return utf16.distance(from: startIndex, to: range.lowerBound)
    }

    /// The number of code points before a UTF-16 offset: SQLite's substr() counts code points,
    /// so sentences are stored as offsets into the passage rather than copied.
    func codePoints(_ utf16Offset: Int) -> Int {
        let index = utf16.index(utf16.startIndex, offsetBy: min(utf16Offset, utf16.count))
        return unicodeScalars.distance(from: unicodeScalars.startIndex, to: index)
    }
}

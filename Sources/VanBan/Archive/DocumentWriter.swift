import Foundation
import GRDB

/// Stores one parsed document: its row, its title passage and its body passages.
struct DocumentWriter {
    let rules: RuleSet

    struct Source {
        let file: Corpus.File
        let hash: String
        let encoding: String
    }

    func insert(_ document: ParsedDocument, from source: Source, into db: Database) throws {
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
                metadata.signer, metadata.signerRole, recipients, metadata.province, metadata.source,
                metadata.missingFields.joined(separator: ","),
            ])
        let documentID = db.lastInsertedRowID
        let statement = try db.cachedStatement(sql: """
            INSERT INTO passages(document_id, ordinal, line, title, heading, body) VALUES (?,?,?,?,?,?)
            """)
        try statement.execute(arguments: [documentID, 0, 1, titleText(metadata), "", ""])
        for (ordinal, passage) in document.passages.enumerated() {
            try statement.execute(arguments: [documentID, ordinal + 1, passage.line, "", passage.headingPath, passage.text])
        }
    }

    /// What the title column indexes: type, number, trích yếu, issuer and signer, so a search
    /// for any of them ranks the document's own header first.
    private func titleText(_ metadata: DocumentMetadata) -> String {
        [metadata.typeName, metadata.number?.symbol, metadata.title, metadata.issuer, metadata.signer]
            .compactMap { $0 }.joined(separator: " — ")
    }
}

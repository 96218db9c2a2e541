import Foundation
import GRDB

/// A document's metadata as stored, for listings and `show`.
public struct DocumentSummary: Codable, Sendable, Equatable {
    public let id: Int64
    public let number: String?
    public let typeCode: String?
    public let type: String?
    public let issuer: String?
    public let parentIssuer: String?
    public let place: String?
    public let date: String?
    public let title: String?
    public let signer: String?
    public let signerRole: String?
    public let recipients: [String]
    public let province: String?
    public let source: String?
    public let file: String
    public let encoding: String
    public let year: Int?
    /// Header fields the parser could not find.
    public let missing: [String]
    /// The source file's format ("text", "pdf", "docx", "html", "doc"), its pages when it has
    /// pages, whether its text came from OCR, and what its conversion and parsing noticed.
    public let format: String
    public let pages: Int?
    public let ocr: Bool
    public let notes: [String]
    /// The month or year of a date whose day the text leaves blank, and what the text gives of
    /// a number it leaves blank ("HD/BTCTU").
    public let partialDate: String?
    public let partialNumber: String?

    /// The columns ``init(row:)`` reads, in its order: read by position, as a lookup by name
    /// lower-cases every column name before it (most of what a number query cost).
    static let columns = """
        d.id, d.symbol, d.type_code, d.type_name, d.issuer, d.parent_issuer, d.place, d.date, d.title, d.signer,
        d.signer_role, d.recipients, d.province, d.source, d.path, d.encoding, d.year, d.missing, d.format, d.pages,
        d.ocr, d.notes, d.partial_date, d.partial_number
        """

    /// A row of ``columns``.
    init(row: Row) {
        id = row[0]
        number = row[1]
        typeCode = row[2]
        type = row[3]
        issuer = row[4]
        parentIssuer = row[5]
        place = row[6]
        date = row[7]
        title = row[8]
        signer = row[9]
        signerRole = row[10]
        recipients = PlainJSON.strings(row[11] as String)
        province = row[12]
        source = row[13]
        file = row[14]
        encoding = row[15]
        year = row[16]
        let missingList: String = row[17]
        missing = missingList.split(separator: ",").map(String.init)
        format = row[18] ?? "text"
        pages = row[19]
        ocr = row[20] ?? false
        notes = PlainJSON.strings(row[21])
        partialDate = row[22]
        partialNumber = row[23]
    }

}

/// A document with its body, passage by passage under its headings.
public struct DocumentView: Codable, Sendable {
    public struct Paragraph: Codable, Sendable, Equatable {
        public let section: String
        public let line: Int
        public let text: String
        /// The page it starts on, for a file with pages.
        public let page: Int?
        /// The passage's ordinal (1 for the first of the body), which citations and requirements name.
        public let ordinal: Int
        /// It is the heading of the section the next paragraph opens ("2. Sửa đổi khoản 3 Điều
        /// 57 như sau:"), kept as a paragraph for what it cites and requires: a reader shows it
        /// once, as that heading.
        public var heading = false
    }

    /// A citation's place in the text, with the document it names, so the text can link it.
    public struct CitationSpan: Codable, Sendable, Equatable {
        /// The passage's ordinal; 0 for the trích yếu (`document.title`).
        public let passage: Int
        /// [start, end) in code points of the paragraph's text (or of the title).
        public let start: Int
        public let end: Int
        public let text: String
        /// resolved, external, ambiguous or unresolved.
        public let status: String
        /// Nil when the citation names no one document.
        public let target: GraphNode?
    }

    public let document: DocumentSummary
    public let paragraphs: [Paragraph]
    public var references: [Reference] = []
    public var citedBy: [Reference] = []
    /// What the document requires of whom, in reading order.
    public var requirements: [RequirementHit] = []
    /// Every citation in its text, in reading order.
    public var citations: [CitationSpan] = []
    /// Whether it stands today in short (`validity.status`), in full with the evidence, and the
    /// references it makes to documents that no longer do.
    public var status: ValidityStatus?
    public var validity: Validity?
    public var warnings: [ValidityWarning] = []
}

/// A document known only from the citations of it: the harvested record and every place it
/// is cited.
public struct ExternalDocumentView: Codable, Sendable {
    public let node: GraphNode
    public let citedBy: [Reference]
    public let notice: String
    /// Whether it stands today, as the archive's documents say: in short and in full.
    public var status: ValidityStatus?
    public var validity: Validity?
}

/// What `show` finds for a number: a document in the archive, or one only cited.
public enum ShownDocument: Sendable {
    case archived(DocumentView)
    case external(ExternalDocumentView)
}

extension Archive {
    /// The documents a number names; several when the number is partial or not unique.
    public func documents(numbered text: String) throws -> [DocumentSummary] {
        // A document's file names it alone where its number names several (numbering starts
        // again each term), as it does a node (``nodes(named:db:)``).
        let filed = try read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT \(DocumentSummary.columns) FROM documents d WHERE d.path = ?"),
                             arguments: [text]).map(DocumentSummary.init(row:))
        }
        if !filed.isEmpty { return filed }
        guard let reference = NumberReference.parse(text, rules: rules) else {
            if (try? node(named: text)) != nil { throw VanBanError.notFound("No document numbered \(text) in the archive.") }
            throw VanBanError.badQuery("\"\(text)\" is not a document number (forms: 25-NQ/TW, 25/NQ-TW, nq 25, 18/2000/CT-TTg).")
        }
        return try read { try documents(numbered: reference, filters: [], db: $0) }
    }

    /// The one document a number names, with its body; `file` (a corpus path) picks one of the
    /// documents a number that is not unique names.
    public func document(numbered text: String, file: String? = nil) throws -> DocumentView {
        let found = try documents(numbered: text).filter { file == nil || $0.file == file }
        guard let only = found.first else { throw VanBanError.notFound("No document numbered \(text) in the archive.") }
        guard found.count == 1 else {
            let list = found.map { "\($0.number ?? "?") (\($0.date ?? "no date"), \($0.file))" }.joined(separator: "; ")
            throw VanBanError.notFound("\(text) names \(found.count) documents: \(list). Give the full number with its issuer, or the file of one.")
        }
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.ordinal, t.heading, t.line, t.body, t.page FROM passage_texts t
                WHERE t.document_id = ? AND t.ordinal > 0 ORDER BY t.ordinal
                """, arguments: [only.id])
            var paragraphs = rows.map {
                DocumentView.Paragraph(section: $0["heading"], line: $0["line"], text: $0["body"], page: $0["page"], ordinal: $0["ordinal"])
            }
            for (index, heading) in Passage.headings(amongPaths: paragraphs.map(\.section)).enumerated() {
                paragraphs[index].heading = heading
            }
            var view = DocumentView(document: only, paragraphs: paragraphs)
            if let row = try Row.fetchOne(db, sql: "SELECT \(Self.nodeColumns) FROM nodes WHERE document_id = ?", arguments: [only.id]) {
                let node = GraphNode(row: row)
                view.references = try references(statedInOrFrom: node.id, db: db)
                view.citedBy = try references(where: "l.target = ?", node.id, db: db)
                let today = ISODate.today()
                view.validity = try validity(of: node, asOf: today, db: db)
                view.status = view.validity?.status
                view.warnings = try check(node, asOf: today, db: db).warnings
            }
            view.requirements = try requirements(documentID: only.id, db: db)
            view.citations = try citationSpans(of: only, db: db)
            return view
        }
    }

    /// The citations of a document's text with what each names: of its links, the one with a
    /// target (with max() in a group, SQLite takes the other columns from the row of the maximum).
    private func citationSpans(of document: DocumentSummary, db: Database) throws -> [DocumentView.CitationSpan] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.passage, c.start, c.end, ct.text, max(l.target IS NOT NULL), l.status,
                \(Self.nodeColumns.split(separator: ", ").map { "t.\($0)" }.joined(separator: ", "))
            FROM documents d JOIN citations c ON \(DocumentRows.citations.contain("c"))
            JOIN citation_texts ct ON ct.id = c.id LEFT JOIN links l ON l.citation_id = c.id LEFT JOIN nodes t ON t.id = l.target
            WHERE d.id = ? GROUP BY c.id ORDER BY c.passage, c.start
            """, arguments: [document.id])
        // Spans in the title passage are moved onto the trích yếu, which is what a page shows.
        let titlePassage = try String.fetchOne(db, sql: "SELECT title FROM passage_texts WHERE document_id = ? AND ordinal = 0",
                                               arguments: [document.id]) ?? ""
        let titleStart = document.title.flatMap { titlePassage.range(of: $0) }
            .map { titlePassage.unicodeScalars.distance(from: titlePassage.startIndex, to: $0.lowerBound) }
        return rows.compactMap { row in
            let passage: Int = row["passage"]
            let shift = passage == 0 ? (titleStart ?? -1) : 0
            guard shift >= 0 else { return nil }
            return DocumentView.CitationSpan(passage: passage, start: row["start"] - shift, end: row["end"] - shift, text: row["text"],
                                             status: row["status"] ?? "unresolved",
                                             target: (row["id"] as Int64?) == nil ? nil : GraphNode(row: row))
        }
    }

    /// A document in the archive with its links, or, when it is only cited, what is known of it.
    public func show(_ text: String, file: String? = nil) throws -> ShownDocument {
        do {
            return .archived(try document(numbered: text, file: file))
        } catch VanBanError.notFound(let message) {
            let node: GraphNode
            do { node = try self.node(named: text) } catch { throw VanBanError.notFound(message) }
            guard !node.inArchive else { throw VanBanError.notFound(message) }
            let (citedBy, validity) = try read { db in
                (try references(where: "l.target = ?", node.id, db: db), try self.validity(of: node, asOf: ISODate.today(), db: db))
            }
            return .external(ExternalDocumentView(node: validity.node, citedBy: citedBy,
                notice: "The text of \(node.label) is not in the archive yet; this record is harvested from the \(citedBy.count) citation(s) of it.",
                status: validity.status, validity: validity))
        }
    }

    func documents(numbered reference: NumberReference, filters: [SearchFilter], db: Database) throws -> [DocumentSummary] {
        let key = reference.key(rules)
        var sql = "SELECT \(DocumentSummary.columns) FROM documents d WHERE num_key = ? AND \(NumberReference.typeCondition)"
        var arguments: StatementArguments = [key.number, key.type, reference.typeCode]
        if let issuer = key.issuer {
            sql += " AND issuer_key = ?"
            arguments += [issuer]
        }
        if let year = reference.year {
            sql += " AND (number_year = ? OR year = ?)"
            arguments += [year, year]
        }
        for filter in filters {
            sql += filter.sql
            arguments += filter.arguments
        }
        return try Row.fetchAll(db.cachedStatement(sql: sql + " ORDER BY date"), arguments: arguments).map(DocumentSummary.init(row:))
    }
}


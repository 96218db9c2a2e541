import Foundation
import GRDB

/// What to search for, and how to filter and order the hits.
public struct SearchRequest: Sendable {
    public enum Order: String, Sendable, CaseIterable { case relevance, date }

    public var query: String
    /// A type code or name ("NQ", "nghị quyết").
    public var type: String?
    /// An issuer code or a part of its name ("TW", "dang uy khoi").
    public var issuer: String?
    public var fromYear: Int?
    public var toYear: Int?
    public var limit = 10
    public var offset = 0
    public var order = Order.relevance

    public static let maxLimit = 100

    public init(query: String, type: String? = nil, issuer: String? = nil, fromYear: Int? = nil,
                toYear: Int? = nil, limit: Int = 10, offset: Int = 0, order: Order = .relevance) {
        self.query = query
        self.type = type
        self.issuer = issuer
        self.fromYear = fromYear
        self.toYear = toYear
        self.limit = limit
        self.offset = offset
        self.order = order
    }
}

/// One hit: a passage of a document, or (for a number query) the document itself.
public struct SearchHit: Codable, Sendable, Equatable {
    public let number: String?
    public let type: String?
    public let issuer: String?
    public let date: String?
    public let title: String?
    public let file: String
    /// The heading path of the passage (" › " between levels); empty for the document header.
    public let section: String
    public let line: Int
    /// The page the passage starts on, for a file with pages (PDF, DOCX).
    public var page: Int?
    public let snippet: Snippet
    /// True when the document was put first because the query is its number.
    public let numberMatch: Bool
}

public struct SearchResults: Codable, Sendable {
    public let query: String
    /// How the query was read: the FTS5 expression, and the number it names, if any.
    public let interpretedAs: String
    /// Matching passages (and documents a number query names). When `totalIsLowerBound`, at
    /// least this many: a query matching more is ranked among its newest matches only.
    public let total: Int
    public let totalIsLowerBound: Bool
    public let hits: [SearchHit]
    /// The offset of the next page, when there is one.
    public let nextOffset: Int?
}

extension Archive {
    /// Full-text search over the passages, with the document a number query names first.
    public func search(_ request: SearchRequest) throws -> SearchResults {
        let filter = try SearchFilter(request, rules: rules)
        let limit = min(max(request.limit, 1), SearchRequest.maxLimit)
        let offset = min(max(request.offset, 0), Self.rankingWindow)  // no page lies beyond the window
        return try read { db in
            let parsed = try QueryParser(rules: rules).parse(request.query, expandPrefix: { try self.prefixTerms($0, db: db) })
            var numbered: [SearchHit] = []
            if let number = parsed.number, offset == 0 {
                numbered = try documents(numbered: number, filter: filter, db: db).map(\.hit)
            }
            let window = try rankingWindow(parsed.expression, filter: filter, db: db)
            let weights = try phraseWeights(parsed.expression, db: db).map { ", \($0)" }.joined()
            let windowSQL = window.ceiling.map { " AND passages_fts.rowid <= \($0)" } ?? ""
            let order = request.order == .date ? "d.date DESC, score" : "score"
            let ranked = try Int64.fetchAll(db, sql: """
                SELECT passages_fts.rowid, vvrank(passages_fts, 10.0, 4.0, 1.0\(weights)) AS score
                FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid
                JOIN documents d ON d.id = p.document_id
                WHERE passages_fts MATCH ? \(filter.sql)\(windowSQL)
                ORDER BY \(order) LIMIT ? OFFSET ?
                """, arguments: [parsed.expression] + filter.arguments + [limit, offset])
            let hits = try ranked.compactMap { try hit(passage: $0, expression: parsed.expression, db: db) }
            let next = offset + limit < window.count ? offset + limit : nil
            let reading = parsed.number.map { "number \($0.display); text \(parsed.expression)" } ?? parsed.expression
            return SearchResults(query: request.query, interpretedAs: reading, total: window.count + numbered.count,
                                 totalIsLowerBound: window.ceiling != nil, hits: numbered + hits, nextOffset: next)
        }
    }
}

extension Archive {
    /// A ranked passage as a hit, with its snippet. Snippets are made for the page's hits only:
    /// in the ranking query they would be made for every match in the window, each one
    /// inflating its document's stored text.
    private func hit(passage id: Int64, expression: String, db: Database) throws -> SearchHit? {
        let statement = try db.cachedStatement(sql: """
            SELECT d.symbol, d.type_name, d.issuer, d.date, d.title, d.path, p.heading, p.line, pp.page,
                snippet(passages_fts, -1, char(2), char(3), '…', 28) AS marked
            FROM passages_fts JOIN passage_texts p ON p.id = passages_fts.rowid
            JOIN passages pp ON pp.id = p.id JOIN documents d ON d.id = p.document_id
            WHERE passages_fts MATCH ? AND passages_fts.rowid = ?
            """)
        return try Row.fetchOne(statement, arguments: [expression, id]).map { row in
            SearchHit(number: row["symbol"], type: row["type_name"], issuer: row["issuer"], date: row["date"],
                      title: row["title"], file: row["path"], section: row["heading"], line: row["line"],
                      page: row["page"], snippet: Snippet(marked: row["marked"]), numberMatch: false)
        }
    }
}

extension Archive {
    /// How many matching passages bm25 ranks at most. FTS5 scores every match of `ORDER BY
    /// rank`, so a word in most documents would cost a visit to each; past this many, the first
    /// matches in index order are ranked, and the count stops there. (Index order, not newest
    /// first: FTS5 reads a doclist backwards only by loading it whole, which costs as much as
    /// ranking every match.)
    public static let rankingWindow = 1_000

    /// The number of matches up to the window, and the highest rowid inside the window when
    /// the query matches more.
    func rankingWindow(_ expression: String, filter: SearchFilter, db: Database) throws -> (count: Int, ceiling: Int64?) {
        let matches = """
            SELECT passages_fts.rowid AS id FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid
            JOIN documents d ON d.id = p.document_id WHERE passages_fts MATCH ? \(filter.sql)
            """
        // One pass: the first matches up to one past the window give both the count and the ceiling.
        let ids = try Int64.fetchAll(db, sql: "\(matches) ORDER BY passages_fts.rowid LIMIT \(Self.rankingWindow + 1)",
                                     arguments: [expression] + filter.arguments)
        return ids.count > Self.rankingWindow ? (Self.rankingWindow, ids[Self.rankingWindow] - 1) : (ids.count, nil)
    }
}

extension Archive {
    /// The most words a prefix is rewritten into; past this, FTS5 expands it itself.
    public static let maxPrefixTerms = 32

    /// The indexed words starting with `prefix` (in the form the tokenizer gives it), from
    /// the archive's term counts, or nil when there are more than ``maxPrefixTerms``.
    ///
    /// FTS5 answers `dân*` by merging the whole doclist of every matching word before the
    /// first row comes out: a common syllable made it the slowest query (36 ms on 100,000
    /// documents). Spelled out as `"dân" OR "dâng"`, the words are read in rowid order and
    /// the ranking window stops after its first thousand matches, as for any other query.
    func prefixTerms(_ prefix: String, db: Database) throws -> [String]? {
        let form = VietText.queryForm(prefix)
        guard !form.isEmpty else { return nil }
        // The first terms in key order, then by frequency: sorting the whole range by frequency
        // first would read every term of a short prefix.
        let terms = try String.fetchAll(db, sql: """
            SELECT term FROM (SELECT term, docs FROM term_docs WHERE term >= ? AND term < ? || char(1114111)
                ORDER BY term LIMIT ?) ORDER BY docs DESC
            """, arguments: [form, form, Self.maxPrefixTerms + 1])
        return terms.count > Self.maxPrefixTerms ? nil : terms
    }
}

extension Archive {
    /// The inverse document frequency of each phrase of a MATCH expression, in its order, from
    /// the term counts the archive keeps: a phrase is as rare as its rarest word. A prefix
    /// (`dân*`) stands for many words and gets a neutral 1.
    func phraseWeights(_ expression: String, db: Database) throws -> [Double] {
        let rows = Double(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'passages'").flatMap(Int.init) ?? 1)
        let parts = expression.split(separator: "\"", omittingEmptySubsequences: false)
        return try stride(from: 1, to: parts.count, by: 2).map { index in
            let isPrefix = index + 1 < parts.count && parts[index + 1].hasPrefix("*")
            let words = parts[index].split { !$0.isLetter && !$0.isNumber }.map(String.init)
            guard !isPrefix, !words.isEmpty else { return 1 }
            let lookup = try db.cachedStatement(sql: "SELECT docs FROM term_docs WHERE term = ?")
            let counts = try words.map { word in
                Double(try Int.fetchOne(lookup, arguments: [VietText.queryForm(word)]) ?? 0)
            }
            let docs = counts.min() ?? 0
            return log((rows - docs + 0.5) / (docs + 0.5) + 1)
        }
    }
}

/// The SQL conditions for a request's type, issuer and year filters.
struct SearchFilter {
    var sql = ""
    var arguments = StatementArguments()

    init(_ request: SearchRequest, rules: RuleSet) throws {
        if let type = request.type?.trimmingCharacters(in: .whitespaces), !type.isEmpty {
            guard let entry = rules.types.entry(for: type) else {
                throw VanBanError.badQuery("Unknown document type \"\(type)\": use a code such as NQ, KH, CTr, CV or a name such as \"nghị quyết\".")
            }
            sql += " AND d.type_code = ?"
            arguments += [entry.code]
        }
        if let issuer = request.issuer?.trimmingCharacters(in: .whitespaces), !issuer.isEmpty {
            let code = rules.issuers.entry(for: issuer)?.code ?? issuer
            sql += " AND (d.issuer_key = ? OR instr(d.issuer_name_key, ?) > 0)"
            arguments += [VietText.key(code), VietText.key(issuer)]
        }
        if let from = request.fromYear {
            sql += " AND d.year >= ?"
            arguments += [from]
        }
        if let to = request.toYear {
            sql += " AND d.year <= ?"
            arguments += [to]
        }
        if let from = request.fromYear, let to = request.toYear, from > to {
            throw VanBanError.badQuery("The year range \(from)–\(to) is empty: --from must not be after --to.")
        }
    }
}

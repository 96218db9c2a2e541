import Foundation
import GRDB

/// What to search for, and how to filter and order the documents found.
public struct SearchRequest: Sendable {
    public enum Order: String, Sendable, CaseIterable { case relevance, date }

    public var query: String
    /// A type code or name ("NQ", "nghị quyết").
    public var type: String?
    /// An issuer code or a part of its name ("TW", "dang uy khoi").
    public var issuer: String?
    public var fromYear: Int?
    public var toYear: Int?
    /// Documents a page holds, and documents before it.
    public var limit = 10
    public var offset = 0
    public var order = Order.relevance
    /// Rank by scoring every FTS5 match in SQL, the slow way, instead of through the search
    /// index: the same answer, for checking it.
    public var exhaustive = false
    /// How the search index reads its lists (for tests: every way gives the same answer).
    var strategy = IndexStrategy.cheaper
    /// Only these documents (their archive ids, as ``DocumentSummary/id``), when set.
    public var within: [Int64]?
    /// Only the documents in this document's down-chain (what implements, guides or
    /// disseminates it, transitively), those citing this one, those still in force (see
    /// ``SearchScope``).
    public var under: String?
    public var cites: String?
    public var inForce = false

    public static let maxLimit = 100
    /// Deep pages cost a ranking of every document before them; nobody reads past this.
    public static let maxOffset = 10_000

    public init(query: String, type: String? = nil, issuer: String? = nil, fromYear: Int? = nil,
                toYear: Int? = nil, limit: Int = 10, offset: Int = 0, order: Order = .relevance, exhaustive: Bool = false) {
        self.query = query
        self.type = type
        self.issuer = issuer
        self.fromYear = fromYear
        self.toYear = toYear
        self.limit = limit
        self.offset = offset
        self.order = order
        self.exhaustive = exhaustive
    }

    /// Why the page asked for cannot be given, if it cannot.
    public var pageProblem: String? {
        if !(1...Self.maxLimit).contains(limit) { return "The page size must be a whole number from 1 to \(Self.maxLimit)." }
        if !(0...Self.maxOffset).contains(offset) { return "The offset must be a whole number from 0 to \(Self.maxOffset)." }
        return nil
    }
}

/// One document found: what it is, and its best passages with the matched words marked.
public struct DocumentHit: Codable, Sendable, Equatable {
    public let number: String?
    public let type: String?
    public let typeCode: String?
    public let issuer: String?
    public let date: String?
    public let title: String?
    /// The corpus file; nil for a document known only from citations.
    public let file: String?
    public let inArchive: Bool
    /// How many citations of it the archive holds, for a document known only from them.
    public let citedBy: Int?
    /// Put first because the query is its number.
    public let numberMatch: Bool
    /// Its score (nil when put first by its number).
    public let score: Double?
    public let passages: [PassageHit]
}

/// Counts of the matching documents by one attribute.
public struct FacetValue: Codable, Sendable, Equatable {
    /// What a filter takes (a type code, an issuer, a year).
    public let value: String
    public let label: String
    public let count: Int
}

public struct Facets: Codable, Sendable, Equatable {
    public let types: [FacetValue]
    public let issuers: [FacetValue]
    public let years: [FacetValue]

    /// The issuers shown at most (the most frequent).
    public static let maxIssuers = 10
}

public struct SearchResults: Codable, Sendable {
    public let query: String
    /// How the query was read: the FTS5 expression, and the number it names, if any.
    public let interpretedAs: String
    /// Matching documents, all of them.
    public let total: Int
    public let hits: [DocumentHit]
    /// The offset of the next page, when there is one.
    public let nextOffset: Int?
    /// Counts of all matching documents by type, issuer and year.
    public let facets: Facets
    /// When the query was answered otherwise than as typed, how, in plain words.
    public let notice: String?
    /// The part of the archive searched, when the request kept to one.
    public var scope: SearchScope? = nil

    public static let anyWordNotice = "No document has every word; showing those with most of them."
}

extension Archive {
    /// Documents matching the query, best first, over every match, with the documents a number
    /// query names before them.
    public func search(_ request: SearchRequest) throws -> SearchResults {
        if let problem = request.pageProblem { throw VanBanError.badQuery(problem) }
        let parsed = try QueryParser(rules: rules).parse(request.query)
        return try search { db, table in
            let (request, scope) = try scoped(request, db: db)
            let filter = try SearchFilter(request, rules: rules)
            let named = try namedDocuments(request.query, parsed: parsed, filter: filter, db: db)
            let top = request.offset + request.limit
            var ranking = RankingRequest(filter: filter, excluded: named.archived.map(\.id), top: top, byDate: request.order == .date,
                                         strategy: request.strategy)
            ranking.top = max(0, top - named.count)
            var plan = try SearchPlan(parsed, any: false, documents: table.labels.documents, rules: rules, db: db)
            var ranked = try rank(plan, ranking, exhaustive: request.exhaustive, table: table, db: db)
            var notice: String?
            if ranked.total == 0, named.count == 0, plan.clauses.filter({ !$0.excluded }).count > 1 {
                plan = try SearchPlan(parsed, any: true, documents: table.labels.documents, rules: rules, db: db)
                ranked = try rank(plan, ranking, exhaustive: request.exhaustive, table: table, db: db)
                if ranked.total > 0 { notice = SearchResults.anyWordNotice }
            }
            let pinned = named.archived.map(\.id)
            let pinnedMatches = request.exhaustive
                ? Dictionary(uniqueKeysWithValues: try pinned.map { ($0, try plan.matchesByReading($0, db: db)) })
                : try plan.matches(in: pinned, table: table, db: db)
            let hits = try named.hits(plan: plan, matches: pinnedMatches, rules: rules, db: db) + documentHits(ranked, plan: plan, db: db)
            let page = Array(hits.dropFirst(request.offset).prefix(request.limit))
            let total = named.count + ranked.total
            var facets = ranked.facets
            for document in named.archived { facets.add(type: document.typeCode, issuer: document.issuer, year: document.year) }
            for (node, _) in named.external { facets.add(type: node.type, issuer: node.issuer, year: node.date.flatMap { Int($0.prefix(4)) }) }
            var reading = (plan.any ? "any of: " : "") + plan.expression
            if let number = parsed.number ?? named.reference { reading = "number \(number.display); text \(reading)" }
            return SearchResults(query: request.query, interpretedAs: reading, total: total, hits: page,
                                 nextOffset: top < total ? top : nil, facets: Facets(facets, rules: rules), notice: notice, scope: scope)
        }
    }

    private func rank(_ plan: SearchPlan, _ request: RankingRequest, exhaustive: Bool, table: SearchTable,
                      db: Database) throws -> Ranking {
        exhaustive ? try plan.rankExhaustively(request, table: table.labels, db: db) : try plan.rank(request, table: table, db: db)
    }

    private func documentHits(_ ranking: Ranking, plan: SearchPlan, db: Database) throws -> [DocumentHit] {
        let chooser = PassageChooser(plan: plan)
        let lookup = try db.cachedStatement(sql: "SELECT symbol, type_name, type_code, issuer, date, title, path FROM documents WHERE id = ?")
        return try ranking.hits.compactMap { hit in
            let passages = try chooser.passages(of: hit.id, matches: ranking.matches[hit.id] ?? [], db: db)
            return try lookup.readFirstRow(arguments: [hit.id]) { row in
                DocumentHit(number: row[0], type: row[1], typeCode: row[2], issuer: row[3], date: row[4], title: row[5],
                            file: row[6], inArchive: true, citedBy: nil, numberMatch: false, score: hit.score, passages: passages)
            }
        }
    }
}

extension DocumentHit {
    init(_ document: DocumentSummary, numberMatch: Bool, score: Double?, passages: [PassageHit]) {
        self.init(number: document.number, type: document.type, typeCode: document.typeCode, issuer: document.issuer,
                  date: document.date, title: document.title, file: document.file, inArchive: true, citedBy: nil,
                  numberMatch: numberMatch, score: score, passages: passages)
    }

    init(_ node: GraphNode, citedBy: Int, rules: RuleSet) {
        self.init(number: node.number, type: node.type.flatMap { rules.types.entry(for: $0)?.name }, typeCode: node.type,
                  issuer: node.issuer, date: node.date, title: node.title, file: nil, inArchive: false, citedBy: citedBy,
                  numberMatch: true, score: nil, passages: [])
    }
}

extension Facets {
    init(_ counts: FacetCounts, rules: RuleSet) {
        func sorted<Key>(_ counts: [Key: Int], by key: (Key) -> String) -> [(Key, Int)] {
            counts.sorted { ($1.value, key($0.key)) < ($0.value, key($1.key)) }
        }
        types = sorted(counts.types) { $0 }.map {
            FacetValue(value: $0.0, label: rules.types.entry(for: $0.0)?.name ?? $0.0, count: $0.1)
        }
        issuers = sorted(counts.issuers) { $0 }.prefix(Self.maxIssuers).map { FacetValue(value: $0.0, label: $0.0, count: $0.1) }
        years = counts.years.sorted { $0.key > $1.key }.map { FacetValue(value: String($0.key), label: String($0.key), count: $0.value) }
    }
}

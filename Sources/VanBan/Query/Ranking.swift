import Foundation
import GRDB

/// The documents a query matches, ranked: how many, the best of them, the counts by type,
/// issuer and year, and where each of the best matches. Made two ways that must agree: by
/// the search index (``SearchPlan/rank(_:table:db:)``) and, slowly and obviously, by scoring
/// every FTS5 match in SQL (``SearchPlan/rankExhaustively(_:table:db:)``).
struct Ranking: Equatable {
    struct Hit: Equatable {
        let id: Int64
        let score: Double
        /// The weight of the clauses matched, when any word may match; 0 otherwise.
        let coverage: Double
    }

    var total = 0
    /// The best documents, best first.
    var hits: [Hit] = []
    var facets = FacetCounts()
    /// The matches in each hit, as token positions of the document (see ``Match``).
    var matches: [Int64: [Match]] = [:]
}

/// Matching documents by type code, issuer (as written) and year.
struct FacetCounts: Equatable {
    var types: [String: Int] = [:]
    var issuers: [String: Int] = [:]
    var years: [Int: Int] = [:]

    mutating func add(type: String?, issuer: String?, year: Int?, count: Int = 1) {
        if let type { types[type, default: 0] += count }
        if let issuer { issuers[issuer, default: 0] += count }
        if let year, year > 0 { years[year, default: 0] += count }
    }
}

/// A phrase of the plan found in a document: its first token's position and its length.
struct Match: Equatable {
    let position: Int
    let phrase: Int
    let length: Int
}

/// What to rank: the filters, documents left out (those put first by their number), how many
/// of the best to return and in which order.
struct RankingRequest {
    var filter = SearchFilter()
    var excluded: [Int64] = []
    var top = 10
    var byDate = false
    var strategy = IndexStrategy.cheaper
}

/// How the search index reads its lists (`VSQuery.strategy`): all give the same answer.
enum IndexStrategy: Int32, Sendable, CaseIterable {
    /// Term at a time reads a common word's dense weights; `termAtATimeFromEntries` decodes
    /// its entries instead, the way the dense weights are tested against. `twoThreads` reads
    /// document at a time on two threads, which take eighths of the ids in turn.
    case cheaper, documentAtATime, termAtATime, termAtATimeFromEntries, twoThreads
}

extension SearchPlan {
    /// Scores every match FTS5 finds with vvrank(), the same formula the search index uses, and
    /// counts them with SQL: the slow, obvious path the fast one is tested against.
    func rankExhaustively(_ request: RankingRequest, table: SearchTable.Labels, db: Database) throws -> Ranking {
        let excluded = request.excluded.isEmpty ? "" : " AND d.id NOT IN (\(request.excluded.map(String.init).joined(separator: ",")))"
        let from = """
            FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
            WHERE documents_fts MATCH ?\(request.filter.sql)\(excluded)
            """
        let match: StatementArguments = [expression] + request.filter.arguments
        let fts = expressionPhrases
        let rank = "vvrank(documents_fts, ?" + String(repeating: ", ?, ?", count: fts.count) + ")"
        var rankArguments: StatementArguments = [table.averageLength]
        for phrase in fts { rankArguments += [phrase.idf, phrase.gate] }
        var coverage = "0.0"
        var coverageArguments = StatementArguments()
        if any {
            coverage = "vvcoord(documents_fts, ?" + String(repeating: ", ?", count: clauses.count + fts.count) + ")"
            coverageArguments = [clauses.count]
            coverageArguments += StatementArguments(clauses.map(\.weight))
            coverageArguments += StatementArguments(fts.map(\.clause))
        }
        let order = (request.byDate ? "d.date DESC, " : "") + "coverage DESC, score DESC, d.id"
        var ranking = Ranking()
        ranking.hits = try Row.fetchAll(db, sql: """
            SELECT d.id, \(rank) AS score, \(coverage) AS coverage \(from) ORDER BY \(order) LIMIT ?
            """, arguments: rankArguments + coverageArguments + match + [request.top]).map {
            Ranking.Hit(id: $0["id"], score: $0["score"], coverage: $0["coverage"])
        }
        for row in try Row.fetchAll(db, sql: "SELECT d.type_code, d.issuer, d.year, count(*) AS n \(from) GROUP BY 1, 2, 3",
                                    arguments: match) {
            ranking.total += row["n"] as Int
            ranking.facets.add(type: row["type_code"], issuer: row["issuer"], year: row["year"], count: row["n"])
        }
        for hit in ranking.hits { ranking.matches[hit.id] = try matchesByReading(hit.id, db: db) }
        return ranking
    }

    /// The plan's phrases in a document, found by reading its text with the tokenizer, position
    /// by position, as FTS5 would.
    func matchesByReading(_ id: Int64, db: Database) throws -> [Match] {
        guard let row = try Row.fetchOne(db, sql: "SELECT title, heading, body FROM document_columns WHERE id = ?", arguments: [id]) else {
            return []
        }
        var forms: [[String]] = []  // at each position of the document, its forms
        for column in ["title", "heading", "body"] {
            if !forms.isEmpty { forms.append([]) }  // the gap between columns
            var last = -1
            for token in VietText.tokens(row[column], query: false) {
                if token.colocated, last >= 0 { forms[last].append(token.form) } else { forms.append([token.form]); last = forms.count - 1 }
            }
        }
        var matches: [Match] = []
        for position in forms.indices {
            for (index, phrase) in phrases.enumerated() where !clauses[phrase.clause].excluded {
                let fits = phrase.slots.indices.allSatisfy { slot in
                    position + slot < forms.count && phrase.slots[slot].contains { forms[position + slot].contains($0) }
                }
                if fits { matches.append(Match(position: position, phrase: index, length: phrase.slots.count)) }
            }
        }
        return matches
    }
}

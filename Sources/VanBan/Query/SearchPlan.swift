import Foundation
import GRDB

/// A parsed query made ready for both ways of evaluating it: its phrases as the tokenizer
/// reads them (each position with the forms that may stand there), grouped in clauses, each
/// phrase with its inverse document frequency, and the same query as an FTS5 expression whose
/// phrases come in the same order, so that vvrank() over FTS5's matches and the search index
/// score every document alike.
struct SearchPlan {
    struct Phrase {
        /// The text between quotes in the FTS5 expression.
        let text: String
        /// The forms of each position, as the query tokenizer gives them.
        let slots: [[String]]
        let clause: Int
        var idf = 0.0
    }

    struct Clause {
        let phrases: Range<Int>
        let excluded: Bool
        /// What matching it counts for when any word may match.
        let weight: Double
    }

    private(set) var phrases: [Phrase] = []
    private(set) var clauses: [Clause] = []
    /// Any clause may match (the fallback when no document has every word).
    let any: Bool

    /// The most words a prefix (`dân*`) may stand for.
    static let maxPrefixWords = 1_000

    init(_ parsed: QueryParser.Parsed, any: Bool, documents: Int, rules: RuleSet, db: Database) throws {
        self.any = any
        for clause in parsed.clauses {
            var texts: [String] = []
            for term in clause.alternatives {
                switch term {
                case .word(let word, prefix: false), .phrase(let word): texts.append(word)
                case .word(let word, prefix: true): texts += try Self.words(startingWith: word, db: db)
                }
            }
            let first = phrases.count
            for text in texts {
                let slots = Self.slots(of: text)
                if !slots.isEmpty { phrases.append(Phrase(text: text, slots: slots, clause: clauses.count)) }
            }
            guard phrases.count > first else { continue }
            let function = clause.alternatives.allSatisfy { rules.query.isFunctionWord($0.text) }
            let weight = function ? rules.query.functionWordWeight : 1
            clauses.append(Clause(phrases: first..<phrases.count, excluded: clause.excluded, weight: weight))
        }
        guard clauses.contains(where: { !$0.excluded }) else {
            throw VanBanError.badQuery("The query has no words to search for.")
        }
        try weigh(documents: Double(documents), db: db)
    }

    /// The FTS5 expression: every phrase quoted, in the plan's order.
    var expression: String {
        func render(_ clause: Clause) -> String {
            let quoted = phrases[clause.phrases].map { "\"\($0.text.filter { $0 != "\"" })\"" }
            return quoted.count == 1 ? quoted[0] : "(" + quoted.joined(separator: " OR ") + ")"
        }
        let positive = clauses.filter { !$0.excluded }.map(render)
        var expression = any && positive.count > 1 ? "(" + positive.joined(separator: " OR ") + ")" : positive.joined(separator: " AND ")
        for clause in clauses where clause.excluded { expression += " NOT " + render(clause) }
        return expression
    }

    /// The forms of each position of a phrase, as the query tokenizer gives them.
    static func slots(of text: String) -> [[String]] {
        var slots: [[String]] = []
        for token in VietText.tokens(text, query: true) {
            if token.colocated, !slots.isEmpty { slots[slots.count - 1].append(token.form) } else { slots.append([token.form]) }
        }
        return slots
    }

    /// The indexed words a prefix stands for, in the form the tokenizer gives it.
    private static func words(startingWith prefix: String, db: Database) throws -> [String] {
        let form = VietText.queryForm(prefix)
        guard !form.isEmpty else { return [] }
        let words = try String.fetchAll(db, sql: """
            SELECT term FROM search_terms WHERE term >= ? AND term < ? || char(1114111) ORDER BY term LIMIT ?
            """, arguments: [form, form, maxPrefixWords + 1])
        guard words.count <= maxPrefixWords else {
            throw VanBanError.badQuery("\"\(prefix)*\" stands for more than \(maxPrefixWords) words; type more of the word.")
        }
        return words.isEmpty ? [prefix] : words
    }

    /// BM25's inverse document frequency of each phrase: a position is as common as its forms
    /// together, a phrase as rare as its rarest position.
    private mutating func weigh(documents: Double, db: Database) throws {
        let lookup = try db.cachedStatement(sql: "SELECT docs FROM search_terms WHERE term = ?")
        var counts: [String: Double] = [:]
        func count(_ form: String) throws -> Double {
            if let known = counts[form] { return known }
            let found = Double(try Int.fetchOne(lookup, arguments: [form]) ?? 0)
            counts[form] = found
            return found
        }
        for index in phrases.indices {
            let rarest = try phrases[index].slots.map { try min(documents, $0.reduce(0) { $0 + (try count($1)) }) }.min() ?? 0
            phrases[index].idf = log((documents - rarest + 0.5) / (rarest + 0.5) + 1)
        }
    }
}

extension QueryParser.Term {
    var text: String {
        switch self {
        case .word(let word, _), .phrase(let word): return word
        }
    }
}

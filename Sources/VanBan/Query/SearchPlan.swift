import Foundation
import GRDB

/// A parsed query made ready for both ways of evaluating it: its phrases as the tokenizer
/// reads them (each position with the forms that may stand there, and the word's inverse
/// document frequency), grouped in clauses, and the same query as an FTS5 expression with the
/// arguments of vvrank() and vvcoord(), so that FTS5's matches scored in SQL and the search
/// index score every document alike.
///
/// A phrase only decides whether a document matches; it scores as its words do. (Scoring a
/// phrase by how often it occurs would mean reading every position of every word in every
/// matching document; deciding that it occurs stops at the first occurrence.)
struct SearchPlan {
    struct Phrase {
        /// The text between quotes in the FTS5 expression.
        let text: String
        /// The forms of each position, as the query tokenizer gives them, and the word as typed.
        let slots: [[String]]
        let words: [String]
        let clause: Int
        var idf: [Double] = []

        /// What matching it is worth when choosing passages.
        var weight: Double { idf.reduce(0, +) }
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
                let (slots, words) = Self.slots(of: text)
                if !slots.isEmpty { phrases.append(Phrase(text: text, slots: slots, words: words, clause: clauses.count)) }
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

    /// The FTS5 expression: every phrase quoted, in the plan's order, a phrase of several words
    /// with its words beside it (`("công tác" AND "công" AND "tác")`: the same documents, and
    /// vvrank() counts the words).
    var expression: String {
        func quoted(_ text: String) -> String { "\"\(text.filter { $0 != "\"" })\"" }
        func render(_ phrase: Phrase) -> String {
            phrase.slots.count == 1 ? quoted(phrase.text) : "(" + ([phrase.text] + phrase.words).map(quoted).joined(separator: " AND ") + ")"
        }
        func render(_ clause: Clause) -> String {
            let rendered = phrases[clause.phrases].map(render)
            return rendered.count == 1 ? rendered[0] : "(" + rendered.joined(separator: " OR ") + ")"
        }
        let positive = clauses.filter { !$0.excluded }.map(render)
        var expression = any && positive.count > 1 ? "(" + positive.joined(separator: " OR ") + ")" : positive.joined(separator: " AND ")
        for clause in clauses where clause.excluded { expression += " NOT " + render(clause) }
        return expression
    }

    /// The FTS5 phrases of ``expression`` in order, each with its inverse document frequency,
    /// the phrase that must match for it to count (a word beside its phrase; -1 for none), and
    /// its clause (-1 for a word beside its phrase, which does not make the clause match).
    var expressionPhrases: [(idf: Double, gate: Int, clause: Int)] {
        var list: [(idf: Double, gate: Int, clause: Int)] = []
        for phrase in phrases {
            if phrase.slots.count == 1 {
                list.append((phrase.idf[0], -1, phrase.clause))
            } else {
                let gate = list.count
                list.append((0, -1, phrase.clause))
                for idf in phrase.idf { list.append((idf, gate, -1)) }
            }
        }
        return list
    }

    /// The forms of each position of a phrase, as the query tokenizer gives them, and each
    /// position's word as written.
    static func slots(of text: String) -> (slots: [[String]], words: [String]) {
        var slots: [[String]] = [], words: [String] = []
        let bytes = Array(text.utf8)
        for token in VietText.tokens(text, query: true) {
            if token.colocated, !slots.isEmpty {
                slots[slots.count - 1].append(token.form)
            } else {
                slots.append([token.form])
                words.append(String(decoding: bytes[token.bytes], as: UTF8.self))
            }
        }
        return (slots, words)
    }

    /// The indexed words a prefix stands for, in the form the tokenizer gives it.
    private static func words(startingWith prefix: String, db: Database) throws -> [String] {
        let form = VietText.queryForm(prefix)
        guard !form.isEmpty else { return [] }
        let words = try String.fetchAll(db.cachedStatement(sql: """
            SELECT term FROM search_terms WHERE term >= ? AND term < ? || char(1114111) ORDER BY term LIMIT ?
            """), arguments: [form, form, maxPrefixWords + 1])
        guard words.count <= maxPrefixWords else {
            throw VanBanError.badQuery("\"\(prefix)*\" stands for more than \(maxPrefixWords) words; type more of the word.")
        }
        return words.isEmpty ? [prefix] : words
    }

    /// BM25's inverse document frequency of each word: as common as its forms together.
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
            phrases[index].idf = try phrases[index].slots.map { forms in
                let found = try min(documents, forms.reduce(0) { $0 + (try count($1)) })
                return log((documents - found + 0.5) / (found + 0.5) + 1)
            }
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

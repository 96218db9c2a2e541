/// Turns what a person types into a safe FTS5 expression.
///
/// The syntax: words (all must match), "quoted phrases", `word*` for a prefix, `-word` to
/// exclude, and `OR` between two terms. Every term is quoted before it reaches FTS5, so no
/// input can become an FTS5 operator, a column filter or SQL. Marks are handled by the
/// tokenizer: a term typed with marks matches them exactly, one without matches any.
public struct QueryParser: Sendable {
    public static let maxTerms = 64
    public static let maxLength = 4_000

    public struct Parsed: Sendable, Equatable {
        /// The MATCH expression.
        public let expression: String
        /// The query read as a document number, when it is one.
        public let number: NumberReference?
    }

    private enum Term: Equatable {
        case word(String, prefix: Bool)
        case phrase(String)
    }

    private struct Clause {
        var alternatives: [Term] = []
        var excluded = false
    }

    let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    /// `expandPrefix` gives the indexed words a prefix stands for, or nil to leave the prefix
    /// to FTS5 (see ``Archive/prefixTerms(_:db:)``).
    public func parse(_ input: String, expandPrefix: (String) throws -> [String]? = { _ in nil }) throws -> Parsed {
        let text = VietText.nfc(input)
        guard text.utf8.count <= Self.maxLength else {
            throw VanBanError.badQuery("The query is too long (\(text.utf8.count) bytes; at most \(Self.maxLength)).")
        }
        if let number = NumberReference.parse(text, rules: rules) {
            let phrase = number.issuer == nil ? "\(number.typeCode) \(number.number)" : number.display
            return Parsed(expression: "\"\(escaped(phrase))\"", number: number)
        }
        let clauses = try clauses(of: text)
        let positive = clauses.filter { !$0.excluded }
        guard !positive.isEmpty else {
            throw VanBanError.badQuery(clauses.isEmpty
                ? "The query has no words to search for."
                : "The query only excludes words (-word); add at least one word to find.")
        }
        var expression = try positive.map { try render($0, expandPrefix: expandPrefix) }.joined(separator: " AND ")
        for clause in clauses where clause.excluded { expression += try " NOT " + render(clause, expandPrefix: expandPrefix) }
        return Parsed(expression: expression, number: nil)
    }

    private func clauses(of text: String) throws -> [Clause] {
        var clauses: [Clause] = []
        var joinNext = false
        for token in tokens(of: text) {
            if token.raw == "OR" && !token.quoted {
                joinNext = !clauses.isEmpty
                continue
            }
            guard let term = term(token) else { continue }
            if joinNext, !token.excluded, !clauses[clauses.count - 1].excluded {
                clauses[clauses.count - 1].alternatives.append(term)
            } else {
                clauses.append(Clause(alternatives: [term], excluded: token.excluded))
            }
            joinNext = false
        }
        let termCount = clauses.reduce(0) { $0 + $1.alternatives.count }
        guard termCount <= Self.maxTerms else {
            throw VanBanError.badQuery("The query has too many terms (\(termCount); at most \(Self.maxTerms)).")
        }
        return clauses
    }

    private struct Token {
        var raw: String
        var quoted: Bool
        var excluded: Bool
    }

    /// Splits on white space outside quotes; an unbalanced quote runs to the end.
    private func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var quoted = false
        var excluded = false
        func flush() {
            if !current.isEmpty || quoted { tokens.append(Token(raw: current, quoted: quoted, excluded: excluded)) }
            current = ""
            quoted = false
            excluded = false
        }
        var inQuote = false
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                if inQuote { inQuote = false; flush() } else { flush(); inQuote = true; quoted = true }
            } else if inQuote {
                current.append(character)
            } else if character.isWhitespace {
                flush()
            } else if character == "-" && current.isEmpty && !excluded {
                excluded = true
            } else {
                current.append(character)
            }
        }
        flush()
        return tokens
    }

    private func term(_ token: Token) -> Term? {
        let words = token.raw.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { return nil }
        if token.quoted || words.count > 1 { return .phrase(words.joined(separator: " ")) }
        return .word(words[0], prefix: token.raw.hasSuffix("*"))
    }

    private func render(_ clause: Clause, expandPrefix: (String) throws -> [String]?) throws -> String {
        let terms = try clause.alternatives.map { try render($0, expandPrefix: expandPrefix) }
        return terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")"
    }

    private func render(_ term: Term, expandPrefix: (String) throws -> [String]?) throws -> String {
        switch term {
        case .word(let word, prefix: false): return "\"\(escaped(word))\""
        case .word(let word, prefix: true):
            guard let words = try expandPrefix(word), !words.isEmpty else { return "\"\(escaped(word))\"*" }
            let quoted = words.map { "\"\(escaped($0))\"" }
            return quoted.count == 1 ? quoted[0] : "(" + quoted.joined(separator: " OR ") + ")"
        case .phrase(let phrase): return "\"\(escaped(phrase))\""
        }
    }

    private func escaped(_ text: String) -> String {
        text.filter { $0 != "\"" }
    }
}

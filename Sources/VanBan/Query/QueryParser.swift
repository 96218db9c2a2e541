/// Reads what a person types into a query: clauses that must all match, each with the
/// alternatives `OR` joins; a clause is a word, a `word*` prefix or a "quoted phrase", and
/// `-word` excludes one. No input can become an FTS5 operator, a column filter or SQL: the
/// query is rebuilt from these parts, every term quoted (see ``SearchPlan``). Marks are the
/// tokenizer's business: a term typed with marks matches them exactly, one without matches any.
public struct QueryParser: Sendable {
    public static let maxTerms = 64
    public static let maxLength = 4_000

    public enum Term: Sendable, Equatable {
        case word(String, prefix: Bool)
        case phrase(String)
    }

    public struct Clause: Sendable, Equatable {
        public var alternatives: [Term] = []
        public var excluded = false
    }

    public struct Parsed: Sendable, Equatable {
        public let clauses: [Clause]
        /// The query read as a document number, when it is one.
        public let number: NumberReference?
    }

    let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    public func parse(_ input: String) throws -> Parsed {
        let text = VietText.nfc(input)
        guard text.utf8.count <= Self.maxLength else {
            throw VanBanError.badQuery("The query is too long (\(text.utf8.count) bytes; at most \(Self.maxLength)).")
        }
        if let number = NumberReference.parse(text, rules: rules) {
            let phrase = number.issuer == nil ? "\(number.typeCode) \(number.number)" : number.display
            return Parsed(clauses: [Clause(alternatives: [.phrase(phrase)])], number: number)
        }
        let clauses = try clauses(of: text)
        guard clauses.contains(where: { !$0.excluded }) else {
            throw VanBanError.badQuery(clauses.isEmpty
                ? "The query has no words to search for."
                : "The query only excludes words (-word); add at least one word to find.")
        }
        return Parsed(clauses: clauses.filter { !$0.excluded } + clauses.filter(\.excluded), number: nil)
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
}

/// The relation a citation states, from its cue phrase (`indexer/relations.tsv`).
public enum Relation: String, Codable, Sendable, CaseIterable, Comparable {
    case amends, replaces, repeals, guides, implements, basedOn = "based_on", disseminates, follows, mentions

    /// Stronger relations name a document-to-document edge when one text states several.
    public static func < (a: Relation, b: Relation) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Relations that place a document under another (what `chain` follows).
    public var isHierarchical: Bool {
        switch self {
        case .implements, .disseminates, .guides, .basedOn, .amends, .replaces: return true
        case .repeals, .follows, .mentions: return false
        }
    }
}

/// Phrases matched on folded text, longest first, each with what it stands for.
struct PhraseTable<Value: Sendable>: Sendable {
    private(set) var entries: [(key: String, value: Value)] = []

    mutating func add(_ phrase: String, _ value: Value) {
        let key = VietText.key(phrase)
        guard !key.isEmpty else { return }
        entries.append((key, value))
        entries.sort { $0.key.count > $1.key.count }
    }
}

/// A document cited by name ("Điều lệ Đảng"), from `indexer/aliases.tsv`.
public struct NamedDocument: Sendable, Equatable {
    public let id: String
    public let name: String
    public let typeCode: String
}

/// The cue phrases, names and reference words of `indexer/`.
public struct CitationRules: Sendable {
    var cues = PhraseTable<Relation>()
    var names = PhraseTable<NamedDocument>()
    var backPhrases: [String] = []
    var selfPhrases: [String] = []
    var connectors: [String] = []
    var listWords: [String] = []
    var ofWords: [String] = []
    var aboutWords: [String] = []
    var stopWords: [String] = []
    var properNames: [String] = []

    init(relations: RuleTable, aliases: RuleTable, references: RuleTable) throws {
        for row in relations.rows where row.count >= 2 {
            guard let relation = Relation(rawValue: row[0]) else {
                throw VanBanError.rules("relations.tsv: unknown relation \"\(row[0])\" (known: \(Relation.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            for cue in RuleTable.list(row[1]) { cues.add(cue, relation) }
        }
        for row in aliases.rows where row.count >= 4 {
            let named = NamedDocument(id: row[0], name: row[1], typeCode: row[2])
            for spelling in RuleTable.list(row[3]) + [row[1]] { names.add(spelling, named) }
        }
        for row in references.rows where row.count >= 2 {
            let phrases = RuleTable.list(row[1]).map(VietText.key)
            switch row[0] {
            case "back": backPhrases += phrases
            case "self": selfPhrases += phrases
            case "connector": connectors += phrases
            case "list": listWords += phrases
            case "of": ofWords += phrases
            case "about": aboutWords += phrases
            case "stop": stopWords += phrases
            case "name": properNames += phrases
            default: throw VanBanError.rules("references.tsv: unknown kind \"\(row[0])\"")
            }
        }
        connectors.sort { $0.count > $1.count }
    }
}

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

/// A document cited by name ("Điều lệ Đảng"), from `indexer/aliases.tsv`.
public struct NamedDocument: Sendable, Equatable {
    public let id: String
    public let name: String
    public let typeCode: String
}

/// The cue phrases, names and reference words of `indexer/`.
public struct CitationRules: Sendable {
    var cues = PhraseIndex<Relation>()
    var names = PhraseIndex<NamedDocument>()
    var backPhrases = PhraseIndex<Bool>()
    var connectors = PhraseIndex<Bool>()
    /// Connectors of two words or more ("về việc"): never the start of a title.
    var longConnectors = PhraseIndex<Bool>()
    var listWords = PhraseIndex<Bool>()
    var ofWords = PhraseIndex<Bool>()
    var aboutWords = PhraseIndex<Bool>()
    /// Words that end an issuer phrase, and "về".
    var issuerStops = PhraseIndex<Bool>()
    var properNames = PhraseIndex<Bool>()
    var numberWords = PhraseIndex<Bool>()
    var dateWords = PhraseIndex<Bool>()
    /// The names of document types, for the words before a number and for back-references.
    var typeNames = PhraseIndex<DocumentTypes.Entry>()

    init(relations: RuleTable, aliases: RuleTable, references: RuleTable, types: DocumentTypes) throws {
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
            let phrases = RuleTable.list(row[1])
            switch row[0] {
            case "back": backPhrases = PhraseIndex(phrases, value: true)
            case "connector":
                connectors = PhraseIndex(phrases, value: true)
                longConnectors = PhraseIndex(phrases.filter { $0.contains(" ") }, value: true)
            case "list": listWords = PhraseIndex(phrases, value: true)
            case "of": ofWords = PhraseIndex(phrases, value: true)
            case "about":
                aboutWords = PhraseIndex(phrases, value: true)
                for phrase in phrases { issuerStops.add(phrase, true) }
            case "stop": for phrase in phrases { issuerStops.add(phrase, true) }
            case "name": properNames = PhraseIndex(phrases, value: true)
            case "number": numberWords = PhraseIndex(phrases, value: true)
            case "date": dateWords = PhraseIndex(phrases, value: true)
            default: throw VanBanError.rules("references.tsv: unknown kind \"\(row[0])\"")
            }
        }
        for (_, spelling, entry) in types.names { typeNames.add(spelling, entry) }
    }
}

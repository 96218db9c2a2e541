/// The relation a citation states, from its cue phrase (`indexer/relations.tsv`).
public enum Relation: String, Codable, Sendable, CaseIterable, Comparable {
    case amends, replaces, repeals, ends, suspends, guides, implements, basedOn = "based_on", disseminates, follows, mentions

    /// Stronger relations name a document-to-document edge when one text states several.
    public static func < (a: Relation, b: Relation) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Relations that place a document under another (what `chain` follows).
    public var isHierarchical: Bool {
        switch self {
        case .implements, .disseminates, .guides, .basedOn, .amends, .replaces: return true
        case .repeals, .ends, .suspends, .follows, .mentions: return false
        }
    }

    /// Relations that change whether the cited document stands, and so may carry a date.
    var changesValidity: Bool {
        switch self {
        case .amends, .replaces, .repeals, .ends, .suspends: return true
        default: return false
        }
    }
}

/// A cue phrase's relation and which way it points (see `indexer/relations.tsv`).
struct Cue: Sendable {
    let relation: Relation
    /// "được sửa đổi, bổ sung bởi": the cited document acts on the one named before it.
    let passive: Bool
}

/// A document cited by name, from `indexer/aliases.tsv`.
public struct NamedDocument: Sendable, Equatable {
    public let id: String
    public let name: String
    public let typeCode: String
}

/// How a name of `indexer/names.tsv` goes on after its opening words.
enum NameShape: String, Sendable {
    case law, year, congress, titled, period, code
}

/// An opening of a name by grammar: its type and shape.
struct NameHead: Sendable {
    let typeCode: String
    let shape: NameShape
}

/// The cue phrases, names and reference words of `indexer/`.
public struct CitationRules: Sendable {
    /// Cues before a reference, active and passive.
    var cues = PhraseIndex<Cue>()
    /// Cues after the references they govern ("hết hiệu lực").
    var trailingCues = PhraseIndex<Relation>()
    var names = PhraseIndex<NamedDocument>()
    var nameHeads = PhraseIndex<NameHead>()
    /// Words that end a name by grammar (`end` in names.tsv), a titled one (`titled`), and a
    /// law's name after a comma (`determiner`).
    var nameEnds = PhraseIndex<Bool>()
    var titledEnds = PhraseIndex<Bool>()
    var determiners = PhraseIndex<Bool>()
    /// Names that are concepts as often as documents ("Quy chế dân chủ ở cơ sở"): not read.
    var concepts = PhraseIndex<Bool>()
    /// "sửa đổi, bổ sung một số điều của": after "Luật", the laws it amends follow.
    var amendingWords = PhraseIndex<Bool>()
    var periodWords = PhraseIndex<Bool>()
    /// "và định hướng", "tầm nhìn": words that carry a name on past its first period.
    var outlookWords = PhraseIndex<Bool>()
    var termWords = PhraseIndex<Bool>()
    var backPhrases = PhraseIndex<Bool>()
    var connectors = PhraseIndex<Bool>()
    /// Connectors of two words or more ("về việc"): never the start of a title.
    var longConnectors = PhraseIndex<Bool>()
    var listWords = PhraseIndex<Bool>()
    var ofWords = PhraseIndex<Bool>()
    var aboutWords = PhraseIndex<Bool>()
    /// Words that end an issuer phrase, and "về".
    var issuerStops = PhraseIndex<Bool>()
    /// Words that end an issuer phrase when written in lower case ("quy định", "thành").
    var verbs = PhraseIndex<Bool>()
    var properNames = PhraseIndex<Bool>()
    var numberWords = PhraseIndex<Bool>()
    var dateWords = PhraseIndex<Bool>()
    var headerWords = PhraseIndex<Bool>()
    var selfWords = PhraseIndex<Bool>()
    var partWords = PhraseIndex<Bool>()
    var definingWords = PhraseIndex<Bool>()
    var proposalWords = PhraseIndex<Bool>()
    var throughWords = PhraseIndex<Bool>()
    var effectWords = PhraseIndex<Bool>()
    var unitWords = PhraseIndex<Bool>()
    /// "Ví dụ": a passage that opens with it, and those after it under the same heading, hold
    /// examples, not references (a style guide's "Số 16-BC/ĐH").
    var exampleWords = PhraseIndex<Bool>()
    /// "văn bản": a word for documents, which a lead-in names ("Bãi bỏ các văn bản sau:").
    var documentWords = PhraseIndex<Bool>()
    /// The names of document types, for the words before a number and for back-references.
    var typeNames = PhraseIndex<DocumentTypes.Entry>()

    init(relations: RuleTable, aliases: RuleTable, references: RuleTable, names nameTable: RuleTable,
         types: DocumentTypes) throws {
        for row in relations.rows where row.count >= 2 {
            guard let relation = Relation(rawValue: row[0]) else {
                throw VanBanError.rules("relations.tsv: unknown relation \"\(row[0])\" (known: \(Relation.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let direction = row.count > 2 ? row[2] : ""
            for cue in RuleTable.list(row[1]) {
                switch direction {
                case "": cues.add(cue, Cue(relation: relation, passive: false))
                case "passive": cues.add(cue, Cue(relation: relation, passive: true))
                case "after": trailingCues.add(cue, relation)
                default: throw VanBanError.rules("relations.tsv: unknown direction \"\(direction)\" (known: passive, after)")
                }
            }
        }
        for row in aliases.rows where row.count >= 4 {
            let named = NamedDocument(id: row[0], name: row[1], typeCode: row[2])
            for spelling in RuleTable.list(row[3]) + [row[1]] { names.add(spelling, named) }
        }
        try readReferences(references)
        try readNames(nameTable)
        for (_, spelling, entry) in types.names { typeNames.add(spelling, entry) }
    }

    private mutating func readReferences(_ table: RuleTable) throws {
        for row in table.rows where row.count >= 2 {
            let phrases = RuleTable.list(row[1])
            let index = PhraseIndex(phrases, value: true)
            switch row[0] {
            case "back": backPhrases = index
            case "connector":
                connectors = index
                longConnectors = PhraseIndex(phrases.filter { $0.contains(" ") }, value: true)
            case "list": listWords = index
            case "of": ofWords = index
            case "about":
                aboutWords = index
                for phrase in phrases { issuerStops.add(phrase, true) }
            case "stop": for phrase in phrases { issuerStops.add(phrase, true) }
            case "verb": verbs = index
            case "name": properNames = index
            case "number": numberWords = index
            case "date": dateWords = index
            case "header": headerWords = index
            case "self": selfWords = index
            case "part": partWords = index
            case "defines": definingWords = index
            case "proposal": proposalWords = index
            case "through": throughWords = index
            case "effect": effectWords = index
            case "unit": unitWords = index
            case "example": exampleWords = index
            case "documents": documentWords = index
            default: throw VanBanError.rules("references.tsv: unknown kind \"\(row[0])\"")
            }
        }
    }

    private mutating func readNames(_ table: RuleTable) throws {
        for row in table.rows where row.count >= 2 {
            let phrases = RuleTable.list(row[1])
            switch row[0] {
            case "end": nameEnds = PhraseIndex(phrases, value: true)
            case "titled": titledEnds = PhraseIndex(phrases, value: true)
            case "determiner": determiners = PhraseIndex(phrases, value: true)
            case "concept": concepts = PhraseIndex(phrases, value: true)
            case "amend": amendingWords = PhraseIndex(phrases, value: true)
            case "period": periodWords = PhraseIndex(phrases, value: true)
            case "outlook": outlookWords = PhraseIndex(phrases, value: true)
            case "term": termWords = PhraseIndex(phrases, value: true)
            default:
                guard row.count >= 3, let shape = NameShape(rawValue: row[2]) else {
                    throw VanBanError.rules("names.tsv: \"\(row[0])\" needs a shape (law, year, congress, titled, period, code)")
                }
                for phrase in phrases { nameHeads.add(phrase, NameHead(typeCode: row[0], shape: shape)) }
            }
        }
    }
}

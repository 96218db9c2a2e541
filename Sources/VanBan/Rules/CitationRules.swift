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
}

/// Phrases matched word by word, indexed by the keys of their first and last words so a
/// lookup at a position costs one dictionary read; the longest phrase wins.
struct PhraseIndex<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        /// ``Words/key(_:)`` of each folded word.
        let keys: [UInt64]
        /// ``Words/key(_:)`` of each word lower case with its marks.
        let exactKeys: [UInt64]
        let value: Value

        var length: Int { keys.count }
    }

    private var byFirst: [UInt64: [Entry]] = [:]
    private var byLast: [UInt64: [Entry]] = [:]

    init() {}

    init(_ phrases: [String], value: Value) {
        for phrase in phrases { add(phrase, value) }
    }

    mutating func add(_ phrase: String, _ value: Value) {
        let folded = VietText.key(phrase).split(separator: " ").map { Words.key(String($0)) }
        let exact = VietText.nfc(phrase).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { Words.key(VietText.wordForms(String($0)).exact) }
        guard let first = folded.first, let last = folded.last, exact.count == folded.count else { return }
        let entry = Entry(keys: folded, exactKeys: exact, value: value)
        byFirst[first, default: []].append(entry)
        byFirst[first]!.sort { $0.length > $1.length }
        byLast[last, default: []].append(entry)
        byLast[last]!.sort { $0.length > $1.length }
    }

    /// The longest phrase whose first word is word `index`.
    func longest(startingAt index: Int, in words: Words) -> Entry? {
        guard index >= 0, index < words.count else { return nil }
        return byFirst[words[index].key]?.first { words.matches(keys: $0.keys, exactKeys: $0.exactKeys, at: index) }
    }

    /// The longest phrase whose last word is word `end - 1`.
    func longest(endingBefore end: Int, in words: Words) -> Entry? {
        guard end > 0, end <= words.count else { return nil }
        return byLast[words[end - 1].key]?.first { words.matches(keys: $0.keys, exactKeys: $0.exactKeys, at: end - $0.length) }
    }

    /// The length of the phrase starting at word `index`, if one does.
    func length(at index: Int, in words: Words) -> Int? { longest(startingAt: index, in: words)?.length }
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

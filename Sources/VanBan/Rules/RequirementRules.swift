import Foundation

/// The cue words of requirements, deadlines and rhythms (`indexer/requirements.tsv`,
/// `schedules.tsv`), the abbreviations of actor names (`abbreviations.tsv`) and the names of
/// bodies that are read whole (`bodies.tsv`).
public struct RequirementRules: Sendable {
    /// Kinds of cue, in the order of `cues`; the finders ask for one at nearly every word, so
    /// they are looked up by position rather than hashed.
    enum Cue: Int, CaseIterable, Sendable {
        case assign, ask, lead, with, duty, ensure, verb, actor, determiner, background, past, preamble, heading, duties, article, aside, scope, ormore,
             report, reportto, leadcolumn, withcolumn, duecolumn, taskcolumn

        init?(name: String) {
            guard let cue = Self.allCases.first(where: { "\($0)" == name }) else { return nil }
            self = cue
        }
    }

    private var cues = [PhraseIndex<Bool>](repeating: PhraseIndex(), count: Cue.allCases.count)
    var schedule: [String: [String]] = [:]
    /// Words without which a sentence states no deadline or rhythm: a cheap test before the patterns.
    var scheduleTriggers = PhraseIndex<Bool>()
    private(set) var patterns: SchedulePatterns!
    var abbreviations: [String: String] = [:]
    /// Names of bodies read whole ("Sở Văn hóa, Thể thao và Du lịch").
    private(set) var bodies = PhraseIndex<Bool>()
    /// Kinds of place and committee a body's name is shared out over ("các xã, phường").
    private(set) var parts = PhraseIndex<Bool>()
    private var determiners: [[String]] = []
    /// The one-word determiners in their exact form (lower case, marks kept).
    private var innerDeterminers: Set<String> = []
    /// Actor names recur in every document ("các chi bộ", "Ban Tuyên giáo"): their keys are
    /// kept, shared by the analysis threads.
    private let actorKeys = KeyCache()

    init(requirements: RuleTable, schedules: RuleTable, abbreviations table: RuleTable, bodies: RuleTable) throws {
        for row in requirements.rows where row.count >= 2 {
            guard let cue = Cue(name: row[0]) else {
                throw VanBanError.rules("requirements.tsv: unknown kind \"\(row[0])\"")
            }
            cues[cue.rawValue] = PhraseIndex(RuleTable.list(row[1]), value: true)
            if cue == .determiner {
                determiners = RuleTable.list(row[1]).map { VietText.key($0).split(separator: " ").map(String.init) }
                innerDeterminers = Set(RuleTable.list(row[1]).filter { !$0.contains(" ") }.map { VietText.wordForms($0).exact })
            }
        }
        for row in schedules.rows where row.count >= 2 {
            schedule[row[0]] = RuleTable.list(row[1]).map(VietText.key)
            if ["yearly", "quarterly", "monthly", "periodic", "before", "atleast", "quarter", "term"].contains(row[0]) {
                for phrase in RuleTable.list(row[1]) { scheduleTriggers.add(phrase, true) }
            }
        }
        // "trong tháng 6/2026": "trong" alone is too common a word to try the patterns at.
        let spellings = { (kind: String) in RuleTable.list(schedules.rows.first { $0.first == kind }?.dropFirst().first ?? "") }
        for phrase in spellings("within") {
            for unit in spellings("month") { scheduleTriggers.add(phrase + " " + unit, true) }
        }
        patterns = SchedulePatterns(self)
        for row in table.rows where row.count >= 2 { abbreviations[row[0]] = row[1] }
        for row in bodies.rows where row.count >= 2 {
            switch row[0] {
            case "body": for name in RuleTable.list(row[1]) { self.bodies.add(name, true) }
            case "part": for name in RuleTable.list(row[1]) { parts.add(name, true) }
            default: throw VanBanError.rules("bodies.tsv: unknown kind \"\(row[0])\"")
            }
        }
    }

    func index(_ cue: Cue) -> PhraseIndex<Bool> { cues[cue.rawValue] }

    /// A regular-expression alternation of a schedule word's spellings (folded).
    func alternation(_ kind: String) -> String {
        "(?:" + spellings(kind).map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")"
    }

    /// A schedule word's spellings (folded); a word the rules lack is a control character no text holds.
    func spellings(_ kind: String) -> [String] { schedule[kind] ?? ["\u{1}"] }

    /// The comparison key of an actor: abbreviations written out, determiners dropped wherever
    /// they stand ("Ủy ban nhân dân các xã" = "Ủy ban nhân dân xã"), folded.
    public func actorKey(_ name: String) -> String {
        if let key = actorKeys.value(for: name) { return key }
        let key = computeActorKey(name)
        actorKeys.store(key, for: name)
        return key
    }

    /// The key of an actor as someone types it: abbreviations in any case ("btg" is "BTG"). Only
    /// the query is read so; in a document "Đu" stays a word.
    public func queryKey(_ name: String) -> String {
        let words = name.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let upper = VietText.nfc(String(word)).uppercased()
            return abbreviations[String(word)] == nil && abbreviations[upper] != nil ? upper : String(word)
        }
        return actorKey(words.joined(separator: " "))
    }

    private func computeActorKey(_ name: String) -> String {
        let expanded = name.split(whereSeparator: { $0 == " " || $0 == "," }).map { abbreviations[String($0)] ?? String($0) }
        let text = VietText.nfc(expanded.joined(separator: " "))
        var words = VietText.key(text).split(separator: " ").map(String.init)
        while let determiner = determiners.first(where: { words.starts(with: $0) && words.count > $0.count }) {
            words.removeFirst(determiner.count)
        }
        // Inside a name a one-word determiner must be written as one ("các", never "cắc"): folded,
        // "mỗi" would take "Môi" out of "Sở Nông nghiệp và Môi trường".
        let exact = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).suffix(words.count).map { VietText.wordForms(String($0)).exact }
        return zip(words, exact).enumerated().filter { index, pair in index == words.count - 1 || !innerDeterminers.contains(pair.1) }
            .map(\.element.0).joined(separator: " ")
    }
}

/// A bounded, thread-safe map of strings to their keys.
final class KeyCache: @unchecked Sendable {
    private static let capacity = 100_000
    private let lock = NSLock()
    private var keys: [String: String] = [:]

    func value(for name: String) -> String? {
        lock.withLock { keys[name] }
    }

    func store(_ key: String, for name: String) {
        lock.withLock { if keys.count < Self.capacity { keys[name] = key } }
    }
}

import Foundation

/// The cue words of requirements, deadlines and rhythms (`indexer/requirements.tsv`,
/// `schedules.tsv`) and the abbreviations of actor names (`abbreviations.tsv`).
public struct RequirementRules: Sendable {
    /// Kinds of cue, in the order of `cues`; the finders ask for one at nearly every word, so
    /// they are looked up by position rather than hashed.
    enum Cue: Int, CaseIterable, Sendable {
        case assign, ask, lead, with, duty, ensure, verb, actor, determiner, background, scope, ormore, report, reportto

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
    private var determiners: [[String]] = []
    /// Actor names recur in every document ("các chi bộ", "Ban Tuyên giáo"): their keys are
    /// kept, shared by the analysis threads.
    private let actorKeys = KeyCache()

    init(requirements: RuleTable, schedules: RuleTable, abbreviations table: RuleTable) throws {
        for row in requirements.rows where row.count >= 2 {
            guard let cue = Cue(name: row[0]) else {
                throw VanBanError.rules("requirements.tsv: unknown kind \"\(row[0])\"")
            }
            cues[cue.rawValue] = PhraseIndex(RuleTable.list(row[1]), value: true)
            if cue == .determiner { determiners = RuleTable.list(row[1]).map { VietText.key($0).split(separator: " ").map(String.init) } }
        }
        for row in schedules.rows where row.count >= 2 {
            schedule[row[0]] = RuleTable.list(row[1]).map(VietText.key)
            if ["yearly", "quarterly", "monthly", "periodic", "before", "atleast"].contains(row[0]) {
                for phrase in RuleTable.list(row[1]) { scheduleTriggers.add(phrase, true) }
            }
        }
        patterns = SchedulePatterns(self)
        for row in table.rows where row.count >= 2 { abbreviations[row[0]] = row[1] }
    }

    func index(_ cue: Cue) -> PhraseIndex<Bool> { cues[cue.rawValue] }

    /// A regular-expression alternation of a schedule word's spellings (folded).
    func alternation(_ kind: String) -> String {
        "(?:" + (schedule[kind] ?? ["\u{1}"]).map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")"
    }

    /// The comparison key of an actor: abbreviations written out, determiners dropped, folded.
    public func actorKey(_ name: String) -> String {
        if let key = actorKeys.value(for: name) { return key }
        let key = computeActorKey(name)
        actorKeys.store(key, for: name)
        return key
    }

    private func computeActorKey(_ name: String) -> String {
        let expanded = name.split(whereSeparator: { $0 == " " || $0 == "," }).map { abbreviations[String($0)] ?? String($0) }
        var words = VietText.key(expanded.joined(separator: " ")).split(separator: " ").map(String.init)
        while let determiner = determiners.first(where: { words.starts(with: $0) && words.count > $0.count }) {
            words.removeFirst(determiner.count)
        }
        return words.joined(separator: " ")
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

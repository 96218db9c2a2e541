/// Derives every document's validity from the typed links of the citation graph and the
/// documents' own effect clauses: a pure function of its input (no database), so it is tested
/// on its own; ``ValidityWriter`` reads its input from the archive at each index run.
///
/// A link that amends, replaces, repeals, ends or suspends a document is a change to it, made
/// by the document the link runs from, from the date the text gives the change, else the day
/// that document takes effect (its effect clause: "có hiệu lực thi hành từ ngày 30/12/2025",
/// "kể từ ngày ký", "sau 45 ngày kể từ ngày ký"), else its signing date, marked as assumed. A
/// change naming a part ("khoản 1 Điều 12") touches that part only.
///
/// Conflicts are recorded, never resolved away: two documents ending one in full, and a change
/// dated before the document it changes.
public enum ValidityGraph {
    /// A node of the citation graph.
    public struct Node: Sendable {
        public let id: Int64
        /// Its number, else its file for a document of the archive, else its name.
        public let label: String
        /// Its corpus file, for a document of the archive.
        public let file: String?
        /// Its signing date (harvested from citations for a document known only from them).
        public let date: String?
        /// What its own text says of when it is in force, for a document of the archive.
        public let clause: EffectClause?
        public let clauseEvidence: (start: Evidence?, end: Evidence?)

        public init(id: Int64, label: String, file: String? = nil, date: String?, clause: EffectClause? = nil,
                    clauseEvidence: (start: Evidence?, end: Evidence?) = (nil, nil)) {
            self.id = id
            self.label = label
            self.file = file
            self.date = date
            self.clause = clause
            self.clauseEvidence = clauseEvidence
        }

        /// Its effect: the clause read against its date, or its date alone, assumed.
        var effect: Effect? {
            if let clause { return Effect(clause, signed: date, evidence: clauseEvidence.start, endEvidence: clauseEvidence.end) }
            return date.map { Effect(basis: .assumed, starts: $0) }
        }
    }

    /// A link whose relation changes validity: `source` amends, replaces, repeals, ends or
    /// suspends `target`.
    public struct Act: Sendable {
        public let source: Int64
        public let target: Int64
        public let relation: Relation
        /// The part of the target it touches, as the text names it.
        public let part: String?
        /// The date the text gives the change itself, when it gives one.
        public let date: String?
        public let evidence: Evidence

        public init(source: Int64, target: Int64, relation: Relation, part: String? = nil, date: String? = nil,
                    evidence: Evidence) {
            self.source = source
            self.target = target
            self.relation = relation
            self.part = part
            self.date = date
            self.evidence = evidence
        }
    }

    /// Relations that change whether the cited document stands.
    public static let changing = Set(Relation.allCases.filter(\.changesValidity))

    /// Every node's record, by node id.
    public static func records(nodes: [Node], acts: [Act]) -> [Int64: ValidityRecord] {
        let byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var effects: [Int64: Effect] = [:]
        for node in nodes { effects[node.id] = node.effect }
        var changes: [Int64: [ValidityChange]] = [:]
        var seen: Set<String> = []
        for act in acts where changing.contains(act.relation) && act.source != act.target {
            guard let source = byID[act.source], byID[act.target] != nil else { continue }
            // A text that states one change twice (its trích yếu and an article) makes one change.
            guard seen.insert("\(act.source)|\(act.target)|\(act.relation)|\(act.part ?? "")").inserted else { continue }
            changes[act.target, default: []].append(change(act, by: source, effect: effects[act.source]))
        }
        var records: [Int64: ValidityRecord] = [:]
        for node in nodes {
            let list = (changes[node.id] ?? []).sorted(by: chronological)
            records[node.id] = ValidityRecord(effect: effects[node.id], changes: list, conflicts: conflicts(list, of: node))
        }
        return records
    }

    private static func change(_ act: Act, by source: Node, effect: Effect?) -> ValidityChange {
        let since: String?, basis: Effect.Basis, sinceEvidence: Evidence?
        if let date = act.date {
            (since, basis, sinceEvidence) = (date, .stated, nil)
        } else if let effect {
            // The effect clause is evidence of the day unless it is the very sentence of the change
            // (quoted with or without its item number: "1. Hướng dẫn này có hiệu lực ..., thay thế ...").
            let clause = effect.evidence.flatMap { Self.sameSentence($0.sentence, act.evidence.sentence) ? nil : $0 }
            (since, basis, sinceEvidence) = (effect.starts, effect.basis, clause)
        } else {
            (since, basis, sinceEvidence) = (nil, .assumed, nil)
        }
        return ValidityChange(relation: act.relation, by: source.label, byFile: source.file, byNode: source.id, since: since, basis: basis,
                              part: act.part, evidence: act.evidence, sinceEvidence: sinceEvidence)
    }

    private static func sameSentence(_ a: String, _ b: String) -> Bool {
        !a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a))
    }

    /// Oldest first, undated last; then by who makes it.
    static func chronological(_ a: ValidityChange, _ b: ValidityChange) -> Bool {
        switch (a.since, b.since) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return (a.by, a.relation.rawValue) < (b.by, b.relation.rawValue)
        }
    }

    private static func conflicts(_ changes: [ValidityChange], of node: Node) -> [ValidityConflict] {
        var conflicts: [ValidityConflict] = []
        let stoppers = changes.filter(\.stopsAll)
        if Set(stoppers.map(\.byNode)).count > 1 { conflicts.append(ValidityConflict(kind: .severalEnd, changes: stoppers)) }
        if let own = node.date {
            for change in changes {
                guard let since = change.since, since < own, !own.hasPrefix(since) else { continue }
                conflicts.append(ValidityConflict(kind: .beforeOwnDate, changes: [change], date: own))
            }
        }
        return conflicts
    }
}

extension ValidityRecord {
    /// The first day it stops standing in full or is suspended: "" when that day is not known,
    /// nil when nothing stops it.
    public var stops: String? {
        let days = changes.filter { $0.stopsAll || $0.relation == .suspends }.map { $0.since ?? "" } + (effect?.ends.map { [$0] } ?? [])
        return days.min()
    }

    /// The status on a day (yyyy-mm-dd), with the changes in effect by then, those still to
    /// come, and the evidence that decides it.
    public func status(asOf day: String) -> (status: ValidityStatus, changes: [ValidityChange], upcoming: [ValidityChange],
                                              evidence: [Evidence]) {
        let inEffect = changes.filter { $0.since.map { $0 <= day } ?? true }
        let upcoming = changes.filter { $0.since.map { $0 > day } ?? false }
        func decided(_ state: ValidityState, by deciding: [ValidityChange], since: String?, assumed: Bool, parts: [String] = []) -> ValidityStatus {
            var by: [String] = []
            for change in deciding where !by.contains(change.by) { by.append(change.by) }
            return ValidityStatus(state: state, since: since, assumed: assumed, by: by, parts: parts, conflicted: !conflicts.isEmpty)
        }
        func evidence(_ deciding: [ValidityChange]) -> [Evidence] {
            deciding.flatMap { [$0.evidence] + ($0.sinceEvidence.map { [$0] } ?? []) }
        }
        let stoppers = inEffect.filter(\.stopsAll)
        if let first = stoppers.first {
            let state: ValidityState = first.relation == .replaces ? .replaced : first.relation == .repeals ? .repealed : .ended
            return (decided(state, by: stoppers, since: first.since, assumed: first.basis == .assumed), inEffect, upcoming, evidence(stoppers))
        }
        if let ends = effect?.ends, ends <= day {
            return (decided(.expired, by: [], since: ends, assumed: false), inEffect, upcoming, effect?.endEvidence.map { [$0] } ?? [])
        }
        if let effect, let starts = effect.starts, starts > day {
            return (decided(.notYetInForce, by: [], since: starts, assumed: effect.basis == .assumed), inEffect, upcoming,
                    effect.evidence.map { [$0] } ?? [])
        }
        let groups: [(ValidityState, [ValidityChange])] = [
            (.suspended, inEffect.filter { $0.relation == .suspends }),
            (.partlyRepealed, inEffect.filter { $0.part != nil && [.replaces, .repeals, .ends].contains($0.relation) }),
            (.amended, inEffect.filter { $0.relation == .amends }),
        ]
        if let (state, deciding) = groups.first(where: { !$0.1.isEmpty }) {
            let latest = deciding.last!
            return (decided(state, by: deciding, since: latest.since, assumed: latest.basis == .assumed, parts: deciding.compactMap(\.part)),
                    inEffect, upcoming, evidence(deciding))
        }
        return (decided(.inForce, by: [], since: effect?.starts, assumed: effect.map { $0.basis == .assumed } ?? true),
                inEffect, upcoming, effect?.evidence.map { [$0] } ?? [])
    }
}

/// Where a text says what decides a document's validity: the document, the section and the
/// sentence.
public struct Evidence: Codable, Sendable, Hashable {
    /// The document whose text says it: its number, or its file when it has none.
    public let document: String
    /// Its corpus file, when it is in the archive.
    public let file: String?
    /// The passage (0: the trích yếu), for a link to the place.
    public let passage: Int
    public let section: String
    /// The article the paragraph opens with ("Điều 3"), when it opens with one.
    public let article: String?
    public let sentence: String
    /// The words that name the document acted on ("Quyết định số 12/2019/QĐ-UBND").
    public let citation: String?

    public init(document: String, file: String?, passage: Int, section: String, article: String? = nil, sentence: String,
                citation: String? = nil) {
        self.document = document
        self.file = file
        self.passage = passage
        self.section = section
        self.article = article
        self.sentence = sentence
        self.citation = citation
    }

    /// The section path and the article, as one place ("III. TỔ CHỨC THỰC HIỆN › Điều 3").
    public var place: String {
        [section, article ?? ""].filter { !$0.isEmpty }.joined(separator: Passage.pathSeparator)
    }
}

/// Whether a document stands, in the terms of the national legal database (Còn hiệu lực, Hết
/// hiệu lực toàn bộ / một phần, Chưa có hiệu lực, Ngưng hiệu lực), with who ended it how.
public enum ValidityState: String, Codable, Sendable, CaseIterable {
    case inForce = "in-force"
    case notYetInForce = "not-yet-in-force"
    /// In force, with parts amended or supplemented.
    case amended
    /// Parts repealed, replaced or ended; the rest in force.
    case partlyRepealed = "partly-repealed"
    case suspended
    case replaced
    case repealed
    /// Declared no longer in force ("... hết hiệu lực").
    case ended
    /// Past the last day its own text gives.
    case expired

    /// True when it no longer stands at all (or, suspended, not for now).
    public var stopped: Bool {
        switch self {
        case .replaced, .repealed, .ended, .expired, .suspended: return true
        case .inForce, .notYetInForce, .amended, .partlyRepealed: return false
        }
    }
}

/// One change another document makes to a document's validity, with its date and evidence.
public struct ValidityChange: Codable, Sendable, Equatable {
    /// amends, replaces, repeals, ends or suspends.
    public let relation: Relation
    /// The document that makes it: its number (its file when it has none) or name, and its
    /// corpus file when the archive holds its text.
    public let by: String
    public let byFile: String?
    /// Its node in the graph this record was derived with.
    public let byNode: Int64
    /// From when: the date the text gives the change, else the day the changing document takes
    /// effect; nil when that is not known.
    public let since: String?
    public let basis: Effect.Basis
    /// The part it touches ("khoản 1 Điều 12"); nil for the whole document.
    public let part: String?
    /// The sentence that states the change, and the one saying when the changing document
    /// takes effect (when the date comes from it).
    public let evidence: Evidence
    public let sinceEvidence: Evidence?

    public var byInArchive: Bool { byFile != nil }

    /// Replaces, repeals or ends the whole document.
    public var stopsAll: Bool { part == nil && [.replaces, .repeals, .ends].contains(relation) }
}

/// What the archive knows of a document's validity: its own effect and every change made to
/// it, in date order, with the conflicts between them. The status on a day is read from it.
public struct ValidityRecord: Codable, Sendable, Equatable {
    /// Nil for a document known only from citations whose date is not known either.
    public var effect: Effect?
    public var changes: [ValidityChange]
    /// What does not fit: two documents replacing one, a repeal dated before the document.
    public var conflicts: [ValidityConflict]

    public init(effect: Effect?, changes: [ValidityChange] = [], conflicts: [ValidityConflict] = []) {
        self.effect = effect
        self.changes = changes
        self.conflicts = conflicts
    }
}

/// Changes that do not fit together, reported as they are: the status is read from them as
/// from any others, and the conflict is shown beside it.
public struct ValidityConflict: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// Several documents replace, repeal or end it in full.
        case severalEnd = "several-end"
        /// A change takes effect before the document's own date.
        case beforeOwnDate = "before-own-date"
    }

    public let kind: Kind
    public let changes: [ValidityChange]
    /// The document's own date, for ``Kind/beforeOwnDate``.
    public let date: String?
    /// The conflict in a sentence.
    public let message: String

    init(kind: Kind, changes: [ValidityChange], date: String? = nil) {
        self.kind = kind
        self.changes = changes
        self.date = date
        let list = changes.map { "\($0.by) \($0.relation.rawValue) it" + ($0.since.map { " from \($0)" } ?? "") }
        switch kind {
        case .severalEnd: message = "\(Set(changes.map(\.by)).count) documents end it in full: " + list.joined(separator: "; ")
        case .beforeOwnDate: message = list.joined(separator: "; ") + ", before its own date \(date ?? "?")"
        }
    }
}

/// A document's status on a day, in short: what lists show beside it.
public struct ValidityStatus: Codable, Sendable, Hashable {
    public let state: ValidityState
    /// The day it took this status: the change's date, or its own first day in force.
    public let since: String?
    /// True when that day is a signing date the text does not state as the day it takes effect.
    public let assumed: Bool
    /// The documents that decided it (replaced by, repealed by, amended by ...).
    public let by: [String]
    /// The parts touched, for amended and partly repealed.
    public let parts: [String]
    /// True when the record holds conflicts (see ``Validity/conflicts``).
    public let conflicted: Bool
}

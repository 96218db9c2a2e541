import Foundation

/// What a document's own text says of when it is in force: the clause as found
/// (``EffectFinder``), before it is read against the document's signing date.
public struct EffectClause: Sendable, Equatable {
    public enum Start: Sendable, Equatable {
        /// "có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024"
        case date(String)
        /// "có hiệu lực kể từ ngày ký (ban hành)"
        case signing
        /// "có hiệu lực thi hành sau 45 ngày kể từ ngày ký"
        case afterSigning(days: Int)
    }

    /// A sentence of the document: its passage (0-based in the body) and its text.
    public struct Sentence: Sendable, Equatable {
        public let passage: Int
        public let text: String
    }

    public var start: Start?
    public var startSentence: Sentence?
    /// The first day the document is no longer in force, where it says ("hết hiệu lực kể từ
    /// ngày 01/01/2022"; "có hiệu lực đến hết ngày 31/12/2021" gives 2022-01-01).
    public var ends: String?
    public var endSentence: Sentence?

    public init(start: Start? = nil, startSentence: Sentence? = nil, ends: String? = nil, endSentence: Sentence? = nil) {
        self.start = start
        self.startSentence = startSentence
        self.ends = ends
        self.endSentence = endSentence
    }

    public var isEmpty: Bool { start == nil && ends == nil }
}

/// When a document is in force, from its effect clause and its signing date.
public struct Effect: Codable, Sendable, Equatable {
    /// Where the first day comes from.
    public enum Basis: String, Codable, Sendable {
        /// The text gives the day: "có hiệu lực thi hành từ ngày 01/7/2024".
        case stated
        /// "có hiệu lực kể từ ngày ký": the signing date.
        case signing
        /// "sau 45 ngày kể từ ngày ký": the signing date and the days.
        case afterSigning = "after-signing"
        /// The text says nothing: its signing date, assumed.
        case assumed
    }

    public var basis: Basis
    /// The first day in force (yyyy-mm-dd; a month or a year when the text leaves the day
    /// blank), nil when the date it rests on is not known.
    public var starts: String?
    /// The days after signing, when the text counts them.
    public var days: Int?
    /// The first day no longer in force, when the text says it stops.
    public var ends: String?
    /// The sentences that say so.
    public var evidence: Evidence?
    public var endEvidence: Evidence?

    public init(basis: Basis, starts: String?, days: Int? = nil, ends: String? = nil, evidence: Evidence? = nil,
                endEvidence: Evidence? = nil) {
        self.basis = basis
        self.starts = starts
        self.days = days
        self.ends = ends
        self.evidence = evidence
        self.endEvidence = endEvidence
    }

    /// The effect of a document signed on `signed` (a date, or the month or year a blank day
    /// leaves) whose text says `clause`.
    public init(_ clause: EffectClause, signed: String?, evidence: Evidence? = nil, endEvidence: Evidence? = nil) {
        switch clause.start {
        case .date(let date): self.init(basis: .stated, starts: date)
        case .signing: self.init(basis: .signing, starts: signed)
        case .afterSigning(let days):
            self.init(basis: .afterSigning, starts: signed.map { ISODate.adding(days, to: $0) }, days: days)
        case nil: self.init(basis: .assumed, starts: signed)
        }
        ends = clause.ends
        self.evidence = clause.start == nil ? nil : evidence
        self.endEvidence = clause.ends == nil ? nil : endEvidence
    }
}

/// Dates as the archive writes them: yyyy-mm-dd, or yyyy-mm and yyyy where a day is blank.
/// Compared as strings, a month stands for its first day.
enum ISODate {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `days` after a full date; a month or a year stays as it is (its day is not known).
    static func adding(_ days: Int, to iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3,
              let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              let later = calendar.date(byAdding: .day, value: days, to: date) else { return iso }
        let c = calendar.dateComponents([.year, .month, .day], from: later)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// Today where the archive is read, as yyyy-mm-dd.
    static func today() -> String {
        var local = Calendar(identifier: .gregorian)
        local.timeZone = .current
        let c = local.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// A day typed by a person (2024-07-01, 01/7/2024), as yyyy-mm-dd.
    static func parse(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3 else { return nil }
        let (y, m, d) = parts[0].count == 4 ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
        guard let iso = DateParser.iso(day: Substring(d), month: Substring(m), year: Substring(y)) else { return nil }
        return adding(0, to: iso) == iso ? iso : nil
    }
}

/// Who must act in a requirement, and in what role.
public struct Actor: Codable, Sendable, Hashable {
    public enum Role: String, Codable, Sendable {
        /// Named after "Giao", before "chủ trì", or as the subject that must act.
        case lead
        /// Named after "phối hợp với".
        case with
        /// Where the act's result goes ("báo cáo về X").
        case reportTo = "report_to"
    }

    public let name: String
    /// Abbreviations written out, determiners dropped, folded: "Các Ban Tuyên giáo ĐUK" and
    /// "Ban Tuyên giáo Đảng ủy khối" share it.
    public let key: String
    public let role: Role
}

/// When an obligation falls due: a date, or a rhythm ("every 6 and 12 months").
public struct Schedule: Codable, Sendable, Equatable {
    /// `relative`: so many days before or after an event the text names ("trước 30 ngày làm
    /// việc của các đợt trao tặng", "trong thời hạn 60 ngày làm việc"); it has no date.
    public enum Kind: String, Codable, Sendable { case date, yearly, periodic, relative }

    public var kind: Kind
    /// For a dated deadline, yyyy-mm-dd.
    public var date: String?
    /// For a yearly date: day and month ("15 tháng 12 hàng năm"). For a rhythm, the day of the
    /// month it falls due ("trước ngày 20 của tháng cuối quý": every 3 months, day 20).
    public var day: Int?
    public var month: Int?
    /// The periods in months (yearly is [12]; "Định kỳ 6 tháng, 1 năm" is [6, 12]).
    public var everyMonths: [Int] = []
    /// "ít nhất mỗi năm ... một lần": at least this often.
    public var atLeast = false
    /// "trước ...": by that date rather than on it.
    public var deadline = false
    /// For a date that ends a period ("trong quý III năm 2012", "trong tháng 6/2026"): the
    /// period, "quarter" or "month"; `date` is its last day.
    public var within: String?
    /// For a relative deadline, the days ("30 ngày làm việc": 30, working days).
    public var days: Int?
    public var workingDays = false
    /// The words of the text that say it.
    public var text: String

    /// The months (1-12) it falls in, for a calendar; empty when it can fall in any.
    public var months: [Int] {
        switch kind {
        case .date: return date.flatMap { Int($0.dropFirst(5).prefix(2)) }.map { [$0] } ?? []
        case .yearly: return month.map { [$0] } ?? []
        case .periodic:
            let periods = everyMonths.filter { $0 < 12 }
            return periods.isEmpty ? [] : Array(Set(periods.flatMap { period in stride(from: period, through: 12, by: period) })).sorted()
        case .relative: return []
        }
    }
}

/// A figure the text requires ("đạt 80% trở lên", "70% đối với trường trung cấp chuyên nghiệp").
public struct Target: Codable, Sendable, Equatable {
    public let text: String
    public let percent: Double
    public let upTo: Double?
    public let orMore: Bool
}

/// One requirement: who must do what, by when, to what target, on what basis.
public struct Requirement: Codable, Sendable, Equatable {
    /// Index of the passage in the document's body (0-based).
    public var passage: Int
    /// The sentence's UTF-16 range in the passage.
    public var range: Range<Int>
    public var sentence: String
    public var actors: [Actor]
    /// The required act, in the document's own words.
    public var action: String
    /// Where the act begins in the passage (UTF-16 offset), for storing it as an offset.
    public var actionStart: Int
    public var schedule: Schedule?
    public var targets: [Target]
    /// The documents cited in the same sentence, then in the same section.
    public var basis: [String] = []
    /// Spans of the sentence to highlight (actors, schedule, targets): [start, end) in code points.
    public var highlights: [[Int]] = []
}

extension Array where Element == Actor {
    /// The names of the actors in `role`, in the order the sentence gives them.
    public func names(_ role: Actor.Role) -> [String] { filter { $0.role == role }.map(\.name) }
}

import Foundation

/// Reads deadlines and rhythms: "trước 15 tháng 12 hàng năm" (yearly, by 15 Dec), "Định kỳ 6
/// tháng, 1 năm" (every 6 and 12 months), "ít nhất mỗi năm ... một lần" (at least yearly),
/// "Hằng năm, nhân ngày ... (ngày 15-10)" (yearly on 15 Oct), "trước ngày 30/11/2024" (a date).
struct ScheduleParser {
    let rules: RequirementRules

    struct Found {
        let schedule: Schedule
        /// UTF-16 range in the passage.
        let span: Range<Int>
    }

    func schedule(in sentence: SentenceView) -> Found? {
        guard sentence.indices.contains(where: { rules.scheduleTriggers.length(at: $0, in: sentence.words) != nil }) else {
            return nil
        }
        let folded = sentence.folded
        for reader in [datedDeadline, yearlyDeadline, periodic, atLeast, yearly] {
            if var found = reader(folded) {
                let span = (sentence.range.lowerBound + found.range.lowerBound)..<(sentence.range.lowerBound + found.range.upperBound)
                found.schedule.text = sentence.words.text(span)
                return Found(schedule: found.schedule, span: span)
            }
        }
        return nil
    }

    private struct Match {
        var schedule: Schedule
        let range: Range<Int>
    }

    private var patterns: SchedulePatterns { rules.patterns }

    private func datedDeadline(_ text: String) -> Match? {
        guard let match = patterns.datedDeadline.first(in: text),
              let iso = DateParser.iso(day: Substring(match.group(1)!), month: Substring(match.group(2)!),
                                       year: Substring(match.group(3)!)) else { return nil }
        return Match(schedule: Schedule(kind: .date, date: iso, deadline: true, text: ""), range: match.range)
    }

    private func yearlyDeadline(_ text: String) -> Match? {
        guard let match = patterns.yearlyDeadline.first(in: text), let day = Int(match.group(1)!), let month = Int(match.group(2)!),
              (1...31).contains(day), (1...12).contains(month) else { return nil }
        if let year = match.group(3) {
            let iso = DateParser.iso(day: Substring(String(day)), month: Substring(String(month)), year: Substring(year))
            return Match(schedule: Schedule(kind: .date, date: iso, deadline: true, text: ""), range: match.range)
        }
        return Match(schedule: Schedule(kind: .yearly, day: day, month: month, everyMonths: [12], deadline: true, text: ""),
                     range: match.range)
    }

    private func periodic(_ text: String) -> Match? {
        guard let match = patterns.periodic.first(in: text), let list = match.group(1) else { return nil }
        let months = patterns.period.all(in: list).compactMap { pair in
            Int(pair.group(1)!).map { $0 * monthsIn(pair.group(2)!) }
        }
        guard !months.isEmpty else { return nil }
        return Match(schedule: Schedule(kind: .periodic, everyMonths: months, text: ""), range: match.range)
    }

    private func atLeast(_ text: String) -> Match? {
        guard let match = patterns.atLeast.first(in: text), let name = match.group(1) else { return nil }
        let months = monthsIn(name)
        return Match(schedule: Schedule(kind: months == 12 ? .yearly : .periodic, everyMonths: [months], atLeast: true, text: ""),
                     range: match.range)
    }

    private func yearly(_ text: String) -> Match? {
        for (pattern, months) in [(patterns.yearly, 12), (patterns.quarterly, 3), (patterns.monthly, 1)] {
            guard let match = pattern.first(in: text) else { continue }
            var schedule = Schedule(kind: months == 12 ? .yearly : .periodic, everyMonths: [months], text: "")
            var span = match.range
            if months == 12, let day = patterns.dayMonth.first(in: text), let d = Int(day.group(1)!), let m = Int(day.group(2)!),
               (1...31).contains(d), (1...12).contains(m) {
                schedule.day = d
                schedule.month = m
                span = span.lowerBound..<max(span.upperBound, day.range.upperBound)
            }
            return Match(schedule: schedule, range: span)
        }
        return nil
    }

    private func monthsIn(_ unit: String) -> Int {
        if rules.schedule["year"]?.contains(unit) == true { return 12 }
        if rules.schedule["quarter"]?.contains(unit) == true { return 3 }
        return 1
    }
}

/// The schedule patterns, compiled once per rule set from the words of `schedules.tsv`.
final class SchedulePatterns: @unchecked Sendable {
    let datedDeadline, yearlyDeadline, periodic, period, atLeast, yearly, quarterly, monthly, dayMonth: Pattern

    init(_ rules: RequirementRules) {
        let before = rules.alternation("before"), month = rules.alternation("month"), year = rules.alternation("year")
        let unit = "(?:\(month)|\(year)|\(rules.alternation("quarter")))"
        datedDeadline = Pattern("\\b\(before)\\s+(?:ngay\\s+)?(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})")
        yearlyDeadline = Pattern("\\b\(before)\\s+(?:ngay\\s+)?(\\d{1,2})\\s+\(month)\\s+(\\d{1,2})(?:\\s+\(year)\\s+(\\d{4}))?(\\s+\(rules.alternation("yearly")))?")
        periodic = Pattern("\\b\(rules.alternation("periodic"))\\s+((?:\\d+\\s+\(unit)(?:\\s*,\\s*|\\s+va\\s+)?)+)")
        period = Pattern("(\\d+)\\s+(\(unit))")
        atLeast = Pattern("\\b\(rules.alternation("atleast"))\\s+\(rules.alternation("each"))\\s+(\(unit))\\b[^;.)]*")
        yearly = Pattern("\\b\(rules.alternation("yearly"))\\b")
        quarterly = Pattern("\\b\(rules.alternation("quarterly"))\\b")
        monthly = Pattern("\\b\(rules.alternation("monthly"))\\b")
        dayMonth = Pattern("\\bngay\\s+(\\d{1,2})\\s*[-/]\\s*(\\d{1,2})(?!\\s*[-/]\\s*\\d)")
    }
}

/// A compiled regular expression and its matches with UTF-16 ranges and groups.
struct Pattern: @unchecked Sendable {
    struct Match {
        let result: NSTextCheckingResult
        let text: String

        var range: Range<Int> { result.range.location..<(result.range.location + result.range.length) }

        func group(_ index: Int) -> String? {
            let range = result.range(at: index)
            return range.location == NSNotFound ? nil : (text as NSString).substring(with: range)
        }
    }

    private let expression: NSRegularExpression

    init(_ pattern: String) { expression = try! NSRegularExpression(pattern: pattern) }

    func first(in text: String) -> Match? {
        expression.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)).map { Match(result: $0, text: text) }
    }

    func all(in text: String) -> [Match] {
        expression.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).map { Match(result: $0, text: text) }
    }
}

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
        let folded = sentence.folded
        for reader in [datedDeadline, yearlyDeadline, periodic, atLeast, yearly] {
            if var found = reader(folded) {
                found.schedule.text = sentence.words.text(shift(found.range, sentence))
                return Found(schedule: found.schedule, span: shift(found.range, sentence))
            }
        }
        return nil
    }

    private struct Match {
        var schedule: Schedule
        let range: Range<Int>
    }

    private func shift(_ range: Range<Int>, _ sentence: SentenceView) -> Range<Int> {
        (sentence.range.lowerBound + range.lowerBound)..<(sentence.range.lowerBound + range.upperBound)
    }

    private func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern)
    }

    private func first(_ pattern: String, in text: String) -> NSTextCheckingResult? {
        regex(pattern).firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count))
    }

    private func group(_ match: NSTextCheckingResult, _ index: Int, in text: String) -> String? {
        let range = match.range(at: index)
        return range.location == NSNotFound ? nil : (text as NSString).substring(with: range)
    }

    private func range(_ match: NSTextCheckingResult) -> Range<Int> {
        match.range.location..<(match.range.location + match.range.length)
    }

    private var before: String { rules.alternation("before") }
    private var yearlyWords: String { rules.alternation("yearly") }

    private func datedDeadline(_ text: String) -> Match? {
        guard let match = first("\\b\(before)\\s+(?:ngay\\s+)?(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})", in: text),
              let iso = DateParser.iso(day: Substring(group(match, 1, in: text)!), month: Substring(group(match, 2, in: text)!),
                                       year: Substring(group(match, 3, in: text)!)) else { return nil }
        return Match(schedule: Schedule(kind: .date, date: iso, deadline: true, text: ""), range: range(match))
    }

    private func yearlyDeadline(_ text: String) -> Match? {
        let month = rules.alternation("month"), year = rules.alternation("year")
        guard let match = first("\\b\(before)\\s+(?:ngay\\s+)?(\\d{1,2})\\s+\(month)\\s+(\\d{1,2})(?:\\s+\(year)\\s+(\\d{4}))?(\\s+\(yearlyWords))?", in: text),
              let day = Int(group(match, 1, in: text)!), let monthNumber = Int(group(match, 2, in: text)!),
              (1...31).contains(day), (1...12).contains(monthNumber) else { return nil }
        if let year = group(match, 3, in: text) {
            let iso = DateParser.iso(day: Substring(String(day)), month: Substring(String(monthNumber)), year: Substring(year))
            return Match(schedule: Schedule(kind: .date, date: iso, deadline: true, text: ""), range: range(match))
        }
        return Match(schedule: Schedule(kind: .yearly, day: day, month: monthNumber, everyMonths: [12], deadline: true, text: ""),
                     range: range(match))
    }

    private func periodic(_ text: String) -> Match? {
        let unit = "(?:\(rules.alternation("month"))|\(rules.alternation("year"))|\(rules.alternation("quarter")))"
        guard let match = first("\\b\(rules.alternation("periodic"))\\s+((?:\\d+\\s+\(unit)(?:\\s*,\\s*|\\s+va\\s+)?)+)", in: text),
              let list = group(match, 1, in: text) else { return nil }
        var months: [Int] = []
        for pair in regex("(\\d+)\\s+(\(unit))").matches(in: list, range: NSRange(location: 0, length: list.utf16.count)) {
            guard let count = Int(group(pair, 1, in: list)!), let name = group(pair, 2, in: list) else { continue }
            months.append(count * monthsIn(name))
        }
        guard !months.isEmpty else { return nil }
        return Match(schedule: Schedule(kind: .periodic, everyMonths: months, text: ""), range: range(match).lowerBound..<(range(match).upperBound))
    }

    private func atLeast(_ text: String) -> Match? {
        let unit = "(\(rules.alternation("month"))|\(rules.alternation("year"))|\(rules.alternation("quarter")))"
        guard let match = first("\\b\(rules.alternation("atleast"))\\s+\(rules.alternation("each"))\\s+\(unit)\\b[^;.)]*", in: text),
              let name = group(match, 1, in: text) else { return nil }
        let months = monthsIn(name)
        return Match(schedule: Schedule(kind: months == 12 ? .yearly : .periodic, everyMonths: [months], atLeast: true, text: ""),
                     range: range(match))
    }

    private func yearly(_ text: String) -> Match? {
        for (kind, months) in [("yearly", 12), ("quarterly", 3), ("monthly", 1)] {
            guard let match = first("\\b\(rules.alternation(kind))\\b", in: text) else { continue }
            var schedule = Schedule(kind: months == 12 ? .yearly : .periodic, everyMonths: [months], text: "")
            var span = range(match)
            if months == 12, let day = first("\\bngay\\s+(\\d{1,2})\\s*[-/]\\s*(\\d{1,2})(?!\\s*[-/]\\s*\\d)", in: text),
               let d = Int(group(day, 1, in: text)!), let m = Int(group(day, 2, in: text)!), (1...31).contains(d), (1...12).contains(m) {
                schedule.day = d
                schedule.month = m
                span = span.lowerBound..<max(span.upperBound, range(day).upperBound)
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

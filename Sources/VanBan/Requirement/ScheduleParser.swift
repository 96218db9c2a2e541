import Foundation

/// Reads deadlines and rhythms: "trước 15 tháng 12 hàng năm" (yearly, by 15 Dec), "Định kỳ 6
/// tháng, 1 năm" (every 6 and 12 months), "ít nhất mỗi năm ... một lần" (at least yearly),
/// "Hằng năm, nhân ngày ... (ngày 15-10)" (yearly on 15 Oct), "trước ngày 30/11/2024" (a date),
/// "trong quý III năm 2012" and "trong tháng 6/2026" (by the period's last day), "trước ngày 20
/// của tháng cuối quý" (every quarter, by day 20). "Kế hoạch 5 năm và hằng năm" names a kind of
/// plan, not a rhythm.
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
        return schedule(in: sentence.folded, words: sentence.words, offset: sentence.range.lowerBound)
    }

    /// A table's deadline cell ("Tháng 11/2025", "Quý I/2026", "Hằng năm", "Năm 2025"), where
    /// a period needs no "trong" before it.
    func schedule(inCell range: Range<Int>, of words: Words) -> Found? {
        let folded = words.folded(range)
        if let found = schedule(in: folded, words: words, offset: range.lowerBound) { return found }
        let month = patterns.bareMonth.first(in: folded)
        guard let match = month ?? patterns.bareYear.first(in: folded), let year = Int(match.group(month == nil ? 1 : 2) ?? "") else {
            return nil
        }
        let last = month == nil ? 12 : Int(match.group(1) ?? "") ?? 0
        guard (1...12).contains(last) else { return nil }
        let end = RequirementCalendar.Day.lastDay(of: last, in: year)
        let schedule = Schedule(kind: .date, date: Self.iso(end), deadline: true, within: month == nil ? "year" : "month", text: "")
        return found(Match(schedule: schedule, range: match.range), words: words, offset: range.lowerBound)
    }

    private func schedule(in folded: String, words: Words, offset: Int) -> Found? {
        for reader in [periodDay, datedDeadline, yearlyDeadline, period, relative, periodic, atLeast, yearly] {
            if let match = reader(folded) { return found(match, words: words, offset: offset) }
        }
        return nil
    }

    private func found(_ match: Match, words: Words, offset: Int) -> Found {
        let span = (offset + match.range.lowerBound)..<(offset + match.range.upperBound)
        var schedule = match.schedule
        schedule.text = words.text(span)
        return Found(schedule: schedule, span: span)
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

    /// "trước ngày 20 của tháng cuối quý", "trước ngày 25 hằng tháng", "hằng tháng, trước ngày 5".
    private func periodDay(_ text: String) -> Match? {
        for (pattern, dayGroup, unitGroup) in [(patterns.dayOfLastMonth, 1, 0), (patterns.dayEachPeriod, 1, 2), (patterns.periodThenDay, 2, 1)] {
            guard let match = pattern.first(in: text), let day = Int(match.group(dayGroup) ?? ""), (1...31).contains(day) else { continue }
            let months = unitGroup == 0 ? 3 : monthsIn(unitOf: match.group(unitGroup) ?? "")
            return Match(schedule: Schedule(kind: months == 12 ? .yearly : .periodic, day: day, everyMonths: [months], deadline: true, text: ""),
                         range: match.range)
        }
        return nil
    }

    /// "trong quý III năm 2012", "Quý I/2026", "trong tháng 6/2026", "trong tháng 6 năm 2019":
    /// by the period's last day; "trước" such a period: by the day before it starts.
    private func period(_ text: String) -> Match? {
        if let match = patterns.quarter.first(in: text), let quarter = Self.quarter(match.group(2) ?? ""), let year = Int(match.group(3) ?? "") {
            let before = match.group(1).map { rules.schedule["before"]?.contains($0) == true } ?? false
            let end = before ? (quarter == 1 ? RequirementCalendar.Day.lastDay(of: 12, in: year - 1) : .lastDay(of: 3 * quarter - 3, in: year))
                : .lastDay(of: 3 * quarter, in: year)
            return Match(schedule: Schedule(kind: .date, date: Self.iso(end), deadline: true, within: before ? nil : "quarter", text: ""),
                         range: match.range)
        }
        if let match = patterns.month.first(in: text), let month = Int(match.group(2) ?? ""), (1...12).contains(month),
           let year = Int(match.group(3) ?? "") {
            let before = rules.schedule["before"]?.contains(match.group(1) ?? "") == true
            let end = before ? (month == 1 ? RequirementCalendar.Day.lastDay(of: 12, in: year - 1) : .lastDay(of: month - 1, in: year))
                : .lastDay(of: month, in: year)
            return Match(schedule: Schedule(kind: .date, date: Self.iso(end), deadline: true, within: before ? nil : "month", text: ""),
                         range: match.range)
        }
        return nil
    }

    /// "trước 30 ngày làm việc của các đợt", "trong thời hạn 60 ngày làm việc": days from an event.
    private func relative(_ text: String) -> Match? {
        guard let match = patterns.relative.first(in: text), let days = Int(match.group(1) ?? "") else { return nil }
        let working = rules.schedule["workdays"]?.contains(match.group(2) ?? "") == true
        return Match(schedule: Schedule(kind: .relative, deadline: true, days: days, workingDays: working, text: ""), range: match.range)
    }

    private static func quarter(_ numeral: String) -> Int? {
        ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4][numeral]
    }

    private static func iso(_ day: RequirementCalendar.Day) -> String { String(format: "%04d-%02d-%02d", day.year, day.month, day.day) }

    private func periodic(_ text: String) -> Match? {
        guard let match = patterns.periodic.first(in: text), let list = match.group(1) else { return nil }
        let months = patterns.period.all(in: list).compactMap { pair in
            Int(pair.group(1)!).map { $0 * monthsIn(pair.group(2)!) }
        }
        guard !months.isEmpty else { return nil }
        return Match(schedule: Schedule(kind: .periodic, everyMonths: months, text: ""), range: match.range)
    }

    private func atLeast(_ text: String) -> Match? {
        guard let match = patterns.atLeast.first(in: text) ?? patterns.timesPer.first(in: text), let name = match.group(1) else { return nil }
        let months = monthsIn(name)
        return Match(schedule: Schedule(kind: months == 12 ? .yearly : .periodic, everyMonths: [months], atLeast: true, text: ""),
                     range: match.range)
    }

    private func yearly(_ text: String) -> Match? {
        for (pattern, months) in [(patterns.yearly, 12), (patterns.quarterly, 3), (patterns.monthly, 1)] {
            guard let match = pattern.all(in: text).first(where: { !namesAPlan(before: $0.range.lowerBound, in: text) }) else { continue }
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

    /// "kế hoạch 5 năm và hằng năm", "dự toán ngân sách hằng năm": the rhythm word says what
    /// kind of plan it is.
    private func namesAPlan(before offset: Int, in text: String) -> Bool {
        let start = max(0, offset - 60)
        let before = (text as NSString).substring(with: NSRange(location: start, length: offset - start))
        return patterns.planKind.first(in: before) != nil
    }

    /// "tháng" or "quý" after "hằng"/"mỗi", or the rhythm word itself ("hằng quý").
    private func monthsIn(unitOf phrase: String) -> Int {
        for (kind, months) in [("quarterly", 3), ("monthly", 1), ("yearly", 12)] where rules.schedule[kind]?.contains(phrase) == true {
            return months
        }
        return monthsIn(phrase.split(separator: " ").last.map(String.init) ?? phrase)
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
    let dayOfLastMonth, dayEachPeriod, periodThenDay, quarter, month, bareMonth, bareYear, planKind, relative, timesPer: Pattern

    init(_ rules: RequirementRules) {
        let before = rules.alternation("before"), month = rules.alternation("month"), year = rules.alternation("year")
        let quarterName = rules.alternation("quarter"), within = rules.alternation("within")
        let unit = "(?:\(month)|\(year)|\(quarterName))"
        let day = "(?:la\\s+)?(?:\(rules.alternation("on"))\\s+)?(?:ngay\\s+)?(?:mong\\s+)?"
        let rhythm = "(\(rules.alternation("monthly"))|\(rules.alternation("quarterly"))|\(rules.alternation("each"))\\s+(?:\(month)|\(quarterName)))"
        // What each match cannot lack: a digit, and one of the words of a mandatory alternation.
        let digit = Pattern.Prerequisite(digit: true)
        func digitAnd(_ kind: String) -> Pattern.Prerequisite { Pattern.Prerequisite(digit: true, anyOf: rules.spellings(kind)) }
        func word(_ kind: String) -> Pattern.Prerequisite { Pattern.Prerequisite(anyOf: rules.spellings(kind)) }
        datedDeadline = Pattern("\\b\(before)\\s+\(day)(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})", needs: digitAnd("before"))
        yearlyDeadline = Pattern("\\b\(before)\\s+\(day)(\\d{1,2})\\s+\(month)\\s+(\\d{1,2})(?:\\s+\(year)\\s+(\\d{4}))?(\\s+\(rules.alternation("yearly")))?",
                                 needs: digitAnd("before"))
        dayOfLastMonth = Pattern("\\b\(before)\\s+\(day)(\\d{1,2})\\s+(?:cua\\s+)?\(month)\\s+cuoi\\s+\(quarterName)\\b",
                                 needs: Pattern.Prerequisite(digit: true, anyOf: ["cuoi"]))
        dayEachPeriod = Pattern("\\b(?:\(before)|\(rules.alternation("on")))\\s+\(day)(\\d{1,2})\\s+(?:cua\\s+)?\(rhythm)\\b", needs: digit)
        periodThenDay = Pattern("\\b\(rhythm)\\s*,?\\s+\(before)\\s+\(day)(\\d{1,2})\\b(?!\\s*[/.-]\\s*\\d)(?!\\s+\(month))", needs: digitAnd("before"))
        quarter = Pattern("\\b(?:(\(within)|\(before))\\s+)?\(quarterName)\\s+(iv|iii|ii|i|[1-4])\\s*(?:\(year)\\s+|/\\s*|-\\s*)(\\d{4})\\b",
                          needs: digitAnd("quarter"))
        self.month = Pattern("\\b(\(within)|\(before))\\s+\(month)\\s+(\\d{1,2})\\s*(?:\(year)\\s+|/\\s*|-\\s*)(\\d{4})\\b", needs: digitAnd("month"))
        bareMonth = Pattern("^\\W*\(month)\\s+(\\d{1,2})\\s*(?:\(year)\\s+|/\\s*|-\\s*)(\\d{4})\\b", needs: digitAnd("month"))
        bareYear = Pattern("^\\W*\(year)\\s+(\\d{4})\\b", needs: digitAnd("year"))
        planKind = Pattern("(?:\\b\(rules.alternation("plan"))(?:\\s+[a-z]+){0,3}|\\b\\d+\\s+\(year)\\s*(?:,|va|hoac))\\s*$")
        periodic = Pattern("\\b\(rules.alternation("periodic"))\\s*\\(?\\s*((?:\\d+\\s+\(unit)(?:\\s*,\\s*|\\s+va\\s+)?)+)", needs: digitAnd("periodic"))
        relative = Pattern("\\b(?:\(before)|\(rules.alternation("after"))|\(rules.alternation("term")))\\s+(\\d{1,3})\\s+(\(rules.alternation("workdays"))|ngay)\\b",
                           needs: digit)
        timesPer = Pattern("\\b\(rules.alternation("atleast"))\\s+\\d+\\s+\(rules.alternation("times"))\\s*/\\s*(\(unit))\\b", needs: digitAnd("atleast"))
        period = Pattern("(\\d+)\\s+(\(unit))", needs: digit)
        atLeast = Pattern("\\b\(rules.alternation("atleast"))\\s+\(rules.alternation("each"))\\s+(\(unit))\\b[^;.)]*", needs: word("atleast"))
        yearly = Pattern("\\b\(rules.alternation("yearly"))\\b", needs: word("yearly"))
        quarterly = Pattern("\\b\(rules.alternation("quarterly"))\\b", needs: word("quarterly"))
        monthly = Pattern("\\b\(rules.alternation("monthly"))\\b", needs: word("monthly"))
        dayMonth = Pattern("\\bngay\\s+(\\d{1,2})\\s*[-/]\\s*(\\d{1,2})(?!\\s*[-/]\\s*\\d)", needs: Pattern.Prerequisite(digit: true, anyOf: ["ngay"]))
    }

    /// Every pattern, for the tests that hold the checked and unchecked matches side by side.
    var all: [Pattern] {
        [datedDeadline, yearlyDeadline, periodic, period, atLeast, yearly, quarterly, monthly, dayMonth,
         dayOfLastMonth, dayEachPeriod, periodThenDay, quarter, month, bareMonth, bareYear, planKind, relative, timesPer]
    }
}

/// A compiled regular expression and its matches with UTF-16 ranges and groups.
///
/// A pattern may say what no match of it can lack (``Prerequisite``): text without that is not
/// handed to ICU, which copies the whole text to UTF-16 on every call. Most sentences that name
/// a deadline word hold no date, so most of the twenty patterns need not run at all.
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

    /// A decimal digit (what `\d` matches: any of general category Nd), and one of the
    /// literal spellings of an alternation every match holds.
    struct Prerequisite {
        var digit = false
        var anyOf: [String] = []

        func isMet(by text: String) -> Bool {
            (!digit || text.hasDecimalDigit) && (anyOf.isEmpty || anyOf.contains { text.includesBytes(of: $0) })
        }
    }

    private let expression: NSRegularExpression
    private let prerequisite: Prerequisite

    init(_ pattern: String, needs prerequisite: Prerequisite = Prerequisite()) {
        expression = try! NSRegularExpression(pattern: pattern)
        self.prerequisite = prerequisite
    }

    func first(in text: String) -> Match? {
        prerequisite.isMet(by: text) ? firstUnchecked(in: text) : nil
    }

    func all(in text: String) -> [Match] {
        prerequisite.isMet(by: text) ? allUnchecked(in: text) : []
    }

    /// The first match, the prerequisite not consulted (the obvious path; tests compare the two).
    func firstUnchecked(in text: String) -> Match? {
        expression.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)).map { Match(result: $0, text: text) }
    }

    func allUnchecked(in text: String) -> [Match] {
        expression.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).map { Match(result: $0, text: text) }
    }
}

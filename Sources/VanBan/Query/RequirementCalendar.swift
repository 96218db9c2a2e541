import Foundation

/// Requirements as an iCalendar feed (RFC 5545) an office can subscribe to: one all-day event
/// per dated obligation, recurring by RRULE for yearly, quarterly, monthly and "every 6 months"
/// rhythms, with the document number and the sentence in its description. A deadline relative
/// to an event the text names ("trước 30 ngày của các đợt") has no date and no event.
///
/// A UID is derived from the document's number (or file), the sentence and the words of its
/// schedule, so indexing the archive again gives the same UIDs, and a calendar that reloads the
/// feed updates its events instead of adding them again. DTSTAMP is the archive's build time.
public struct RequirementCalendar: Sendable {
    public let events: [Event]
    /// When the archive was built (its `built_at`), for DTSTAMP.
    public let stamp: Date

    public struct Event: Sendable, Equatable {
        public let uid: String
        public let start: Day
        /// An RRULE value ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20"), or nil for one date.
        public let rule: String?
        public let summary: String
        public let description: String
    }

    /// A calendar date without time or zone, as all-day events have.
    public struct Day: Sendable, Equatable, Comparable {
        public let year: Int, month: Int, day: Int

        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// yyyy-mm-dd, as the archive writes dates.
        init?(iso: String?) {
            let parts = (iso ?? "").split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, (1...12).contains(parts[1]), (1...Self.length(of: parts[1], in: parts[0])).contains(parts[2]) else {
                return nil
            }
            self.init(year: parts[0], month: parts[1], day: parts[2])
        }

        static func length(of month: Int, in year: Int) -> Int {
            switch month {
            case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }

        static func lastDay(of month: Int, in year: Int) -> Day { Day(year: year, month: month, day: length(of: month, in: year)) }

        var next: Day {
            if day < Self.length(of: month, in: year) { return Day(year: year, month: month, day: day + 1) }
            return month == 12 ? Day(year: year + 1, month: 1, day: 1) : Day(year: year, month: month + 1, day: 1)
        }

        var basic: String { String(format: "%04d%02d%02d", year, month, day) }

        public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    }

    public init(hits: [RequirementHit], stamp: Date, fallbackAnchor: Day) {
        self.stamp = stamp
        var seen: [String: Int] = [:]
        events = hits.compactMap { hit in
            guard let schedule = hit.schedule,
                  let (start, rule) = schedule.firstOccurrence(onOrAfter: Day(iso: hit.documentDate) ?? fallbackAnchor) else { return nil }
            let base = ContentHash.of(Array("\(hit.number ?? hit.file)\n\(hit.sentence)\n\(schedule.text)".utf8))
            let repeats = seen[base, default: 0]
            seen[base] = repeats + 1
            return Event(uid: base + (repeats == 0 ? "" : "-\(repeats)") + "@vanban", start: start, rule: rule,
                         summary: Self.summary(hit), description: Self.description(hit, schedule: schedule))
        }
    }

    private static func summary(_ hit: RequirementHit) -> String {
        let who = hit.actors.names(.lead).joined(separator: "; ")
        let action = hit.action.count > 160 ? hit.action.prefix(159) + "…" : Substring(hit.action)
        return (who.isEmpty ? "" : who + ": ") + action
    }

    private static func description(_ hit: RequirementHit, schedule: Schedule) -> String {
        var lines = [(hit.number ?? hit.file) + (hit.documentDate.map { " (\($0))" } ?? "") + (hit.section.isEmpty ? "" : " § " + hit.section)]
        for (role, label) in [(Actor.Role.lead, "Who"), (.with, "With"), (.reportTo, "Report to")] {
            let names = hit.actors.names(role)
            if !names.isEmpty { lines.append("\(label): " + names.joined(separator: "; ")) }
        }
        lines.append("When: " + schedule.text)
        lines.append(hit.sentence)
        return lines.joined(separator: "\n")
    }

    /// The calendar as RFC 5545 text: CRLF line ends, lines folded at 75 octets.
    public var ics: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vanban//requirements//VI", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:vanban requirements"]
        let stamp = Self.timestamp(self.stamp)
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp,
                      "DTSTART;VALUE=DATE:" + event.start.basic, "DTEND;VALUE=DATE:" + event.start.next.basic]
            if let rule = event.rule { lines.append("RRULE:" + rule) }
            lines += ["SUMMARY:" + Self.escaped(event.summary), "DESCRIPTION:" + Self.escaped(event.description),
                      "TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// TEXT values escape backslash, semicolon, comma and line ends (RFC 5545 §3.3.11).
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out
    }

    /// A content line longer than 75 octets goes on over lines that start with a space, never
    /// splitting a character's UTF-8 bytes (RFC 5545 §3.1).
    static func folded(_ line: String) -> String {
        var result = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.unicodeScalars.append(scalar)
            octets += size
        }
        return result
    }
}

extension Schedule {
    /// The first day it falls due on or after `anchor` (the document's date), and the RRULE of
    /// its rhythm. A rhythm without a day falls due at the end of each period (a yearly report
    /// on 31 December, a quarterly one on the last day of the quarter).
    func firstOccurrence(onOrAfter anchor: RequirementCalendar.Day) -> (RequirementCalendar.Day, String?)? {
        typealias Day = RequirementCalendar.Day
        switch kind {
        case .relative:
            return nil
        case .date:
            return Day(iso: date).map { ($0, nil) }
        case .yearly:
            guard let month, let day else { return (Day.lastDay(of: 12, in: anchor.year), "FREQ=YEARLY") }
            let thisYear = Day(year: anchor.year, month: month, day: min(day, Day.length(of: month, in: anchor.year)))
            let start = thisYear < anchor ? Day(year: anchor.year + 1, month: month, day: min(day, Day.length(of: month, in: anchor.year + 1))) : thisYear
            return (start, "FREQ=YEARLY")
        case .periodic:
            guard let period = everyMonths.filter({ $0 > 0 }).min() else { return nil }
            if period % 12 == 0 {
                let yearly = Schedule(kind: .yearly, day: day, month: month ?? (day == nil ? nil : 12), text: text)
                return yearly.firstOccurrence(onOrAfter: anchor).map { ($0.0, "FREQ=YEARLY" + (period > 12 ? ";INTERVAL=\(period / 12)" : "")) }
            }
            // The months a period ends in: 3, 6, 9, 12 for a quarter (any month for a month).
            let ends = 12 % period == 0 ? Array(stride(from: period, through: 12, by: period)) : Array(1...12)
            for year in [anchor.year, anchor.year + 1] {
                for month in ends {
                    let length = Day.length(of: month, in: year)
                    let candidate = Day(year: year, month: month, day: day.map { min($0, length) } ?? length)
                    if !(candidate < anchor) {
                        return (candidate, "FREQ=MONTHLY;INTERVAL=\(period);BYMONTHDAY=\(day.map(String.init) ?? "-1")")
                    }
                }
            }
            return nil
        }
    }
}

extension Archive {
    /// The dated and recurring obligations `filter` selects, as an iCalendar feed. A document
    /// without a date anchors its rhythms at the archive's build date.
    public func requirementCalendar(_ filter: RequirementFilter = RequirementFilter()) throws -> RequirementCalendar {
        var filter = filter
        filter.limit = 10_000
        let hits = try requirements(filter).filter { $0.schedule != nil }
        let built = try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'built_at'") }
        let stamp = built.flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date(timeIntervalSince1970: 0)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: stamp)
        let anchor = RequirementCalendar.Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
        return RequirementCalendar(hits: hits, stamp: stamp, fallbackAnchor: anchor)
    }
}

/// A schedule as `requirements.schedule` keeps it: the API's JSON without the fields left at
/// their defaults (false, no periods), as most schedules leave them. `"atLeast":false`,
/// `"deadline":false`, `"everyMonths":[]` and `"workingDays":false` were over a third of the
/// column, 2.4 MB of 20,000 documents' archive. The other keys are the API's, so
/// `json_extract(schedule, '$.date')` reads the column as before. A field added to ``Schedule``
/// is added here too (`StoredScheduleTests` fails until it is).
struct StoredSchedule: Codable, Equatable {
    var kind: Schedule.Kind
    var date: String?
    var day: Int?
    var month: Int?
    var everyMonths: [Int]?
    var atLeast: Bool?
    var deadline: Bool?
    var within: String?
    var days: Int?
    var workingDays: Bool?
    var text: String

    init(_ schedule: Schedule) {
        kind = schedule.kind
        date = schedule.date
        day = schedule.day
        month = schedule.month
        everyMonths = schedule.everyMonths.isEmpty ? nil : schedule.everyMonths
        atLeast = schedule.atLeast ? true : nil
        deadline = schedule.deadline ? true : nil
        within = schedule.within
        days = schedule.days
        workingDays = schedule.workingDays ? true : nil
        text = schedule.text
    }

    var schedule: Schedule {
        Schedule(kind: kind, date: date, day: day, month: month, everyMonths: everyMonths ?? [], atLeast: atLeast ?? false,
                 deadline: deadline ?? false, within: within, days: days, workingDays: workingDays ?? false, text: text)
    }

    /// The stored JSON: the object `JSONEncoder` writes, keys in its `.sortedKeys` order (a
    /// test holds the two together), written directly, since the encoder's generic machinery
    /// took a twentieth of the archive writer's time.
    var json: String {
        var fields: [String] = []
        func add(_ key: String, _ value: String?) { if let value { fields.append("\"\(key)\":\(value)") } }
        add("atLeast", atLeast.map { "\($0)" })
        add("date", date.map(PlainJSON.quoted))
        add("day", day.map(String.init))
        add("days", days.map(String.init))
        add("deadline", deadline.map { "\($0)" })
        add("everyMonths", everyMonths.map(PlainJSON.array))
        add("kind", PlainJSON.quoted(kind.rawValue))
        add("month", month.map(String.init))
        add("text", PlainJSON.quoted(text))
        add("within", within.map(PlainJSON.quoted))
        add("workingDays", workingDays.map { "\($0)" })
        return "{" + fields.joined(separator: ",") + "}"
    }
}

import Foundation
import GRDB

/// Which requirements to list.
public struct RequirementFilter: Sendable {
    /// Part of an actor's name, any marks, abbreviations allowed ("ban tuyen giao", "BTG ĐUK").
    public var who: String?
    /// A document number in any common form.
    public var document: String?
    /// A month ("12", "2024-12", "12/2024") or a date ("2024-11-30"): obligations due then.
    public var due: String?
    public var limit = 200

    public init(who: String? = nil, document: String? = nil, due: String? = nil, limit: Int = 200) {
        self.who = who
        self.document = document
        self.due = due
        self.limit = limit
    }
}

/// A requirement as stored, with its document.
public struct RequirementHit: Codable, Sendable, Equatable {
    public let number: String?
    public let file: String
    /// The document's date (yyyy-mm-dd), which anchors its rhythms in a calendar.
    public let documentDate: String?
    public let section: String
    public let sentence: String
    public let actors: [Actor]
    public let action: String
    public let schedule: Schedule?
    public let targets: [Target]
    public let basis: [String]
    /// [start, end) code-point spans of `sentence` to highlight: actors, schedule, targets.
    public let highlights: [[Int]]
    /// Its passage's ordinal in the document (as `DocumentView.Paragraph.ordinal`), and its own
    /// place among the document's requirements, for a link to the sentence.
    public let passage: Int
    public let ordinal: Int
}

/// An actor and how many requirements name it.
public struct ActorCount: Codable, Sendable, Equatable {
    public let name: String
    public let key: String
    public let requirements: Int
    public let asLead: Int
}

/// A month of the calendar view: what falls due in it.
public struct CalendarMonth: Codable, Sendable, Equatable {
    /// 1-12, or nil for obligations with a rhythm but no fixed month ("ít nhất mỗi năm một lần").
    public let month: Int?
    public let requirements: [RequirementHit]
}

extension Archive {
    public func requirements(_ filter: RequirementFilter = RequirementFilter()) throws -> [RequirementHit] {
        var sql = "\(Self.requirementColumns) WHERE 1"
        var arguments = StatementArguments()
        if let who = filter.who?.trimmingCharacters(in: .whitespaces), !who.isEmpty {
            sql += " AND r.id IN (SELECT requirement_id FROM requirement_actors WHERE actor_id IN (SELECT id FROM actors WHERE instr(key, ?) > 0))"
            arguments += [rules.requirements.queryKey(who)]
        }
        if let number = filter.document {
            let ids = try documents(numbered: number).map(\.id)
            guard !ids.isEmpty else { throw VanBanError.notFound("No document numbered \(number) in the archive.") }
            sql += " AND d.id IN (\(ids.map(String.init).joined(separator: ","))) AND \(Self.inDocumentRange)"
        }
        if let due = filter.due {
            let (month, date) = try Self.parseDue(due)
            sql += " AND (instr(r.months, ?) > 0" + (date == nil ? "" : " OR json_extract(r.schedule, '$.date') = ?") + ")"
            arguments += [",\(month),"]
            if let date { arguments += [date] }
        }
        sql += " ORDER BY r.document_id, r.ordinal LIMIT \(max(1, min(filter.limit, 10_000)))"
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { try hit($0, db: db) }
        }
    }

    func requirements(documentID: Int64, db: Database) throws -> [RequirementHit] {
        try Row.fetchAll(db, sql: """
            \(Self.requirementColumns) WHERE d.id = ? AND \(Self.inDocumentRange) ORDER BY r.ordinal
            """, arguments: [documentID]).map { try hit($0, db: db) }
    }

    /// The requirement is one of document d's: found by its range of ids, with no index on r.document_id.
    static let inDocumentRange = DocumentRows.requirements.contain("r")

    /// A requirement's row with its sentence, action and section read from its passage.
    static let requirementColumns = """
        SELECT r.*, d.symbol, d.path, d.date AS document_date, p.heading AS section,
            substr(p.body, r.start + 1, r."end" - r.start) AS sentence,
            trim(substr(p.body, r.action_start + 1, r."end" - r.action_start), ' .;*') AS action
        FROM requirements r JOIN documents d ON d.id = r.document_id
        JOIN passage_texts p ON p.document_id = r.document_id AND p.ordinal = r.passage
        """

    public func actors() throws -> [ActorCount] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.key, max(a.name) AS name, count(DISTINCT ra.requirement_id) AS total,
                    count(DISTINCT CASE WHEN ra.role = 'lead' THEN ra.requirement_id END) AS lead
                FROM requirement_actors ra JOIN actors a ON a.id = ra.actor_id GROUP BY a.key ORDER BY total DESC, a.key
                """).map { ActorCount(name: $0["name"], key: $0["key"], requirements: $0["total"], asLead: $0["lead"]) }
        }
    }

    /// Dated and recurring obligations by month; those with a rhythm but no month come last.
    public func calendar(_ filter: RequirementFilter = RequirementFilter()) throws -> [CalendarMonth] {
        let scheduled = try requirements(filter).filter { $0.schedule != nil }
        var months: [CalendarMonth] = (1...12).compactMap { month in
            let due = scheduled.filter { $0.schedule!.months.contains(month) }
            return due.isEmpty ? nil : CalendarMonth(month: month, requirements: due)
        }
        let anytime = scheduled.filter { $0.schedule!.months.isEmpty }
        if !anytime.isEmpty { months.append(CalendarMonth(month: nil, requirements: anytime)) }
        return months
    }

    private func hit(_ row: Row, db: Database) throws -> RequirementHit {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ column: String) throws -> T? {
            guard let text: String = row[column] else { return nil }
            return try decoder.decode(T.self, from: Data(text.utf8))
        }
        let statement = try db.cachedStatement(sql: """
            SELECT a.name, a.key, ra.role FROM requirement_actors ra JOIN actors a ON a.id = ra.actor_id
            WHERE ra.requirement_id = ? ORDER BY ra.ordinal
            """)
        let actors = try Row.fetchAll(statement, arguments: [row["id"]]).map {
            Actor(name: $0["name"], key: $0["key"], role: Actor.Role(rawValue: $0["role"]) ?? .lead)
        }
        return RequirementHit(number: row["symbol"], file: row["path"], documentDate: row["document_date"],
                              section: row["section"], sentence: row["sentence"],
                              actors: actors, action: row["action"], schedule: try decode(StoredSchedule.self, "schedule")?.schedule,
                              targets: try decode([Target].self, "targets") ?? [], basis: try decode([String].self, "basis") ?? [],
                              highlights: try decode([[Int]].self, "highlights") ?? [], passage: row["passage"], ordinal: row["ordinal"])
    }

    /// "12", "2024-12", "12/2024" → month 12; "2024-11-30" or "30/11/2024" → month 11 and that date.
    static func parseDue(_ text: String) throws -> (month: Int, date: String?) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).compactMap { Int($0) }
        let numbers = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == numbers.count, !parts.isEmpty else {
            throw VanBanError.badQuery("--due takes a month (12, 2024-12, 12/2024) or a date (2024-11-30, 30/11/2024), not \"\(text)\".")
        }
        switch parts.count {
        case 1 where (1...12).contains(parts[0]): return (parts[0], nil)
        case 2 where parts[0] > 999 && (1...12).contains(parts[1]): return (parts[1], nil)
        case 2 where parts[1] > 999 && (1...12).contains(parts[0]): return (parts[0], nil)
        case 3 where parts[0] > 999:
            if let iso = DateParser.iso(day: Substring(String(parts[2])), month: Substring(String(parts[1])), year: Substring(String(parts[0]))) {
                return (parts[1], iso)
            }
        case 3:
            if let iso = DateParser.iso(day: Substring(String(parts[0])), month: Substring(String(parts[1])), year: Substring(String(parts[2]))) {
                return (parts[1], iso)
            }
        default: break
        }
        throw VanBanError.badQuery("--due takes a month (12, 2024-12, 12/2024) or a date (2024-11-30, 30/11/2024), not \"\(text)\".")
    }
}

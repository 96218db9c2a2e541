import Foundation
import GRDB

/// A document's validity on a day, in full: the status, its own effect, every change (those in
/// effect by then and those still to come), the conflicts, and the evidence that decides it.
public struct Validity: Codable, Sendable {
    public let node: GraphNode
    /// The day the status is read for (yyyy-mm-dd).
    public let asOf: String
    public let status: ValidityStatus
    public let effect: Effect?
    /// The changes in effect on `asOf`, oldest first.
    public let changes: [ValidityChange]
    /// Changes dated after `asOf`.
    public let upcoming: [ValidityChange]
    public let conflicts: [ValidityConflict]
    /// The sentences that decide the status.
    public let evidence: [Evidence]
}

/// A reference of a document to one that no longer stands (replaced, repealed, ended, expired,
/// suspended) or stands only in part: what an office must look at before relying on it.
public struct ValidityWarning: Codable, Sendable {
    /// When the deciding change took effect, against the citing document's date.
    public enum Timing: String, Codable, Sendable {
        /// It had already happened when the document was issued: the document relies on what no
        /// longer stood.
        case before
        /// On the day the document was issued: it may cite what it knew was changing that day.
        case sameDay = "same-day"
        /// It happened since.
        case after
        /// One of the two dates is not known.
        case unknown
    }

    /// The document cited, with its status.
    public let reference: GraphNode
    /// How the citing document cites it.
    public let relations: [Relation]
    public let status: ValidityStatus
    public let timing: Timing
    /// The sentences that decide the status.
    public let evidence: [Evidence]
    /// Where the citing document cites it.
    public let citedAt: [Evidence]
}

/// `vanban check`: the references of a document that no longer stand, or stand in part.
public struct ValidityCheck: Codable, Sendable {
    public let document: GraphNode
    public let asOf: String
    public let warnings: [ValidityWarning]
}

extension Archive {
    /// A document's validity on a day (today when nil), by its number or name.
    public func validity(of text: String, asOf day: String? = nil) throws -> Validity {
        let node = try self.node(named: text)
        return try read { try validity(of: node, asOf: day ?? ISODate.today(), db: $0) }
    }

    func validity(of node: GraphNode, asOf day: String, db: Database) throws -> Validity {
        let record = try self.record(of: node.id, db: db) ?? ValidityRecord(effect: nil)
        let read = record.status(asOf: day)
        var node = node
        node.validity = read.status
        return Validity(node: node, asOf: day, status: read.status, effect: record.effect, changes: read.changes,
                        upcoming: read.upcoming, conflicts: record.conflicts, evidence: read.evidence)
    }

    /// The references of a document that were replaced, repealed, ended, suspended, expired or
    /// partly repealed by others (its own changes to them are no warning), on a day.
    public func check(_ text: String, asOf day: String? = nil) throws -> ValidityCheck {
        let node = try self.node(named: text)
        return try read { try check(node, asOf: day ?? ISODate.today(), db: $0) }
    }

    func check(_ node: GraphNode, asOf day: String, db: Database) throws -> ValidityCheck {
            let references = try self.references(where: "l.source = ?", node.id, db: db)
            var warnings: [ValidityWarning] = []
            for linked in references.grouped(by: { $0.target }) {
                guard var target = linked.node, target.id != node.id,
                      var record = try record(of: target.id, db: db) else { continue }
                record.changes.removeAll { $0.byNode == node.id }
                let read = record.status(asOf: day)
                guard read.status.state.stopped || read.status.state == .partlyRepealed else { continue }
                target.validity = read.status
                let citedAt = linked.references.map {
                    Evidence(document: $0.statedIn.label, file: nil, passage: $0.passage, section: $0.section, sentence: $0.sentence,
                             citation: $0.text)
                }
                warnings.append(ValidityWarning(reference: target, relations: linked.relations, status: read.status,
                                                timing: Self.timing(read.status.since, against: node.date), evidence: read.evidence,
                                                citedAt: citedAt))
            }
            var document = node
            document.validity = try statuses(of: [node.id], asOf: day, db: db)[node.id]
            return ValidityCheck(document: document, asOf: day, warnings: warnings)
    }

    private static func timing(_ since: String?, against date: String?) -> ValidityWarning.Timing {
        guard let since, let date else { return .unknown }
        // A month ("2025-09", a day left blank) against a day of that month: either way.
        if since.count != date.count, since.hasPrefix(date) || date.hasPrefix(since) { return .unknown }
        return since == date ? .sameDay : since < date ? .before : .after
    }

    func record(of node: Int64, db: Database) throws -> ValidityRecord? {
        guard let json = try String.fetchOne(db.cachedStatement(sql: "SELECT record FROM validity WHERE node_id = ?"), arguments: [node]) else {
            return nil
        }
        return try JSONDecoder().decode(ValidityRecord.self, from: Data(json.utf8))
    }

    /// The status of each of these nodes on a day (today when nil).
    func statuses(of ids: [Int64], asOf day: String? = nil, db: Database) throws -> [Int64: ValidityStatus] {
        guard !ids.isEmpty else { return [:] }
        let day = day ?? ISODate.today()
        let list = "[" + Set(ids).map(String.init).joined(separator: ",") + "]"
        var statuses: [Int64: ValidityStatus] = [:]
        let decoder = JSONDecoder()
        let statement = try db.cachedStatement(sql: "SELECT node_id, record FROM validity WHERE node_id IN (SELECT value FROM json_each(?))")
        for row in try Row.fetchAll(statement, arguments: [list]) {
            let record = try decoder.decode(ValidityRecord.self, from: Data((row["record"] as String).utf8))
            statuses[row["node_id"]] = record.status(asOf: day).status
        }
        return statuses
    }

    /// The archive's documents that no longer stand on a day: replaced, repealed, ended,
    /// expired or suspended.
    func stoppedDocuments(asOf day: String, db: Database) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT document_id FROM validity WHERE document_id IS NOT NULL AND stops <= ?", arguments: [day]))
    }
}

extension GraphNode {
    /// The node with its status, when `statuses` has one.
    func with(_ statuses: [Int64: ValidityStatus]) -> GraphNode {
        var node = self
        node.validity = statuses[id] ?? validity
        return node
    }
}

import Foundation
import GRDB

/// What an office has to fix in its corpus: files that could not be read, with the reason, and
/// documents indexed without a number or a date, with what the parser noticed about them
/// ("number left blank in the text", "scanned: ...", "title from the file's properties").
public struct ProblemList: Codable, Sendable {
    public struct Unreadable: Codable, Sendable, Equatable {
        public let file: String
        public let reason: String
    }

    public struct Incomplete: Codable, Sendable, Equatable {
        public let file: String
        public let format: String
        /// The document's number or what is known of it, for finding it again.
        public let number: String?
        public let type: String?
        /// "number", "date": what an office would fill in.
        public let missing: [String]
        /// Why, as far as the parser could tell.
        public let reasons: [String]
    }

    public let unreadable: [Unreadable]
    public let incomplete: [Incomplete]

    public var lackingNumber: Int { incomplete.filter { $0.missing.contains("number") }.count }
    public var lackingDate: Int { incomplete.filter { $0.missing.contains("date") }.count }
}

extension Archive {
    /// The unreadable files and the documents without a number or date, by file name.
    public func problems() throws -> ProblemList {
        try read { db in
            let unreadable = try Row.fetchAll(db, sql: "SELECT path, message FROM problems ORDER BY path").map {
                ProblemList.Unreadable(file: $0["path"], reason: $0["message"])
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT path, format, symbol, type_name, missing, notes, partial_date, ocr FROM documents
                WHERE ',' || missing || ',' LIKE '%,number,%' OR ',' || missing || ',' LIKE '%,date,%' ORDER BY path
                """)
            let incomplete = rows.map { row -> ProblemList.Incomplete in
                let missing = (row["missing"] as String).split(separator: ",").map(String.init).filter { $0 == "number" || $0 == "date" }
                let notes = PlainJSON.strings(row["notes"] as String)
                var reasons = notes.filter { $0.contains("blank") || $0.contains("OCR") || $0.contains("without a text layer") }
                if missing.contains("number") && !reasons.contains(where: { $0.hasPrefix("number") }) {
                    reasons.append("no \"Số ...\" line with a number in the header")
                }
                if missing.contains("date") {
                    if let partial: String = row["partial_date"] {
                        if !reasons.contains(where: { $0.hasPrefix("day") }) { reasons.append("only \(partial) is given") }
                    } else {
                        reasons.append("no \"..., ngày ... tháng ... năm ...\" line in the header")
                    }
                }
                return ProblemList.Incomplete(file: row["path"], format: row["format"], number: row["symbol"],
                                              type: row["type_name"], missing: missing, reasons: reasons)
            }
            return ProblemList(unreadable: unreadable, incomplete: incomplete)
        }
    }
}

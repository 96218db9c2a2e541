/// The limits every surface applies to what it is asked, and the messages that name a value
/// outside them, so the CLI and the HTTP API accept the same values and refuse them in the same
/// words. A surface names a parameter as it spells it: "limit" over HTTP, "--limit" in the CLI.
public enum Limits {
    /// Years a filter may name.
    public static let years = 1900...2100
    /// The longest type, issuer, number or actor a parameter may hold: far above any real one.
    public static let maxNameBytes = 200
    public static let pageSize = 1...SearchRequest.maxLimit
    public static let offset = 0...SearchRequest.maxOffset
    public static let chainDepth = 1...Archive.maxChainDepth
    public static let port = 0...65_535

    public static func wholeNumber(_ name: String, _ range: ClosedRange<Int>) -> String {
        "\"\(name)\" must be a whole number from \(range.lowerBound) to \(range.upperBound)."
    }

    public static func tooLong(_ name: String, bytes: Int, max: Int = maxNameBytes) -> String {
        "\"\(name)\" is too long (\(bytes) bytes; at most \(max))."
    }

    public static func emptyYears(_ from: Int, _ to: Int, fromName: String, toName: String) -> String {
        "The year range \(from)–\(to) is empty: \"\(fromName)\" must not be after \"\(toName)\"."
    }

    public static func choice(_ name: String, _ allowed: [String]) -> String {
        "\"\(name)\" must be one of: \(allowed.joined(separator: ", "))."
    }

    public static func queryTooLong(bytes: Int) -> String {
        "The query is too long (\(bytes) bytes; at most \(QueryParser.maxLength))."
    }

    public static func unknownType(_ type: String) -> String {
        "Unknown document type \"\(type)\": use a code such as NQ, KH, CTr, CV or a name such as \"nghị quyết\"."
    }
}

extension Limits {
    public static func day(_ name: String) -> String {
        "\"\(name)\" must be a day: 2025-12-31 or 31/12/2025."
    }

    /// A day typed by a person (2025-12-31, 31/12/2025) as yyyy-mm-dd, or nil when it is none.
    public static func parseDay(_ text: String) -> String? { ISODate.parse(text) }
}

/// The key a document number is found by, in the archive's tables and in memory alike: the
/// number without leading zeros, and the type and issuer ignoring case and marks, with types
/// that share one numbering under one key (`indexer/types.tsv`: 101-QĐ/TW is a Quy định).
///
/// The one rule for it: the writer stores it, the resolver links by it, and `show`, `refs` and
/// the graph queries look numbers up by it, so "101-QĐi/TW" and "101-QĐ/TW" meet everywhere.
public struct NumberKey: Hashable, Sendable, CustomStringConvertible {
    public let number: String
    public let type: String
    /// Nil for a number given without its issuer ("nq 25", "Nghị quyết 39").
    public let issuer: String?

    public init(_ number: DocumentNumber, types: DocumentTypes) {
        self.init(number: number.number, type: number.type, issuer: number.issuer, types: types)
    }

    public init(number: String, type: String, issuer: String?, types: DocumentTypes) {
        self.number = Self.number(number)
        self.type = types.numberingKey(type)
        self.issuer = issuer.map(VietText.key)
    }

    /// Keys as stored (`num_key`, `type_key`, `issuer_key`), already folded.
    init(stored number: String, type: String, issuer: String?) {
        self.number = number
        self.type = type
        self.issuer = issuer
    }

    /// The number without leading zeros: "01" and "1" are one number.
    public static func number(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// "25|nq|tw": what the resolver's tables are keyed by.
    public var description: String { "\(number)|\(type)|\(issuer ?? "")" }
}

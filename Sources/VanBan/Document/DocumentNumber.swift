/// A document's số hiệu: number, type, issuer and, for State documents, year.
///
/// Party numbers read `25-NQ/TW` (number, type, issuer); State numbers `18/2000/CT-TTg`
/// (number, year, type-issuer) or `1520/QĐ-UBND` without a year. Codes are stored in their
/// canonical spelling from `indexer/` ("TƯ" → "TW", "ctr" → "CTr"); ``key`` ignores case, marks
/// and leading zeros, so "84 - CV/ĐU" and "84-cv/du" meet.
public struct DocumentNumber: Hashable, Sendable, Codable {
    public let number: String
    public let year: Int?
    public let type: String
    public let issuer: String
    public let isParty: Bool

    public init(number: String, year: Int? = nil, type: String, issuer: String, isParty: Bool) {
        self.number = number
        self.year = year
        self.type = type
        self.issuer = issuer
        self.isParty = isParty
    }

    /// The canonical written form.
    public var symbol: String {
        if isParty { return "\(number)-\(type)/\(issuer)" }
        let code = type.isEmpty ? issuer : "\(type)-\(issuer)"
        if let year { return "\(number)/\(year)/\(code)" }
        return "\(number)/\(code)"
    }

    /// The number without leading zeros: "01" and "1" are one number.
    public var numberKey: String {
        let trimmed = number.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    public var typeKey: String { VietText.key(type) }
    public var issuerKey: String { VietText.key(issuer) }

    /// A lookup key: number, type and issuer ignoring case and marks (the year is kept apart,
    /// because a Party number does not show it).
    public var key: String { "\(numberKey)|\(typeKey)|\(issuerKey)" }
}

extension DocumentNumber: CustomStringConvertible {
    public var description: String { symbol }
}

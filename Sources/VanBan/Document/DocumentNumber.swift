/// A document's số hiệu: number, type, issuer and, for State documents, year.
///
/// Party numbers read `25-NQ/TW` (number, type, issuer); State numbers `18/2000/CT-TTg`
/// (number, year, type-issuer) or `1520/QĐ-UBND` without a year. Codes are stored in their
/// canonical spelling from `indexer/` ("TƯ" → "TW", "ctr" → "CTr"); ``NumberKey`` is how a number
/// is looked up, so "84 - CV/ĐU" and "84-cv/du" meet.
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

}

extension DocumentNumber: CustomStringConvertible {
    public var description: String { symbol }
}

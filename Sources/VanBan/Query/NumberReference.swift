/// A document number as a user may type it: whole ("25-NQ/TW", "25/NQ-TW", "84 - CV/ĐU",
/// "Nghị quyết số 25-NQ/TW") or partial ("nq 25", "NQ25", "25 nq", "nghị quyết 25").
public struct NumberReference: Sendable, Equatable {
    public let number: String
    public let typeCode: String
    public let issuer: String?
    public let year: Int?

    /// The symbol as far as it is known: "25-NQ/TW", or "NQ 25" without an issuer.
    public var display: String {
        guard let issuer else { return "\(typeCode) \(number)" }
        return DocumentNumber(number: number, year: year, type: typeCode, issuer: issuer, isParty: year == nil).symbol
    }

    init(_ number: DocumentNumber) {
        self.number = NumberKey.number(number.number)
        typeCode = number.type
        issuer = number.issuer
        year = number.year
    }

    init(number: String, typeCode: String, year: Int? = nil) {
        self.number = NumberKey.number(number)
        self.typeCode = typeCode
        issuer = nil
        self.year = year
    }

    /// The type's part of a lookup (arguments: the key's type, then `typeCode`). A law's number
    /// names no type ("51/2024/QH15", and the Standing Committee's "89/2025/UBTVQH15"): such a
    /// document or cited record goes by the type its heading or citation gives ("luat 51").
    static let typeCondition = "(type_key = ? OR (type_key = '' AND type_code = ?))"

    /// How the archive's tables are searched for it.
    func key(_ rules: RuleSet) -> NumberKey {
        NumberKey(number: number, type: typeCode, issuer: issuer, types: rules.types)
    }

    /// Reads `text` as a number reference, or nil when it is something else.
    public static func parse(_ text: String, rules: RuleSet) -> NumberReference? {
        // Every number has a digit; most queries have none, and are read no further.
        guard text.hasDecimalDigit else { return nil }
        let text = VietText.nfc(text).trimmingScalars(in: .whitespaces)
        let scanner = NumberScanner(rules: rules)
        if let whole = scanner.number(exactly: text) { return NumberReference(whole) }
        if let named = withoutTypeName(text, rules: rules), let whole = scanner.number(exactly: named) {
            return NumberReference(whole)
        }
        return partial(text, rules: rules)
    }

    /// "Nghị quyết số 25-NQ/TW" → "25-NQ/TW".
    private static func withoutTypeName(_ text: String, rules: RuleSet) -> String? {
        guard let type = rules.types.entry(startingText: text) else { return nil }
        var words = text.split(separator: " ").dropFirst(type.name.split(separator: " ").count)
        if let first = words.first, VietText.key(String(first)) == "so" { words = words.dropFirst() }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    private nonisolated(unsafe) static let typeThenNumber = #/^([a-z ]+?)\s*(?:so\s*)?(\d{1,6})$/#
    private nonisolated(unsafe) static let numberThenType = #/^(\d{1,6})\s*([a-z]+)$/#

    private static func partial(_ text: String, rules: RuleSet) -> NumberReference? {
        let key = VietText.foldPreservingOffsets(text.lowercased())
        if let match = key.wholeMatch(of: typeThenNumber), let type = rules.types.entry(for: String(match.1)) {
            return NumberReference(number: String(match.2), typeCode: type.code)
        }
        if let match = key.wholeMatch(of: numberThenType), let type = rules.types.entry(for: String(match.2)) {
            return NumberReference(number: String(match.1), typeCode: type.code)
        }
        return nil
    }

    /// A type word and a number as people type them, then a year or the issuer's words or both:
    /// "ke hoach 45 tinh uy", "nghị quyết 25 trung ương", "chi thi 18 2000", "cong van 84 dang uy".
    /// Nil for anything else, a bare type and number included (``parse(_:rules:)`` reads those).
    public static func parseWithIssuer(_ text: String, rules: RuleSet) -> (reference: NumberReference, issuer: String?)? {
        let words = VietText.key(text).split(separator: " ").map(String.init)
        for typeLength in stride(from: min(3, words.count), through: 1, by: -1) {
            guard let type = rules.types.entry(for: words[..<typeLength].joined(separator: " ")) else { continue }
            var rest = words[typeLength...]
            if rest.first == "so" { rest = rest.dropFirst() }
            guard let number = rest.first, number.count <= 6, number.allSatisfy(\.isNumber) else { return nil }
            rest = rest.dropFirst()
            var year: Int?
            if let first = rest.first, first.count == 4, let value = Int(first), (1945...2100).contains(value) {
                year = value
                rest = rest.dropFirst()
            }
            guard year != nil || !rest.isEmpty else { return nil }
            return (NumberReference(number: number, typeCode: type.code, year: year), rest.isEmpty ? nil : rest.joined(separator: " "))
        }
        return nil
    }
}
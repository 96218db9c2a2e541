/// A small set of UTF-16 units, written as a string of the characters it holds.
struct UnitSet: Sendable {
    private let units: Set<UInt16>

    init(_ characters: String) { units = Set(characters.utf16) }

    func contains(_ unit: UInt16) -> Bool { units.contains(unit) }

    static let clauseEnd = UnitSet(";.!?\n")
}

extension StringProtocol {
    /// The text without leading and trailing characters of `set`.
    func trimmed(_ set: String = " ") -> String {
        let drop = { (character: Character) in set.contains(character) || character.isWhitespace }
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}

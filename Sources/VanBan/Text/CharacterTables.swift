/// Character classes of UTF-16 units, shared by every stage that reads words and numbers.

@inline(__always) func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

@inline(__always) func isLetter(_ unit: UInt16) -> Bool {
    if unit < 0x80 { return (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A }
    return CharacterTables.letters[Int(unit)]
}

@inline(__always) func isUpperCaseUnit(_ unit: UInt16) -> Bool { CharacterTables.upperCase[Int(unit)] }

/// Letter and upper-case tests for every UTF-16 unit, computed once: the Unicode property
/// lookups they replace dominated tokenisation time.
enum CharacterTables {
    static let letters: [Bool] = (0..<0x10000).map { Unicode.Scalar(UInt32($0))?.properties.isAlphabetic ?? false }
    static let upperCase: [Bool] = (0..<0x10000).map { Unicode.Scalar(UInt32($0))?.properties.isUppercase ?? false }
}

@inline(__always) func isWordUnit(_ unit: UInt16) -> Bool { isDigit(unit) || isLetter(unit) }

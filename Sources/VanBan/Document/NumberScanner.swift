/// Finds document numbers in text, in the forms people write them: "25-NQ/TW",
/// "84 - CV/ĐU", "45-KH/TƯ", "18/2000/CT-TTg", "30/2020/NĐ-CP", "1520/QĐ-UBND", "45/2019/QH14",
/// and "25/NQ-TW" for a Party number written the State way.
///
/// It works on UTF-16 units of NFC text, so a match's range is an offset pair that also fits
/// the folded copy of the text.
public struct NumberScanner: Sendable {
    public struct Match: Sendable {
        public let range: Range<Int>
        public let number: DocumentNumber
    }

    let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    /// Every number in `text`.
    public func matches(in text: String) -> [Match] {
        matches(in: text.utf16Units)
    }

    public func matches(in units: [UInt16]) -> [Match] {
        var found: [Match] = []
        var i = 0
        while i < units.count {
            guard isDigit(units[i]), i == 0 || !isWordUnit(units[i - 1]) && units[i - 1] != 0x2F else {
                i += 1
                continue
            }
            if let match = match(at: i, in: units) {
                found.append(match)
                i = match.range.upperBound
            } else {
                while i < units.count && isDigit(units[i]) { i += 1 }
            }
        }
        return found
    }

    /// The number that `text` is as a whole, if it is exactly one.
    public func number(exactly text: String) -> DocumentNumber? {
        let units = text.utf16Units
        let all = matches(in: units)
        guard all.count == 1, let only = all.first else { return nil }
        let rest = units[..<only.range.lowerBound] + units[only.range.upperBound...]
        return rest.allSatisfy { $0 == 0x20 || $0 == 0x09 } ? only.number : nil
    }

    private func match(at start: Int, in units: [UInt16]) -> Match? {
        var cursor = Cursor(units: units, position: start)
        let digits = cursor.take(while: isDigit)
        guard digits.count <= 6 else { return nil }
        let number = String(decoding: digits, as: UTF16.self)
        let afterNumber = cursor.position
        if let party = partyForm(number: number, cursor: &cursor) {
            return Match(range: start..<cursor.position, number: party)
        }
        cursor.position = afterNumber
        if let state = stateForm(number: number, cursor: &cursor) {
            return Match(range: start..<cursor.position, number: state)
        }
        return nil
    }

    /// `25-NQ/TW`, with spaces allowed around the punctuation, and an en dash for the hyphen.
    private func partyForm(number: String, cursor: inout Cursor) -> DocumentNumber? {
        cursor.skipSpaces()
        guard cursor.take(0x2D) || cursor.take(0x2013) else { return nil }  // "08 –HD/BTCTU": an en dash typed for the hyphen
        cursor.skipSpaces()
        guard let typeCode = cursor.code(), let type = rules.types.entry(for: typeCode) else { return nil }
        cursor.skipSpaces()
        guard cursor.take(0x2F) else { return nil }
        cursor.skipSpaces()
        guard let issuerCode = cursor.code() else { return nil }
        let issuer = rules.issuers.entry(for: issuerCode)
        // "2587-CV/VPTW/nb", "156-CV/TĐTN-BCTĐ&TTN": a unit after the issuer is part of the symbol.
        if let unit = cursor.unit() { return DocumentNumber(number: number, type: type.code, issuer: issuerCode + unit, isParty: true) }
        return DocumentNumber(number: number, type: type.code, issuer: issuer?.code ?? issuerCode, isParty: true)
    }

    /// `18/2000/CT-TTg`, `1520/QĐ-UBND`, `45/2019/QH14`, or `25/NQ-TW` (a Party number); a
    /// space may stand before a slash ("9387 /UBND-KT", "16 /2026/QĐ-UBND"), as typed in headers.
    private func stateForm(number: String, cursor: inout Cursor) -> DocumentNumber? {
        cursor.skipSpaces()
        guard cursor.take(0x2F) else { return nil }
        var year: Int?
        let mark = cursor.position
        let yearDigits = cursor.take(while: isDigit)
        cursor.skipSpaces()
        if yearDigits.count == 4, cursor.take(0x2F) {
            year = Int(String(decoding: yearDigits, as: UTF16.self))
        } else {
            cursor.position = mark
        }
        guard let first = cursor.code() else { return nil }
        var parts = [first]
        while cursor.peek == 0x2D, let next = cursor.lookahead(1), isLetter(next) {
            cursor.position += 1
            guard let part = cursor.code() else { break }
            parts.append(part)
        }
        if parts.count == 1 {
            guard year != nil else { return nil }
            return DocumentNumber(number: number, year: year, type: "", issuer: first, isParty: false)
        }
        guard let type = rules.types.entry(for: parts[0]) else {
            // A công văn of a State body names no type: "1520/UBND-VP" is issuer and unit.
            guard year == nil, parts.allSatisfy(Self.isUpperCaseCode) else { return nil }
            return DocumentNumber(number: number, type: "", issuer: parts.joined(separator: "-"), isParty: false)
        }
        var issuerCode = parts.dropFirst().joined(separator: "-")
        if let unit = cursor.unit(), unit.hasPrefix("(") { issuerCode += unit }  // "197/TTr-CAT(PA05)"
        let issuer = rules.issuers.entry(for: issuerCode)
        let isParty = year == nil && issuer?.isParty == true
        return DocumentNumber(number: number, year: year, type: type.code, issuer: issuer?.code ?? issuerCode,
                              isParty: isParty)
    }
}

extension NumberScanner {
    static func isUpperCaseCode(_ code: String) -> Bool {
        code.count >= 2 && code.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "&" } && code.first!.isLetter
    }
}

/// A read position in UTF-16 units with the few moves the number grammar needs.
struct Cursor {
    let units: [UInt16]
    var position: Int

    var peek: UInt16? { position < units.count ? units[position] : nil }

    func lookahead(_ offset: Int) -> UInt16? {
        position + offset < units.count ? units[position + offset] : nil
    }

    mutating func take(_ unit: UInt16) -> Bool {
        guard peek == unit else { return false }
        position += 1
        return true
    }

    mutating func take(while predicate: (UInt16) -> Bool) -> ArraySlice<UInt16> {
        let start = position
        while let unit = peek, predicate(unit) { position += 1 }
        return units[start..<position]
    }

    mutating func skipSpaces() {
        _ = take { $0 == 0x20 || $0 == 0xA0 || $0 == 0x09 }
    }

    /// A code: a letter, then letters and digits ("CTr", "ĐUK", "QH14", "BGDĐT"), "&" between
    /// letters included ("LĐVL&TN", "B&PTTH").
    mutating func code() -> String? {
        guard let first = peek, isLetter(first) else { return nil }
        var units = Array(take { isLetter($0) || isDigit($0) })
        while peek == 0x26, let next = lookahead(1), isLetter(next) {
            position += 1
            units += [0x26] + take { isLetter($0) || isDigit($0) }
        }
        guard units.count <= 12 else { return nil }
        return String(decoding: units, as: UTF16.self)
    }

    /// What may follow an issuer's code inside a symbol: "/nb" (a unit in lower case), "-BCTĐ&TTN"
    /// (a Party office's unit), or "(PA05)" glued to it.
    mutating func unit() -> String? {
        let mark = position
        if peek == 0x2F, let next = lookahead(1), isLetter(next), !isUpperCaseUnit(next) {
            position += 1
            let letters = take { isLetter($0) && !isUpperCaseUnit($0) }
            if letters.count <= 4, !(peek.map { isLetter($0) || isDigit($0) } ?? false) { return "/" + String(decoding: letters, as: UTF16.self) }
        } else if peek == 0x2D, let next = lookahead(1), isLetter(next) {
            position += 1
            if let code = code(), NumberScanner.isUpperCaseCode(code) { return "-" + code }
        } else if peek == 0x28, let next = lookahead(1), isLetter(next) {
            position += 1
            if let code = code(), code.count <= 8, take(0x29) { return "(" + code + ")" }
        }
        position = mark
        return nil
    }
}

extension String {
    /// Whether the text holds a decimal digit, of any script (what a regex's `\d` matches:
    /// general category Nd). ASCII's are looked for in the bytes first (contiguous, not through
    /// the view's iterator); of the rest, only scalars that may be digits have their category read.
    var hasDecimalDigit: Bool {
        var text = self
        let (digit, ascii) = text.withUTF8 { bytes in
            var ascii = true
            for byte in bytes {
                if byte >= 0x30 && byte <= 0x39 { return (true, ascii) }
                if byte >= 0x80 { ascii = false }
            }
            return (false, ascii)
        }
        if digit { return true }
        return !ascii && unicodeScalars.contains { !Self.holdsNoDigit($0) && $0.properties.generalCategory == .decimalNumber }
    }

    /// Below U+0660 only ASCII's digits are decimal, and Latin Extended Additional (the
    /// Vietnamese letters) has none.
    static func holdsNoDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x660 || (0x1E00...0x1EFF).contains(scalar.value)
    }
}

/// Where words begin and end, for cutting quotes, sentences and summaries: never inside a word.
///
/// A word character is a letter, a digit or a combining mark (text from Word is often NFD).
public enum WordBoundary {
    public static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
    }

    /// True when offset `index` of `scalars` is not inside a word: at either end, or between a
    /// word character and anything else.
    public static func isBoundary(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        index <= 0 || index >= scalars.count || !isWordCharacter(scalars[index - 1]) || !isWordCharacter(scalars[index])
    }

    /// The range shrunk to whole words: a start inside a word moves past it (and past the
    /// punctuation that followed the word), an end inside a word moves back before it, then
    /// spaces at either end are dropped.
    public static func shrunk(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
        var start = max(0, range.lowerBound), end = min(scalars.count, range.upperBound)
        if !isBoundary(scalars, at: start) {
            while start < end, !isBoundary(scalars, at: start) { start += 1 }
            while start < end, trailing.contains(scalars[start]) || scalars[start].properties.isWhitespace { start += 1 }
        }
        while end > start, !isBoundary(scalars, at: end) { end -= 1 }
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return start..<end
    }

    /// Punctuation that ends what comes before it, and so cannot open a cut text.
    private static let trailing: Set<Unicode.Scalar> = [",", ";", ":", ".", "!", "?", ")", "”"]

    /// The same on UTF-16 offsets, as the extraction stages measure them (a unit of a surrogate
    /// pair counts as no word character: no letter of Vietnamese needs one).
    public static func shrunk(utf16 range: Range<Int>, in units: [UInt16]) -> Range<Int> {
        let scalars = units.map { Unicode.Scalar($0) ?? " " }
        return shrunk(range, in: scalars)
    }
}

extension String {
    /// At most `limit` characters, cut at the end of a word, with "…" when something was cut.
    public func cutAtWord(_ limit: Int) -> String {
        guard count > limit else { return self }
        let scalars = Array(unicodeScalars)
        let head = String(prefix(limit)).unicodeScalars.count
        let kept = WordBoundary.shrunk(0..<head, in: scalars)
        let words = kept.isEmpty ? 0..<head : kept
        var text = String(String.UnicodeScalarView(scalars[words]))
        while let last = text.last, ",;:–-(".contains(last) || last == " " { text.removeLast() }
        return text + " …"
    }
}

/// One sentence of a passage seen as words, with quoted words marked (quotations are
/// background: they neither make nor fill a requirement).
struct SentenceView {
    let words: Words
    let range: Range<Int>
    let indices: Range<Int>
    private let quoted: Set<Int>

    init(words: Words, range: Range<Int>) {
        self.words = words
        self.range = range
        let first = words.index(atOrAfter: range.lowerBound)
        var last = first
        while last < words.count, words[last].range.upperBound <= range.upperBound { last += 1 }
        indices = first..<last
        var quoted = Set<Int>()
        var inside = false
        var offset = range.lowerBound
        for index in indices {
            while offset < words[index].range.lowerBound {
                switch words.units[offset] {
                case 0x201C: inside = true
                case 0x201D: inside = false
                case 0x22: inside.toggle()
                default: break
                }
                offset += 1
            }
            if inside { quoted.insert(index) }
            offset = words[index].range.upperBound
        }
        self.quoted = quoted
    }

    var end: Int { indices.upperBound }

    func isQuoted(_ index: Int) -> Bool { quoted.contains(index) }

    private static let comma = UnitSet(",")
    private static let punctuation = UnitSet(",;:-+)")
    private static let clauseBreak = UnitSet(";:.(\"“")
    static let openingParenthesis = UnitSet("(")

    /// The length of a phrase of `phrases` starting at word `index` and ending in the sentence.
    func match(_ phrases: PhraseIndex<Bool>, at index: Int) -> Int? {
        guard indices.contains(index), !isQuoted(index), let length = phrases.length(at: index, in: words),
              index + length <= end else { return nil }
        return length
    }

    func contains(_ phrases: PhraseIndex<Bool>) -> Bool {
        indices.contains { match(phrases, at: $0) != nil }
    }

    func startsWith(_ phrases: PhraseIndex<Bool>) -> Bool {
        indices.first.map { match(phrases, at: $0) != nil } ?? false
    }

    /// A word an actor's name may start with, or the start of a known body's name, after a
    /// determiner or not ("các tỉnh ủy").
    func isActorStart(_ index: Int, cues: RequirementRules) -> Bool {
        let named = { (index: Int) in self.match(cues.index(.actor), at: index) != nil || self.match(cues.bodies, at: index) != nil }
        if named(index) { return true }
        return match(cues.index(.determiner), at: index).map { named(index + $0) } ?? false
    }

    private static let semicolon = UnitSet(";")

    func followsSemicolon(_ index: Int) -> Bool { gapBefore(index, contains: Self.semicolon) }

    func gapBefore(_ index: Int, contains characters: UnitSet) -> Bool {
        words.gap(after: index - 1, before: index, contains: characters)
    }

    func followsComma(_ index: Int) -> Bool { gapBefore(index, contains: Self.comma) }

    /// After a comma, semicolon, colon or a list marker ("5- Giao ...").
    func followsPunctuation(_ index: Int) -> Bool {
        gapBefore(index, contains: Self.punctuation) || (index > 0 && isDigit(words.units[words[index - 1].range.lowerBound]) && index - 1 == indices.first)
    }

    func breaksClause(before index: Int) -> Bool {
        gapBefore(index, contains: Self.clauseBreak)
    }

    /// A clause break other than a semicolon (";" may separate the names of a list).
    func breaksClauseHard(before index: Int) -> Bool {
        gapBefore(index, contains: Self.hardBreak)
    }

    private static let hardBreak = UnitSet(":.(\"“")

    func text(from start: Int, to end: Int) -> String {
        words.text(words[start].range.lowerBound..<words[end - 1].range.upperBound)
    }

    /// The sentence folded, with the same UTF-16 offsets as the sentence text.
    var folded: String { words.folded(range) }

    /// Where `text` first stands in the sentence, as a UTF-16 range of the passage.
    func span(of text: String) -> Range<Int>? {
        let sentence = Array(words.units[range])
        let needle = Array(text.utf16)
        guard !needle.isEmpty, needle.count <= sentence.count else { return nil }
        for start in 0...(sentence.count - needle.count) where sentence[start..<(start + needle.count)].elementsEqual(needle) {
            return (range.lowerBound + start)..<(range.lowerBound + start + needle.count)
        }
        return nil
    }

    /// Passage UTF-16 ranges as [start, end) code-point offsets in the sentence, merged when they overlap.
    func codePointRanges(_ spans: [Range<Int>]) -> [[Int]] {
        var merged: [Range<Int>] = []
        for span in spans {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        return merged.map { [codePoints(upTo: $0.lowerBound), codePoints(upTo: $0.upperBound)] }
    }

    private func codePoints(upTo offset: Int) -> Int {
        words.units[range.lowerBound..<offset].reduce(0) { $0 + (UTF16.isTrailSurrogate($1) ? 0 : 1) }
    }
}

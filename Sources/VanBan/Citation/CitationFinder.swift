/// Finds the references a document makes, passage by passage: numbered ("Nghị quyết số
/// 25-NQ/TW"), named ("Điều lệ Đảng") and back-references ("Nghị quyết nêu trên"); attaches
/// the date, issuer and title the text gives; and types each by its cue phrase.
///
/// Works on folded words, so unaccented and NFD text give the same references.
public struct CitationFinder: Sendable {
    let rules: RuleSet
    private var phrases: CitationRules { rules.citations }

    public init(rules: RuleSet) { self.rules = rules }

    /// Every citation in the passages, in reading order.
    public func citations(in passages: [String]) -> [Citation] {
        var found: [Citation] = []
        for (index, text) in passages.enumerated() {
            PassageScan(finder: self, words: Words(text), passage: index).run(into: &found)
        }
        return found
    }

    /// The citations of a parsed document's body.
    public func citations(in document: ParsedDocument) -> [Citation] {
        citations(in: document.passages.map(\.text))
    }

    // MARK: Matching helpers shared by the scan

    /// The type name ending just before word `end` ("Nghị quyết" before "số 25-NQ/TW").
    func typeName(endingBefore end: Int, in words: Words) -> (start: Int, type: DocumentTypes.Entry)? {
        var stop = end
        if stop > 0, words[stop - 1].folded == "so" { stop -= 1 }
        for (key, entry) in rules.types.names {
            let parts = key.phraseWords
            if words.matches(parts, at: stop - parts.count) { return (stop - parts.count, entry) }
        }
        return nil
    }

    /// The type name starting at word `index`, capitalised as a proper reference is.
    func typeName(startingAt index: Int, in words: Words) -> (end: Int, type: DocumentTypes.Entry)? {
        guard index < words.count, words[index].capitalised else { return nil }
        for (key, entry) in rules.types.names {
            let parts = key.phraseWords
            if words.matches(parts, at: index) { return (index + parts.count, entry) }
        }
        return nil
    }

    /// The cue phrase ending just before word `end`, searched back at most `limit` words.
    func cue(before end: Int, notBefore floor: Int, in words: Words) -> (start: Int, relation: Relation, text: String)? {
        var stop = end
        while stop > floor, end - stop <= 8 {
            for (key, relation) in phrases.cues.entries {
                let parts = key.phraseWords
                let start = stop - parts.count
                if start >= floor, words.matches(parts, at: start), !insideProperName(start, in: words) {
                    return (start, relation, words.text(words[start].range.lowerBound..<words[stop - 1].range.upperBound))
                }
            }
            if Self.breaksClause(words.gap(after: stop - 2, before: stop - 1)) { return nil }
            stop -= 1
        }
        return nil
    }

    func startsPhrase(_ list: [String], at index: Int, in words: Words) -> Int? {
        for phrase in list {
            let parts = phrase.phraseWords
            if words.matches(parts, at: index) { return parts.count }
        }
        return nil
    }

    func startsCue(at index: Int, in words: Words) -> Bool {
        !insideProperName(index, in: words) && phrases.cues.entries.contains { words.matches($0.key.phraseWords, at: index) }
    }

    /// True when word `index` is inside a name such as "Ban Chấp hành", whose words are no cue.
    func insideProperName(_ index: Int, in words: Words) -> Bool {
        phrases.properNames.contains { name in
            let parts = name.phraseWords
            return (max(0, index - parts.count + 1)..<index).contains { words.matches(parts, at: $0) }
        }
    }

    static func breaksClause(_ gap: String) -> Bool {
        gap.contains { $0 == ";" || $0 == "." || $0 == "!" || $0 == "?" || $0 == "\n" }
    }
}

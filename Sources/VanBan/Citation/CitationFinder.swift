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
        citations(in: passages.map(Words.init))
    }

    /// The citations of a parsed document's body.
    public func citations(in document: ParsedDocument) -> [Citation] {
        citations(in: document.passages.map(\.text))
    }

    func citations(in passages: [Words]) -> [Citation] {
        var found: [Citation] = []
        for (index, words) in passages.enumerated() {
            PassageScan(finder: self, words: words, passage: index).run(into: &found)
        }
        return found
    }

    // MARK: Matching helpers shared by the scan

    /// The type name ending just before word `end` ("Nghị quyết" before "số 25-NQ/TW").
    func typeName(endingBefore end: Int, in words: Words) -> (start: Int, type: DocumentTypes.Entry)? {
        let stop = end > 0 && phrases.numberWords.longest(endingBefore: end, in: words) != nil ? end - 1 : end
        guard let entry = phrases.typeNames.longest(endingBefore: stop, in: words) else { return nil }
        return (stop - entry.length, entry.value)
    }

    /// The type name starting at word `index`, capitalised as a proper reference is.
    func typeName(startingAt index: Int, in words: Words) -> (end: Int, type: DocumentTypes.Entry)? {
        guard index < words.count, words[index].capitalised,
              let entry = phrases.typeNames.longest(startingAt: index, in: words) else { return nil }
        return (index + entry.length, entry.value)
    }

    /// The nearest cue phrase before word `end`, at most 8 words back and within the clause.
    func cue(before end: Int, notBefore floor: Int, in words: Words) -> (start: Int, relation: Relation, text: String)? {
        var stop = end
        while stop > floor, end - stop <= 8 {
            if let entry = phrases.cues.longest(endingBefore: stop, in: words) {
                let start = stop - entry.length
                if start >= floor, !insideProperName(start, in: words) {
                    return (start, entry.value, words.text(words[start].range.lowerBound..<words[stop - 1].range.upperBound))
                }
            }
            if words.breaksClause(after: stop - 2, before: stop - 1) { return nil }
            stop -= 1
        }
        return nil
    }

    func startsCue(at index: Int, in words: Words) -> Bool {
        phrases.cues.longest(startingAt: index, in: words) != nil && !insideProperName(index, in: words)
    }

    /// True when word `index` is inside a name such as "Ban Chấp hành", whose words are no cue.
    func insideProperName(_ index: Int, in words: Words) -> Bool {
        (max(0, index - 3)..<index).contains { start in
            phrases.properNames.longest(startingAt: start, in: words).map { start + $0.length > index } ?? false
        }
    }

}

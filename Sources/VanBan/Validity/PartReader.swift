/// The part of a document a change names between its cue and the document: "Bãi bỏ khoản 1
/// Điều 12 Nghị định số 65/2017/NĐ-CP" repeals "khoản 1 Điều 12"; "Sửa đổi, bổ sung Điều 5 và
/// khoản 2 Điều 7 của Quyết định số ..." amends "Điều 5 và khoản 2 Điều 7". Words that name no
/// part ("một số điều của", "toàn bộ") give none: the change is to the whole document, or to
/// parts the text lists elsewhere.
public struct PartReader: Sendable {
    let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    /// The part named in `text`, the words between a cue and the reference it governs.
    public func part(in text: String) -> String? {
        let words = Words(text)
        guard words.count > 1, rules.effects.parts.length(at: 0, in: words) != nil, namesOne(words[1], in: words) else { return nil }
        var end = words.count
        if let of = rules.effects.of.longest(endingBefore: end, in: words) { end -= of.length }
        guard end > 0 else { return nil }
        return words.text(words[0].range.lowerBound..<words[end - 1].range.upperBound).trimmed(" ,;:")
    }

    /// The article a sentence of a passage stands in: the last "Điều 3." opening a sentence at
    /// or before `offset` (UTF-16 units), since the layout may join a decision's articles into
    /// one paragraph ("QUYẾT ĐỊNH: Điều 1. ... Điều 3. Quyết định này có hiệu lực ...").
    public func article(in passage: String, before offset: Int) -> String? {
        let words = Words(passage)
        var found: String?
        var index = 0
        while index + 1 < words.count, words[index].range.lowerBound <= offset {
            defer { index += 1 }
            guard rules.effects.article.length(at: index, in: words) != nil,
                  isDigit(words.units[words[index + 1].range.lowerBound]),
                  index == 0 || words.gap(after: index - 1, before: index, contains: Self.opening),
                  words.gapUnits(after: index + 1, before: index + 2).first == Self.period else { continue }
            found = words.text(words[index].range.lowerBound..<words[index + 1].range.upperBound)
        }
        return found
    }

    private static let opening = UnitSet(".:;!?\n")
    private static let period = UInt16(UInt8(ascii: "."))

    /// "12", "III", "a": what follows a part word when it names one ("Điều lệ" names none).
    private func namesOne(_ word: Words.Word, in words: Words) -> Bool {
        let first = words.units[word.range.lowerBound]
        return isDigit(first) || isUpperCaseUnit(first) || word.range.count == 1
    }
}

import Foundation

/// Reads required figures: "100% các tổ chức cơ sở đảng ...", "đạt 80% trở lên",
/// "100% đối với các cơ quan hành chính, các đơn vị sự nghiệp, 70% đối với trường ...".
struct TargetParser {
    let rules: RequirementRules

    struct Found {
        let target: Target
        let span: Range<Int>
    }

    private static let figure = try! NSRegularExpression(pattern: "(\\d+(?:[.,]\\d+)?)\\s*%(?:\\s*[-–]\\s*(\\d+(?:[.,]\\d+)?)\\s*%)?")

    func targets(in sentence: SentenceView) -> [Found] {
        let units = sentence.words.units
        guard units[sentence.range].contains(0x25) else { return [] }
        let text = sentence.words.text(sentence.range)
        let matches = Self.figure.matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
        let base = sentence.range.lowerBound
        return matches.enumerated().compactMap { index, match in
            let start = base + match.range.location
            let figureEnd = start + match.range.length
            let next = index + 1 < matches.count ? base + matches[index + 1].range.location : sentence.range.upperBound
            let after = sentence.words.index(atOrAfter: figureEnd)
            let end = extent(after: figureEnd, before: next, scoped: rules.index(.scope).length(at: after, in: sentence.words) != nil,
                             units: units)
            let phrase = sentence.words.text(start..<end).trimmed(",;.")
            let ns = text as NSString
            guard let percent = Double(ns.substring(with: match.range(at: 1)).replacingOccurrences(of: ",", with: ".")) else { return nil }
            let upper = match.range(at: 2).location == NSNotFound ? nil
                : Double(ns.substring(with: match.range(at: 2)).replacingOccurrences(of: ",", with: "."))
            let orMore = rules.index(.ormore).length(at: after, in: sentence.words) != nil
            return Found(target: Target(text: phrase, percent: percent, upTo: upper, orMore: orMore),
                         span: start..<(start + phrase.utf16.count))
        }
    }

    /// A figure's words run to the next ";" or "." — or to the next figure, when a list of
    /// scopes ("đối với A, B, 70% đối với C") shares the sentence — or to the first comma.
    private func extent(after start: Int, before next: Int, scoped: Bool, units: [UInt16]) -> Int {
        var end = start
        while end < next {
            let unit = units[end]
            if unit == 0x3B || unit == 0x2E || unit == 0x0A || (!scoped && unit == 0x2C) { break }
            end += 1
        }
        return end
    }
}

import Foundation

/// Reads required figures: "100% các tổ chức cơ sở đảng ...", "đạt 80% trở lên",
/// "100% đối với các cơ quan hành chính, các đơn vị sự nghiệp, 70% đối với trường ...".
enum TargetParser {
    struct Found {
        let target: Target
        let span: Range<Int>
    }

    private static let figure = try! NSRegularExpression(pattern: "(\\d+(?:[.,]\\d+)?)\\s*%(?:\\s*[-–]\\s*(\\d+(?:[.,]\\d+)?)\\s*%)?")

    static func targets(in sentence: SentenceView) -> [Found] {
        let text = sentence.words.text(sentence.range)
        let matches = figure.matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
        let units = Array(text.utf16)
        return matches.enumerated().compactMap { index, match in
            let start = match.range.location
            let next = index + 1 < matches.count ? matches[index + 1].range.location : units.count
            let end = extent(after: match.range.location + match.range.length, before: next, in: units)
            let phrase = String(decoding: units[start..<end], as: UTF16.self).trimmingCharacters(in: CharacterSet(charactersIn: " ,;."))
            let ns = text as NSString
            guard let percent = Double(ns.substring(with: match.range(at: 1)).replacingOccurrences(of: ",", with: ".")) else { return nil }
            let upper = match.range(at: 2).location == NSNotFound ? nil
                : Double(ns.substring(with: match.range(at: 2)).replacingOccurrences(of: ",", with: "."))
            let orMore = VietText.key(phrase).contains("tro len")
            let span = (sentence.range.lowerBound + start)..<(sentence.range.lowerBound + start + phrase.utf16.count)
            return Found(target: Target(text: phrase, percent: percent, upTo: upper, orMore: orMore), span: span)
        }
    }

    /// A figure's words run to the next ";" or "." — or to the next figure, when a list of
    /// scopes ("đối với A, B, 70% đối với C") shares the sentence — or to the first comma.
    private static func extent(after start: Int, before next: Int, in units: [UInt16]) -> Int {
        let rest = String(decoding: units[start..<next], as: UTF16.self)
        let scoped = VietText.key(rest).hasPrefix("doi voi")
        var end = start
        while end < next {
            let unit = units[end]
            if unit == 0x3B || unit == 0x2E || unit == 0x0A || (!scoped && unit == 0x2C) { break }
            end += 1
        }
        return end
    }
}

/// A passage excerpt with the matched words marked.
///
/// `highlights` are `[start, end)` offsets in Unicode code points of `text`.
public struct Snippet: Codable, Sendable, Equatable {
    public let text: String
    public let highlights: [[Int]]

    public static let ellipsis = "…"

    public init(text: String, highlights: [[Int]]) {
        self.text = text
        self.highlights = highlights
    }

    /// The UTF-8 bytes `from..<to` of `source`, with `marks` (byte ranges of `source`, inside
    /// that range, cut on word boundaries) as highlights, and "…" before or after where the
    /// passage goes on.
    init(bytes source: String, from: Int, to: Int, marks: [Range<Int>], before: Bool = false, after: Bool = false) {
        let utf8 = Array(source.utf8)
        let slice = utf8[from..<to]
        let prefix = before ? Self.ellipsis + " " : ""
        text = prefix + String(decoding: slice, as: UTF8.self) + (after ? " " + Self.ellipsis : "")
        // Code points before a byte of the slice: every byte that does not continue a sequence.
        func scalars(upTo byte: Int) -> Int {
            prefix.unicodeScalars.count + utf8[from..<byte].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        let ranges = marks.filter { $0.lowerBound >= from && $0.upperBound <= to }
            .sorted { $0.lowerBound < $1.lowerBound }
            .map { [scalars(upTo: $0.lowerBound), scalars(upTo: $0.upperBound)] }
        highlights = Self.joined(ranges, in: Array(text.unicodeScalars))
    }

    /// Overlapping marks become one, and "[Dân] [vận] [khéo]" reads better as one mark over the phrase.
    private static func joined(_ highlights: [[Int]], in scalars: [Unicode.Scalar]) -> [[Int]] {
        var joined: [[Int]] = []
        for range in highlights {
            if let last = joined.last, range[0] <= last[1] || (last[1] + 1 == range[0] && scalars[last[1]] == " ") {
                joined[joined.count - 1][1] = max(last[1], range[1])
            } else {
                joined.append(range)
            }
        }
        return joined
    }

    /// The text with each highlight wrapped in `before` and `after`.
    public func marked(before: String, after: String) -> String {
        var result = ""
        var index = 0
        var pending = highlights[...]
        for scalar in text.unicodeScalars {
            if let next = pending.first, next[0] == index { result += before }
            result.unicodeScalars.append(scalar)
            index += 1
            if let next = pending.first, next[1] == index {
                result += after
                pending = pending.dropFirst()
            }
        }
        return result
    }
}

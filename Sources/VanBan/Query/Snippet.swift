/// A passage excerpt with the matched words marked.
///
/// `highlights` are `[start, end)` offsets in Unicode code points of `text`.
public struct Snippet: Codable, Sendable, Equatable {
    public let text: String
    public let highlights: [[Int]]

    public static let ellipsis = "…"
    private static let ellipsisBefore = Array((ellipsis + " ").utf8), ellipsisAfter = Array((" " + ellipsis).utf8)

    public init(text: String, highlights: [[Int]]) {
        self.text = text
        self.highlights = highlights
    }

    /// The UTF-8 bytes `from..<to` of `utf8`, with `marks` (byte ranges of `utf8`, inside that
    /// range, cut on word boundaries) as highlights, and "…" before or after where the passage
    /// goes on.
    init(utf8: [UInt8], from: Int, to: Int, marks: [Range<Int>], before: Bool = false, after: Bool = false) {
        var bytes: [UInt8] = []  // made whole, then decoded once: adding Strings copied them
        bytes.reserveCapacity(to - from + 8)
        if before { bytes += Self.ellipsisBefore }
        bytes += utf8[from..<to]
        if after { bytes += Self.ellipsisAfter }
        text = String(decoding: bytes, as: UTF8.self)
        let inside = marks.filter { $0.lowerBound >= from && $0.upperBound <= to }.sorted { $0.lowerBound < $1.lowerBound }
        let scalars = Self.scalarCounts(utf8, from: from, to: to, base: before ? 2 : 0)  // "… " is two code points
        // Overlapping marks become one, and "[Dân] [vận] [khéo]" reads better as one mark over the phrase.
        var joined: [[Int]] = [], end = 0  // `end`: the byte the last joined mark ends at
        for mark in inside {
            let range = [scalars[mark.lowerBound - from], scalars[mark.upperBound - from]]
            if let last = joined.last, range[0] <= last[1] || (last[1] + 1 == range[0] && utf8[end] == UInt8(ascii: " ")) {
                if range[1] > last[1] { (joined[joined.count - 1][1], end) = (range[1], mark.upperBound) }
            } else {
                joined.append(range)
                end = mark.upperBound
            }
        }
        highlights = joined
    }

    /// The code points of the text before each byte `from...to` of `utf8` (indexed from `from`):
    /// every byte that does not continue a sequence starts one.
    private static func scalarCounts(_ utf8: [UInt8], from: Int, to: Int, base: Int) -> [Int] {
        var counts = [Int](repeating: base, count: to - from + 1)
        var scalars = base
        for byte in from..<to {
            if utf8[byte] & 0xC0 != 0x80 { scalars += 1 }
            counts[byte - from + 1] = scalars
        }
        return counts
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

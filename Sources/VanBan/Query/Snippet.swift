/// A passage excerpt with the matched words marked.
///
/// `highlights` are `[start, end)` offsets in Unicode code points of `text`.
public struct Snippet: Codable, Sendable, Equatable {
    public let text: String
    public let highlights: [[Int]]

    /// Marker characters SQLite's snippet() puts around matches; they never occur in stored
    /// text, because the decoder drops control characters.
    static let open: Character = "\u{2}"
    static let close: Character = "\u{3}"

    public init(text: String, highlights: [[Int]]) {
        self.text = text
        self.highlights = highlights
    }

    init(marked: String) {
        var text = ""
        var highlights: [[Int]] = []
        var count = 0
        var start = 0
        for scalar in marked.unicodeScalars {
            switch Character(scalar) {
            case Self.open: start = count
            case Self.close: highlights.append([start, count])
            default:
                text.unicodeScalars.append(scalar)
                count += 1
            }
        }
        self.text = text
        self.highlights = Self.joiningPhrases(highlights, in: Array(text.unicodeScalars))
    }

    /// "[Dân] [vận] [khéo]" reads better as one mark over the phrase.
    private static func joiningPhrases(_ highlights: [[Int]], in scalars: [Unicode.Scalar]) -> [[Int]] {
        var joined: [[Int]] = []
        for range in highlights {
            if let last = joined.last, last[1] + 1 == range[0], scalars[last[1]] == " " {
                joined[joined.count - 1][1] = range[1]
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

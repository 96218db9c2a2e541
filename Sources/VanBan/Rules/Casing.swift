/// Writes an upper-case header line in ordinary case, by the rules of `indexer/casing.tsv`.
public struct Casing: Sendable {
    enum Following: String { case none = "", next, rest }

    /// `lowered` is `words` in lower case, compared with the lower-cased line word for word;
    /// `keys` their folded keys, compared with a line typed without marks.
    private let entries: [(words: [String], lowered: [String], keys: [String], following: Following)]

    init(table: RuleTable) {
        entries = table.rows.compactMap { row in
            guard let phrase = row.first, !phrase.isEmpty else { return nil }
            let following = row.count > 1 ? Following(rawValue: row[1]) ?? .none : .none
            let words = phrase.split(separator: " ").map(String.init)
            return (words, words.map(Self.matchForm), words.map(VietText.key), following)
        }.sorted { $0.words.count > $1.words.count }
    }

    /// `capitalisingFirst: false` for a line that continues a sentence ("của Bộ Chính trị" under
    /// "KẾT LUẬN").
    public func ordinaryCase(_ line: String, capitalisingFirst: Bool = true) -> String {
        let written = line.split(separator: " ").map(String.init)
        var words = written.map { $0.lowercased() }
        let forms = words.map(Self.matchForm)
        var index = 0
        var following = Following.none
        while index < words.count {
            if let entry = entries.first(where: { matches($0.lowered, at: index, in: forms) }) {
                for (offset, word) in entry.words.enumerated() { words[index + offset] = word }
                if (index == 0 && capitalisingFirst) || following != .none { words[index] = capitalised(words[index]) }
                index += entry.words.count
                following = entry.following == .none && following == .rest ? .rest : entry.following
                continue
            }
            if (index == 0 && capitalisingFirst) || following != .none { words[index] = capitalised(words[index]) }
            if following == .next { following = .none }
            index += 1
        }
        // A document number keeps its capitals ("6/QĐ-UBND", "25-NQ/TW").
        for index in words.indices where written[index].contains(where: { $0.isNumber }) { words[index] = written[index] }
        return words.joined(separator: " ")
    }

    /// Whether an upper-case line starts with a place unit ("TỈNH LÀO CAI", "HUYỆN MAI SƠN": a
    /// lower-case entry whose following words are a name) rather than a body ("TỈNH ỦY"): such a line
    /// continues the issuer line above it ("ỦY BAN NHÂN DÂN" / "TỈNH LÀO CAI").
    public func startsWithPlaceUnit(_ line: String) -> Bool {
        // Text typed without marks ("HUYEN LAM HA") is matched without them.
        let unmarked = !VietText.hasMarks(line)
        let form = { (word: String) in unmarked ? VietText.key(word) : Self.matchForm(word) }
        let words = line.split(separator: " ").map { form(String($0)) }
        // Place units are the entries written in lower case ("tỉnh", "thành phố"); "Tỉnh ủy" is a body.
        guard let entry = entries.first(where: { matches(unmarked ? $0.keys : $0.lowered, at: 0, in: words) }) else { return false }
        return entry.following == .rest && entry.words.first?.first?.isLowercase == true
    }

    private func matches(_ phrase: [String], at index: Int, in words: [String]) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        return zip(phrase, words[index...]).allSatisfy { $0 == $1 }
    }

    /// Lower case with one tone placement: "UỶ" and "ủy" are one word (old and new placement).
    private static func matchForm(_ word: String) -> String {
        VietText.wordForms(word).exact
    }

    private func capitalised(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}

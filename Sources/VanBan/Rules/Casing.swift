/// Writes an upper-case header line in ordinary case, by the rules of `indexer/casing.tsv`.
public struct Casing: Sendable {
    private let entries: [(words: [String], capitaliseNext: Bool)]

    init(table: RuleTable) {
        entries = table.rows.compactMap { row in
            guard let phrase = row.first, !phrase.isEmpty else { return nil }
            return (phrase.split(separator: " ").map(String.init), row.count > 1 && row[1] == "next")
        }.sorted { $0.words.count > $1.words.count }
    }

    public func ordinaryCase(_ line: String) -> String {
        var words = line.lowercased().split(separator: " ").map(String.init)
        var index = 0
        var capitaliseNext = true
        while index < words.count {
            if capitaliseNext { words[index] = capitalised(words[index]) }
            capitaliseNext = false
            if let entry = entries.first(where: { matches($0.words, at: index, in: words) }) {
                for (offset, word) in entry.words.enumerated() { words[index + offset] = word }
                index += entry.words.count
                capitaliseNext = entry.capitaliseNext
            } else {
                index += 1
            }
        }
        return words.joined(separator: " ")
    }

    private func matches(_ phrase: [String], at index: Int, in words: [String]) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        return zip(phrase, words[index...]).allSatisfy { $0.lowercased() == $1.lowercased() }
    }

    private func capitalised(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}

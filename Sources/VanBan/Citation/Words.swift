/// A passage as a sequence of words (runs of letters and digits), each with its UTF-16 range
/// and folded form. Phrases from `indexer/` match word by word, so punctuation and spacing
/// between words do not matter ("sửa đổi, bổ sung" matches the cue "sửa đổi bổ sung").
struct Words {
    struct Word {
        let range: Range<Int>
        let folded: String
        let capitalised: Bool
    }

    let units: [UInt16]
    let words: [Word]

    init(_ text: String) {
        units = Array(text.utf16)
        let folded = Array(VietText.foldPreservingOffsets(text).utf16)
        var words: [Word] = []
        var index = 0
        while index < units.count {
            guard isWordUnit(units[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < units.count, isWordUnit(units[index]) { index += 1 }
            let capitalised = Unicode.Scalar(units[start])?.properties.isUppercase ?? false
            words.append(Word(range: start..<index, folded: String(decoding: folded[start..<index], as: UTF16.self),
                              capitalised: capitalised))
        }
        self.words = words
    }

    var count: Int { words.count }

    subscript(index: Int) -> Word { words[index] }

    /// True when the phrase's words stand at `index`.
    func matches(_ phrase: [String], at index: Int) -> Bool {
        guard index >= 0, index + phrase.count <= words.count else { return false }
        for (offset, word) in phrase.enumerated() where words[index + offset].folded != word { return false }
        return true
    }

    /// The text between two words, without the words themselves.
    func gap(after left: Int, before right: Int) -> String {
        let start = left < 0 ? 0 : words[left].range.upperBound
        let end = right >= words.count ? units.count : words[right].range.lowerBound
        return start < end ? String(decoding: units[start..<end], as: UTF16.self) : ""
    }

    /// The first word starting at or after a UTF-16 offset.
    func index(atOrAfter offset: Int) -> Int {
        var low = 0, high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].range.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: units[max(0, range.lowerBound)..<min(units.count, range.upperBound)], as: UTF16.self)
    }
}

/// A passage as a sequence of words (runs of letters and digits), each with its UTF-16 range
/// and folded form. Phrases from `indexer/` match word by word, so punctuation and spacing
/// between words do not matter ("sửa đổi, bổ sung" matches the cue "sửa đổi bổ sung").
struct Words {
    struct Word {
        let range: Range<Int>
        /// Lower case, every mark removed, đ → d.
        let folded: String
        /// Lower case with its marks, tone placed canonically ("hoá" = "hóa").
        let exact: String
        let capitalised: Bool

        /// A word written with marks matches a phrase word only with the same marks ("cán"
        /// is not "cần"); one written without matches any marks (unaccented text).
        func matches(exact phraseExact: String, folded phraseFolded: String) -> Bool {
            folded == phraseFolded && (exact == folded || exact == phraseExact)
        }
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
            let foldedWord = String(decoding: folded[start..<index], as: UTF16.self)
            let original = String(decoding: units[start..<index], as: UTF16.self)
            let exact = original.utf8.count == original.count ? original.lowercased() : VietText.wordForms(original).exact
            words.append(Word(range: start..<index, folded: foldedWord, exact: exact, capitalised: capitalised))
        }
        self.words = words
    }

    var count: Int { words.count }

    subscript(index: Int) -> Word { words[index] }

    /// True when the phrase's words stand at `index` (see ``Word/matches(exact:folded:)``).
    func matches(exact: [String], folded: [String], at index: Int) -> Bool {
        guard index >= 0, index + folded.count <= words.count else { return false }
        for offset in folded.indices where !words[index + offset].matches(exact: exact[offset], folded: folded[offset]) {
            return false
        }
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

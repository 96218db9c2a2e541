/// A passage as a sequence of words (runs of letters and digits), each with its UTF-16 range
/// and a hash of its folded form. Phrases from `indexer/` match word by word, so punctuation
/// and spacing between words do not matter ("sửa đổi, bổ sung" matches "sửa đổi bổ sung").
///
/// Built once per passage and shared by the citation and requirement finders; no string is
/// made per word, because that dominated indexing time.
struct Words {
    struct Word {
        let range: Range<Int>
        /// ``Words/key(_:)`` of the folded word.
        let key: UInt64
        /// Written with a mark or đ: it must then match a phrase's marks exactly.
        let marked: Bool
        /// ``Words/key(_:)`` of the exact form (lower case, marks kept, tone placed canonically).
        let exactKey: UInt64
        let capitalised: Bool
    }

    /// The passage itself: slices of it are cheap, while decoding `units` back is not.
    let string: String
    let units: [UInt16]
    let foldedUnits: [UInt16]
    let words: [Word]

    init(_ text: String) {
        string = text
        units = text.utf16Units
        foldedUnits = VietText.foldedUnits(units)
        let exactUnits = VietText.exactUnits(units)
        var words: [Word] = []
        var index = 0
        while index < units.count {
            guard isWordUnit(units[index]) else {
                index += 1
                continue
            }
            let start = index
            var marked = false
            while index < units.count, isWordUnit(units[index]) {
                if units[index] >= 0x80 { marked = true }
                index += 1
            }
            let capitalised = isUpperCaseUnit(units[start])
            words.append(Word(range: start..<index, key: Self.key(foldedUnits[start..<index]), marked: marked,
                              exactKey: marked ? Self.key(exactUnits[start..<index]) : 0, capitalised: capitalised))
        }
        self.words = words
    }

    var count: Int { words.count }

    subscript(index: Int) -> Word { words[index] }

    /// FNV-1a over folded UTF-16 units: words compare by this key.
    static func key<C: Collection>(_ folded: C) -> UInt64 where C.Element == UInt16 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for unit in folded { hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    static func key(_ folded: String) -> UInt64 { key(folded.utf16) }

    /// True when the phrase stands at `index`. A word written with marks matches a phrase word
    /// only with the same marks ("cán" is not "cần"); one written without matches any marks.
    func matches(keys: [UInt64], exactKeys: [UInt64], at index: Int) -> Bool {
        guard index >= 0, index + keys.count <= words.count else { return false }
        for offset in keys.indices {
            let word = words[index + offset]
            if word.key != keys[offset] || (word.marked && word.exactKey != exactKeys[offset]) { return false }
        }
        return true
    }

    /// The UTF-16 units between two words.
    func gapUnits(after left: Int, before right: Int) -> ArraySlice<UInt16> {
        let start = left < 0 ? 0 : words[left].range.upperBound
        let end = right >= words.count ? units.count : words[right].range.lowerBound
        return start < end ? units[start..<end] : []
    }

    /// True when the text between two words contains one of `characters`.
    func gap(after left: Int, before right: Int, contains characters: UnitSet) -> Bool {
        gapUnits(after: left, before: right).contains { characters.contains($0) }
    }

    /// True when the text between two words has only `characters`.
    func gap(after left: Int, before right: Int, only characters: UnitSet) -> Bool {
        gapUnits(after: left, before: right).allSatisfy { characters.contains($0) }
    }

    /// True when a clause ends between two words (";", ".", "!", "?" or a line end).
    func breaksClause(after left: Int, before right: Int) -> Bool {
        gap(after: left, before: right, contains: UnitSet.clauseEnd)
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
        let lower = max(0, range.lowerBound), upper = min(units.count, range.upperBound)
        return lower < upper ? string.slice(lower..<upper) : ""
    }

    func folded(_ range: Range<Int>) -> String {
        VietText.string(utf16: foldedUnits[max(0, range.lowerBound)..<min(units.count, range.upperBound)])
    }
}

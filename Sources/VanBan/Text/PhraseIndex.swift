/// Phrases matched word by word, indexed by the keys of their first and last words so a
/// lookup at a position costs one dictionary read; the longest phrase wins.
struct PhraseIndex<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        /// ``Words/key(_:)`` of each folded word.
        let keys: [UInt64]
        /// ``Words/key(_:)`` of each word lower case with its marks.
        let exactKeys: [UInt64]
        let value: Value

        var length: Int { keys.count }
    }

    private var byFirst: [UInt64: [Entry]] = [:]
    private var byLast: [UInt64: [Entry]] = [:]
    /// The first and last words' keys, as a filter: nearly every word of a text starts and ends
    /// no phrase, and the filter says so for much less than a dictionary's hashing.
    private var firsts = KeyFilter(), lasts = KeyFilter()

    init() {}

    init(_ phrases: [String], value: Value) {
        for phrase in phrases { add(phrase, value) }
    }

    mutating func add(_ phrase: String, _ value: Value) {
        let folded = VietText.key(phrase).split(separator: " ").map { Words.key(String($0)) }
        let exact = VietText.nfc(phrase).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { Words.key(VietText.wordForms(String($0)).exact) }
        guard let first = folded.first, let last = folded.last, exact.count == folded.count else { return }
        let entry = Entry(keys: folded, exactKeys: exact, value: value)
        firsts.insert(first)
        lasts.insert(last)
        byFirst[first, default: []].append(entry)
        byFirst[first]!.sort { $0.length > $1.length }
        byLast[last, default: []].append(entry)
        byLast[last]!.sort { $0.length > $1.length }
    }

    /// The longest phrase whose first word is word `index`.
    func longest(startingAt index: Int, in words: Words) -> Entry? {
        guard index >= 0, index < words.count, firsts.mayContain(words[index].key) else { return nil }
        return byFirst[words[index].key]?.first { words.matches(keys: $0.keys, exactKeys: $0.exactKeys, at: index) }
    }

    /// The longest phrase whose last word is word `end - 1`.
    func longest(endingBefore end: Int, in words: Words) -> Entry? {
        guard end > 0, end <= words.count, lasts.mayContain(words[end - 1].key) else { return nil }
        return byLast[words[end - 1].key]?.first { words.matches(keys: $0.keys, exactKeys: $0.exactKeys, at: end - $0.length) }
    }

    /// The length of the phrase starting at word `index`, if one does.
    func length(at index: Int, in words: Words) -> Int? { longest(startingAt: index, in: words)?.length }
}

/// A set of word keys that may answer "yes" for a key it lacks, never "no" for one it holds:
/// one bit of 4,096 a key, chosen by a multiplicative hash.
private struct KeyFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 52) }

    mutating func insert(_ key: UInt64) {
        let slot = Self.slot(key)
        bits[slot >> 6] |= 1 << UInt64(slot & 63)
    }

    func mayContain(_ key: UInt64) -> Bool {
        let slot = Self.slot(key)
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }
}

/// Sentence ranges of a passage, in UTF-16 units: a sentence ends at ".", "!" or "?" followed
/// by a space and a capital (or an opening mark), or at the end of the passage. The one sentence
/// splitter: requirements are read sentence by sentence, and a citation quotes its sentence.
enum Sentences {
    static func ranges(in units: [UInt16]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < units.count {
            if [0x2E, 0x21, 0x3F].contains(units[index]), index + 2 < units.count, units[index + 1] == 0x20,
               startsSentence(units[index + 2]), !isListMarker(units[start..<index]) {
                ranges.append(start..<(index + 1))
                start = index + 2
            }
            index += 1
        }
        if start < units.count { ranges.append(start..<units.count) }
        return ranges.filter { range in units[range].contains { isWordUnit($0) } }
    }

    /// "1" or "II" before the period: "1. Các chi bộ ..." is one sentence, not two.
    private static func isListMarker(_ units: ArraySlice<UInt16>) -> Bool {
        let marker = units.drop { $0 == 0x20 }
        return marker.count <= 4 && marker.allSatisfy { isDigit($0) || $0 == 0x49 || $0 == 0x56 || $0 == 0x58 }
    }

    private static func startsSentence(_ unit: UInt16) -> Bool {
        if unit == 0x2A || unit == 0x22 || unit == 0x201C || unit == 0x28 { return true }
        return isUpperCaseUnit(unit)
    }

    /// The sentence that holds the unit at `offset`, without the spaces around it.
    static func range(around offset: Int, in units: [UInt16], sentences: [Range<Int>]) -> Range<Int> {
        let range = sentences.last { $0.lowerBound <= offset } ?? 0..<units.count
        var start = range.lowerBound, end = range.upperBound
        while start < end, units[start] == 0x20 || units[start] == 0x09 || units[start] == 0x0A { start += 1 }
        while end > start, units[end - 1] == 0x20 || units[end - 1] == 0x09 || units[end - 1] == 0x0A { end -= 1 }
        return start..<end
    }
}

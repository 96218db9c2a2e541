/// How much a decoded text reads as Vietnamese, counted over its words with a non-ASCII
/// character: plain ASCII words read the same in every legacy encoding, and a stray byte reads
/// as a word of one letter in all of them ("Ã"), so neither says anything.
struct VietnameseScore {
    /// Words of two or more characters with a non-ASCII one.
    private(set) var marked = 0
    /// Of those, the ones that are Vietnamese syllables.
    private(set) var valid = 0
    /// Of those, the ones among the commonest words of the corpus.
    private(set) var common = 0

    /// Marked syllables that make up much of any Vietnamese text: a right decoding has them
    /// all over, a wrong one that happens to spell syllables has them rarely.
    private static let commonWords: Set = ["của", "và", "các", "là", "có", "được", "những", "với", "người",
                                           "đã", "không", "một", "này", "để", "về", "đến", "trên", "đảng",
                                           "bộ", "cán", "thực", "hiện", "tổ", "chức", "việc", "xã", "hội",
                                           "năm", "cấp", "tỉnh", "động", "vận", "tác", "quyết", "nghị"]

    init(_ text: String) {
        for word in text.split(whereSeparator: Self.separates) where word.count > 1 && !word.allSatisfy(\.isASCII) {
            marked += 1
            guard VietSyllable.isValid(word) else { continue }
            valid += 1
            if Self.commonWords.contains(word.lowercased()) { common += 1 }
        }
    }

    /// The share of marked words that are syllables.
    var fraction: Double {
        marked == 0 ? 0 : Double(valid) / Double(marked)
    }

    /// Spaces, ASCII punctuation and digits, and typographic punctuation (quotes, dashes,
    /// ellipsis) end words; any other symbol stays inside one and spoils it, as mojibake does.
    private static func separates(_ character: Character) -> Bool {
        if character.isWhitespace { return true }
        if character.isASCII { return !character.isLetter }
        return character.unicodeScalars.allSatisfy { (0x2010...0x205E).contains($0.value) }
    }
}

/// Whether a word can be one Vietnamese syllable: initial consonant, vowel group, final
/// consonant, at most one tone, and a stop final (c, ch, p, t) only with the sắc or nặng tone.
///
/// A wrong legacy decoding turns letters into other letters and symbols ("chaøo", "c¸c",
/// "Haứo"); nearly every marked word of a right one passes this test, so it tells them apart.
enum VietSyllable {
    /// Each toned vowel's plain vowel and tone (0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng).
    private static let vowels: [Character: (plain: Character, tone: Int)] = {
        var vowels: [Character: (Character, Int)] = [:]
        for row in ["aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
                    "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"] {
            for (tone, letter) in row.enumerated() { vowels[letter] = (row.first!, tone) }
        }
        return vowels
    }()
    private static let consonants = Set("bcdđghklmnpqrstvx")
    /// Longest first, so "ngh" is not read as "ng" + "h".
    private static let initials = ["ngh", "ng", "gh", "gi", "ch", "kh", "nh", "ph", "th", "tr", "qu",
                                   "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"]
    private static let finals = ["ng", "nh", "ch", "c", "m", "n", "p", "t"]
    private static let stops: Set = ["c", "ch", "p", "t"]
    /// Vowel groups that may close with a final consonant.
    private static let closable: Set = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "iê", "yê",
                                        "uô", "ươ", "oa", "oă", "oe", "uâ", "uê", "uy", "uyê", "oo"]
    /// Vowel groups ending in a glide or in a, which end the syllable.
    private static let open: Set = ["ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi",
                                    "ua", "ui", "ưa", "ưi", "ưu", "iêu", "yêu", "oai", "oao", "oay", "oeo",
                                    "uây", "uôi", "ươi", "ươu", "uya", "uyu", "uơ"]

    static func isValid(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        guard word.dropFirst() == lower.dropFirst() || word == word.uppercased() else { return false }
        var plain = ""
        var tone = 0
        for letter in lower {
            if let vowel = vowels[letter] {
                if vowel.tone != 0 {
                    if tone != 0 { return false }
                    tone = vowel.tone
                }
                plain.append(vowel.plain)
            } else if consonants.contains(letter) {
                plain.append(letter)
            } else {
                return false
            }
        }
        var rest = Substring(plain)
        if let initial = initials.first(where: { rest.hasPrefix($0) && rest.dropFirst($0.count).first.map(isVowel) == true }) {
            rest = rest.dropFirst(initial.count)
        }
        let final = finals.first { rest.hasSuffix($0) } ?? ""
        let group = String(rest.dropLast(final.count))
        if final.isEmpty { return closable.contains(group) || open.contains(group) }
        return closable.contains(group) && (!stops.contains(final) || tone == 2 || tone == 5)
    }

    private static func isVowel(_ letter: Character) -> Bool {
        vowels[letter] != nil
    }
}

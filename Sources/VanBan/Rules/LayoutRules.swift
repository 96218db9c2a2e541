/// Words of `indexer/layout.tsv` about how document text is laid out: what starts a body
/// after a title, what a wrapped line may end with, and the labels of signature stamps.
public struct LayoutRules: Sendable {
    /// Folded phrases (``VietText/key(_:)``), longest first.
    let titleEnds: [String]
    let continuations: [String]
    /// The same in lower case with one tone placement, for lines written with marks.
    private let markedContinuations: [String]
    let stampLabels: [String]
    /// A signer's titles, each a line of its own over the signature ("CHỦ TỊCH").
    let signerRoles: Set<String>
    /// A gazette's captions above a document's header, which are no issuer's.
    let gazetteCaptions: [String]
    /// Words an upper-case line may start with when it goes on with the issuer's name above.
    let issuerJoins: [String]
    /// A heading of the closing block over a number and date stated only there.
    let closingNumbers: [String]
    /// Words before the date a law or resolution was passed on, where it states no other.
    let adoptions: [String]
    /// Words that open a division of a legal text ("chương", "điều"), outermost first.
    let divisions: [String]
    /// How many words each of them is ("phụ lục": 2).
    private let divisionSizes: [Int]
    /// Their first letters, in both cases: most lines start with none, and are answered at once.
    private let divisionInitials: Set<Character>

    init(table: RuleTable) {
        func phrases(_ kind: String, as form: (String) -> String = VietText.key) -> [String] {
            table.rows.filter { $0.first == kind && $0.count > 1 }.flatMap { RuleTable.list($0[1]) }
                .map(form).sorted { $0.count > $1.count }
        }
        titleEnds = phrases("title-end")
        continuations = phrases("continuation")
        markedContinuations = phrases("continuation", as: { Self.markedKey($0, lastWords: .max) })
        stampLabels = phrases("stamp")
        signerRoles = Set(phrases("signer-role"))
        issuerJoins = phrases("issuer-join")
        gazetteCaptions = phrases("gazette-caption")
        closingNumbers = phrases("closing-number")
        adoptions = phrases("adoption")
        let divisionWords = table.rows.filter { $0.first == "division" && $0.count > 1 }.flatMap { RuleTable.list($0[1]) }
        divisions = divisionWords.map(VietText.key)
        divisionSizes = divisions.map { $0.split(separator: " ").count }
        divisionInitials = Set(divisionWords.compactMap(\.first).flatMap { [Character($0.lowercased()), Character($0.uppercased())] })
    }

    /// The division `plain` opens, as the depth of its word among ``divisions`` (0 outermost)
    /// and the length of its label in characters, the space after it included: "Điều 5. Trách
    /// nhiệm" (label "Điều 5. "), "Chương II", "CHƯƠNG II QUY ĐỊNH CHUNG", "Phần thứ nhất",
    /// "Phụ lục số 01", "PHỤ LỤC". The number is Roman or Arabic (with a letter: "Điều 5a."), or
    /// "thứ" and a word; only the outermost division ("PHỤ LỤC") may go without one. Text after
    /// it follows "." or ":", or for a division above the article a word in capitals; an article
    /// alone on its line has its "." too. So a sentence wrapped before a reference ("... tại
    /// khoản 2" ⏎ "Điều 4 Nghị định số ...", "Mục 2 Chương này"), a table's cell "Điều 53" and
    /// "Mục tiêu" open none.
    func division(of plain: String) -> (depth: Int, length: Int)? {
        guard let label = divisionLabel(plain) else { return nil }
        let article = label.depth == divisions.count - 1
        guard label.used < label.words.count else { return label.punctuated || !article ? (label.depth, label.length) : nil }
        let capitals = !article && label.words[label.used].allSatisfy { !$0.isLowercase }
        guard label.punctuated || capitals else { return nil }
        return (label.depth, label.length + 1)
    }

    /// Whether an upper-case header line is the rest of the issuer's name above it ("VÀ XÃ HỘI").
    func joinsIssuer(_ plain: String) -> Bool {
        let key = VietText.key(plain)
        return issuerJoins.contains { key.hasPrefix($0 + " ") }
    }

    /// Whether `plain` opens with a division's word and number that open no division: a
    /// reference, the rest of a sentence ("Điều 7 Thông tư số 12/2015/TT-BTC ...").
    func opensWithReference(_ plain: String) -> Bool {
        divisionLabel(plain) != nil && division(of: plain) == nil
    }

    /// Whether a line ends with a `continuation` word, compared with marks where the line has any:
    /// "thiên tai" does not end with "tại", nor "hồ sơ" with "số". A line typed without marks is
    /// compared without them.
    func endsWithContinuation(_ plain: String) -> Bool {
        guard VietText.hasMarks(plain) else { return Self.ends(VietText.key(plain), with: continuations) }
        return Self.ends(Self.markedKey(plain, lastWords: 4), with: markedContinuations)
    }

    /// ``VietText/key(_:)`` keeping the marks (lower case, one tone placement), of the last words.
    private static func markedKey(_ text: String, lastWords: Int) -> String {
        VietText.nfc(text).split { !$0.isLetter && !$0.isNumber }.suffix(lastWords)
            .map { VietText.wordForms(String($0)).exact }.joined(separator: " ")
    }

    /// Whether a line ends with a reference that may go on with a division's number on the next
    /// line: a word that takes a number and its number ("... tại điểm d khoản 4" ⏎ "Điều 89.").
    func endsWithNumberedReference(_ plain: String) -> Bool {
        let words = plain.split { !$0.isLetter && !$0.isNumber }  // as ``VietText/key(_:)`` splits
        guard words.count > 1, let number = words.last, number.count <= 4,
              number.contains(where: \.isNumber) || number.count == 1 else { return false }
        return endsWithContinuation(words.dropLast().joined(separator: " "))
    }

    private func divisionLabel(_ plain: String) -> (depth: Int, words: [Substring], used: Int, length: Int, punctuated: Bool)? {
        guard let initial = plain.first, divisionInitials.contains(initial) else { return nil }
        let words = plain.split(separator: " ", maxSplits: 5)
        guard let (depth, size) = divisionWord(words) else { return nil }
        var used = size
        let lead = used < words.count ? VietText.key(String(words[used])) : ""
        let ordinal = lead == "thu" && used + 1 < words.count
        if ordinal || (lead == "so" && used + 1 < words.count) { used += 1 }
        func length(_ count: Int) -> Int { words.prefix(count).joined(separator: " ").count }
        guard used < words.count else { return depth == 0 && used == size ? (depth, words, used, length(used), false) : nil }
        var number = words[used]
        if depth == divisions.count - 1, let bare = Self.withoutFootnote(number) { number = bare }
        let punctuated = number.last.map { ".:".contains($0) } ?? false
        guard ordinal || Self.isDivisionNumber(punctuated ? number.dropLast() : number) else { return nil }
        return (depth, words, used + 1, length(used + 1), punctuated)
    }

    /// The division whose word (one word or more: "phụ lục") opens `words`, and its words' count.
    /// Many lines start with one of their initials ("Các", "Căn cứ"): the line's first words are
    /// folded once for each size, not once for each division.
    private func divisionWord(_ words: [Substring]) -> (depth: Int, size: Int)? {
        var keys: [Int: String] = [:]
        for (depth, word) in divisions.enumerated() where words.count >= divisionSizes[depth] {
            let size = divisionSizes[depth]
            let key = keys[size] ?? VietText.key(words.prefix(size).joined(separator: " "))
            keys[size] = key
            if key == word { return (depth, size) }
        }
        return nil
    }

    /// "24." of "24.78": an article's number with a consolidated text's footnote mark glued to
    /// it ("Điều 24.78 (được bãi bỏ)", "Điều 5.5 Quyền của tổ hợp tác"); articles have no
    /// decimals of their own.
    private static func withoutFootnote(_ number: Substring) -> Substring? {
        guard let dot = number.firstIndex(of: "."), dot > number.startIndex else { return nil }
        let mark = number[number.index(after: dot)...]
        guard (1...3).contains(mark.count), mark.allSatisfy(\.isNumber) else { return nil }
        return number[...dot]
    }

    private static func isDivisionNumber(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        guard first.isNumber else { return text.allSatisfy { "IVXLC".contains($0) } }
        let letters = text.drop { $0.isNumber }
        return letters.count <= 1 && letters.allSatisfy(\.isLetter)
    }

    /// Whether folded text (punctuation kept or not) starts with one of the phrases, as whole words.
    static func starts(_ folded: String, with phrases: [String]) -> Bool {
        phrases.contains { folded.hasPrefix($0) && (folded.count == $0.count || !isWordCharacter(folded[folded.index(folded.startIndex, offsetBy: $0.count)])) }
    }

    /// Whether folded text ends with one of the phrases, as whole words.
    static func ends(_ folded: String, with phrases: [String]) -> Bool {
        phrases.contains { folded.hasSuffix($0) && (folded.count == $0.count || !isWordCharacter(folded[folded.index(folded.endIndex, offsetBy: -$0.count - 1)])) }
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}

/// Documents named without a number, read by the grammar of `indexer/names.tsv`: "Luật Tổ
/// chức chính quyền địa phương", "Bộ luật Lao động", "Hiến pháp năm 1992", "Nghị quyết Hội nghị
/// lần thứ năm Ban Chấp hành Trung ương (khóa X)", "Quy chế làm việc của ... khóa XIII",
/// "Chiến lược ... giai đoạn 2011 - 2020", "QCVN 01:2019/BCT", and the amending law "Luật sửa
/// đổi, bổ sung một số điều của Luật X và Luật Y", one name whose laws it amends.
///
/// A name opens with a capitalised head and ends at a stop word, a cue written in lower case,
/// punctuation, a date or a number ("Luật Tổ chức Chính phủ số 63/2025/QH15" is the name of a
/// numbered law); its year ("Luật Đất đai 2013") or term ("(khóa X)") is kept apart from it.
struct NameGrammar {
    let finder: CitationFinder
    let words: Words

    struct Name {
        let start: Int
        /// The word after the name's words.
        let nameEnd: Int
        /// The word after the name, its year or term included.
        let end: Int
        let text: String
        let typeCode: String
        let term: String?
        /// The laws an amending law names.
        let amended: [Name]
    }

    private var rules: CitationRules { finder.phrases }

    /// The name starting at word `index`, if one does.
    func name(at index: Int) -> Name? {
        guard index < words.count, words[index].capitalised, let head = rules.nameHeads.longest(startingAt: index, in: words)
        else { return nil }
        let after = index + head.length
        guard after < words.count, onlySpaces(before: after), head.value.shape == .code || !isUpperCase(index),
              rules.concepts.longest(startingAt: index, in: words) == nil else { return nil }
        switch head.value.shape {
        case .law: return law(from: index, after: after, type: head.value.typeCode, amending: true)
        case .year: return year(from: index, after: after, type: head.value.typeCode)
        case .congress: return congress(from: index, after: after, type: head.value.typeCode)
        case .titled: return titled(from: index, after: after, type: head.value.typeCode, needsPeriod: false)
        case .period: return titled(from: index, after: after, type: head.value.typeCode, needsPeriod: true)
        case .code: return code(from: index, after: after, type: head.value.typeCode)
        }
    }

    // MARK: Shapes

    /// "Luật Đất đai", "Luật Phòng, chống ma túy", "Luật sửa đổi, bổ sung một số điều của Luật X".
    private func law(from start: Int, after: Int, type: String, amending: Bool) -> Name? {
        if amending, !words[after].capitalised, let amend = rules.amendingWords.longest(startingAt: after, in: words) {
            return amendingLaw(from: start, objects: after + amend.length, type: type)
        }
        guard words[after].capitalised, !isNumber(after) else { return nil }
        var end = after + 1
        while end < words.count, end - after < 14, !endsName(at: end) {
            let gap = words.gapUnits(after: end - 1, before: end)
            if gap.allSatisfy({ $0 == 0x20 }) || isHyphen(gap) {
                end += 1
            } else if gap.elementsEqual([0x2C, 0x20]), end - after <= 4, !words[end].capitalised,
                      rules.determiners.length(at: end, in: words) == nil {
                end += 1  // "Luật Cán bộ, công chức", "Luật Phòng, chống ma túy"; not "Luật A, Luật B"
            } else {
                break
            }
        }
        let minimum = type == "ĐL" ? 2 : 1
        guard end - after >= minimum else { return nil }
        return withYear(start: start, nameEnd: end, type: type)
    }

    /// "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính
    /// quyền địa phương": one law, amending the ones it names.
    private func amendingLaw(from start: Int, objects: Int, type: String) -> Name? {
        var amended: [Name] = []
        var next = objects
        while next < words.count, let head = rules.nameHeads.longest(startingAt: next, in: words), head.value.shape == .law,
              words[next].capitalised, let object = law(from: next, after: next + head.length, type: head.value.typeCode, amending: false) {
            amended.append(object)
            guard object.term == nil, object.end < words.count else { break }
            if rules.listWords.length(at: object.end, in: words) == 1, onlySpaces(before: object.end), opensName(at: object.end + 1) {
                next = object.end + 1
            } else if words.gap(after: object.end - 1, before: object.end, only: Self.comma), opensName(at: object.end) {
                next = object.end
            } else {
                break
            }
        }
        guard let last = amended.last else { return nil }
        return Name(start: start, nameEnd: last.nameEnd, end: last.end, text: text(start, last.nameEnd),
                    typeCode: type, term: last.term, amended: amended)
    }

    /// "Hiến pháp", "Hiến pháp năm 1992".
    private func year(from start: Int, after: Int, type: String) -> Name? {
        withYear(start: start, nameEnd: after, type: type)
    }

    /// "Nghị quyết Đại hội XIII", "Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương (khóa X)".
    private func congress(from start: Int, after: Int, type: String) -> Name? {
        var end = after
        while end < words.count, end - after < 16 {
            if let term = term(at: end), end > after {
                return Name(start: start, nameEnd: end, end: term.end, text: text(start, end), typeCode: type, term: term.text, amended: [])
            }
            if end > after, !words.gap(after: end - 1, before: end, only: Self.space) || endsName(at: end) { break }
            end += 1
        }
        return end > after ? Name(start: start, nameEnd: end, end: end, text: text(start, end), typeCode: type, term: nil, amended: []) : nil
    }

    /// "Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư khóa XIII",
    /// "Chiến lược ... giai đoạn 2011 - 2020" (a period, when `needsPeriod`).
    private func titled(from start: Int, after: Int, type: String, needsPeriod: Bool) -> Name? {
        // "Chương trình của Đảng ủy Khối" points back at a document named before (a back-reference).
        guard rules.ofWords.length(at: after, in: words) == nil else { return nil }
        var end = after
        var periodEnd: Int?
        while end < words.count, end - after < 30 {
            if let term = term(at: end) {
                return end - after >= 2 ? Name(start: start, nameEnd: end, end: term.end, text: text(start, end), typeCode: type, term: term.text, amended: []) : nil
            }
            if end > after, words.breaksClause(after: end - 1, before: end) || words.gap(after: end - 1, before: end, contains: Self.bracket) { break }
            if stopsTitle(at: end) { break }
            if let period = period(at: end) {
                periodEnd = period
                end = period
                // "đến năm 2020 và định hướng đến năm 2030", "..., tầm nhìn đến năm 2045" go on; other words do not.
                guard end < words.count, let outlook = rules.outlookWords.longest(startingAt: end, in: words) else { break }
                end += outlook.length
                continue
            }
            end += 1
        }
        if needsPeriod { end = periodEnd ?? after }
        guard end - after >= 2 else { return nil }
        return Name(start: start, nameEnd: end, end: end, text: text(start, end), typeCode: type, term: nil, amended: [])
    }

    /// "QCVN 01:2019/BCT".
    private func code(from start: Int, after: Int, type: String) -> Name? {
        guard isDigitWord(after) else { return nil }
        var end = after + 1
        while end < words.count, words.gap(after: end - 1, before: end, only: Self.codeJoin) { end += 1 }
        return Name(start: start, nameEnd: end, end: end, text: text(start, end), typeCode: type, term: nil, amended: [])
    }

    // MARK: Parts of names

    /// The name ending at `nameEnd`, then its year: "2013", "năm 1992".
    private func withYear(start: Int, nameEnd: Int, type: String) -> Name {
        var end = nameEnd, term: String?
        if end < words.count, isYear(end), onlySpaces(before: end) {
            term = text(end, end + 1); end += 1
        } else if end + 1 < words.count, words.folded(words[end].range) == "nam", isYear(end + 1), onlySpaces(before: end + 1) {
            term = text(end, end + 2); end += 2
        } else if let found = self.term(at: end) {
            term = found.text; end = found.end
        }
        return Name(start: start, nameEnd: nameEnd, end: end, text: text(start, nameEnd), typeCode: type, term: term, amended: [])
    }

    /// "khóa XI", "(khóa XI)": a committee's term, and the word after it.
    func term(at index: Int) -> (text: String, end: Int)? {
        guard index + 1 < words.count, let word = rules.termWords.longest(startingAt: index, in: words),
              index + word.length < words.count else { return nil }
        let value = index + word.length
        guard words[value].range.count <= 6, isRoman(value) || isDigitWord(value) else { return nil }
        return (text(index, value + 1), value + 1)
    }

    /// The word after a period that starts at `index` ("giai đoạn 2011 - 2020", "đến năm 2030").
    private func period(at index: Int) -> Int? {
        guard let word = rules.periodWords.longest(startingAt: index, in: words) else { return nil }
        var end = index + word.length
        guard end < words.count, isYear(end) else { return nil }
        end += 1
        if end < words.count, isYear(end), words.gap(after: end - 1, before: end, only: Self.range) { end += 1 }
        return end
    }

    /// A word that ends any name: a stop word or a cue written in lower case, a date word, "số".
    private func endsName(at index: Int) -> Bool {
        guard !words[index].capitalised else { return false }
        if words.folded(words[index].range) == "nam" { return index + 1 < words.count && isYear(index + 1) }
        if isYear(index) { return true }
        return rules.nameEnds.length(at: index, in: words) != nil || finder.startsCue(at: index, in: words)
            || rules.verbs.length(at: index, in: words) != nil
            || rules.issuerStops.length(at: index, in: words) != nil || isNumber(index)
    }

    /// Where a titled name stops: a cue, a defining parenthesis's words, "này", a verb of state.
    private func stopsTitle(at index: Int) -> Bool {
        guard !words[index].capitalised else { return false }
        return finder.startsCue(at: index, in: words) || rules.selfWords.length(at: index, in: words) != nil
            || rules.definingWords.length(at: index, in: words) != nil || rules.titledEnds.length(at: index, in: words) != nil
            || (rules.dateWords.length(at: index, in: words) != nil && index + 1 < words.count && isDigitWord(index + 1))
            || (rules.numberWords.length(at: index, in: words) != nil && index + 1 < words.count && isDigitWord(index + 1))
    }


    /// A law's head: where another name of a list starts ("Luật A và Luật B").
    private func opensName(at index: Int) -> Bool {
        index < words.count && words[index].capitalised && rules.nameHeads.longest(startingAt: index, in: words)?.value.shape == .law
    }

    private func isNumber(_ index: Int) -> Bool {
        rules.numberWords.length(at: index, in: words) != nil && index + 1 < words.count && isDigitWord(index + 1)
    }

    /// "LUẬT", "QUY CHẾ": a heading's or a menu's word, not a name's.
    private func isUpperCase(_ index: Int) -> Bool {
        words[index].range.count > 1 && words[index].range.allSatisfy { !isLetter(words.units[$0]) || isUpperCaseUnit(words.units[$0]) }
    }

    private func isDigitWord(_ index: Int) -> Bool {
        words[index].range.allSatisfy { isDigit(words.units[$0]) }
    }

    private func isYear(_ index: Int) -> Bool {
        guard words[index].range.count == 4, isDigitWord(index), let year = Int(words.text(words[index].range)) else { return false }
        return (1945...2100).contains(year)
    }

    private func isRoman(_ index: Int) -> Bool {
        words[index].range.allSatisfy { Self.roman.contains(words.units[$0]) }
    }

    private func isHyphen(_ gap: ArraySlice<UInt16>) -> Bool {
        gap.elementsEqual([0x20, 0x2D, 0x20]) || gap.elementsEqual([0x20, 0x2013, 0x20])
    }

    private func onlySpaces(before index: Int) -> Bool {
        words.gap(after: index - 1, before: index, only: Self.space)
    }

    private func text(_ start: Int, _ end: Int) -> String {
        words.text(words[start].range.lowerBound..<words[end - 1].range.upperBound).collapsingSpaces
    }

    private static let space = UnitSet(" ")
    private static let comma = UnitSet(", ")
    private static let bracket = UnitSet("()[]“”\"")
    private static let codeJoin = UnitSet(":/.-")
    private static let range = UnitSet(" -–")
    private static let roman = Set("IVXLC".utf16)
}

extension String {
    /// The text with each run of white space (layout spaces, line ends) read as one space.
    var collapsingSpaces: String {
        split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ")
    }
}

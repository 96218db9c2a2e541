/// The citation scan of one passage (see ``CitationFinder``): candidates first, then each read
/// in order with what follows it (``PassageScan/readTail(_:nextStart:embedded:limit:)``) and
/// what stands before it (``PassageScan/relate(_:_:part:container:placed:state:)``).
struct PassageScan {
    let finder: CitationFinder
    let words: Words
    let passage: Int
    let sentences: [Range<Int>]

    var rules: CitationRules { finder.phrases }

    init(finder: CitationFinder, words: Words, passage: Int) {
        self.finder = finder
        self.words = words
        self.passage = passage
        sentences = Sentences.ranges(in: words.units)
    }

    /// A reference before its surroundings are read: word range, and what names it.
    struct Candidate {
        var kind: Citation.Kind
        var start: Int
        var end: Int
        var number: DocumentNumber?
        var short: Citation.ShortForm?
        var name: NameGrammar.Name?
        var alias: NamedDocument?
        var type: DocumentTypes.Entry?
        var backIssuer: String?
        /// For a defined name, the citation it names.
        var refersTo: Int?
    }

    /// A citation this scan appended, with what later ones need of it.
    struct Placed {
        let index: Int
        let start: Int
        let tailEnd: Int
        /// The words of its title when that title holds other references ("... hướng dẫn thi
        /// hành một số điều của Luật Sở hữu trí tuệ"): those are stated about it.
        let titleRange: Range<Int>?
        /// The placed citation whose title holds this one.
        let container: Int?
        /// False when its relation came from a list, a lead-in or nothing.
        let ownCue: Bool
        /// The first citation of the list it belongs to.
        let listHead: Int
    }

    func run(_ state: inout DocumentScan) {
        continueLead(&state)
        var candidates = gather(state)
        var placed: [Placed] = []
        var position = 0
        while position < candidates.count {
            let candidate = candidates[position]
            defer { position += 1 }
            let container = placed.last { $0.container == nil && $0.titleRange?.contains(candidate.start) == true }
            let nextStart = position + 1 < candidates.count ? candidates[position + 1].start : words.count
            let tail = readTail(candidate, nextStart: nextStart, embedded: container != nil,
                                limit: container?.titleRange?.upperBound ?? words.count)
            if let swallowed = tail.swallowed {
                candidates.removeAll { $0.start > candidate.start && swallowed.contains($0.start) }
            }
            if isOwn(candidate, tail: tail, state: state) { continue }
            var citation = makeCitation(candidate, tail: tail)
            let index = state.found.count
            if isOwnAttachment(after: tail.end) { state.attachments.insert(citation.identity(finder.rules.types)) }
            let link = relate(&citation, candidate, part: part(before: candidate.start), container: container,
                              placed: placed, state: state)
            if citation.relation.changesValidity { citation.effect = tail.effect }
            resolveShort(&citation, candidate: candidate, state: state)
            if candidate.kind == .back { resolveBack(&citation, candidate: candidate, found: state.found) }
            state.found.append(citation)
            placed.append(Placed(index: index, start: candidate.start, tailEnd: tail.end,
                                 titleRange: container == nil ? tail.titleRange : nil, container: container?.index,
                                 ownCue: link.ownCue, listHead: link.listHead ?? index))
            for law in candidate.name?.amended ?? [] {
                state.found.append(amendedLaw(law, by: index, citation: citation))
            }
            if let name = tail.defines {
                define(name, citation: index, state: &state)
                let later = definedNames(state, from: tail.end).filter { new in
                    !candidates.contains { ($0.start..<$0.end).overlaps(new.start..<new.end) }
                }
                candidates = (candidates + later).sorted { $0.start < $1.start }
            }
        }
        applyTrailingCues(placed, state: &state)
        if let lead = leadIn(placed, state: state) { state.lead = lead }
    }

    // MARK: Finding references

    private func gather(_ state: DocumentScan) -> [Candidate] {
        var taken = numbered()
        taken += named(merging: &taken)
        taken += definedNames(state, from: 0).filter { !overlaps($0.start..<$0.end, taken) }
        taken += shortForms(avoiding: taken)
        taken += backReferences(avoiding: taken)
        return taken.sorted { $0.start < $1.start }
    }

    private func numbered() -> [Candidate] {
        var found = NumberScanner(rules: finder.rules).matches(in: words.units).compactMap { match -> Candidate? in
            let start = words.index(atOrAfter: match.range.lowerBound)
            let end = words.index(atOrAfter: match.range.upperBound)
            guard start < end, !finder.isHeaderNumber(at: start, in: words) else { return nil }
            return typed(Candidate(kind: .number, start: start, end: end, number: match.number))
        }
        found += unitCodes(avoiding: found)
        return found
    }

    /// "Công văn số 06/KHBT": after a type name and "số", a number whose symbol is one code.
    private func unitCodes(avoiding taken: [Candidate]) -> [Candidate] {
        var found: [Candidate] = []
        for index in 1..<max(1, words.count - 1) where rules.numberWords.length(at: index, in: words) == 1 {
            let number = index + 1, code = index + 2
            guard code < words.count, isDigitWord(number), !overlaps(number..<code + 1, taken),
                  words.gap(after: number, before: code, only: Self.slash), words[code].range.count >= 2,
                  NumberScanner.isUpperCaseCode(words.text(words[code].range)),
                  code + 1 == words.count || !words.gap(after: code, before: code + 1, contains: Self.codeContinues)
            else { continue }
            let symbol = DocumentNumber(number: words.text(words[number].range), type: "", issuer: words.text(words[code].range), isParty: false)
            let candidate = typed(Candidate(kind: .number, start: number, end: code + 1, number: symbol))
            if candidate.type != nil { found.append(candidate) }
        }
        return found
    }

    /// The candidate with the type name written before it ("Nghị quyết số").
    private func typed(_ candidate: Candidate) -> Candidate {
        var candidate = candidate
        if let named = finder.typeName(endingBefore: candidate.start, in: words), onlySpaces(from: named.start, to: candidate.start) {
            candidate.start = named.start
            candidate.type = named.type
        }
        return candidate
    }

    /// Names by alias, then by grammar; a name followed by "số" and a number names that number
    /// ("Luật Tổ chức Chính phủ số 63/2025/QH15").
    private func named(merging numbers: inout [Candidate]) -> [Candidate] {
        var found: [Candidate] = []
        let grammar = NameGrammar(finder: finder, words: words)
        var index = 0
        while index < words.count {
            if words[index].capitalised, let entry = rules.names.longest(startingAt: index, in: words),
               !overlaps(index..<index + entry.length, numbers) {
                let end = index + entry.length
                // "Điều lệ Đảng khóa II" is another edition than "Điều lệ Đảng".
                let term = grammar.term(at: end).map {
                    NameGrammar.Name(start: index, nameEnd: end, end: $0.end, text: entry.value.name,
                                     typeCode: entry.value.typeCode, term: $0.text, amended: [])
                }
                found.append(Candidate(kind: .named, start: index, end: term?.end ?? end, name: term, alias: entry.value))
                index = term?.end ?? end
                continue
            }
            if let name = grammar.name(at: index), !overlaps(index..<name.nameEnd, numbers) {
                if rules.numberWords.length(at: name.end, in: words) == 1,
                   let numbered = numbers.firstIndex(where: { $0.start == name.end + 1 && $0.type == nil }) {
                    numbers[numbered].start = index
                    numbers[numbered].name = name
                    numbers[numbered].type = finder.rules.types.entry(for: name.typeCode)
                } else if !overlaps(index..<name.end, numbers) {
                    found.append(Candidate(kind: .named, start: index, end: name.end, name: name))
                }
                index = name.end
                continue
            }
            index += 1
        }
        return found
    }

    /// Occurrences of the names the text defined, from word `start` on.
    private func definedNames(_ state: DocumentScan, from start: Int) -> [Candidate] {
        var found: [Candidate] = []
        var index = start
        while index < words.count {
            if let entry = state.defined.longest(startingAt: index, in: words), !entry.value.capitalised || words[index].capitalised {
                found.append(Candidate(kind: .short, start: index, end: index + entry.length, refersTo: entry.value.citation))
                index += entry.length
            } else {
                index += 1
            }
        }
        return found
    }

    /// "Nghị quyết 39", "nghị quyết số 39", "QĐ932": a type and a number, no issuer.
    private func shortForms(avoiding taken: [Candidate]) -> [Candidate] {
        var found: [Candidate] = []
        for index in 0..<words.count {
            if let glued = gluedShortForm(at: index), !overlaps(index..<index + 1, taken) {
                found.append(glued)
                continue
            }
            guard let entry = rules.typeNames.longest(startingAt: index, in: words) else { continue }
            var number = index + entry.length
            if number < words.count, rules.numberWords.length(at: number, in: words) == 1 { number += 1 }
            guard number < words.count, isDigitWord(number), words[number].range.count <= 6, onlySpaces(from: index, to: number),
                  !overlaps(index..<number + 1, taken), !overlaps(index..<number + 1, found), isWholeNumber(number) else { continue }
            let digits = words.text(words[number].range)
            if number == index + entry.length, digits.count == 4, let year = Int(digits), (1945...2100).contains(year) { continue }
            found.append(Candidate(kind: .short, start: index, end: number + 1,
                                   short: Citation.ShortForm(type: entry.value.code, number: digits), type: entry.value))
        }
        return found
    }

    /// "QĐ932": a type code and digits written as one word.
    private func gluedShortForm(at index: Int) -> Candidate? {
        let range = words[index].range
        guard range.count >= 3, range.count <= 12, words[index].capitalised, isDigit(words.units[range.upperBound - 1]) else { return nil }
        let text = words.text(range)
        guard let split = text.firstIndex(where: \.isNumber), text[..<split].count >= 2, text[..<split].allSatisfy(\.isLetter),
              text[split...].allSatisfy(\.isNumber), text[..<split].dropFirst().contains(where: \.isUppercase) || text[..<split].count == 2,
              let type = finder.rules.types.entry(for: String(text[..<split])), type.code == String(text[..<split]), isWholeNumber(index)
        else { return nil }
        return Candidate(kind: .short, start: index, end: index + 1,
                         short: Citation.ShortForm(type: type.code, number: String(text[split...])), type: type)
    }

    /// A number that stands alone: not the start of a symbol ("779 /QĐ-UBND"), a decimal
    /// ("1.5") or a count ("Kế hoạch 5 năm").
    private func isWholeNumber(_ index: Int) -> Bool {
        guard index + 1 < words.count else { return true }
        let gap = words.gapUnits(after: index, before: index + 1)
        if gap.contains(where: Self.symbolJoin.contains) { return false }
        if gap.count == 1, Self.decimalPoint.contains(gap.first!), isDigitWord(index + 1) { return false }
        return rules.unitWords.length(at: index + 1, in: words) == nil
    }

    private func backReferences(avoiding taken: [Candidate]) -> [Candidate] {
        var found: [Candidate] = []
        for index in 0..<words.count {
            guard let (end, type) = finder.typeName(startingAt: index, in: words),
                  !overlaps(index..<end, taken), !overlaps(index..<end, found) else { continue }
            if let length = rules.backPhrases.length(at: end, in: words) {
                found.append(Candidate(kind: .back, start: index, end: end + length, type: type))
            } else if rules.ofWords.length(at: end, in: words) != nil,
                      end + 1 < words.count, words[end + 1].capitalised,
                      let issuer = issuerWords(from: end + 1, limit: words.count) {
                let next = issuer.upperBound
                if next < words.count, rules.numberWords.length(at: next, in: words) != nil || isDigit(words.units[words[next].range.lowerBound]) { continue }
                found.append(Candidate(kind: .back, start: index, end: next, type: type,
                                       backIssuer: words.text(words[issuer.lowerBound].range.lowerBound..<words[issuer.upperBound - 1].range.upperBound).collapsingSpaces))
            }
        }
        return found
    }

    // MARK: The document's own number

    /// A number of the citing document itself (the header's, or a "Số:" line's), given without a
    /// date or with the document's own.
    private func isOwn(_ candidate: Candidate, tail: Tail, state: DocumentScan) -> Bool {
        guard tail.date == nil || state.date == nil || tail.date == state.date else { return false }
        if let number = candidate.number { return state.own.contains(NumberKey(number, types: finder.rules.types)) }
        if let short = candidate.short {
            let key = NumberKey(number: short.number, type: short.type, issuer: nil, types: finder.rules.types)
            return state.own.contains { $0.number == key.number && $0.type == key.type }
        }
        return false
    }

    /// "Điều lệ Hội ... ban hành kèm theo Quyết định này": what the citing document holds (see
    /// ``DocumentScan/attachments``).
    private func isOwnAttachment(after index: Int) -> Bool {
        guard index < words.count, let through = rules.throughWords.longest(startingAt: index, in: words),
              let type = finder.typeName(startingAt: index + through.length, in: words) else { return false }
        return rules.selfWords.length(at: type.end, in: words) != nil
    }

    // MARK: Building the record

    private static let quoteReach = 400

    private func makeCitation(_ candidate: Candidate, tail: Tail) -> Citation {
        let range = words[candidate.start].range.lowerBound..<endIncludingParenthesis(candidate.end - 1)
        let typeCode = self.typeCode(candidate)
        // A long sentence is kept to a few hundred units either side of the citation; its quote
        // says where it was cut ("… đứng đầu; tận tụy ...").
        let sentence = Sentences.range(around: range.lowerBound, in: words.units, sentences: sentences)
            .clamped(to: max(0, range.lowerBound - Self.quoteReach)..<min(words.units.count, range.upperBound + Self.quoteReach))
        let name = candidate.alias?.name ?? candidate.name?.text
        return Citation(kind: candidate.kind, passage: passage, range: range, text: words.text(range).collapsingSpaces,
                        number: candidate.number, short: candidate.short, named: name, term: candidate.name?.term,
                        typeCode: typeCode, date: tail.date, issuer: tail.issuer,
                        title: tail.title ?? (candidate.kind == .number ? candidate.name?.text : nil),
                        relation: .mentions, cue: nil, part: nil, effect: nil, subject: nil, object: nil,
                        refersTo: candidate.refersTo, defines: tail.defines, note: nil,
                        sentence: words.text(sentence), sentenceRange: sentence)
    }

    /// The type the citing words give, where the symbol agrees or gives none: "Quy định số
    /// 101-QĐ/TW" is a Quy định; "Văn bản số 01/BC-HHDN" is the Báo cáo its symbol says.
    private func typeCode(_ candidate: Candidate) -> String? {
        let types = finder.rules.types
        let symbol = candidate.number.flatMap { types.entry(for: $0.type)?.code }
        if let words = candidate.type?.code ?? candidate.alias?.typeCode ?? candidate.name?.typeCode {
            guard let symbol, types.numberingKey(symbol) != types.numberingKey(words) else { return words }
            return symbol
        }
        return symbol ?? candidate.short?.type
    }

    /// A law an amending law names: amended by it, stated about it.
    private func amendedLaw(_ law: NameGrammar.Name, by index: Int, citation: Citation) -> Citation {
        let range = words[law.start].range.lowerBound..<words[law.nameEnd - 1].range.upperBound
        return Citation(kind: .named, passage: passage, range: range, text: law.text, number: nil, short: nil,
                        named: law.text, term: law.term, typeCode: law.typeCode, date: nil, issuer: nil, title: nil,
                        relation: .amends, cue: nil, part: nil, effect: nil, subject: index, object: nil, refersTo: nil,
                        defines: nil, note: nil, sentence: citation.sentence, sentenceRange: citation.sentenceRange)
    }

    private func define(_ name: String, citation: Int, state: inout DocumentScan) {
        let capitalised = !name.contains(where: \.isNumber) && name.first?.isUppercase == true
        state.defined.add(name, DocumentScan.DefinedName(citation: citation, capitalised: capitalised))
    }

    // MARK: Small checks

    func overlaps(_ range: Range<Int>, _ taken: [Candidate]) -> Bool {
        taken.contains { ($0.start..<$0.end).overlaps(range) }
    }

    func onlySpaces(from start: Int, to end: Int) -> Bool {
        (start..<end).allSatisfy { index in
            index == start || words.gap(after: index - 1, before: index, only: Self.spaceOrColon)
        } && (end == 0 || words.gap(after: end - 1, before: end, only: Self.spaceOrColon))
    }

    func isDigitWord(_ index: Int) -> Bool {
        words[index].range.allSatisfy { isDigit(words.units[$0]) }
    }

    /// The end of word `index`, past a closing parenthesis right after it ("(khóa VIII)").
    func endIncludingParenthesis(_ index: Int) -> Int {
        let end = words[index].range.upperBound
        return end < words.units.count && words.units[end] == 0x29 ? end + 1 : end
    }

    static let spaceOrColon = UnitSet(" :")
    private static let slash = UnitSet("/")
    private static let codeContinues = UnitSet("/-")
    private static let symbolJoin = UnitSet("/-–")
    private static let decimalPoint = UnitSet(".:,")
}

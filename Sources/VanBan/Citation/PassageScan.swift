/// The citation scan of one passage (see ``CitationFinder``).
struct PassageScan {
    let finder: CitationFinder
    let words: Words
    let passage: Int

    private var rules: CitationRules { finder.rules.citations }

    /// A reference before its surroundings are read: word range, and what names it.
    private struct Candidate {
        var kind: Citation.Kind
        var start: Int
        var end: Int
        var number: DocumentNumber?
        var named: NamedDocument?
        var type: DocumentTypes.Entry?
        var backIssuer: String?
    }

    /// What follows a reference: date, issuer and title, and the word where they end.
    private struct Tail {
        var date: String?
        var issuer: String?
        var title: String?
        var end: Int
    }

    func run(into found: inout [Citation]) {
        var candidates = numbered()
        candidates += named(avoiding: candidates)
        candidates += backReferences(avoiding: candidates)
        candidates.sort { $0.start < $1.start }
        var previous: (index: Int, end: Int, tailEnd: Int)?
        for (position, candidate) in candidates.enumerated() {
            let limit = position + 1 < candidates.count ? candidates[position + 1].start : words.count
            let tail = readTail(after: candidate.end, limit: limit)
            var citation = makeCitation(candidate, tail: tail)
            relate(&citation, candidate: candidate, previous: previous, found: found)
            if candidate.kind == .back { resolveBack(&citation, candidate: candidate, found: found) }
            found.append(citation)
            previous = (found.count - 1, candidate.end, tail.end)
        }
    }

    // MARK: Finding references

    private func numbered() -> [Candidate] {
        NumberScanner(rules: finder.rules).matches(in: words.units).compactMap { match in
            let start = words.index(atOrAfter: match.range.lowerBound)
            let end = words.index(atOrAfter: match.range.upperBound)
            guard start < end else { return nil }
            var candidate = Candidate(kind: .number, start: start, end: end, number: match.number)
            if let named = finder.typeName(endingBefore: start, in: words), onlySpaces(from: named.start, to: start) {
                candidate.start = named.start
                candidate.type = named.type
            }
            return candidate
        }
    }

    private func named(avoiding taken: [Candidate]) -> [Candidate] {
        var found: [Candidate] = []
        var index = 0
        while index < words.count {
            if let entry = rules.names.longest(startingAt: index, in: words) {
                let end = index + entry.length
                if !overlaps(index..<end, taken) {
                    found.append(Candidate(kind: .named, start: index, end: end, named: entry.value))
                    index = end
                    continue
                }
            }
            index += 1
        }
        return found
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
                                       backIssuer: words.text(words[issuer.lowerBound].range.lowerBound..<words[issuer.upperBound - 1].range.upperBound)))
            }
        }
        return found
    }

    // MARK: Reading what follows a reference

    private func readTail(after start: Int, limit: Int) -> Tail {
        var tail = Tail(end: start)
        if tail.end < limit, rules.dateWords.length(at: tail.end, in: words) != nil, onlySeparators(before: tail.end),
           let date = dateStarting(at: tail.end) {
            tail.date = date.iso
            tail.end = words.index(atOrAfter: date.end)
        }
        if tail.end < limit, rules.ofWords.length(at: tail.end, in: words) != nil,
           onlySeparators(before: tail.end), let issuer = issuerWords(from: tail.end + 1, limit: limit) {
            tail.issuer = words.text(words[issuer.lowerBound].range.lowerBound..<endIncludingParenthesis(issuer.upperBound - 1))
            tail.end = issuer.upperBound
        }
        if let (title, end) = quotedTitle(after: tail.end, limit: limit) {
            tail.title = title
            tail.end = end
        } else if tail.end < limit, rules.aboutWords.length(at: tail.end, in: words) != nil,
                  rules.longConnectors.length(at: tail.end, in: words) == nil,
                  !finder.startsCue(at: tail.end + 1, in: words) {
            tail.title = clauseText(from: tail.end + 1, limit: limit)
        }
        return tail
    }

    /// The end of word `index`, past a closing parenthesis right after it ("(khóa VIII)").
    private func endIncludingParenthesis(_ index: Int) -> Int {
        let end = words[index].range.upperBound
        return end < words.units.count && words.units[end] == 0x29 ? end + 1 : end
    }

    private func dateStarting(at index: Int) -> (iso: String, end: Int)? {
        let start = words[index].range.lowerBound
        let end = min(words.units.count, start + 40)
        let slice = words.folded(start..<end)
        guard let date = DateParser.first(in: slice), date.range.lowerBound <= 6 else { return nil }
        return (date.iso, start + date.range.upperBound)
    }

    /// The words of an issuer phrase ("Ban Bí thư Trung ương Đảng"), up to a stop word, a cue,
    /// "về", punctuation, or the next reference.
    private func issuerWords(from start: Int, limit: Int) -> Range<Int>? {
        var end = start
        while end < limit, end - start < 12 {
            if end > start {
                if words.gap(after: end - 1, before: end, contains: Self.issuerEnd) { break }
            }
            if rules.issuerStops.length(at: end, in: words) != nil || finder.startsCue(at: end, in: words) {
                break
            }
            end += 1
        }
        return end > start ? start..<end : nil
    }

    private func quotedTitle(after index: Int, limit: Int) -> (String, Int)? {
        var position = index < words.count ? words[index].range.lowerBound : words.units.count
        if index > 0 { position = words[index - 1].range.upperBound }
        var cursor = position
        var sawAbout = false
        while cursor < words.units.count {
            let unit = words.units[cursor]
            if unit == 0x20 || unit == 0x2C || unit == 0x2A || unit == 0x29 { cursor += 1; continue }
            if Self.quotes.contains(unit) { break }
            let word = words.index(atOrAfter: cursor)
            guard !sawAbout, word < limit, rules.aboutWords.length(at: word, in: words) != nil else { return nil }
            sawAbout = true
            cursor = words[word].range.upperBound
        }
        guard cursor < words.units.count, let close = words.units[(cursor + 1)...].firstIndex(where: Self.closingQuotes.contains) else { return nil }
        let title = words.text((cursor + 1)..<close).trimmed("*")
        return (title, words.index(atOrAfter: close + 1))
    }

    private static let issuerEnd = UnitSet(",;.:“”\"\n")
    private static let sentenceEnd = UnitSet(".!?\n")
    private static let spaceOrColon = UnitSet(" :")
    private static let separators = UnitSet(" ,)")
    private static let quotes: Set<UInt16> = [0x201C, 0x22]
    private static let closingQuotes: Set<UInt16> = [0x201D, 0x22]

    private func clauseText(from start: Int, limit: Int) -> String? {
        guard start < limit else { return nil }
        var end = start
        while end + 1 < limit, !words.breaksClause(after: end, before: end + 1), end - start < 40 { end += 1 }
        return words.text(words[start].range.lowerBound..<words[end].range.upperBound)
    }

    // MARK: Relation, subject, back-references

    private func relate(_ citation: inout Citation, candidate: Candidate, previous: (index: Int, end: Int, tailEnd: Int)?,
                        found: [Citation]) {
        let floor = previous?.end ?? 0
        if let cue = finder.cue(before: candidate.start, notBefore: floor, in: words) {
            citation.relation = cue.relation
            citation.cue = cue.text
            if let previous, connects(from: previous.tailEnd, to: cue.start) { citation.subject = previous.index }
        } else if let previous, continuesList(from: previous.tailEnd, to: candidate.start) {
            citation.relation = found[previous.index].relation
            citation.cue = found[previous.index].cue
            citation.subject = found[previous.index].subject
        }
    }

    /// Only connector words ("về việc") between a reference and a cue: the reference is the
    /// cue's subject.
    private func connects(from start: Int, to end: Int) -> Bool {
        guard start <= end, !words.breaksClause(after: start - 1, before: end) else { return false }
        var index = start
        while index < end, let length = rules.connectors.length(at: index, in: words) { index += length }
        return index == end
    }

    /// Only separators and list words ("; ", ", ", "và") between two references.
    private func continuesList(from start: Int, to end: Int) -> Bool {
        guard start <= end, !words.gap(after: start - 1, before: end, contains: Self.sentenceEnd) else { return false }
        var index = start
        while index < end, let length = rules.listWords.length(at: index, in: words) { index += length }
        return index == end
    }

    private func resolveBack(_ citation: inout Citation, candidate: Candidate, found: [Citation]) {
        guard let type = candidate.type else { return }
        let orgKey = candidate.backIssuer.map(VietText.key)
        let earlier = found.indices.filter { index in
            let other = found[index]
            guard other.kind != .back, Self.compatible(other.typeCode, type.code) else { return false }
            guard let orgKey else { return true }
            let issuerKey = other.issuer.map(VietText.key) ?? ""
            let codeName = other.number.flatMap { finder.rules.issuers.entry(for: $0.issuer)?.name }.map(VietText.key) ?? ""
            return !issuerKey.isEmpty && (issuerKey.includes(orgKey) || orgKey.includes(issuerKey)) || codeName == orgKey
        }
        let identities = Set(earlier.map { found[$0].identity })
        let described = type.name + (candidate.backIssuer.map { " của \($0)" } ?? "")
        if identities.count == 1, let last = earlier.last {
            citation.refersTo = last
        } else if identities.isEmpty {
            citation.note = "unresolved: no earlier \(described) is named in this document"
        } else {
            let names = earlier.map { found[$0].number?.symbol ?? found[$0].named ?? "?" }
            citation.note = "unresolved: ambiguous, \(Set(names).sorted().joined(separator: ", ")) are all earlier \(type.name) references"
        }
    }

    /// "QĐ" is used for Quy định as well as Quyết định.
    static func compatible(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        return a == b || Set([a, b]) == ["QĐ", "QĐi"]
    }

    // MARK: Building the record

    private func makeCitation(_ candidate: Candidate, tail: Tail) -> Citation {
        let range = words[candidate.start].range.lowerBound..<endIncludingParenthesis(candidate.end - 1)
        let typeCode = candidate.type?.code ?? candidate.named?.typeCode
            ?? candidate.number.flatMap { finder.rules.types.entry(for: $0.type)?.code }
        let sentence = sentenceRange(around: range)
        return Citation(kind: candidate.kind, passage: passage, range: range, text: words.text(range),
                        number: candidate.number, named: candidate.named?.name, typeCode: typeCode,
                        date: tail.date, issuer: tail.issuer, title: tail.title, relation: .mentions, cue: nil,
                        subject: nil, refersTo: nil, note: nil, sentence: words.text(sentence), sentenceRange: sentence)
    }

    private func sentenceRange(around range: Range<Int>) -> Range<Int> {
        let units = words.units
        var start = range.lowerBound
        while start > 0, range.lowerBound - start < 400,
              !(units[start - 1] == 0x0A || (start >= 2 && [0x2E, 0x21, 0x3F].contains(units[start - 2]) && units[start - 1] == 0x20)) {
            start -= 1
        }
        var end = range.upperBound
        while end < units.count, end - range.upperBound < 400, units[end] != 0x0A,
              !([0x2E, 0x21, 0x3F].contains(units[end]) && (end + 1 == units.count || units[end + 1] == 0x20)) {
            end += 1
        }
        if end < units.count, units[end] != 0x0A { end += 1 }
        while start < end, units[start] == 0x20 || units[start] == 0x09 { start += 1 }
        while end > start, units[end - 1] == 0x20 || units[end - 1] == 0x09 { end -= 1 }
        return start..<end
    }

    // MARK: Small checks

    private func overlaps(_ range: Range<Int>, _ taken: [Candidate]) -> Bool {
        taken.contains { ($0.start..<$0.end).overlaps(range) }
    }

    private func onlySpaces(from start: Int, to end: Int) -> Bool {
        (start..<end).allSatisfy { index in
            index == start || words.gap(after: index - 1, before: index, only: Self.spaceOrColon)
        } && (end == 0 || words.gap(after: end - 1, before: end, only: Self.spaceOrColon))
    }

    /// Only spaces and commas between word `index` and the word before it.
    private func onlySeparators(before index: Int) -> Bool {
        words.gap(after: index - 1, before: index, only: Self.separators)
    }
}

extension Citation {
    /// What two citations must share to name the same document.
    var identity: String { number?.key ?? named ?? text }
}

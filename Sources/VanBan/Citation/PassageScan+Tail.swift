/// What follows a reference: its date and issuer (in either order), its title, quoted or
/// introduced ("về ...", "quy định chi tiết ..."), the short name the text gives it, and the
/// date a relation takes effect. Each field stops where the text stops naming it.
extension PassageScan {
    struct Tail {
        var date: String?
        var issuer: String?
        var title: String?
        /// The title's words, when it may hold other references.
        var titleRange: Range<Int>?
        /// Words whose references are none: a quoted title, a defining parenthesis.
        var swallowed: Range<Int>?
        var defines: String?
        var effect: String?
        /// The word after the tail.
        var end: Int
    }

    /// The tail of `candidate`; the date and issuer stop at `nextStart` (the next reference),
    /// the title at `limit` (the end of the title it stands in, for a reference inside one).
    func readTail(_ candidate: Candidate, nextStart: Int, embedded: Bool, limit: Int) -> Tail {
        var tail = Tail(end: candidate.end)
        for _ in 0..<2 {
            if tail.date == nil, tail.end < nextStart, rules.dateWords.length(at: tail.end, in: words) != nil,
               onlySeparators(before: tail.end), let date = dateStarting(at: tail.end) {
                tail.date = date.iso
                tail.end = words.index(atOrAfter: date.end)
            } else if tail.issuer == nil, tail.end < nextStart, rules.ofWords.length(at: tail.end, in: words) != nil,
                      onlySeparators(before: tail.end), let issuer = issuerWords(from: tail.end + 1, limit: nextStart) {
                // "Bộ Chính trị (khóa VIII)" keeps its parenthesis; "... của Thủ tướng Chính phủ)" closes another.
                let opened = words.gap(after: issuer.lowerBound, before: issuer.upperBound - 1, contains: Self.opening)
                let end = opened ? endIncludingParenthesis(issuer.upperBound - 1) : words[issuer.upperBound - 1].range.upperBound
                tail.issuer = words.text(words[issuer.lowerBound].range.lowerBound..<end).collapsingSpaces
                tail.end = issuer.upperBound
            } else {
                break
            }
        }
        readTitle(&tail, limit: limit, embedded: embedded)
        if !embedded, let (name, end) = definedName(at: tail.end) {
            tail.defines = name
            tail.swallowed = tail.swallowed.map { $0.lowerBound..<end } ?? tail.end..<end
            tail.end = end
        }
        tail.effect = effect(at: tail.end)
        return tail
    }

    /// A quoted title, or one that "về" or a describing verb opens after the date or issuer
    /// ("của Chính phủ quy định chi tiết ...").
    private func readTitle(_ tail: inout Tail, limit: Int, embedded: Bool) {
        if let (title, range, end) = quotedTitle(after: tail.end, limit: limit) {
            tail.title = title
            tail.swallowed = range
            tail.end = end
            return
        }
        guard tail.end < limit else { return }
        var start: Int?
        if let about = rules.aboutWords.length(at: tail.end, in: words), onlySeparators(before: tail.end) {
            // "về việc thực hiện Nghị quyết ...": the cue is the reference's, what follows it its subject.
            let skip = rules.longConnectors.length(at: tail.end, in: words) ?? about
            if !finder.startsCue(at: tail.end + skip, in: words) { start = tail.end + skip }
        } else if tail.date != nil || tail.issuer != nil, words.gap(after: tail.end - 1, before: tail.end, only: Self.space),
                  rules.verbs.length(at: tail.end, in: words) != nil || rules.cues.longest(startingAt: tail.end, in: words)?.value.relation == .guides {
            start = tail.end
        }
        guard let start, start < limit else { return }
        let end = titleEnd(from: start, limit: limit)
        guard end > start else { return }
        tail.title = words.text(words[start].range.lowerBound..<words[end - 1].range.upperBound).trimmed("*_").collapsingSpaces
        if !embedded { tail.titleRange = start..<end }
        tail.end = end
    }

    /// Where an unquoted title stops: at the clause's end, a defining parenthesis, a passive or
    /// trailing cue, a new subject after a comma, or the next item of its list.
    private func titleEnd(from start: Int, limit: Int) -> Int {
        var end = start
        var holdsReference = false
        while end < limit, end - start < 40 {
            if end > start {
                if words.breaksClause(after: end - 1, before: end) { break }
                if words.gap(after: end - 1, before: end, contains: Self.opening), rules.definingWords.length(at: end, in: words) != nil { break }
                if startsListItem(at: end) {
                    // "và Quyết định số ..." after the title: the next item; after a reference in
                    // the title ("... của Luật A, Luật B"): the title's own list.
                    if !holdsReference {
                        if rules.listWords.length(at: end - 1, in: words) == 1, end - 1 > start { end -= 1 }
                        break
                    }
                } else if words.gap(after: end - 1, before: end, contains: Self.comma), words[end].capitalised, !isDigitWord(end) {
                    break
                } else if startsReference(at: end) {
                    holdsReference = true
                }
            }
            if let cue = rules.cues.longest(startingAt: end, in: words), cue.value.passive { break }
            if end > start, !words[end].capitalised, rules.trailingCues.length(at: end, in: words) != nil { break }
            end += 1
        }
        return end
    }

    /// A type name opening a reference right after a list word or a comma: the next item.
    private func startsListItem(at index: Int) -> Bool {
        guard startsReference(at: index) else { return false }
        if words.gap(after: index - 1, before: index, contains: Self.listSeparator) { return true }
        return index >= 1 && rules.listWords.length(at: index - 1, in: words) == 1
    }

    private func startsReference(at index: Int) -> Bool {
        words[index].capitalised && (rules.typeNames.longest(startingAt: index, in: words) != nil
            || rules.nameHeads.longest(startingAt: index, in: words) != nil)
    }

    /// "(sau đây gọi tắt là Chiến lược)": the name, and the word after the parenthesis.
    private func definedName(at index: Int) -> (String, Int)? {
        guard index < words.count, words.gap(after: index - 1, before: index, contains: Self.opening),
              let entry = rules.definingWords.longest(startingAt: index, in: words) else { return nil }
        let first = index + entry.length
        var end = first
        while end < words.count, end - first < 8 {
            end += 1
            if words.gap(after: end - 1, before: end, contains: Self.closing) { break }
        }
        guard end > first, words.gap(after: end - 1, before: end, contains: Self.closing) else { return nil }
        let name = words.text(words[first].range.lowerBound..<words[end - 1].range.upperBound).collapsingSpaces
        return (name, end)
    }

    /// "kể từ ngày 01/7/2024" (a date), "kể từ ngày Nghị định này có hiệu lực" (the citing
    /// document's own), after a relation that changes whether its document stands.
    func effect(at index: Int) -> String? {
        guard index < words.count, let entry = rules.effectWords.longest(startingAt: index, in: words) else { return nil }
        let after = index + entry.length
        if let date = dateStarting(at: after - 1), date.iso.count == 10 { return date.iso }
        if let (end, _) = finder.typeName(startingAt: after, in: words), rules.selfWords.length(at: end, in: words) != nil {
            return Citation.onEffect
        }
        return nil
    }

    /// "khoản 1 Điều 12", "chương III", "mục 1, phần III," right before word `start`: the part
    /// of the cited document the words name, and where it starts.
    func part(before start: Int) -> (text: String, start: Int)? {
        var first = start
        while first >= 2 {
            var token = first - 1
            guard isPartToken(token), words.gap(after: token, before: first, only: Self.partGap) else { break }
            if token >= 2, isDigitWord(token), isDigitWord(token - 1), words.gap(after: token - 1, before: token, only: Self.dot) { token -= 1 }
            guard let entry = rules.partWords.longest(endingBefore: token, in: words),
                  words.gap(after: token - 1, before: token, only: Self.space) else { break }
            first = token - entry.length
        }
        guard first < start else { return nil }
        let text = words.text(words[first].range.lowerBound..<words[start - 1].range.upperBound)
        return (text.trimmed(" ,").collapsingSpaces, first)
    }

    private func isPartToken(_ index: Int) -> Bool {
        let range = words[index].range
        return range.count <= 5 && (isDigitWord(index) || range.allSatisfy { Self.roman.contains(words.units[$0]) } || range.count == 1)
    }

    // MARK: Fields

    func dateStarting(at index: Int) -> (iso: String, end: Int)? {
        guard index < words.count else { return nil }
        let start = words[index].range.lowerBound
        let end = min(words.units.count, start + 40)
        let slice = words.folded(start..<end)
        guard let date = DateParser.first(in: slice), date.range.lowerBound <= 6 else { return nil }
        return (date.iso, start + date.range.upperBound)
    }

    /// The words of an issuer phrase ("Ban Bí thư Trung ương Đảng"), up to a stop word, a cue, a
    /// describing verb in lower case, "về", punctuation, or the next reference.
    func issuerWords(from start: Int, limit: Int) -> Range<Int>? {
        var end = start
        // "Bộ Nông nghiệp và Môi trường": a body of bodies.tsv is read whole, "và" and all.
        if let body = finder.rules.requirements.bodies.longest(startingAt: start, in: words), start + body.length <= limit {
            end = start + body.length
        }
        while end < limit, end - start < 12 {
            if end > start {
                if words.gap(after: end - 1, before: end, contains: Self.issuerEnd) { break }
                // "của Chính phủ quy định chi tiết ...", also "Chính phủ Quy định ..." after a whole body's name.
                if rules.verbs.length(at: end, in: words) != nil,
                   !words[end].capitalised || finder.rules.issuers.entry(for: words.text(words[start].range.lowerBound..<words[end - 1].range.upperBound)) != nil {
                    break
                }
            }
            if rules.issuerStops.length(at: end, in: words) != nil || finder.startsCue(at: end, in: words) { break }
            end += 1
        }
        return end > start ? start..<end : nil
    }

    private func quotedTitle(after index: Int, limit: Int) -> (String, Range<Int>, Int)? {
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
        let title = words.text((cursor + 1)..<close).trimmed("*").collapsingSpaces
        let end = words.index(atOrAfter: close + 1)
        return (title, words.index(atOrAfter: cursor)..<end, end)
    }

    /// Only spaces and commas between word `index` and the word before it.
    func onlySeparators(before index: Int) -> Bool {
        words.gap(after: index - 1, before: index, only: Self.separators)
    }

    static let issuerEnd = UnitSet(",;.:“”\"\n")
    private static let separators = UnitSet(" ,)")
    private static let opening = UnitSet("(")
    private static let closing = UnitSet(")")
    private static let comma = UnitSet(",")
    private static let listSeparator = UnitSet(",;")
    private static let dot = UnitSet(".")
    private static let space = UnitSet(" ")
    private static let partGap = UnitSet(" ,")
    private static let roman = Set("IVXLC".utf16)
    private static let quotes: Set<UInt16> = [0x201C, 0x22]
    private static let closingQuotes: Set<UInt16> = [0x201D, 0x22]
}

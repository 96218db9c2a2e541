/// Reads who must act: the actor lists of a sentence ("Giao X chủ trì, phối hợp với Y ...",
/// "X phải ..."), and of the headings and lead-ins that name the actor of the items under them
/// ("5. Bộ Tài chính:", "1. Ủy ban nhân dân tỉnh, chỉ đạo:").
///
/// Known bodies (`indexer/bodies.tsv`) are read whole, so the commas and "và" inside "Sở Văn
/// hóa, Thể thao và Du lịch" neither split nor end it; a name shared out over kinds of place
/// ("Ủy ban nhân dân các xã, phường") gives one actor for each.
struct ActorReader {
    let rules: RuleSet
    /// Kept, not read from `rules` at every word: a copy of the rules costs retains.
    private let cues: RequirementRules

    init(rules: RuleSet) {
        self.rules = rules
        cues = rules.requirements
    }

    /// The actors of one clause, and where their act begins.
    struct Clause {
        var actors: [Actor] = []
        /// UTF-16 ranges of the passage where the names stand, for highlighting.
        var spans: [Range<Int>] = []
        /// The word where the act begins, when the sentence goes on after the actors.
        var actStart: Int?

        var isEmpty: Bool { actors.isEmpty }
        var leads: [Actor] { actors.filter { $0.role == .lead } }
    }

    /// The actors a sentence assigns, and the word where their act begins.
    func assigned(_ sentence: SentenceView) -> Clause {
        // "Giao X", "đề nghị X" open the sentence or a clause of it; elsewhere "yêu cầu" is a noun.
        for index in sentence.indices where !sentence.isQuoted(index) && (index == sentence.indices.first || sentence.followsPunctuation(index)) {
            for cue in [RequirementRules.Cue.assign, .ask] {
                if let length = sentence.match(cues.index(cue), at: index), sentence.isActorStart(index + length, cues: cues) {
                    return clause(sentence, from: index + length)
                }
            }
        }
        guard let subject = subjectStart(sentence) else { return Clause() }
        let found = clause(sentence, from: subject)
        // "Ban Thường vụ yêu cầu các chi bộ ...", "Ban Chấp hành Trung ương giao Bộ Chính trị ...":
        // the asked, not the asker, must act.
        for cue in [RequirementRules.Cue.ask, .assign] {
            if let end = found.actStart, let length = sentence.match(cues.index(cue), at: end), sentence.isActorStart(end + length, cues: cues) {
                return clause(sentence, from: end + length)
            }
        }
        guard let end = found.actStart, !isPast(sentence, at: end), actFollows(sentence, at: end) else { return Clause() }
        return found
    }

    /// An act at word `index`, or after a time phrase there ("định kỳ 6 tháng báo cáo ...").
    private func actFollows(_ sentence: SentenceView, at index: Int) -> Bool {
        // After a named actor "bảo đảm" is its act too ("Bộ Y tế ... bảo đảm thuốc men").
        if beginsWithAct(sentence, at: index) || sentence.match(cues.index(.ensure), at: index) != nil { return true }
        guard cues.scheduleTriggers.length(at: index, in: sentence.words) != nil else { return false }
        for next in (index + 1)..<min(index + 9, sentence.end) {
            if sentence.breaksClause(before: next) { return false }
            if beginsWithAct(sentence, at: next) { return true }
        }
        return false
    }

    /// "... đã hướng dẫn": the act is reported as done, not assigned.
    private func isPast(_ sentence: SentenceView, at index: Int) -> Bool {
        sentence.match(cues.index(.past), at: index) != nil
    }

    /// True when an act starts at word `index`: a verb, "chủ trì" or "phối hợp với".
    func beginsWithAct(_ sentence: SentenceView, at index: Int) -> Bool {
        [RequirementRules.Cue.verb, .lead, .with].contains { sentence.match(cues.index($0), at: index) != nil }
    }

    /// The actors a heading or lead-in names, or nil when it names none: "5. Bộ Tài chính:",
    /// "2. Thanh tra tỉnh", "1. Ủy ban nhân dân tỉnh, chỉ đạo:", "Đối với các sở, ngành:". A
    /// heading that goes on into its act ("Sở Tài chính: Chủ trì, ...") is a sentence, not this.
    func named(byHeading text: String) -> [Actor]? { heading(text)?.actors }

    /// As ``named(byHeading:)``, and whether the text is the names alone ("2. Thanh tra tỉnh").
    /// "1. Bộ Tài chính chủ trì, phối hợp với các bộ, địa phương liên quan:" names partners too.
    func heading(_ text: String) -> (actors: [Actor], bare: Bool)? {
        let body = String(text.dropFirst(Outline.marker(of: text)?.length ?? 0))
        let words = Words(body)
        guard words.count > 0 else { return nil }
        let sentence = SentenceView(words: words, range: 0..<words.units.count)
        guard var start = firstWord(of: sentence) else { return nil }
        // After "nhiệm vụ của" any name is a body's ("Chức năng, nhiệm vụ của Đội ứng cứu sự cố:").
        let duties = sentence.match(cues.index(.duties), at: start).map { start += $0 } != nil
        if !duties, let length = sentence.match(cues.index(.heading), at: start) { start += length }
        guard duties || sentence.isActorStart(start, cues: cues), let list = list(sentence, from: start, toTheEnd: true) else { return nil }
        var found = Clause(actors: list.names.map { actor($0.name, role: .lead) })
        continueClause(&found, sentence, at: list.end, toTheEnd: true)
        let next = found.actStart ?? sentence.end
        let rest = sentence.end - next
        let colon = body.trimmingScalars(in: .whitespaces).hasSuffix(":")
        guard rest == 0 || (colon && rest <= 3 && beginsWithAct(sentence, at: next)) else { return nil }
        return (found.actors, rest == 0 && next == list.end)
    }

    /// "Chủ trì, phối hợp với Y ..." opening an item whose actor a heading gave: the item's
    /// co-operating actors, and where its act begins.
    func partners(_ sentence: SentenceView, from start: Int) -> Clause {
        var found = Clause()
        continueClause(&found, sentence, at: start)
        return found
    }

    /// The first word past the sentence's list marker ("1.", "a)", "(ii)") or article ("Điều 3."):
    /// where its subject, or an act with no named actor, begins.
    func firstWord(of sentence: SentenceView, from start: Int? = nil) -> Int? {
        guard var first = start ?? sentence.indices.first else { return nil }
        if let length = sentence.match(cues.index(.article), at: first), first + length < sentence.end,
           isDigit(sentence.words.units[sentence.words[first + length].range.lowerBound]) {
            first += length
        }
        let units = sentence.words.units
        let word = sentence.words[first]
        let marker = word.range.count <= 4 && (isDigit(units[word.range.lowerBound]) || word.range.count <= 3 && !word.capitalised)
            && sentence.gapBefore(first + 1, contains: Self.markerEnd)
        if marker, first + 1 < sentence.end { first += 1 }
        return first
    }

    private static let markerEnd = UnitSet(".)-")
    private static let closing = UnitSet(")")
    private static let stops = UnitSet(":.;\"“*")

    /// The first word of the sentence's subject, past a leading time phrase ("Hằng năm, nhân
    /// ngày truyền thống ... (ngày 15-10), Ban Tuyên giáo ...").
    private func subjectStart(_ sentence: SentenceView) -> Int? {
        guard let first = firstWord(of: sentence) else { return nil }
        if sentence.isActorStart(first, cues: cues) { return first }
        // After a comma only a named body ("Ban ...") or a determined one ("các cấp ủy") is a
        // subject: "cơ quan, đơn vị có ..." and "đoàn viên, hội viên" are not; after a leading
        // time phrase any is ("Hằng năm, cơ quan tài chính đảng các cấp có trách nhiệm ...").
        var timed = cues.scheduleTriggers.length(at: first, in: sentence.words) != nil
        for index in sentence.indices.prefix(30) where index > first && sentence.followsComma(index) {
            if sentence.isActorStart(index, cues: cues), timed || sentence.words[index].capitalised
                || sentence.match(cues.index(.determiner), at: index) != nil { return index }
            timed = false
        }
        return nil
    }

    /// "X [chủ trì] [phối hợp với Y] ...": lead actors X and co-operating Y; the act begins after.
    private func clause(_ sentence: SentenceView, from start: Int) -> Clause {
        guard let leads = list(sentence, from: start) else { return Clause() }
        var found = Clause(actors: leads.names.map { actor($0.name, role: .lead) }, spans: leads.names.map(\.span))
        continueClause(&found, sentence, at: leads.end)
        return found
    }

    /// Past "chủ trì", "phối hợp với Y" and an aside ("theo chức năng, nhiệm vụ được giao").
    private func continueClause(_ found: inout Clause, _ sentence: SentenceView, at start: Int, toTheEnd: Bool = false) {
        var cursor = start
        if let length = sentence.match(cues.index(.aside), at: cursor) { cursor += length }
        if let length = sentence.match(cues.index(.lead), at: cursor) { cursor += length }
        if let length = sentence.match(cues.index(.with), at: cursor), let partners = list(sentence, from: cursor + length, toTheEnd: toTheEnd) {
            found.actors += partners.names.map { actor($0.name, role: .with) }
            found.spans += partners.names.map(\.span)
            cursor = partners.end
        }
        // "Giao Đảng ủy Chính phủ: (i) Chỉ đạo ...": the act starts past the item's marker.
        if cursor < sentence.end, let first = firstWord(of: sentence, from: cursor) { cursor = first }
        found.actStart = cursor < sentence.end ? cursor : nil
    }

    private struct List {
        var names: [(name: String, span: Range<Int>)]
        /// The word after the list.
        var end: Int
    }

    /// Names separated by commas and "và", up to the act (a verb, "chủ trì", "phối hợp với");
    /// `toTheEnd` lets the list run to the end of the text (a heading).
    private func list(_ sentence: SentenceView, from start: Int, toTheEnd: Bool = false) -> List? {
        var end = start
        var piece = start  // where the current name began: a name has at most 24 words, a list 80
        var inside = Set<Int>()  // words within a known body's name, where names do not split
        while end < sentence.end, end - piece < 24, end - start < 80 {
            // "Đoàn Luật sư tỉnh Lâm Đồng (cũ), ...": a short parenthesis stays in the name.
            if end > start, sentence.gapBefore(end, contains: SentenceView.openingParenthesis), !sentence.gapBefore(end, contains: Self.stops),
               let close = (end..<min(end + 4, sentence.end)).first(where: { sentence.gapBefore($0 + 1, contains: Self.closing) }),
               close + 1 < sentence.end {
                inside.formUnion(end...close)
                end = close + 1
                continue
            }
            if end > start, sentence.breaksClauseHard(before: end) { break }
            // "Chánh Văn phòng ...; Giám đốc Công an tỉnh; ...": a semicolon may separate names.
            if end > start, sentence.followsSemicolon(end), !(sentence.words[end].capitalised && sentence.isActorStart(end, cues: cues)) { break }
            if end > start, sentence.followsComma(end) || sentence.followsSemicolon(end) { piece = end }
            if let length = sentence.match(cues.bodies, at: end) {
                inside.formUnion((end + 1)..<(end + length))
                end += length
                continue
            }
            // "Các cấp ủy cơ sở định kỳ 6 tháng báo cáo ...": a time phrase ends the names too.
            if end > start, beginsAct(sentence, at: end) || isPast(sentence, at: end) || sentence.match(cues.index(.aside), at: end) != nil
                || cues.scheduleTriggers.length(at: end, in: sentence.words) != nil { break }
            end += 1
        }
        guard end > start, toTheEnd || end < sentence.end else { return nil }
        let names = sharedOut(sentence, pieces(sentence, from: start, to: end, keepingWhole: inside))
        return names.isEmpty ? nil : List(names: names, end: end)
    }

    /// A verb, "chủ trì" or "phối hợp với" at word `index`: where an actor list ends. A
    /// capitalised word is part of a name ("Ban Tổ chức"), and a word after a comma that
    /// starts another actor is one ("Các cấp ủy, tổ chức đảng").
    private func beginsAct(_ sentence: SentenceView, at index: Int) -> Bool {
        if sentence.words[index].capitalised { return false }
        if sentence.followsComma(index) && sentence.isActorStart(index, cues: cues) { return false }
        if let length = sentence.match(cues.index(.actor), at: index), length > 2 { return false }  // "tổ chức cơ sở đảng"
        if let length = sentence.match(cues.index(.assign), at: index), sentence.isActorStart(index + length, cues: cues) { return true }
        return [RequirementRules.Cue.verb, .lead, .with, .ask, .ensure].contains { sentence.match(cues.index($0), at: index) != nil }
    }

    /// The word ranges of an actor list's names: split at commas and at list words ("và"),
    /// except inside a known body's name.
    private func pieces(_ sentence: SentenceView, from start: Int, to end: Int, keepingWhole inside: Set<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var first = start
        for index in start..<end where index > first && !inside.contains(index) {
            let isList = rules.citations.listWords.length(at: index, in: sentence.words) != nil
            if sentence.followsComma(index) || sentence.followsSemicolon(index) || isList {
                pieces.append(first..<index)
                first = isList ? index + 1 : index
            }
        }
        if first < end { pieces.append(first..<end) }
        return pieces.filter { !$0.isEmpty }
    }

    /// Names shared out over kinds of place: "Ủy ban nhân dân các xã, phường" is "Ủy ban nhân
    /// dân xã" and "Ủy ban nhân dân phường"; other lists keep their names as written.
    private func sharedOut(_ sentence: SentenceView, _ pieces: [Range<Int>]) -> [(name: String, span: Range<Int>)] {
        var names: [(name: String, span: Range<Int>)] = []
        var shared: (head: String, part: String, index: Int)?  // the last name that ended in a kind of place
        for piece in pieces {
            var span = sentence.words[piece.lowerBound].range.lowerBound..<sentence.words[piece.upperBound - 1].range.upperBound
            // "Đoàn Luật sư tỉnh Lâm Đồng (cũ)": the name keeps the parenthesis it opens.
            let written = sentence.words.units[span]
            if written.contains(0x28), !written.contains(0x29), span.upperBound < sentence.range.upperBound,
               sentence.words.units[span.upperBound] == 0x29 {
                span = span.lowerBound..<(span.upperBound + 1)
            }
            var start = piece.lowerBound
            while let length = sentence.match(cues.index(.determiner), at: start), start + length < piece.upperBound { start += length }
            if let head = shared?.head, sentence.match(cues.parts, at: start) == piece.upperBound - start {
                if let first = shared, first.index >= 0 {
                    names[first.index].name = first.head + " " + first.part
                    shared?.index = -1
                }
                names.append((head + " " + sentence.text(from: start, to: piece.upperBound), span))
                continue
            }
            shared = headBeforePart(sentence, piece).map { ($0.head, $0.part, names.count) }
            names.append((sentence.words.text(span), span))
        }
        return names
    }

    /// "Ủy ban nhân dân" and "xã" of "Ủy ban nhân dân các xã": the words before a final kind of
    /// place (and its determiner), and the kind, when there are words before it.
    private func headBeforePart(_ sentence: SentenceView, _ piece: Range<Int>) -> (head: String, part: String)? {
        for start in ((piece.lowerBound + 1)..<piece.upperBound).reversed() where sentence.match(cues.parts, at: start) == piece.upperBound - start {
            var end = start
            while end > piece.lowerBound + 1, sentence.match(cues.index(.determiner), at: end - 1) == 1 { end -= 1 }
            return (sentence.text(from: piece.lowerBound, to: end), sentence.text(from: start, to: piece.upperBound))
        }
        return nil
    }

    /// "báo cáo (kết quả) về X": where the result of the act goes.
    func reportedTo(_ sentence: SentenceView) -> Clause {
        for index in sentence.indices {
            guard let length = sentence.match(cues.index(.report), at: index) else { continue }
            for about in (index + length)..<min(index + length + 6, sentence.end) where sentence.match(cues.index(.reportto), at: about) != nil {
                guard sentence.isActorStart(about + 1, cues: cues) else { break }
                var end = about + 1
                while end < sentence.end, end - about < 10, !sentence.breaksClause(before: end),
                      !sentence.gapBefore(end, contains: SentenceView.openingParenthesis) { end += 1 }
                let span = sentence.words[about + 1].range.lowerBound..<sentence.words[end - 1].range.upperBound
                return Clause(actors: [actor(sentence.text(from: about + 1, to: end), role: .reportTo)], spans: [span])
            }
        }
        return Clause()
    }

    func actor(_ name: String, role: Actor.Role) -> Actor {
        Actor(name: name, key: cues.actorKey(name), role: role)
    }
}

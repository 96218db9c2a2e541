import Foundation

/// Finds requirement statements: who must act (lead and co-operating actors), what act, by
/// when or how often, to what target, on what basis. Cue words come from `indexer/`.
///
/// A sentence is a requirement when it assigns an act to an actor ("Giao X ...", "đề nghị X
/// ...", "X chủ trì ...", a sentence whose subject is a body followed by its act) or states an
/// obligation (phải, có trách nhiệm, đảm bảo), a deadline, a rhythm or a target. Quoted text is
/// background: it neither makes nor fills a requirement.
public struct RequirementFinder: Sendable {
    let rules: RuleSet
    private var cues: RequirementRules { rules.requirements }

    public init(rules: RuleSet) { self.rules = rules }

    public func requirements(in document: ParsedDocument, citations: [Citation] = []) -> [Requirement] {
        requirements(in: document, words: document.passages.map { Words($0.text) }, citations: citations)
    }

    func requirements(in document: ParsedDocument, words passages: [Words], citations: [Citation]) -> [Requirement] {
        var found: [Requirement] = []
        let index = CitationIndex(citations, passages: document.passages)
        for (passage, words) in passages.enumerated() {
            for range in Sentences.ranges(in: words.units) {
                guard var requirement = requirement(in: range, of: words, passage: passage) else { continue }
                requirement.basis = basis(for: requirement, index: index, passages: document.passages)
                found.append(requirement)
            }
        }
        return found
    }

    private func requirement(in range: Range<Int>, of words: Words, passage: Int) -> Requirement? {
        let sentence = SentenceView(words: words, range: range)
        let schedule = ScheduleParser(rules: cues).schedule(in: sentence)
        let targets = TargetParser(rules: cues).targets(in: sentence)
        let hasDuty = sentence.contains(cues.index(.duty)) || sentence.contains(cues.index(.ensure))
        var (actors, actEnd) = assignedActors(sentence)
        if actors.isEmpty, sentence.startsWith(cues.index(.background)) { return nil }
        guard !actors.isEmpty || hasDuty || schedule != nil || !targets.isEmpty else { return nil }
        actors += reportedTo(sentence)
        let actionStart = actEnd.map { words[$0].range.lowerBound } ?? range.lowerBound
        let action = words.text(actionStart..<range.upperBound).trimmed(".;*")
        var requirement = Requirement(passage: passage, range: range, sentence: words.text(range), actors: actors,
                                      action: action, actionStart: actionStart, schedule: schedule?.schedule,
                                      targets: targets.map(\.target))
        let spans = actors.compactMap { actor in sentence.span(of: actor.name) } + [schedule?.span].compactMap { $0 } + targets.map(\.span)
        requirement.highlights = sentence.codePointRanges(spans.sorted { $0.lowerBound < $1.lowerBound })
        return requirement
    }

    // MARK: Actors

    /// The actors a sentence assigns, and the word where their act begins.
    private func assignedActors(_ sentence: SentenceView) -> ([Actor], Int?) {
        // "Giao X", "đề nghị X" open the sentence or a clause of it; elsewhere "yêu cầu" is a noun.
        for index in sentence.indices where !sentence.isQuoted(index) && (index == sentence.indices.first || sentence.followsPunctuation(index)) {
            for cue in [RequirementRules.Cue.assign, .ask] {
                if let length = sentence.match(cues.index(cue), at: index), sentence.isActorStart(index + length, cues: cues) {
                    return actorClause(sentence, from: index + length)
                }
            }
        }
        guard let subject = subjectStart(sentence) else { return ([], nil) }
        let (actors, end) = actorClause(sentence, from: subject)
        // "Ban Thường vụ yêu cầu các chi bộ ...": the asked, not the asker, must act.
        if let end, let length = sentence.match(cues.index(.ask), at: end), sentence.isActorStart(end + length, cues: cues) {
            return actorClause(sentence, from: end + length)
        }
        guard let end, sentence.match(cues.index(.verb), at: end) != nil || sentence.match(cues.index(.lead), at: end) != nil
                || sentence.match(cues.index(.with), at: end) != nil else { return ([], nil) }
        return (actors, end)
    }

    /// The first word of the sentence's subject, past a leading time phrase ("Hằng năm, nhân
    /// ngày truyền thống ... (ngày 15-10), Ban Tuyên giáo ...").
    private func subjectStart(_ sentence: SentenceView) -> Int? {
        guard var first = sentence.indices.first else { return nil }
        if isDigit(sentence.words.units[sentence.words[first].range.lowerBound]), first + 1 < sentence.end { first += 1 }  // "1. Các chi bộ"
        if sentence.isActorStart(first, cues: cues) { return first }
        // After a comma only a named body ("Ban ...") or a determined one ("các cấp ủy") is a
        // subject: "cơ quan, đơn vị có ..." and "đoàn viên, hội viên" are not.
        for index in sentence.indices.prefix(30) where index > first && sentence.followsComma(index) {
            if sentence.isActorStart(index, cues: cues),
               sentence.words[index].capitalised || sentence.match(cues.index(.determiner), at: index) != nil { return index }
        }
        return nil
    }

    /// "X [chủ trì] [phối hợp với Y] ...": lead actors X and co-operating Y; the act begins after.
    private func actorClause(_ sentence: SentenceView, from start: Int) -> ([Actor], Int?) {
        guard let (leads, afterLeads) = actorList(sentence, from: start) else { return ([], nil) }
        var actors = leads.map { actor($0, role: .lead) }
        var cursor = afterLeads
        if let length = sentence.match(cues.index(.lead), at: cursor) { cursor += length }
        if let length = sentence.match(cues.index(.with), at: cursor), let (partners, after) = actorList(sentence, from: cursor + length) {
            actors += partners.map { actor($0, role: .with) }
            cursor = after
        }
        return (actors, cursor < sentence.end ? cursor : nil)
    }

    /// Names separated by commas and "và", up to the act (a verb, "chủ trì", "phối hợp với").
    private func actorList(_ sentence: SentenceView, from start: Int) -> ([String], Int)? {
        var end = start
        while end < sentence.end, end - start < 24 {
            if end > start, sentence.breaksClause(before: end) { break }
            if end > start, beginsAct(sentence, at: end) { break }
            end += 1
        }
        guard end > start, end < sentence.end else { return nil }
        let names = splitNames(sentence, from: start, to: end)
        return names.isEmpty ? nil : (names, end)
    }

    /// A verb, "chủ trì" or "phối hợp với" at word `index`: where an actor list ends. A
    /// capitalised word is part of a name ("Ban Tổ chức"), and a word after a comma that
    /// starts another actor is one ("Các cấp ủy, tổ chức đảng").
    private func beginsAct(_ sentence: SentenceView, at index: Int) -> Bool {
        if sentence.words[index].capitalised { return false }
        if sentence.followsComma(index) && sentence.isActorStart(index, cues: cues) { return false }
        if let length = sentence.match(cues.index(.actor), at: index), length > 2 { return false }  // "tổ chức cơ sở đảng"
        return [RequirementRules.Cue.verb, .lead, .with, .ask].contains { sentence.match(cues.index($0), at: index) != nil }
    }

    /// The names of an actor list: split at commas and at list words ("và").
    private func splitNames(_ sentence: SentenceView, from start: Int, to end: Int) -> [String] {
        var names: [String] = []
        var first = start
        for index in start..<end where index > first {
            let isList = rules.citations.listWords.length(at: index, in: sentence.words) != nil
            if sentence.followsComma(index) || isList {
                names.append(sentence.text(from: first, to: index))
                first = isList ? index + 1 : index
            }
        }
        if first < end { names.append(sentence.text(from: first, to: end)) }
        return names.map { $0.trimmed(";:()") }.filter { !$0.isEmpty }
    }

    /// "báo cáo (kết quả) về X": where the result of the act goes.
    private func reportedTo(_ sentence: SentenceView) -> [Actor] {
        for index in sentence.indices {
            guard let length = sentence.match(cues.index(.report), at: index) else { continue }
            for about in (index + length)..<min(index + length + 4, sentence.end) where sentence.match(cues.index(.reportto), at: about) != nil {
                guard sentence.isActorStart(about + 1, cues: cues) else { break }
                var end = about + 1
                while end < sentence.end, end - about < 10, !sentence.breaksClause(before: end),
                      !sentence.gapBefore(end, contains: SentenceView.openingParenthesis) { end += 1 }
                return [actor(sentence.text(from: about + 1, to: end), role: .reportTo)]
            }
        }
        return []
    }

    private func actor(_ name: String, role: Actor.Role) -> Actor {
        Actor(name: name, key: cues.actorKey(name), role: role)
    }

    // MARK: Basis

    /// The body's citations by passage and by section, so finding a requirement's basis does
    /// not scan every citation of the document (a long document has thousands of each).
    private struct CitationIndex {
        var byPassage: [Int: [Citation]] = [:]
        var bySection: [String: [Citation]] = [:]

        init(_ citations: [Citation], passages: [Passage]) {
            for citation in citations where citation.passage < passages.count {
                byPassage[citation.passage, default: []].append(citation)
                let section = passages[citation.passage].headingPath
                if !section.isEmpty { bySection[section, default: []].append(citation) }
            }
        }
    }

    private func basis(for requirement: Requirement, index: CitationIndex, passages: [Passage]) -> [String] {
        let label = { (citation: Citation) in citation.number?.symbol ?? citation.named }
        let inSentence = (index.byPassage[requirement.passage] ?? []).filter { requirement.range.overlaps($0.range) }
        let inSection = index.bySection[passages[requirement.passage].headingPath] ?? []
        var seen = Set<String>()
        return (inSentence + inSection).compactMap(label).filter { seen.insert($0).inserted }
    }
}

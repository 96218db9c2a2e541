import Foundation

/// Finds requirement statements: who must act (lead and co-operating actors), what act, by
/// when or how often, to what target, on what basis. Cue words come from `indexer/`.
///
/// A sentence is a requirement when it assigns an act to an actor ("Giao X ...", "đề nghị X
/// ...", "X chủ trì ...", a sentence whose subject is a body followed by its act) or states an
/// obligation (phải, có trách nhiệm, đảm bảo), a deadline, a rhythm or a target. Every item
/// under a heading or lead-in that names a body ("5. Bộ Tài chính:") is that body's, and each
/// row of a task table is its "đơn vị chủ trì"'s. Quoted text is background: it neither makes
/// nor fills a requirement. Preambles ("Căn cứ ...", "Thực hiện ..., ... như sau:") are context.
public struct RequirementFinder: Sendable {
    let rules: RuleSet
    private let cues: RequirementRules
    private let reader: ActorReader

    public init(rules: RuleSet) {
        self.rules = rules
        cues = rules.requirements
        reader = ActorReader(rules: rules)
    }

    public func requirements(in document: ParsedDocument, citations: [Citation] = []) -> [Requirement] {
        requirements(in: document, words: document.passages.map { Words($0.text) }, citations: citations)
    }

    func requirements(in document: ParsedDocument, words passages: [Words], citations: [Citation]) -> [Requirement] {
        var found: [Requirement] = []
        let index = CitationIndex(citations, passages: document.passages)
        var structure = Structure(reader: reader, cues: cues)
        // A heading is read where it stands, in the path of the passages under it (Structure);
        // a lead-in is text too, which may require ("3. Cơ quan ... phải lập báo cáo ... gồm:").
        let headings = Passage.headings(amongPaths: document.passages.map(\.headingPath))
        for (passage, words) in passages.enumerated() where !headings[passage] || endsWithColon(words) {
            var given: [Actor]?
            switch structure.read(document.passages[passage], words: words) {
            case .leadIn, .tableHeader: continue
            case .row(let row):
                if var requirement = requirement(in: row, of: words, passage: passage) {
                    requirement.basis = basis(for: requirement, index: index, passages: document.passages)
                    found.append(requirement)
                }
                continue
            case .text(let actors): given = actors
            }
            var previous: [Actor] = []
            var leadIn: [Actor]?
            for range in Sentences.ranges(in: words.units) {
                leadIn = nil
                guard var requirement = requirement(in: range, of: words, passage: passage, given: given, previous: previous) else {
                    previous = []
                    // "Điều 3. Chức năng, nhiệm vụ của Đội ứng cứu sự cố:" closing a paragraph.
                    if endsWithColon(SentenceView(words: words, range: range)) { leadIn = reader.named(byHeading: words.text(range)) }
                    continue
                }
                requirement.basis = basis(for: requirement, index: index, passages: document.passages)
                previous = requirement.actors.filter { $0.role == .lead }
                found.append(requirement)
                // "..., yêu cầu các cấp ủy ... thực hiện tốt một số nhiệm vụ sau:".
                if !previous.isEmpty, endsWithColon(SentenceView(words: words, range: range)) { leadIn = previous }
            }
            if let leadIn { structure.leadIn(leadIn, endingPassage: document.passages[passage]) }
        }
        return found
    }

    /// The requirement a sentence states, if any. `given` are the actors its heading or
    /// lead-in names; `previous` the lead actors of the sentence before it in the passage,
    /// whose act a sentence without a subject goes on with ("... . Định kỳ hằng tháng, tổng hợp ...").
    private func requirement(in range: Range<Int>, of words: Words, passage: Int, given: [Actor]?, previous: [Actor]) -> Requirement? {
        let sentence = SentenceView(words: words, range: range)
        let schedule = ScheduleParser(rules: cues).schedule(in: sentence)
        let targets = TargetParser(rules: cues).targets(in: sentence)
        let hasDuty = sentence.contains(cues.index(.duty)) || sentence.contains(cues.index(.ensure))
        var clause = reader.assigned(sentence)
        let first = reader.firstWord(of: sentence)
        if clause.isEmpty, !previous.isEmpty, let first, continuesAct(sentence, from: first, schedule: schedule?.span) {
            clause.actors = previous
            clause.actStart = first
        } else if clause.isEmpty, let given, let first, hasDuty || schedule != nil || !targets.isEmpty
            || continuesAct(sentence, from: first, schedule: schedule?.span) {
            // An item under "5. Bộ Tài chính:": "Chủ trì, phối hợp với Bộ Kế hoạch và Đầu tư ...".
            clause = reader.partners(sentence, from: first)
            clause.actors = given + clause.actors
        }
        // "..., Thủ tướng Chính phủ yêu cầu:", "Ủy ban nhân dân tỉnh có ý kiến như sau:" lead in to
        // the items, where the requirements are; "..., yêu cầu các chi bộ ... sau:" is one itself.
        if endsWithColon(sentence) && !asks(sentence) { return nil }
        if clause.isEmpty && isPreamble(sentence) { return nil }
        if clause.isEmpty, sentence.startsWith(cues.index(.background)) { return nil }
        guard !clause.isEmpty || hasDuty || schedule != nil || !targets.isEmpty else { return nil }
        let reported = reader.reportedTo(sentence)
        clause.actors += reported.actors
        let actionStart = (clause.actStart ?? first).map { words[$0].range.lowerBound } ?? range.lowerBound
        let action = words.text(actionStart..<range.upperBound).trimmed(".;*")
        var requirement = Requirement(passage: passage, range: range, sentence: words.text(range), actors: clause.actors,
                                      action: action, actionStart: actionStart, schedule: schedule?.schedule,
                                      targets: targets.map(\.target))
        let spans = clause.spans + reported.spans + [schedule?.span].compactMap { $0 } + targets.map(\.span)
        requirement.highlights = sentence.codePointRanges(spans.sorted { $0.lowerBound < $1.lowerBound })
        return requirement
    }

    /// "Định kỳ hằng tháng, trước ngày 25, tổng hợp ...": a sentence that opens with an act (past
    /// a time phrase) goes on with the act of the sentence before it.
    private func continuesAct(_ sentence: SentenceView, from first: Int, schedule: Range<Int>?) -> Bool {
        if reader.beginsWithAct(sentence, at: first) { return true }
        guard let schedule else { return false }
        let after = sentence.indices.first { $0 > first && sentence.words[$0].range.lowerBound >= schedule.upperBound && sentence.followsComma($0) }
        return after.map { reader.beginsWithAct(sentence, at: $0) } ?? false
    }

    /// "Căn cứ Luật ...;", "Thực hiện Kế hoạch số ..., Ban Thường vụ ... như sau:".
    private func isPreamble(_ sentence: SentenceView) -> Bool {
        guard let first = sentence.indices.first else { return false }
        return sentence.match(cues.index(.preamble), at: first) != nil
    }

    /// "Giao", "đề nghị" or "yêu cầu" before the body asked to act.
    private func asks(_ sentence: SentenceView) -> Bool {
        sentence.indices.contains { index in
            [RequirementRules.Cue.assign, .ask].contains { cue in
                sentence.match(cues.index(cue), at: index).map { sentence.isActorStart(index + $0, cues: cues) } ?? false
            }
        }
    }

    private func endsWithColon(_ sentence: SentenceView) -> Bool { Self.endsWithColon(sentence.words.units[sentence.range]) }

    private func endsWithColon(_ passage: Words) -> Bool { Self.endsWithColon(passage.units[...]) }

    private static func endsWithColon(_ units: ArraySlice<UInt16>) -> Bool { units.last { $0 != 0x20 } == 0x3A }

    // MARK: Tables

    /// A row of a task table: the "nội dung" cell is the act, the "đơn vị chủ trì" cell its
    /// lead, "phối hợp" its partners and "thời gian" its deadline.
    private func requirement(in row: Structure.Row, of words: Words, passage: Int) -> Requirement? {
        guard let task = row.cell(.taskcolumn), words.text(task).contains(where: \.isLetter) else { return nil }
        var actors: [Actor] = []
        if let lead = row.cell(.leadcolumn) { actors += cellActors(words.text(lead), role: .lead) }
        if let with = row.cell(.withcolumn) { actors += cellActors(words.text(with), role: .with) }
        let schedule = row.cell(.duecolumn).flatMap { ScheduleParser(rules: cues).schedule(inCell: $0, of: words) }
        guard !actors.isEmpty || schedule != nil else { return nil }
        let range = row.start..<task.upperBound
        return Requirement(passage: passage, range: range, sentence: words.text(range), actors: actors, action: words.text(task),
                           actionStart: task.lowerBound, schedule: schedule?.schedule, targets: [])
    }

    /// The bodies a cell names, read as a heading is; a cell that does not read so is one name.
    private func cellActors(_ text: String, role: Actor.Role) -> [Actor] {
        let name = text.trimmingScalars(in: .whitespaces)
        guard name.contains(where: \.isLetter) else { return [] }
        let actors = reader.named(byHeading: name) ?? [reader.actor(name, role: .lead)]
        return actors.map { reader.actor($0.name, role: role) }
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

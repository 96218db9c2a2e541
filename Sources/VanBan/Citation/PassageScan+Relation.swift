/// What stands before a reference: its cue and which way it points, the part it names, the
/// list it continues, the lead-in it falls under, or the title it stands in; then the cues that
/// follow their references ("... hết hiệu lực"), and what short forms and back-references
/// point at.
extension PassageScan {
    struct Link {
        let ownCue: Bool
        let listHead: Int?
    }

    /// Sets the citation's relation, cue, part, subject and object.
    func relate(_ citation: inout Citation, _ candidate: Candidate, part: (text: String, start: Int)?, container: Placed?,
                placed: [Placed], state: DocumentScan) -> Link {
        citation.part = part?.text
        let start = part?.start ?? candidate.start
        let siblings = placed.filter { $0.container == container?.index }
        var floor = siblings.last?.tailEnd ?? container?.titleRange?.lowerBound ?? 0
        if let container, let title = container.titleRange { floor = max(floor, title.lowerBound) }
        floor = min(floor, start)
        if let cue = finder.cue(before: start, notBefore: floor, in: words) {
            citation.relation = cue.cue.relation
            citation.cue = cue.text
            if cue.cue.passive {
                citation.object = object(of: citation, candidate: candidate, placed: placed, found: state.found)
                if citation.object == nil {
                    citation.relation = .mentions
                    citation.note = "no document before \"\(cue.text)\" for it to act on"
                }
            } else {
                if let words = proposal(before: cue.start, floor: floor) {
                    citation.relation = .mentions
                    citation.note = "proposed (\(words)), not in force"
                }
                // "... thực hiện Kế hoạch số 164-KH/TU ... về việc thực hiện Nghị quyết 25-NQ/TW": the
                // nearest reference the cue connects to is its subject, else the title's owner.
                if let previous = siblings.last, connects(from: previous.tailEnd, to: cue.start) {
                    citation.subject = previous.index
                } else if let container {
                    citation.subject = container.index
                }
            }
            return Link(ownCue: true, listHead: nil)
        }
        if let previous = siblings.last, continuesList(from: previous.tailEnd, to: start) {
            let head = state.found[previous.index]
            citation.relation = head.relation
            citation.cue = head.cue
            citation.subject = head.subject
            citation.object = head.object
            citation.note = head.note
            return Link(ownCue: false, listHead: previous.listHead)
        }
        if let container {
            citation.subject = container.index
        } else if let lead = state.lead {
            citation.relation = lead.relation
            citation.cue = lead.cue
            citation.note = lead.note
        }
        return Link(ownCue: false, listHead: nil)
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

    /// The words that make the cue at `start` a proposal ("dự thảo Nghị định sửa đổi"), if any
    /// stand within three words before it, a type name aside.
    private func proposal(before start: Int, floor: Int) -> String? {
        var end = start
        if let type = finder.typeName(endingBefore: end, in: words), type.start >= floor { end = type.start }
        for stop in stride(from: end, to: max(floor, end - 3), by: -1) {
            if let entry = rules.proposalWords.longest(endingBefore: stop, in: words), stop - entry.length >= floor,
               !words.breaksClause(after: stop - 1, before: start) {
                return words.text(words[stop - entry.length].range.lowerBound..<words[stop - 1].range.upperBound)
            }
        }
        return nil
    }

    /// The document a passive cue's agent acts on: the nearest earlier reference of its sentence
    /// of the same type ("Nghị định ... hướng dẫn thi hành Luật X được sửa đổi, bổ sung bởi
    /// Nghị định số 187/2025/NĐ-CP" amends the first Nghị định), else the nearest one outside a title.
    private func object(of citation: Citation, candidate: Candidate, placed: [Placed], found: [Citation]) -> Int? {
        let sentence = Sentences.range(around: words[candidate.start].range.lowerBound, in: words.units, sentences: sentences)
        let earlier = placed.filter { words[$0.start].range.lowerBound >= sentence.lowerBound }.reversed()
        let types = finder.rules.types
        if let type = citation.typeCode.map(types.numberingKey),
           let same = earlier.first(where: { found[$0.index].typeCode.map(types.numberingKey) == type }) {
            return same.index
        }
        return earlier.first { $0.container == nil }?.index
    }

    // MARK: Lead-ins

    /// A lead that ended the passage before goes on while the passages are its items, one after
    /// the other ("1.", "2.", ...).
    func continueLead(_ state: inout DocumentScan) {
        guard var lead = state.lead else { return }
        guard let marker = ListMarker(words.string), lead.marker.map(marker.follows) ?? true else {
            state.lead = nil
            return
        }
        lead.marker = marker
        state.lead = lead
    }

    /// "Bãi bỏ toàn bộ các nghị định sau đây:": a passage ending with a colon after a cue that
    /// no reference follows, and that names documents, leads in to the items after it ("...
    /// hướng dẫn như sau:" names none: its items are the guide's own text).
    func leadIn(_ placed: [Placed], state: DocumentScan) -> DocumentScan.Lead? {
        guard words.count > 0, words.string.trimmed(" *_\t").hasSuffix(":") else { return nil }
        var start = words.count - 1
        while start > 0, !words.breaksClause(after: start - 1, before: start) { start -= 1 }
        let after = placed.last.map { max($0.tailEnd, start) } ?? start
        var found: DocumentScan.Lead?
        for index in after..<words.count {
            guard let cue = rules.cues.longest(startingAt: index, in: words), !cue.value.passive,
                  cue.value.relation != .follows, !finder.insideProperName(index, in: words),
                  (index + cue.length..<words.count).contains(where: namesDocuments) else { continue }
            let text = words.text(words[index].range.lowerBound..<words[index + cue.length - 1].range.upperBound)
            let note = proposal(before: index, floor: start).map { "proposed (\($0)), not in force" }
            found = DocumentScan.Lead(relation: note == nil ? cue.value.relation : .mentions, cue: text, note: note, marker: nil)
        }
        return found
    }

    /// A type name ("các nghị định") or a word for documents ("các văn bản") at word `index`.
    private func namesDocuments(_ index: Int) -> Bool {
        rules.typeNames.longest(startingAt: index, in: words) != nil || rules.documentWords.length(at: index, in: words) != nil
    }

    // MARK: Cues after their references

    /// "Nghị định số 68/2017/NĐ-CP và Nghị định số 66/2020/NĐ-CP hết hiệu lực kể từ ngày Nghị
    /// định này có hiệu lực": the list just before the cue takes its relation and effect date.
    func applyTrailingCues(_ placed: [Placed], state: inout DocumentScan) {
        for index in 0..<words.count where !words[index].capitalised {
            guard let cue = rules.trailingCues.longest(startingAt: index, in: words),
                  (rules.cues.longest(startingAt: index, in: words)?.length ?? 0) <= cue.length,
                  let last = placed.last(where: { $0.container == nil && $0.tailEnd <= index }),
                  index - last.tailEnd <= 3, !words.breaksClause(after: last.tailEnd - 1, before: index) else { continue }
            let text = words.text(words[index].range.lowerBound..<words[index + cue.length - 1].range.upperBound)
            let effect = effect(at: index + cue.length)
            for member in placed where member.container == nil && member.listHead == last.listHead {
                guard !member.ownCue || state.found[member.index].relation == .mentions else { continue }
                state.found[member.index].relation = cue.value
                state.found[member.index].cue = text
                state.found[member.index].note = nil
                state.found[member.index].effect = effect
            }
        }
    }

    // MARK: What short forms and back-references point at

    /// A short form points at the one earlier reference of its type and number, when the text
    /// names only one; the resolver looks in the archive otherwise.
    func resolveShort(_ citation: inout Citation, candidate: Candidate, state: DocumentScan) {
        guard let short = candidate.short else { return }
        let types = finder.rules.types
        let key = NumberKey(number: short.number, type: short.type, issuer: nil, types: types)
        let earlier = state.found.indices.filter { index in
            guard let number = state.found[index].number else { return false }
            let other = NumberKey(number, types: types)
            return other.number == key.number && other.type == key.type
        }
        let identities = Set(earlier.map { state.found[$0].identity(types) })
        if identities.count == 1 {
            citation.refersTo = earlier.last
        } else if identities.count > 1 {
            let names = Set(earlier.compactMap { state.found[$0].number?.symbol }).sorted()
            citation.note = "ambiguous: \(names.joined(separator: ", ")) are all earlier in this text"
        }
    }

    func resolveBack(_ citation: inout Citation, candidate: Candidate, found: [Citation]) {
        guard let type = candidate.type else { return }
        let types = finder.rules.types
        let orgKey = candidate.backIssuer.map(VietText.key)
        let earlier = found.indices.filter { index in
            let other = found[index]
            guard other.kind != .back, other.kind != .short, let code = other.typeCode,
                  types.numberingKey(code) == types.numberingKey(type.code) else { return false }
            guard let orgKey else { return true }
            let issuerKey = other.issuer.map(VietText.key) ?? ""
            let codeName = other.number.flatMap { finder.rules.issuers.entry(for: $0.issuer)?.name }.map(VietText.key) ?? ""
            return !issuerKey.isEmpty && (issuerKey.includes(orgKey) || orgKey.includes(issuerKey)) || codeName == orgKey
        }
        let identities = Set(earlier.map { found[$0].identity(types) })
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

    private static let sentenceEnd = UnitSet(".!?\n")
}

/// The marker a list item opens with: "1.", "2)", "a)", "-", "+", "•" (Markdown emphasis aside).
struct ListMarker: Equatable {
    enum Kind: Equatable {
        case number(Int)
        case letter(Character)
        case bullet(Character)
    }

    let kind: Kind

    init?(_ text: String) {
        let rest = text.drop { $0 == " " || $0 == "*" || $0 == "_" || $0 == "\t" }
        guard let first = rest.first else { return nil }
        if "-–+•".contains(first) {
            kind = .bullet(first)
            return
        }
        let digits = rest.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, let value = Int(digits), let next = rest.dropFirst(digits.count).first, ".)".contains(next) {
            kind = .number(value)
            return
        }
        let after = rest.dropFirst()
        if first.isLetter, first.isLowercase, let next = after.first, ".)".contains(next) {
            kind = .letter(first)
            return
        }
        return nil
    }

    /// True when this item comes right after `previous` in its list.
    func follows(_ previous: ListMarker) -> Bool {
        switch (previous.kind, kind) {
        case let (.number(a), .number(b)): return b == a + 1
        case let (.letter(a), .letter(b)):
            let letters = Array("abcdđefghiklmnopqrstuvxy")
            guard let i = letters.firstIndex(of: a), let j = letters.firstIndex(of: b) else { return false }
            return j == i + 1 || (a == "d" && b == "e")
        case let (.bullet(a), .bullet(b)): return a == b
        default: return false
        }
    }
}

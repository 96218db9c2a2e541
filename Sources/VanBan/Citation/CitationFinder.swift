/// Finds the references a document makes, passage by passage: numbered ("Nghị quyết số
/// 25-NQ/TW"), named by grammar or alias ("Luật Đất đai ngày 29 tháng 11 năm 2013", "Điều lệ
/// Đảng"), short forms and defined names ("Nghị quyết 39", "Chiến lược") and back-references
/// ("Nghị quyết nêu trên"); attaches the date, issuer, title and part the text gives; and types
/// each by its cue phrase, which reaches every item of the list it introduces, across passages
/// when it ends a lead-in ("Bãi bỏ toàn bộ các nghị định sau đây:").
///
/// A document's own number is never one of its references: neither the header's number nor a
/// number on a "Số:" line, which is the header of the document (or of one it holds) when the
/// header itself was not read.
///
/// Works on folded words, so unaccented and NFD text give the same references.
public struct CitationFinder: Sendable {
    let rules: RuleSet
    var phrases: CitationRules { rules.citations }

    public init(rules: RuleSet) { self.rules = rules }

    /// Every citation in the passages, in reading order; `own` is the citing document's number.
    public func citations(in passages: [String], own: DocumentNumber? = nil, date: String? = nil) -> [Citation] {
        citations(in: passages.map(Words.init), own: own, date: date)
    }

    /// The citations of a parsed document: its body, then its trích yếu, read last as if a
    /// passage after the body, so that what it names ("Chương trình của Đảng ủy Khối") can
    /// point back at what the body named.
    public func citations(in document: ParsedDocument) -> [Citation] {
        citations(in: document.passages.map { Words($0.text) } + [Words(document.metadata.title ?? "")],
                  own: document.metadata.number, date: document.metadata.date,
                  sections: document.passages.map(\.headingPath) + [""])
    }

    /// `sections` holds each passage's heading path: examples ("Ví dụ:") run to the next heading.
    func citations(in passages: [Words], own: DocumentNumber?, date: String?, sections: [String]? = nil) -> [Citation] {
        var state = DocumentScan(own: ownKeys(own, passages), date: date)
        var examples: String?
        for (index, words) in passages.enumerated() {
            let section = sections.map { index < $0.count ? $0[index] : "" } ?? ""
            if words.count > 0, words[0].capitalised, phrases.exampleWords.longest(startingAt: 0, in: words) != nil {
                examples = section
            } else if examples != section {
                examples = nil
            }
            if examples != nil { continue }
            PassageScan(finder: self, words: words, passage: index).run(&state)
        }
        return removingAttachments(state)
    }

    /// The citations without those of what the document holds ("Công nhận Điều lệ Hội ... ban
    /// hành kèm theo Quyết định này", and the trích yếu naming it), their indices kept in step.
    private func removingAttachments(_ state: DocumentScan) -> [Citation] {
        guard !state.attachments.isEmpty else { return state.found }
        let dropped = Set(state.found.indices.filter { state.attachments.contains(state.found[$0].identity(rules.types)) })
        var position: [Int: Int] = [:]
        for index in state.found.indices where !dropped.contains(index) { position[index] = position.count }
        return state.found.indices.filter { !dropped.contains($0) }.map { index in
            var citation = state.found[index]
            citation.subject = citation.subject.flatMap { position[$0] }
            citation.object = citation.object.flatMap { position[$0] }
            citation.refersTo = citation.refersTo.flatMap { position[$0] }
            return citation
        }
    }

    /// The keys of the document's own number: the header's, and those of "Số:" lines.
    private func ownKeys(_ own: DocumentNumber?, _ passages: [Words]) -> Set<NumberKey> {
        var keys = Set(own.map { [NumberKey($0, types: rules.types)] } ?? [])
        let scanner = NumberScanner(rules: rules)
        for words in passages where (1..<max(1, words.count)).contains(where: { isHeaderNumber(at: $0, in: words) }) {
            for match in scanner.matches(in: words.units) where isHeaderNumber(at: words.index(atOrAfter: match.range.lowerBound), in: words) {
                keys.insert(NumberKey(match.number, types: rules.types))
            }
        }
        return keys
    }

    /// True when word `index` follows "Số:", or "Số" opening a line or a header cell (after a
    /// run of spaces or a "|": two columns flattened onto one line): a header's number, the
    /// citing document's own or that of a document it holds, never a reference.
    func isHeaderNumber(at index: Int, in words: Words) -> Bool {
        guard index >= 1, index < words.count, words[index - 1].capitalised,
              phrases.headerWords.length(at: index - 1, in: words) == 1,
              words.gap(after: index - 1, before: index, only: Self.numberLabel) else { return false }
        // "Số: 285/2025/NĐ-CP" is a header's label wherever a line's joining left it.
        if index == 1 || words.gap(after: index - 1, before: index, contains: Self.colon) { return true }
        let before = words.gapUnits(after: index - 2, before: index - 1)
        return before.contains(0x7C) || before.contains(0x0A) || Self.hasRunOfSpaces(before)
    }

    private static func hasRunOfSpaces(_ gap: ArraySlice<UInt16>) -> Bool {
        zip(gap, gap.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
    }

    private static let numberLabel = UnitSet(" :")
    private static let colon = UnitSet(":")

    // MARK: Matching helpers shared by the scan

    /// The type name ending just before word `end` ("Nghị quyết" before "số 25-NQ/TW").
    func typeName(endingBefore end: Int, in words: Words) -> (start: Int, type: DocumentTypes.Entry)? {
        let stop = end > 0 && phrases.numberWords.longest(endingBefore: end, in: words) != nil ? end - 1 : end
        guard let entry = phrases.typeNames.longest(endingBefore: stop, in: words) else { return nil }
        return (stop - entry.length, entry.value)
    }

    /// The type name starting at word `index`, capitalised as a proper reference is.
    func typeName(startingAt index: Int, in words: Words) -> (end: Int, type: DocumentTypes.Entry)? {
        guard index < words.count, words[index].capitalised,
              let entry = phrases.typeNames.longest(startingAt: index, in: words) else { return nil }
        return (index + entry.length, entry.value)
    }

    /// The nearest cue phrase before word `end`, at most 8 words back, within the clause and
    /// outside a parenthesis opened after it. Words that carry a cue on to the document that
    /// holds its object ("được công nhận tại") are passed over.
    func cue(before end: Int, notBefore floor: Int, in words: Words) -> (start: Int, cue: Cue, text: String)? {
        var stop = end
        var through: (start: Int, cue: Cue, text: String)?
        while stop > floor, end - stop <= 8 {
            if words.breaksClause(after: stop - 1, before: stop) || words.gap(after: stop - 1, before: stop, contains: Self.opening) {
                break
            }
            if let entry = phrases.throughWords.longest(endingBefore: stop, in: words), stop - entry.length >= floor {
                let start = stop - entry.length
                // Without a cue before it, "ban hành kèm theo Quyết định ..." only mentions the document.
                through = through ?? (start, Cue(relation: .mentions, passive: false),
                                      words.text(words[start].range.lowerBound..<words[stop - 1].range.upperBound))
                stop = start
                continue
            }
            if let entry = phrases.cues.longest(endingBefore: stop, in: words) {
                let start = stop - entry.length
                if start >= floor, !insideProperName(start, in: words) {
                    return (start, entry.value, words.text(words[start].range.lowerBound..<words[stop - 1].range.upperBound))
                }
            }
            stop -= 1
        }
        return through
    }

    private static let opening = UnitSet("(")

    /// A cue (before or after references) starting at word `index`, written as a cue is: in
    /// lower case unless it opens a sentence or list item.
    func startsCue(at index: Int, in words: Words) -> Bool {
        guard phrases.cues.longest(startingAt: index, in: words) != nil || phrases.trailingCues.longest(startingAt: index, in: words) != nil
        else { return false }
        return !insideProperName(index, in: words)
    }

    /// True when word `index` is inside a name such as "Ban Chấp hành", whose words are no cue.
    func insideProperName(_ index: Int, in words: Words) -> Bool {
        (max(0, index - 3)..<index).contains { start in
            phrases.properNames.longest(startingAt: start, in: words).map { start + $0.length > index } ?? false
        }
    }
}

/// What the scan of a document carries from one passage to the next.
struct DocumentScan {
    /// Keys of the document's own number, whose citations are not references.
    let own: Set<NumberKey>
    let date: String?
    var found: [Citation] = []
    /// Names the text defined ("(sau đây gọi tắt là Chiến lược)"), to the citation they name.
    var defined = PhraseIndex<DefinedName>()
    /// A cue that ended a passage with ":", and the items it governs so far.
    var lead: Lead?
    /// Identities of what the document holds: named "ban hành kèm theo Quyết định này".
    var attachments: Set<String> = []

    struct DefinedName: Sendable {
        let citation: Int
        /// A name without a number matches only capitalised: "Chiến lược", not "chiến lược".
        let capitalised: Bool
    }

    struct Lead {
        let relation: Relation
        let cue: String
        let note: String?
        /// The marker of the last item read under it ("1.", "a)", "-").
        var marker: ListMarker?
    }
}

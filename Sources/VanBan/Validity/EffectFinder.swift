/// Finds a document's own effect clause: the sentence whose subject is the document itself
/// ("Quyết định này", "Văn bản này") and that says when it takes effect ("có hiệu lực kể từ
/// ngày ký", "có hiệu lực thi hành từ ngày 01/7/2024", "sau 45 ngày kể từ ngày ký") or stops
/// ("hết hiệu lực kể từ ngày ...", "có hiệu lực đến hết ngày ...").
///
/// A clause about another document ("Nghị định số 24/2016/NĐ-CP ... tiếp tục có hiệu lực",
/// "kể từ ngày quyết định có hiệu lực") is not the document's: the nearest type name before
/// "có hiệu lực" in the clause must be followed by "này". When a text holds clauses of several
/// kinds of document (a Quyết định and the Quy chế it issues), the one of its own type wins.
/// Works on folded words, so unaccented and NFD text read the same.
public struct EffectFinder: Sendable {
    let rules: RuleSet
    private var words: EffectRules { rules.effects }

    public init(rules: RuleSet) { self.rules = rules }

    /// The clause of a document of type `typeCode` (nil when unknown) in its body passages
    /// (NFC, as the parser gives them; NFD text as Word writes it is composed first).
    public func clause(in passages: [String], typeCode: String?) -> EffectClause {
        clause(in: passages.map { Words(VietText.nfc($0)) }, typeCode: typeCode)
    }

    func clause(in passages: [Words], typeCode: String?) -> EffectClause {
        var own = EffectClause(), other = EffectClause()
        for (index, passage) in passages.enumerated() {
            for found in statements(in: passage, passage: index) {
                let mine = typeCode == nil || found.subject == nil || sameNumbering(found.subject!, typeCode!)
                if mine { own.merge(found.clause) } else { other.merge(found.clause) }
            }
        }
        return own.isEmpty && typeCode == nil ? other : own
    }

    /// "QĐ" is written for Quy định as well as Quyết định: a Quy định's "Quyết định này" is its own.
    private func sameNumbering(_ a: String, _ b: String) -> Bool {
        rules.types.numberingKey(a) == rules.types.numberingKey(b)
    }

    private struct Found {
        /// The type code of "<type> này"; nil for "văn bản này".
        let subject: String?
        let clause: EffectClause
    }

    private func statements(in passage: Words, passage index: Int) -> [Found] {
        var found: [Found] = []
        var position = 0
        while position < passage.count {
            if let phrase = words.starts.longest(startingAt: position, in: passage),
               let subject = selfSubject(before: position, in: passage) {
                let next = position + phrase.length
                var clause = EffectClause(start: start(at: next, in: passage))
                clause.ends = until(after: next, in: passage)
                if !clause.isEmpty {
                    let sentence = EffectClause.Sentence(passage: index, text: sentence(around: position, in: passage))
                    clause.startSentence = clause.start == nil ? nil : sentence
                    clause.endSentence = clause.ends == nil ? nil : sentence
                    found.append(Found(subject: subject.type, clause: clause))
                }
                position = next
                continue
            }
            if let phrase = words.ends.longest(startingAt: position, in: passage),
               let subject = selfSubject(before: position, in: passage),
               let date = date(from: position + phrase.length, in: passage) {
                let sentence = EffectClause.Sentence(passage: index, text: sentence(around: position, in: passage))
                found.append(Found(subject: subject.type, clause: EffectClause(ends: date, endSentence: sentence)))
                position += phrase.length
                continue
            }
            position += 1
        }
        return found
    }

    // MARK: The subject

    /// The document itself as the subject of a clause: "<type> này" (its type code) or
    /// "văn bản này" (no type).
    private struct Subject {
        let type: String?
    }

    /// The subject of the clause ending at word `end`, when it is the document itself: the
    /// nearest type name before it, in the same clause, must be followed by "này".
    private func selfSubject(before end: Int, in passage: Words) -> Subject? {
        var index = end
        while index > 0, end - index < 30 {
            if passage.gap(after: index - 1, before: index, contains: Self.clauseEnd) { return nil }
            if words.documentNames.longest(endingBefore: index, in: passage) != nil { return Subject(type: nil) }
            if let type = rules.citations.typeNames.longest(endingBefore: index, in: passage) {
                return words.selfWords.length(at: index, in: passage) != nil ? Subject(type: type.value.code) : nil
            }
            index -= 1
        }
        return nil
    }

    // MARK: When

    /// What follows "có hiệu lực (thi hành)": "kể từ ngày ký", "sau 45 ngày kể từ ngày ký",
    /// "(kể) từ ngày 01/7/2024".
    private func start(at index: Int, in passage: Words) -> EffectClause.Start? {
        guard index < passage.count else { return nil }
        if words.after.length(at: index, in: passage) != nil, index + 2 < passage.count,
           let days = Int(passage.text(passage[index + 1].range)), words.days.length(at: index + 2, in: passage) != nil {
            return .afterSigning(days: days)
        }
        guard let from = words.from.length(at: index, in: passage) else {
            return dateStarting(at: index, latest: index + 1, in: passage).map(EffectClause.Start.date)
        }
        if words.signing.length(at: index + from, in: passage) != nil { return .signing }
        return dateStarting(at: index, latest: index + from, in: passage).map(EffectClause.Start.date)
    }

    /// "đến hết ngày 31/12/2021" within a few words after the start: the day after it.
    private func until(after index: Int, in passage: Words) -> String? {
        var position = index
        while position < passage.count, position - index < 14 {
            if position > index, passage.gap(after: position - 1, before: position, contains: Self.clauseEnd) { return nil }
            if let length = words.until.length(at: position, in: passage),
               let date = dateStarting(at: position, latest: position + length, in: passage) {
                return ISODate.adding(1, to: date)
            }
            position += 1
        }
        return nil
    }

    /// The date after "hết hiệu lực": "(kể) từ ngày 01/01/2022", "vào ngày ...".
    private func date(from index: Int, in passage: Words) -> String? {
        guard index < passage.count else { return nil }
        let from = words.from.length(at: index, in: passage) ?? 0
        return dateStarting(at: index, latest: index + from, in: passage)
    }

    /// A date that begins at word `index` and no later than word `latest` ("ngày" may be a
    /// part of the words before it: "kể từ ngày 30 tháng 12 năm 2025").
    private func dateStarting(at index: Int, latest: Int, in passage: Words) -> String? {
        guard index < passage.count else { return nil }
        let start = passage[index].range.lowerBound
        let latestOffset = (latest < passage.count ? passage[latest].range.lowerBound : passage.units.count) - start
        let slice = passage.folded(start..<min(passage.units.count, start + 60))
        guard let date = DateParser.first(in: slice), date.range.lowerBound <= latestOffset else { return nil }
        return date.iso
    }

    private func sentence(around word: Int, in passage: Words) -> String {
        let offset = passage[word].range.lowerBound
        let range = Sentences.ranges(in: passage.units).first { $0.contains(offset) } ?? 0..<passage.units.count
        return passage.text(range).trimmed()
    }

    private static let clauseEnd = UnitSet(";.!?\n")
}

extension EffectClause {
    /// Adds what another statement says, keeping the first of each.
    mutating func merge(_ other: EffectClause) {
        if start == nil, other.start != nil {
            start = other.start
            startSentence = other.startSentence
        }
        if ends == nil, other.ends != nil {
            ends = other.ends
            endSentence = other.endSentence
        }
    }
}

/// What a passage's place in the document says of its requirements: the actor its headings or
/// the lead-in above it name ("5. Bộ Tài chính:" over "- Chủ trì, phối hợp ..."), or the columns
/// of the task table it is a row of. Read passage by passage, in order.
struct Structure {
    enum Kind {
        /// "Ủy ban nhân dân các xã, phường:": names the actor of the items after it.
        case leadIn
        /// "| STT | Nội dung | Đơn vị chủ trì | Thời gian hoàn thành |".
        case tableHeader
        case row(Row)
        /// Text, and the actors its headings or lead-in name, if any.
        case text([Actor]?)
    }

    /// A row of a task table: its cells by the column they stand in.
    struct Row {
        /// Where the row starts in the passage (UTF-16).
        let start: Int
        let cells: [RequirementRules.Cue: Range<Int>]

        func cell(_ column: RequirementRules.Cue) -> Range<Int>? { cells[column] }
    }

    let reader: ActorReader
    let cues: RequirementRules
    private var headings: [String: [Actor]] = [:]
    private var leadIn: (actors: [Actor], rank: Int?, path: [Heading])?
    /// The column of each cell of the current table's header.
    private var columns: [RequirementRules.Cue?]?

    init(reader: ActorReader, cues: RequirementRules) {
        self.reader = reader
        self.cues = cues
    }

    mutating func read(_ passage: Passage, words: Words) -> Kind {
        let plain = Line.stripEmphasis(passage.text)
        if Outline.isRow(plain) { return readRow(words) }
        columns = nil
        let rank = Self.rank(of: plain)
        if let leadIn, !passage.path.starts(with: leadIn.path)
            || (passage.path.count == leadIn.path.count && (rank ?? -1) <= (leadIn.rank ?? -1)) {
            self.leadIn = nil
        }
        // "Ủy ban nhân dân các xã, phường:" over its items, or "2. Thanh tra tỉnh" numbered as
        // the items beside it are (so not a heading) with its own items under it.
        let colon = plain.hasSuffix(":")
        if colon || (rank != nil && plain.utf8.count <= 200), let named = reader.heading(plain), colon || named.bare {
            leadIn = (named.actors, rank, passage.path)
            return .leadIn
        }
        // A heading under the lead-in that names a body is nearer than the lead-in.
        let depth = leadIn?.path.count ?? 0
        for heading in passage.path.dropFirst(depth).reversed() {
            if let actors = headingActors(heading.text) { return .text(actors) }
        }
        if let leadIn { return .text(leadIn.actors) }
        for heading in passage.path.reversed() {
            if let actors = headingActors(heading.text) { return .text(actors) }
        }
        return .text(nil)
    }

    /// "..., yêu cầu các cấp ủy ... thực hiện tốt một số nhiệm vụ sau:" ending a passage: the
    /// items after it, however they are numbered (often from 1 again), are the asked bodies'.
    mutating func leadIn(_ actors: [Actor], endingPassage passage: Passage) {
        leadIn = (actors, nil, passage.path)
    }

    /// The outline rank of a passage's marker, Markdown emphasis aside ("**2.** Bảo đảm ...").
    private static func rank(of text: String) -> Int? {
        Outline.marker(of: text)?.rank ?? Outline.marker(of: String(text.prefix(16).filter { $0 != "*" && $0 != "_" }))?.rank
    }

    private mutating func headingActors(_ text: String) -> [Actor]? {
        if let known = headings[text] { return known.isEmpty ? nil : known }
        let actors = reader.named(byHeading: text) ?? []
        headings[text] = actors
        return actors.isEmpty ? nil : actors
    }

    /// The cells of a row "| a | b | c |", as trimmed UTF-16 ranges.
    /// The cells of a row, "1 | Cập nhật ... | Văn phòng Đảng ủy |  | Tháng 5/2026", trimmed.
    private func cells(_ words: Words) -> [Range<Int>] {
        let units = words.units
        var cells: [Range<Int>] = []
        var start = 0
        for offset in units.indices where units[offset] == 0x7C {
            cells.append(Self.trimmed(start..<offset, units))
            start = offset + 1
        }
        cells.append(Self.trimmed(start..<units.count, units))
        return cells
    }

    private static func trimmed(_ range: Range<Int>, _ units: [UInt16]) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, units[lower] == 0x20 { lower += 1 }
        while upper > lower, units[upper - 1] == 0x20 { upper -= 1 }
        return lower..<upper
    }

    private mutating func readRow(_ words: Words) -> Kind {
        let cells = cells(words)
        let kinds: [RequirementRules.Cue] = [.leadcolumn, .withcolumn, .duecolumn, .taskcolumn]
        let header: [RequirementRules.Cue?] = cells.map { cell in
            let first = words.index(atOrAfter: cell.lowerBound)
            return kinds.first { cues.index($0).length(at: first, in: words).map { words[first + $0 - 1].range.upperBound <= cell.upperBound } ?? false }
        }
        if header.contains(.taskcolumn), header.contains(.leadcolumn) || header.contains(.duecolumn) {
            columns = header
            return .tableHeader
        }
        guard let columns else { return .text(nil) }
        var byColumn: [RequirementRules.Cue: Range<Int>] = [:]
        for (index, cell) in cells.enumerated() where index < columns.count {
            if let column = columns[index], byColumn[column] == nil { byColumn[column] = cell }
        }
        return .row(Row(start: words.units.firstIndex { $0 != 0x20 } ?? 0, cells: byColumn))
    }
}

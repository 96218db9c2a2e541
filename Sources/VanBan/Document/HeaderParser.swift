/// Reads the header of a Vietnamese administrative document: the issuing bodies, the national
/// motto, place and date, "Số: ...", the type heading or "V/v ..." line, and "Kính gửi".
/// What it cannot find stays empty; it never invents a number.
struct HeaderParser {
    let rules: RuleSet

    /// The longest header considered, in lines.
    static let maxLines = 40

    private struct State {
        var metadata = DocumentMetadata()
        var issuerLines: [String] = []
        var titleLines: [String] = []
        var collectingTitle = false
        var inRecipients = false
        var sawTypeHeading = false
        /// A "V/v ..." line: the document is a công văn, whose number may name no type.
        var sawSubjectLine = false
    }

    /// The metadata, and the index of the first body line.
    func parse(_ lines: [Line], from start: Int) -> (DocumentMetadata, bodyStart: Int) {
        var state = State()
        var index = start
        while index < min(lines.count, start + Self.maxLines) {
            if !read(lines[index], into: &state) { break }
            index += 1
        }
        if index == start + Self.maxLines { index = start }  // no recognisable end: all of it is body
        finish(&state)
        return (state.metadata, index)
    }

    /// Reads one header line; false when the line is body text.
    private func read(_ line: Line, into state: inout State) -> Bool {
        if line.isBlank {
            state.collectingTitle = false
            return true
        }
        if line.plain == "*" || line.plain.allSatisfy({ $0 == "-" || $0 == "_" || $0 == "*" }) { return true }
        if state.inRecipients && line.isListItem {
            state.metadata.recipients.append(Self.listItemText(line.plain))
            return true
        }
        state.inRecipients = false
        if readNumber(line, into: &state) || readPlaceAndDate(line, into: &state) || isMotto(line) {
            return true
        }
        if line.folded.hasPrefix("kinh gui") {
            state.inRecipients = true
            let rest = Self.afterColon(line.plain)
            if !rest.isEmpty { state.metadata.recipients.append(Self.listItemText(rest)) }
            return true
        }
        if state.collectingTitle {
            state.titleLines.append(line.plain)
            return true
        }
        if line.folded.hasPrefix("v/v") || line.folded.hasPrefix("ve viec") {
            state.titleLines = [Self.afterPrefix(line.plain, length: line.folded.hasPrefix("v/v") ? 3 : 7)]
            state.collectingTitle = true
            state.sawSubjectLine = !state.sawTypeHeading
            return true
        }
        if line.isUpperCase && Outline.marker(of: line.plain) == nil {
            readUpperCase(line, into: &state)
            return true
        }
        return false
    }

    private nonisolated(unsafe) static let numberLine = #/^so\s*[:.]?\s*\d/#

    /// "Số: 84 - CV/ĐU", "Số 164-KH/TU" (not "SỞ TƯ PHÁP", which folds to "so tu phap").
    private func readNumber(_ line: Line, into state: inout State) -> Bool {
        // The prefix test first: Swift Regex costs more than the rest of the header together.
        guard line.folded.hasPrefix("so"), line.folded.prefixMatch(of: Self.numberLine) != nil else { return false }
        let rest = String(line.plain.dropFirst(2).drop { $0 == ":" || $0 == "." || $0 == " " })
        state.metadata.number = state.metadata.number ?? NumberScanner(rules: rules).matches(in: rest).first?.number
        return true
    }

    private nonisolated(unsafe) static let placeDate = #/^([^,\d]{2,40}),\s*ngay\s+\d/#

    private func readPlaceAndDate(_ line: Line, into state: inout State) -> Bool {
        guard state.metadata.date == nil, line.folded.contains("ngay"), let match = line.folded.firstMatch(of: Self.placeDate),
              let date = DateParser.first(in: line.folded) else { return false }
        state.metadata.place = line.plain.slice(offsets(match.1.startIndex..<match.1.endIndex, in: line.folded))
        state.metadata.date = date.iso
        return true
    }

    private func isMotto(_ line: Line) -> Bool {
        let folded = line.folded
        return folded.contains("dang cong san viet nam") || folded.contains("cong hoa xa hoi chu nghia")
            || folded.hasPrefix("doc lap")
    }

    private func readUpperCase(_ line: Line, into state: inout State) {
        if !state.sawTypeHeading, let type = rules.types.entry(startingText: line.plain),
           state.metadata.number != nil || state.metadata.date != nil || !state.issuerLines.isEmpty {
            state.sawTypeHeading = true
            state.metadata.typeCode = type.code
            state.metadata.typeName = type.name
            let rest = line.plain.split(separator: " ").dropFirst(type.name.split(separator: " ").count)
            state.titleLines = rest.isEmpty ? [] : [rules.casing.ordinaryCase(rest.joined(separator: " "))]
            state.collectingTitle = true
        } else {
            state.issuerLines.append(rules.casing.ordinaryCase(line.plain))
        }
    }

    private func finish(_ state: inout State) {
        var metadata = state.metadata
        if !state.titleLines.isEmpty {
            let title = state.titleLines.joined(separator: " ")
            metadata.title = metadata.typeName.map { "\($0) \(title)" } ?? title
        }
        metadata.issuer = state.issuerLines.last
        metadata.parentIssuer = state.issuerLines.count > 1 ? state.issuerLines[state.issuerLines.count - 2] : nil
        let code = metadata.number?.type.isEmpty == false ? metadata.number?.type : (state.sawSubjectLine ? "CV" : nil)
        if metadata.typeCode == nil, let code, let type = rules.types.entry(for: code) {
            metadata.typeCode = type.code
            metadata.typeName = type.name
        }
        state.metadata = metadata
    }

    static func listItemText(_ text: String) -> String {
        var item = Substring(text)
        item = item.drop { "-–+•".contains($0) || $0 == " " }
        while let last = item.last, ";,.".contains(last) || last == " " { item = item.dropLast() }
        return String(item)
    }

    static func afterColon(_ text: String) -> String {
        guard let colon = text.firstIndex(of: ":") else { return "" }
        return text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    static func afterPrefix(_ text: String, length: Int) -> String {
        String(text.dropFirst(length)).trimmingCharacters(in: .whitespaces)
            .drop { $0 == ":" || $0 == " " }.description
    }
}

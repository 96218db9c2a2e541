import Foundation

/// Reads the header of a Vietnamese administrative document: the issuing bodies, the national
/// motto, place and date, "Số: ...", the type heading or "V/v ..." line, and "Kính gửi".
/// What it cannot find stays empty; it never invents a number.
struct HeaderParser {
    let rules: RuleSet

    /// The longest header considered, in lines.
    static let maxLines = 40
    /// Lines above the header that are not part of it, at most.
    static let maxPreamble = 3

    private struct State {
        var metadata = DocumentMetadata()
        var issuerLines: [String] = []
        /// The issuer lines as written, to join a line that continues the one above.
        var issuerUpperLines: [String] = []
        var titleLines: [String] = []
        var collectingTitle = false
        var inRecipients = false
        var sawTypeHeading = false
        /// The national motto: what follows it is the document's, not a gazette's caption.
        var sawMotto = false
        /// A "V/v ..." line: the document is a công văn, whose number may name no type.
        var sawSubjectLine = false
        /// The title's first line is upper case ("THI HÀNH ĐIỀU LỆ ĐẢNG"): so may its next lines be.
        var titleIsUpperCase = false
        /// The type of a number left blank ("Số     -CTr/TU").
        var blankNumberType: DocumentTypes.Entry?

        var recognisedAny: Bool {
            !issuerLines.isEmpty || metadata.number != nil || metadata.date != nil || metadata.partialDate != nil
                || sawTypeHeading || !titleLines.isEmpty || blankNumberType != nil
        }
    }

    /// The metadata, and the index of the first body line.
    func parse(_ lines: [Line], from start: Int) -> (DocumentMetadata, bodyStart: Int) {
        var state = State()
        var index = start
        var preamble = 0
        while index < min(lines.count, start + Self.maxLines) {
            if !read(cellsOf: lines[index], into: &state) {
                // A line or two above the header ("Cơ quan phát hành: ...", a portal's caption) is skipped.
                guard !state.recognisedAny, preamble < Self.maxPreamble else { break }
                preamble += 1
            }
            index += 1
        }
        // No recognisable end, or nothing recognised: all of it is body.
        if index == start + Self.maxLines || !state.recognisedAny { index = start }
        finish(&state)
        return (state.metadata, index)
    }

    /// The number and date a document states only at its end, where `parse` found none: a
    /// consolidated text's authentication (a `closing-number` heading beside its body's name,
    /// "Số: 40/VBHN-VPQH" and "Hà Nội, ngày 16 tháng 3 năm 2026", before its appendices), and
    /// the adoption of a law ("... thông qua ngày 27 tháng 11 năm 2024"). Not any "Số:" near
    /// the end: a certified copy's stamp has its own.
    func readClosing(_ lines: ArraySlice<Line>, into metadata: inout DocumentMetadata) {
        var state = State()
        if metadata.number == nil, let heading = closingHeading(in: lines) {
            let near = lines[max(lines.startIndex, heading - 4)..<min(lines.endIndex, heading + 5)]
            for line in near {
                let cells = Self.cells(line.text).map { Line(number: line.number, text: Self.withoutRule($0)) }
                for cell in cells where !readNumber(cell, into: &state) { _ = readPlaceAndDate(cell, into: &state) }
            }
            if let number = state.metadata.number {
                metadata.number = number
                // The heading names the consolidated document's type ("THÔNG TƯ"); the number, its own.
                if let type = rules.types.entry(for: number.type) {
                    metadata.typeCode = type.code
                    metadata.typeName = type.name
                }
                // What stood above the heading at the top was the consolidated document's, not its body's.
                metadata.issuer = authenticatingBody(lines, heading: heading) ?? centralBody(of: number) ?? metadata.issuer
            }
        }
        guard metadata.date == nil, metadata.partialDate == nil else { return }
        if let date = state.metadata.date {
            metadata.date = date
            metadata.place = metadata.place ?? state.metadata.place
        } else {
            metadata.date = adoptionDate(lines.suffix(ClosingParser.window))
        }
    }

    /// The body a number's issuer code names, where it is a central one ("VPQH": Văn phòng Quốc
    /// hội), for a document whose issuer line is lost; a local code names only a kind of body.
    func centralBody(of number: DocumentNumber) -> String? {
        guard let body = rules.issuers.entry(forNumberCode: number.issuer), !body.isLocal else { return nil }
        return body.name
    }

    /// The last line holding a `closing-number` heading.
    private func closingHeading(in lines: ArraySlice<Line>) -> Int? {
        let headings = rules.layout.closingNumbers
        return lines.lastIndex { line in line.isUpperCase && headings.contains { line.folded.includes($0) } }
    }

    /// The body left of the heading, whose name may go on to the next line.
    private func authenticatingBody(_ lines: ArraySlice<Line>, heading: Int) -> String? {
        let cells = Self.cells(lines[heading].text)
        guard cells.count > 1, LayoutRepair.isUpperCase(cells[0]) else { return nil }
        var name = cells[0]
        if heading + 1 < lines.endIndex, let next = Self.cells(lines[heading + 1].text).first, continuesIssuer(next) {
            name += " " + next
        }
        return rules.casing.ordinaryCase(name, capitalisingFirst: true)
    }

    /// The date after the last `adoption` phrase, which may wrap ("... thông qua" ⏎ "ngày 17 tháng 8 năm 2022").
    private func adoptionDate(_ lines: ArraySlice<Line>) -> String? {
        let folded = lines.map { $0.isBlank ? "" : $0.folded }.joined(separator: " ")
        for phrase in rules.layout.adoptions {
            guard let found = folded.range(of: phrase, options: .backwards) else { continue }
            let after = folded[found.lowerBound...].prefix(phrase.count + 40)
            if let date = DateParser.first(in: String(after)) { return date.iso }
        }
        return nil
    }

    /// A header line flattened from two columns holds a cell of each ("ỦY BAN NHÂN DÂN      CỘNG
    /// HÒA ...", "Số: 9387 /UBND-KT | Lào Cai, ngày ..."): each is read as a line. The line is
    /// the header's when its first cell is.
    private func read(cellsOf line: Line, into state: inout State) -> Bool {
        let cells = Self.cells(line.text).map(Self.withoutRule)
        guard cells.count > 1 else {
            return read(cells.first.map { $0 == line.plain ? line : Line(number: line.number, text: $0) } ?? line, into: &state)
        }
        let lines = cells.map { Line(number: line.number, text: $0) }
        guard read(lines[0], into: &state) else { return false }
        for cell in lines.dropFirst() { _ = read(cell, into: &state) }
        return true
    }

    private nonisolated(unsafe) static let cellGap = #/\t+|\s+\|\s+|\s{3,}/#
    private static let cellPadding = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "|"))

    /// The cells of a flattened line: separated by tabs, " | ", or three spaces or more. A cell
    /// that a blank in a signed PDF cut off ("Số" and "-CTr/TU", "ngày" and "tháng 8 năm 2026")
    /// is one cell with the next.
    static func cells(_ text: String) -> [String] {
        // A row's outer bars ("HUYỆN ỦY MAI SƠN | ", "| Số 12 |") bound no cell.
        let trimmed = text.trimmingScalars(in: cellPadding)
        guard trimmed.includes("  ") || trimmed.includes("\t") || trimmed.includes(" | ") else { return [trimmed] }
        var cells: [String] = []
        for part in trimmed.split(separator: cellGap) {
            let part = String(part)
            if let last = cells.last, continues(last, with: part) {
                cells[cells.count - 1] = last + " " + part
            } else {
                cells.append(part)
            }
        }
        return cells.isEmpty ? [text] : cells
    }

    /// A rule under the motto glued to the line under it ("-----------Hà Nội, ngày ...").
    static func withoutRule(_ cell: String) -> String {
        let rule = cell.prefix { $0 == "-" || $0 == "_" || $0 == "=" }
        guard rule.count >= 3, rule.count < cell.count else { return cell }
        return String(cell.dropFirst(rule.count))
    }

    private static func continues(_ cell: String, with next: String) -> Bool {
        let folded = VietText.key(cell)
        let nextFolded = VietText.key(next)
        if folded == "so" || folded == "so:" { return true }
        if folded.hasSuffix("ngay") { return nextFolded.hasPrefix("thang") || nextFolded.first?.isNumber == true }
        if folded.hasSuffix("thang") { return nextFolded.hasPrefix("nam") || nextFolded.first?.isNumber == true }
        // "Số: 779     /QĐ-UBND": the number's rest after a gap.
        if folded.last?.isNumber == true, folded.hasPrefix("so") {
            return next.first.map { $0 == "/" || $0 == "-" } == true
        }
        return false
    }

    /// Reads one header line; false when the line is body text.
    private func read(_ line: Line, into state: inout State) -> Bool {
        if line.isAbsorbed { return true }
        if line.isBlank {
            // Under a type heading the title may follow a blank line ("QUY ĐỊNH" ⏎⏎ "THI HÀNH ĐIỀU LỆ ĐẢNG").
            if !(state.sawTypeHeading && state.titleLines.isEmpty) { state.collectingTitle = false }
            return true
        }
        if line.plain == "*" || line.plain.allSatisfy({ $0 == "-" || $0 == "_" || $0 == "*" || $0 == "=" }) {
            state.collectingTitle = false
            return true
        }
        if state.inRecipients && line.isListItem {
            state.metadata.recipients.append(Self.listItemText(line.plain))
            return true
        }
        state.inRecipients = false
        if readNumber(line, into: &state) || readPlaceAndDate(line, into: &state) || readMotto(line, into: &state)
            || isGazetteCaption(line, state: state) {
            return true
        }
        if line.folded.hasPrefix("kinh gui") {
            state.inRecipients = true
            let rest = Self.afterColon(line.plain)
            if !rest.isEmpty { state.metadata.recipients.append(Self.listItemText(rest)) }
            return true
        }
        if state.collectingTitle {
            if endsTitle(line, state: state) {
                state.collectingTitle = false
                // The authority line under a title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...") is the header's.
                return line.isUpperCase && state.sawTypeHeading
            }
            var text = line.plain
            // A page that ran the authority into the title's last line ("... CÓ HIỆU LỰC CHÍNH PHỦ"),
            // not a title that names it ("... NGHỊ ĐỊNH CỦA CHÍNH PHỦ").
            if let issuer = state.issuerUpperLines.first(where: { text.count > $0.count + 1 && text.hasSuffix(" " + $0) }),
               !VietText.key(String(text.dropLast(issuer.count + 1))).hasSuffix(" cua") {
                text = String(text.dropLast(issuer.count + 1))
                state.collectingTitle = false
            }
            // "VỀ" (two letters) counts as upper case here: a title's lines are short. The type's
            // name stands before the title, so its first word is not capitalised.
            let upperCase = LayoutRepair.isUpperCase(line.plain)
            if state.titleLines.isEmpty { state.titleIsUpperCase = upperCase }
            state.titleLines.append(upperCase ? rules.casing.ordinaryCase(text, capitalisingFirst: false) : text)
            return true
        }
        let subject = Self.unquoted(line.plain)
        let subjectFolded = VietText.foldPreservingOffsets(subject)
        if subjectFolded.hasPrefix("v/v") || subjectFolded.hasPrefix("ve viec") {
            state.titleLines = [Self.afterPrefix(subject, length: subjectFolded.hasPrefix("v/v") ? 3 : 7)]
            state.titleIsUpperCase = line.isUpperCase
            state.collectingTitle = true
            state.sawSubjectLine = !state.sawTypeHeading
            return true
        }
        if line.isUpperCase && Outline.marker(of: line.plain) == nil {
            // Under the type heading and its title, an upper-case line is the issuing authority's
            // ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ..."), not another issuer line.
            if state.sawTypeHeading && !state.titleLines.isEmpty { return true }
            readUpperCase(line, into: &state)
            return true
        }
        return false
    }

    private static let quotes: Set<Character> = ["\"", "“", "”", "'", "‘", "’"]

    /// Without the quotation marks a trích yếu is sometimes written in (“V/v ...”).
    static func unquoted(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !quotes.contains($0) }),
              let last = text.lastIndex(where: { !quotes.contains($0) }) else { return "" }
        return String(text[first...last])
    }

    /// A title without a closing quotation mark left over from “V/v ...” (whose opening one went
    /// with the "V/v"); quotations inside it ("“tự chuyển hóa”") stay.
    static func withoutStrayQuote(_ title: String) -> String {
        let opening = title.filter { $0 == "“" }.count, closing = title.filter { $0 == "”" }.count
        guard let last = title.last, quotes.contains(last), closing > opening || (last == "\"" && title.filter { $0 == "\"" }.count % 2 == 1) else {
            return title
        }
        return String(title.dropLast())
    }

    private nonisolated(unsafe) static let numberLine = #/^so\s*[:.]?\s*(?:\d|[-/.…]+\s*[a-z])/#
    private nonisolated(unsafe) static let blankNumber = #/^[-/.…\s]*(?:(\d{4})\s*/\s*)?(\p{L}[\p{L}\d]*)(?:\s*[-/]\s*(\p{L}[\p{L}\d]*(?:-\p{L}[\p{L}\d]*)*))?/#

    /// "Số: 84 - CV/ĐU", "Số 164-KH/TU" (not "SỞ TƯ PHÁP", which folds to "so tu phap"), and
    /// "Số        -CTr/TU", whose number a signed PDF leaves blank: its type is kept, and the
    /// number is missing. A law's header and the Standing Committee's name the type first:
    /// "Luật số: 51/2024/QH15", "Nghị quyết số: 89/2025/UBTVQH15".
    private func readNumber(_ line: Line, into state: inout State) -> Bool {
        guard let label = numberLabelLength(line) else { return false }
        let rest = String(line.plain.dropFirst(label).drop { $0 == ":" || $0 == "." || $0 == " " })
        // A second "Số" line is still the header's; a second "Luật số:" is left to the body.
        guard state.metadata.number == nil else { return label == 2 }
        if let match = NumberScanner(rules: rules).matches(in: rest).first {
            state.metadata.number = match.number
            // OCR joins the columns with one space: "Số: 12/QĐ-UBND Lào Cai, ngày 15 tháng 9 năm 2026".
            let after = rest.utf16.count > match.range.upperBound ? rest.slice(match.range.upperBound..<rest.utf16.count) : ""
            if after.includes(",") { _ = readPlaceAndDate(Line(number: line.number, text: after), into: &state) }
        } else if let match = rest.prefixMatch(of: Self.blankNumber) {
            let codes = [String(match.output.2)] + (match.output.3.map { [String($0)] } ?? [])
            let isParty = rest.drop { $0 == " " || $0 == "." || $0 == "…" }.first == "-"
            // Party: "-CTr/TU" is type then issuer; State: "/QĐ-UBND" the same, "/UBND-VP" a công văn's units.
            if let type = rules.types.entry(for: codes[0]), codes.count > 1 || isParty {
                state.blankNumberType = type
            }
            // What the text gives of the number: "HD/BTCTU" (Party), "QĐ-UBND" (State).
            state.metadata.partialNumber = codes.joined(separator: isParty ? "/" : "-")
            state.metadata.notes.append("number left blank in the text: \"Số \(rest.trimmingCharacters(in: .whitespaces))\"")
        }
        return true
    }

    /// How many characters of the line label its number: 2 for "Số", more for a type's name
    /// and "số:" (with the colon, which body text citing "Luật số 32/2013/QH13" lacks).
    private func numberLabelLength(_ line: Line) -> Int? {
        let folded = line.folded
        // The prefix test first: Swift Regex costs more than the rest of the header together.
        if folded.hasPrefix("so") { return folded.prefixMatch(of: Self.numberLine) != nil ? 2 : nil }
        guard let label = folded.range(of: " so:") else { return nil }
        let typeName = folded.distance(from: folded.startIndex, to: label.lowerBound)
        guard typeName <= 20, rules.types.entry(for: String(folded[..<label.lowerBound])) != nil,
              folded[folded.index(after: label.lowerBound)...].prefixMatch(of: Self.numberLine) != nil else { return nil }
        return typeName + 3
    }

    private nonisolated(unsafe) static let placeDate = #/^([^,\d]{2,40}),\s*ngay\s+\d/#

    private nonisolated(unsafe) static let blankDay = #/^([^,\d]{2,40}),\s*ngay[\s.…_]*(?:thang\s+(\d{1,2})|thang)[\s.…_]*nam\s+(\d{4})/#

    private func readPlaceAndDate(_ line: Line, into state: inout State) -> Bool {
        guard state.metadata.date == nil, state.metadata.partialDate == nil, line.folded.includes("ngay") else { return false }
        if let match = line.folded.firstMatch(of: Self.placeDate), let date = DateParser.first(in: line.folded) {
            state.metadata.place = line.plain.slice(offsets(match.1.startIndex..<match.1.endIndex, in: line.folded))
            state.metadata.date = date.iso
            return true
        }
        // "Lào Cai, ngày      tháng 8 năm 2026": the day was to be written in when signed.
        guard let match = line.folded.firstMatch(of: Self.blankDay) else { return false }
        state.metadata.place = line.plain.slice(offsets(match.1.startIndex..<match.1.endIndex, in: line.folded))
        let month = match.2.flatMap { Int($0) }.flatMap { (1...12).contains($0) ? $0 : nil }
        state.metadata.partialDate = month.map { "\(match.3)-\($0 < 10 ? "0" : "")\($0)" } ?? String(match.3)
        state.metadata.notes.append("day\(month == nil ? " and month" : "") left blank in the text: \"\(line.plain)\"")
        return true
    }

    /// A line that starts the body rather than continuing the title: a marked line ("1. ...",
    /// "Điều 1."), one that opens with a body's first words ("Căn cứ ...", "Thực hiện ..."), or
    /// any line after a title of six lines or one that ended its sentence.
    private func endsTitle(_ line: Line, state: State) -> Bool {
        // A marked line starts the body, unless the title's line above stops at a word that takes
        // a number ("... ngày" ⏎ "07-06-2012 về ...").
        if Outline.marker(of: line.plain) != nil {
            guard let last = state.titleLines.last else { return true }
            return !rules.layout.endsWithContinuation(last)
        }
        // The first line under a type heading is its title, whatever it starts with ("HƯỚNG DẪN" ⏎
        // "Thực hiện ..."), unless it introduces the body ("Ban Thường vụ kết luận như sau:").
        guard !state.titleLines.isEmpty else { return line.plain.hasSuffix(":") && !line.isUpperCase }
        // An upper-case line under a title in ordinary case is the authority's, unless it is a
        // number the title goes on with ("... Quyết định số" ⏎ "6/QĐ-UBND").
        if line.isUpperCase && !state.titleIsUpperCase && !line.plain.contains(where: \.isNumber) { return true }
        if line.plain.first?.isUppercase == true, LayoutRules.starts(line.folded, with: rules.layout.titleEnds) { return true }
        // A document named with its number starts the body ("Thông tư số 07/2024/TT-BLĐTBXH ngày ...",
        // under a consolidated text's title), unless the title's line above stops at a word that
        // takes one ("... tại" ⏎ "Quyết định số 225/QĐ-BLĐTBXH ngày ...").
        if namesNumberedDocument(line), let last = state.titleLines.last,
           !rules.layout.endsWithContinuation(last) { return true }
        if state.titleLines.count >= 6 { return true }
        // A sentence ("Thời gian qua, ... chưa nghiêm."): titles do not end with a full stop; nor
        // with a colon ("THỦ TƯỚNG CHÍNH PHỦ điện:", "QUYẾT ĐỊNH:").
        if let last = line.plain.last, last == ":" || (".;".contains(last) && line.plain.count > 40) { return true }
        // The issuer again, as the authority that decides ("CHÍNH PHỦ" under the title).
        if state.issuerUpperLines.contains(where: { line.folded.hasPrefix(VietText.foldPreservingOffsets($0)) }) { return true }
        if let last = state.titleLines.last?.last, ".;!".contains(last), line.plain.first?.isUppercase == true { return true }
        return false
    }

    /// "Luật Phòng, chống thiên tai số 33/2013/QH13 ...": a type's name, then "số" and a number.
    private func namesNumberedDocument(_ line: Line) -> Bool {
        guard let label = line.folded.range(of: " so "), line.folded[label.upperBound...].first?.isNumber == true else { return false }
        return rules.types.entry(startingText: line.plain) != nil
    }

    private func readMotto(_ line: Line, into state: inout State) -> Bool {
        guard Self.isMotto(line) else { return false }
        state.sawMotto = true
        return true
    }

    /// A gazette's caption above the document ("VĂN BẢN PHÁP LUẬT KHÁC", "VĂN BẢN HỢP NHẤT -"
    /// over the body's name): `gazette-caption` in `indexer/layout.tsv`, before the motto.
    private func isGazetteCaption(_ line: Line, state: State) -> Bool {
        guard !state.sawMotto, state.metadata.number == nil, line.isUpperCase else { return false }
        let key = VietText.key(line.plain)
        return rules.layout.gazetteCaptions.contains { key == $0 || key.hasPrefix($0 + " -") }
    }

    /// The motto is written in capitals (but for "Độc lập - Tự do - Hạnh phúc"): a title that
    /// names the Party ("... Ngày thành lập Đảng Cộng sản Việt Nam") is no motto.
    static func isMotto(_ line: Line) -> Bool {
        line.folded.hasPrefix("doc lap") || (line.isUpperCase && isMotto(line.folded))
    }

    /// The national motto, the Party's name, or the Youth Union's, over a document's date.
    static func isMotto(_ folded: String) -> Bool {
        folded.includes("dang cong san viet nam") || folded.includes("cong hoa xa hoi chu nghia")
            || folded.hasPrefix("doc lap") || folded.hasPrefix("doan tncs ho chi minh")
            || folded.hasPrefix("doan thanh nien cong san ho chi minh")
    }

    private func readUpperCase(_ line: Line, into state: inout State) {
        // A consolidated text has no issuer, number or date above its heading: only the motto.
        if !state.sawTypeHeading, let type = rules.types.entry(startingText: line.plain),
           state.metadata.number != nil || state.metadata.date != nil || !state.issuerLines.isEmpty || state.sawMotto {
            state.sawTypeHeading = true
            state.metadata.typeCode = type.code
            state.metadata.typeName = type.name
            let rest = line.plain.split(separator: " ").dropFirst(type.name.split(separator: " ").count)
            state.titleLines = rest.isEmpty ? [] : [rules.casing.ordinaryCase(rest.joined(separator: " "))]
            state.titleIsUpperCase = !rest.isEmpty
            state.collectingTitle = true
        } else if let last = state.issuerUpperLines.last, continuesIssuer(line.plain) {
            // The rest of a column's name whose first line was lost, under a name that has it already.
            if VietText.key(last).hasSuffix(" " + VietText.key(line.plain)) { return }
            state.issuerUpperLines[state.issuerUpperLines.count - 1] = last + " " + line.plain
            state.issuerLines[state.issuerLines.count - 1] = rules.casing.ordinaryCase(last + " " + line.plain)
        } else {
            state.issuerUpperLines.append(line.plain)
            state.issuerLines.append(rules.casing.ordinaryCase(line.plain))
        }
    }

    /// "ỦY BAN NHÂN DÂN" over "TỈNH LÀO CAI" names one body, as "BỘ LAO ĐỘNG - THƯƠNG BINH" over
    /// "VÀ XÃ HỘI" does.
    private func continuesIssuer(_ plain: String) -> Bool {
        rules.casing.startsWithPlaceUnit(plain) || rules.layout.joinsIssuer(plain)
    }

    private func finish(_ state: inout State) {
        var metadata = state.metadata
        if !state.titleLines.isEmpty {
            let title = Self.withoutStrayQuote(state.titleLines.joined(separator: " "))
            metadata.title = metadata.typeName.map { "\($0) \(title)" } ?? title
        }
        metadata.issuer = state.issuerLines.last
        metadata.parentIssuer = state.issuerLines.count > 1 ? state.issuerLines[state.issuerLines.count - 2] : nil
        // A department written short under its committee ("VĂN PHÒNG" under "BAN CHẤP HÀNH TRUNG
        // ƯƠNG") goes by its full name when the number names it ("36-HD/VPTW": Văn phòng Trung ương Đảng).
        // Only a central body's name is one body's; a local code's names a kind ("Ban Tuyên giáo Tỉnh ủy").
        if metadata.parentIssuer != nil, let written = metadata.issuer, let code = metadata.number?.issuer,
           let entry = rules.issuers.entry(for: code), !entry.isLocal,
           VietText.key(entry.name).hasPrefix(VietText.key(written) + " ") {
            metadata.issuer = entry.name
        }
        let code = metadata.number?.type.isEmpty == false ? metadata.number?.type : (state.sawSubjectLine ? "CV" : nil)
        if metadata.typeCode == nil, let type = code.flatMap(rules.types.entry(for:)) ?? state.blankNumberType {
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
        return String(text[text.index(after: colon)...]).trimmingScalars(in: .whitespaces)
    }

    static func afterPrefix(_ text: String, length: Int) -> String {
        String(text.dropFirst(length)).trimmingScalars(in: .whitespaces)
            .drop { $0 == ":" || $0 == " " }.description
    }
}

/// Turns body lines into passages, each under its heading path.
///
/// Markers rank from the outermost: the divisions of a legal text ("Phụ lục", "Phần", "Chương",
/// "Mục", "Điều": -5 to -1), "I." (0), "1." (1), "1.1." (2), "1-" or "1)" (3), "a)" (4), "-" (5),
/// "+" (6). A marked paragraph is a heading when it reads like one (see
/// ``isHeading(_:next:)``) or leads in to what follows with a colon (``isLeadIn(_:next:)``);
/// otherwise it is a list item, a passage of its own. Text an amendment quotes over several
/// paragraphs is outlined on its own, under the clause quoting it. A paragraph cut by a page
/// break (no closing punctuation, next one starting in lower case) is joined again.
///
/// In wrapped text a marked line is still the rest of the sentence above when that line ends
/// with a word that takes a number ("... quy định tại khoản" ⏎ "3. ..."; `continuation` in
/// `indexer/layout.tsv`), and "75-KL/TW, ..." is a number, never a marker. A table row (cells
/// between " | ") is a passage of its own. Runs of spaces (PDF layout, justified lines) read as one.
struct Outline {
    let layout: DocumentParser.Layout
    let rules: LayoutRules

    struct Marker: Equatable {
        let rank: Int
        /// Length of the marker and the space after it, in characters.
        let length: Int
    }

    private struct Paragraph {
        var text: String
        var plain: String
        let line: Int
        var marker: Marker?
        /// Opened by an upper-case line: a heading, which never runs on into the line under it.
        var upperCase = false
    }

    /// A quotation being read (an amendment's new text, "“Điều 7a. ..." to "... quản lý.”."):
    /// its numbering heads only what it quotes, under the headings above it, which it never
    /// closes; after it, the outline goes on as before it.
    private struct Quotation {
        let closing: Int
        let itemRank: Int?
        /// Headings of the path outside the quotation.
        let base: Int
        /// The rank of the innermost part or division above it: a marker so ranked ends it,
        /// whatever its marks say ("Điều 13. Bổ sung Điều 37a ..." after a quotation whose
        /// closing mark was lost).
        let outermost: Int
    }

    func passages(from lines: ArraySlice<Line>) -> [Passage] {
        let paragraphs = Self.joinPageBreaks(split(lines))
        let quotations = Self.quotations(paragraphs)
        var path: [Heading] = []
        var passages: [Passage] = []
        var itemRank: Int?  // the rank of the list the last item belonged to: its siblings are items too
        var titleLines = 0  // paragraphs left of the title of the division above
        var quotation: Quotation?
        for (index, paragraph) in paragraphs.enumerated() {
            if let open = quotation, index > open.closing || paragraph.marker.map({ $0.rank <= open.outermost }) == true {
                path.removeLast(path.count - open.base)
                itemRank = open.itemRank
                quotation = nil
            }
            if quotation == nil, index > 0, let closing = quotations[index - 1] {
                let outermost = path.last { $0.rank <= 0 }?.rank ?? Int.min
                quotation = Quotation(closing: closing, itemRank: itemRank, base: path.count, outermost: outermost)
                itemRank = nil
            }
            if titleLines > 0 {
                titleLines -= 1
                continue
            }
            let next = index + 1 < paragraphs.count ? paragraphs[index + 1] : nil
            if let marker = paragraph.marker {
                let base = quotation?.base ?? 0
                path = Array(path.prefix(base)) + path.dropFirst(base).filter { $0.rank < marker.rank }
                let readsAsHeading = marker.rank != itemRank && Self.isHeading(paragraph, next: next)
                if readsAsHeading || Self.isLeadIn(paragraph, next: next) {
                    // "Chương II" over "QUY ĐỊNH CHUNG" (up to three lines): one heading.
                    let title = paragraphs[(index + 1)...].prefix(Self.titleLines).prefix { Self.isTitle($0, of: paragraph) }
                    titleLines = title.count
                    // A heading is also a passage, under the headings above it: it is text the
                    // document says, and it cites ("2. Sửa đổi khoản 3 Điều 57 của Luật Việc làm
                    // số 38/2013/QH13 như sau:"). Its text is the heading's, which the archive
                    // stores once, in the paths of the passages under it.
                    let heading = Heading(text: ([paragraph.plain] + title.map(\.plain)).joined(separator: " "), rank: marker.rank)
                    passages.append(Passage(path: path, text: heading.text, line: paragraph.line))
                    path.append(heading)
                    // An article's clauses stay items, as in the article before it, and so do a
                    // lead-in's siblings.
                    if readsAsHeading && marker.rank != Self.articleRank { itemRank = nil }
                    continue
                }
                // An article that is all text ("Điều 23. Bổ sung khoản 5 ... “5. ...”") makes the
                // next one no item: articles are never a list.
                if marker.rank != Self.articleRank { itemRank = marker.rank }
            }
            passages.append(Passage(path: path, text: paragraph.text, line: paragraph.line))
        }
        return passages
    }

    /// Blocks of non-blank lines; inside a block, every marked line starts a paragraph, and so
    /// does every table row ("| 1 | Nội dung | Đơn vị chủ trì |") and the line after one.
    private func split(_ lines: ArraySlice<Line>) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var previousBlank = true
        var previousRow = false
        var previousPlain = ""
        var previousUpper = false
        let margin = Self.margin(lines)
        // The widest line in characters, counted only when a short heading needs it: counting
        // every line's characters cost more than the rest of the outline.
        var knownWidth: Int?
        func width() -> Int {
            if let knownWidth { return knownWidth }
            let width = lines.lazy.map { Self.characterCount(Self.collapsingSpaces($0.plain)) }.max() ?? 0
            knownWidth = width
            return width
        }
        /// Whether a paragraph is the line above alone, and that line short: a heading ends there.
        func aloneOnShortLine(_ paragraph: Paragraph) -> Bool {
            paragraph.plain == previousPlain && previousPlain.count * 5 <= width() * 3
        }
        for line in lines where !line.isAbsorbed {
            defer { previousBlank = line.isBlank }
            if line.isBlank { continue }
            let text = Self.collapsingSpaces(line.text), plain = Self.collapsingSpaces(line.plain)
            let isRow = Self.isRow(plain)
            var marker = Self.marker(of: plain) ?? division(of: plain)
            // A line ending in a word that takes a number ("... Quyết định số" ⏎ "105/2009/QĐ-TTg")
            // goes on; one that ends its sentence ("... chuyển đổi số." ⏎ "2. Tổ chức") does not,
            // nor a heading in capitals ("MẪU HỒ SƠ" ⏎ "1. Đơn đề nghị": "sơ" folds as "số" does).
            let endsSentence = previousPlain.last.map { ".;:!?".contains($0) } ?? false
            let closed = endsSentence || previousUpper
            // An article's title alone on a short line ends there, whatever its last word
            // ("Điều 23. Thời gian hưởng trợ cấp hằng tháng" ⏎ "1. Thời gian ...").
            if marker != nil, layout == .wrapped, !previousBlank, !closed,
               !(paragraphs.last.map { $0.marker?.rank == Self.articleRank && aloneOnShortLine($0) } ?? false),
               rules.endsWithContinuation(previousPlain) {
                marker = nil
            }
            // "... tại điểm d khoản 4" ⏎ "Điều 89.": the article is the rest of the reference.
            if let found = marker, found.rank < 0, layout == .wrapped, !previousBlank, !closed,
               rules.endsWithNumberedReference(previousPlain) {
                marker = nil
            }
            // A part heading ("I. MỤC TIÊU", "Chương II"), or an upper-case heading never runs on into the line under it.
            let afterHeading = paragraphs.last.map { $0.upperCase || $0.marker.map(Self.isPart) == true } ?? false
            // "2. Sử dụng hiệu quả tài sản công" alone on a short line, then a capital: a heading
            // without a full stop, not a paragraph wrapped at the page's width. A number cut at
            // its dash ("Thông tư số 24/2022/TT-" ⏎ "BNNPTNT") and a capital that names an article
            // ("... khoản 2" ⏎ "Điều 7 Thông tư số ...") go on with the sentence.
            let unfinishedHeading = paragraphs.last.map { last in
                last.marker.map { (1...4).contains($0.rank) || $0.rank == Self.articleRank } == true && aloneOnShortLine(last)
                    && !(last.plain.last.map { ".;:,!?…-/".contains($0) } ?? true)
                    && Self.opensWithCapital(plain) && !rules.opensWithReference(plain)
            } ?? false
            // A first line indented from the text's margin, after a line that ended its sentence
            // or an article's title (which ends in no stop, over as many lines as it takes), opens
            // a paragraph: justified PDF text (pdftotext -layout) has no blank lines between them.
            let indented = layout == .wrapped && !previousBlank && Self.indent(line) >= margin + 3
                && (endsSentence || paragraphs.last?.marker?.rank == Self.articleRank)
            // "... như sau:" ⏎ "“Điều 7a. ...": the text an amendment quotes opens a paragraph.
            let quoted = previousPlain.hasSuffix(":") && Self.opensQuotation(plain)
            if previousBlank || marker != nil || paragraphs.isEmpty || afterHeading || layout == .paragraphs || isRow || previousRow
                || indented || quoted || unfinishedHeading || !Self.fits(text, after: paragraphs[paragraphs.count - 1].text) {
                paragraphs.append(Paragraph(text: text, plain: plain, line: line.number, marker: marker,
                                            upperCase: line.isUpperCase))
            } else {
                paragraphs[paragraphs.count - 1].text += " " + text
                paragraphs[paragraphs.count - 1].plain += " " + plain
            }
            previousRow = isRow
            previousPlain = plain
            previousUpper = line.isUpperCase
        }
        return paragraphs
    }

    private static func indent(_ line: Line) -> Int { line.text.prefix { $0 == " " }.count }

    /// The indentation most lines have: where wrapped lines start.
    private static func margin(_ lines: ArraySlice<Line>) -> Int {
        var counts: [Int: Int] = [:]
        for line in lines where !line.isBlank { counts[indent(line), default: 0] += 1 }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
    }

    /// `text.count`, counted by scalars when each is a character of its own: below U+0300 (no
    /// combining mark; a CR, which may pair with an LF, aside) or a precomposed Vietnamese letter
    /// (U+1E00–U+1EFF), as nearly all NFC Vietnamese text is. Grapheme breaking costs more.
    static func characterCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars {
            guard (scalar.value < 0x300 && scalar != "\r") || (0x1E00...0x1EFF).contains(scalar.value) else { return text.count }
            count += 1
        }
        return count
    }

    static func collapsingSpaces(_ text: String) -> String {
        guard text.includes("  ") || text.includes("\t") else { return text }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    private static func joinPageBreaks(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var joined: [Paragraph] = []
        for paragraph in paragraphs {
            // A paragraph that starts in lower case, or with a number that is no marker ("75-KL/TW,
            // ..."), continues a cut one.
            if let last = joined.last, paragraph.marker == nil, isCut(last.plain), !isRow(last.plain), !isRow(paragraph.plain),
               fits(paragraph.text, after: last.text),
               paragraph.plain.first.map({ $0.isLowercase || $0.isNumber }) == true {
                joined[joined.count - 1].text += " " + paragraph.text
                joined[joined.count - 1].plain += " " + paragraph.plain
            } else {
                joined.append(paragraph)
            }
        }
        return joined
    }

    /// The most UTF-8 bytes a paragraph grows to by joining lines; past it, the next line opens
    /// a new one. Text without paragraph breaks (a data file, a PDF whose lines carry no indent)
    /// would otherwise be one passage, and every citation in it is read back from its offset in
    /// code points, from the passage's start: at a megabyte, indexing took minutes per file.
    /// The longest paragraph of a real document is a few thousand bytes.
    static let longestParagraph = 16_384

    private static func fits(_ text: String, after paragraph: String) -> Bool {
        paragraph.utf8.count + 1 + text.utf8.count <= longestParagraph
    }

    /// A table row as the readers and ``LayoutRepair`` write one: cells between " | ".
    static func isRow(_ text: String) -> Bool { text.includes(" | ") }

    private static func isCut(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return last.isLetter || last == ","
    }

    /// Divisions of a legal text (`division` in `indexer/layout.tsv`) rank above "I.", outermost
    /// first; the innermost, the article ("Điều 5."), ranks -1.
    private func division(of plain: String) -> Marker? {
        rules.division(of: plain).map { Marker(rank: $0.depth - rules.divisions.count, length: $0.length) }
    }

    private static let articleRank = -1
    /// Lines a division's title in capitals may take under its label.
    private static let titleLines = 3

    /// "I." and the divisions above the article: parts, which head what follows whatever it is.
    private static func isPart(_ marker: Marker) -> Bool { marker.rank <= 0 && marker.rank != articleRank }

    /// A capital, or a quotation opening with one ("Điều 1. Sửa đổi, bổ sung Điều 1" ⏎ "“Điều 1.
    /// Phạm vi điều chỉnh ...").
    private static func opensWithCapital(_ plain: String) -> Bool {
        let letters = plain.drop { "“\"'‘(".contains($0) }
        return letters.first?.isUppercase == true
    }

    /// A clause or point ending in a colon over items ranked below it ("1. Phần mềm phổ biến là
    /// phần mềm đáp ứng các tiêu chí sau:" ⏎ "a) ..."): it heads them, as "điểm a khoản 1" reads,
    /// though its siblings are items and it may run to a few sentences.
    ///
    /// So is an amending clause over the text it quotes ("4. Sửa đổi, bổ sung Điều 7a như sau:"
    /// ⏎ "“Điều 7a. ...").
    private static func isLeadIn(_ paragraph: Paragraph, next: Paragraph?) -> Bool {
        guard let marker = paragraph.marker, marker.rank >= 1, let next else { return false }
        guard next.marker.map({ $0.rank > marker.rank }) ?? opensQuotation(next.plain) else { return false }
        return paragraph.plain.hasSuffix(":") && characterCount(paragraph.plain) <= longestLeadIn
    }

    /// The longest lead-in read as a heading, in characters: a real one takes up to a few lines
    /// (433 of 442 in the gazette texts measured); longer, it is text that ran on into it.
    private static let longestLeadIn = 600

    private static func opensQuotation(_ plain: String) -> Bool { plain.first.map { "“\"".contains($0) } ?? false }

    /// Quotations over several paragraphs, by the paragraph opening each (it starts with “ and
    /// has more of them than ”): the paragraph closing it (it ends with ”, then perhaps a stop,
    /// and has more ” than “). A mark elsewhere (OCR's, or a quotation within a sentence) or
    /// an opening never closed opens nothing.
    private static func quotations(_ paragraphs: [Paragraph]) -> [Int: Int] {
        var found: [Int: Int] = [:]
        var opening: Int?
        for (index, paragraph) in paragraphs.enumerated() {
            let balance = quotationBalance(paragraph.plain)
            if balance > 0 {
                opening = paragraph.plain.hasPrefix("“") ? index : nil
            } else if balance < 0, let start = opening {
                if closesQuotation(paragraph.plain) { found[start] = index }
                opening = nil
            }
        }
        return found
    }

    /// How many more “ than ” (most paragraphs have neither, found without reading characters).
    private static func quotationBalance(_ plain: String) -> Int {
        guard plain.includesBytes(of: "“") || plain.includesBytes(of: "”") else { return 0 }
        return plain.unicodeScalars.reduce(0) { $0 + ($1 == "“" ? 1 : $1 == "”" ? -1 : 0) }
    }

    /// "... quản lý.”.", "... Điều 12 của Luật này.”;": the closing mark ends the paragraph.
    private static func closesQuotation(_ plain: String) -> Bool {
        plain.reversed().drop { ".;,".contains($0) }.first == "”"
    }

    /// A division's title on the line under its bare label, in capitals ("Chương II" ⏎ "QUY ĐỊNH CHUNG").
    private static func isTitle(_ paragraph: Paragraph, of division: Paragraph) -> Bool {
        guard let marker = division.marker, marker.rank < articleRank, division.plain.count <= marker.length else { return false }
        return paragraph.marker == nil && paragraph.upperCase
    }

    /// Parts always head what follows. Other markers head a section when the text is short, one
    /// sentence, and followed by something other than a sibling item; an article also when it
    /// does not end a sentence ("Điều 2. Quyết định này có hiệu lực ..." is the article itself);
    /// from "1-" down, also without semicolons, and a dash or plus only when it ends with a colon
    /// ("- Nhiệm vụ:").
    private static func isHeading(_ paragraph: Paragraph, next: Paragraph?) -> Bool {
        guard let marker = paragraph.marker else { return false }
        if isPart(marker) { return true }
        guard let next, next.marker?.rank != marker.rank else { return false }
        let text = paragraph.plain.dropFirst(marker.length)
        if marker.rank == articleRank, text.last.map({ ".;".contains($0) }) == true { return false }
        if marker.rank >= 5 { return text.hasSuffix(":") && text.count <= 120 }
        if marker.rank >= 3 && text.includes(";") { return false }
        return text.count <= 300 && !hasSentenceBreak(text)
    }

    private static func hasSentenceBreak(_ text: Substring) -> Bool {
        var previous: Character = " "
        var beforePrevious: Character = " "
        for character in text {
            if beforePrevious == ".", previous == " ", character.isUppercase { return true }
            beforePrevious = previous
            previous = character
        }
        return false
    }

    /// The outline marker that starts `text`, if any.
    static func marker(of text: String) -> Marker? {
        // Most lines start with a capital that begins no marker, or a lower-case letter that may
        // begin "a) ": answered before copying characters.
        if let scalar = text.unicodeScalars.first, (0x41...0x5A).contains(scalar.value), !"IVX".unicodeScalars.contains(scalar) {
            return nil
        }
        guard let first = text.first else { return nil }
        if first.isLowercase && !first.isNumber {
            var rest = text.dropFirst().makeIterator()
            return rest.next() == ")" && rest.next() == " " ? Marker(rank: 4, length: 3) : nil
        }
        guard "-–—•+IVX".contains(first) || first.isNumber else { return nil }
        let characters = Array(text.prefix(12))
        if "-–—•".contains(first) { return bullet(rank: 5, characters) }
        if first == "+" { return bullet(rank: 6, characters) }
        if first.isNumber { return numbered(characters) }
        if "IVX".contains(first) { return roman(characters) }
        if first.isLowercase, characters.count > 2, ")".contains(characters[1]), characters[2] == " " {
            return Marker(rank: 4, length: 3)
        }
        return nil
    }

    private static func bullet(rank: Int, _ characters: [Character]) -> Marker? {
        guard characters.count > 1 else { return nil }
        if characters[1] == " " { return Marker(rank: rank, length: 2) }
        return characters[1].isLetter ? Marker(rank: rank, length: 1) : nil
    }

    private static func numbered(_ characters: [Character]) -> Marker? {
        var index = 0
        var dots = 0
        while index < characters.count, characters[index].isNumber || characters[index] == "." {
            if characters[index] == "." { dots += 1 }
            index += 1
        }
        guard index < characters.count, index <= 8 else { return nil }
        let digitsOnly = dots == 0
        if digitsOnly, characters[index] == "-", isNumberCode(characters[(index + 1)...]) { return nil }
        if digitsOnly, "-)".contains(characters[index]) {
            let spaced = index + 1 < characters.count && characters[index + 1] == " "
            return Marker(rank: 3, length: index + (spaced ? 2 : 1))
        }
        guard characters[index] == " ", characters[index - 1] == "." || dots >= 1 else { return nil }
        return Marker(rank: dots > 1 || characters[index - 1] != "." ? 2 : 1, length: index + 1)
    }

    /// "KL/TW" after "75-": the rest of a document number ("75-KL/TW, ..."), not a heading's text.
    private static func isNumberCode(_ characters: ArraySlice<Character>) -> Bool {
        let code = characters.prefix { $0.isLetter }
        return !code.isEmpty && characters.dropFirst(code.count).first == "/"
    }

    private static func roman(_ characters: [Character]) -> Marker? {
        var index = 0
        while index < characters.count, "IVX".contains(characters[index]) { index += 1 }
        guard index <= 5, index + 1 < characters.count, ".-)".contains(characters[index]),
              characters[index + 1] == " " else { return nil }
        return Marker(rank: 0, length: index + 2)
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Walks `word/document.xml` (or `word/footnotes.xml`) as a stream of elements and writes its
/// text one paragraph a line (see ``DOCXReader``). Deleted text of tracked changes, field codes
/// and the fallback copies of drawings (`mc:Fallback`, which repeat a text box's text) are left
/// out. A page break is kept as a form feed in the line it falls in, until ``lines`` is read.
final class WordDocumentParser: NSObject, XMLParserDelegate {
    private let numbering: NumberingDefinitions
    private let footnotes: [String: String]

    private struct Paragraph {
        var text = ""
        var list: String?
        var level = 0
        var footnotes: [String] = []
    }

    private struct Table {
        var rows: [[[String]]] = []
    }

    private var output: [String] = []
    /// Open paragraphs: a text box's paragraphs open inside their anchor's paragraph.
    private var paragraphs: [Paragraph] = []
    /// Open tables, innermost last; a cell collects the lines of its paragraphs.
    private var tables: [Table] = []
    private var inText = false
    /// Depth inside elements whose text is not part of the document.
    private var skipping = 0
    private var counters: [String: [Int]] = [:]
    private var footnoteID: String?
    private(set) var footnoteTexts: [String: String] = [:]
    private var footnoteLines: [String] = []

    private static let skipped: Set<String> = ["del", "delText", "instrText", "Fallback", "moveFrom"]

    init(numbering: NumberingDefinitions, footnotes: [String: String]) {
        self.numbering = numbering
        self.footnotes = footnotes
    }

    func parse(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        return parser.parse()
    }

    /// The lines, without their page-break marks.
    var lines: [String] { output.map { $0.replacingOccurrences(of: "\u{0C}", with: "") } }

    /// The 1-based line each page after the first starts at: the line of a break that comes
    /// before any of its text, else the next one. Breaks with no text between them count once.
    var pageStarts: [Int] {
        var starts: [Int] = []
        for (index, line) in output.enumerated() where line.contains("\u{0C}") {
            let before = line.prefix { $0 != "\u{0C}" }
            let start = before.allSatisfy(\.isWhitespace) ? index + 1 : index + 2
            if start > 1, starts.last != start, start <= output.count { starts.append(start) }
        }
        return starts
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if Self.skipped.contains(name) { skipping += 1 }
        guard skipping == 0 else { return }
        let value = attributes["w:val"] ?? attributes["val"]
        switch name {
        case "p": paragraphs.append(Paragraph())
        case "t": inText = true
        case "tab" where !paragraphs.isEmpty && inRun: append("\t")
        case "br", "cr":
            let type = attributes["w:type"] ?? attributes["type"]
            append(type == "page" ? "\u{0C}" : "\n")
        case "lastRenderedPageBreak": append("\u{0C}")
        case "numId": if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].list = value }
        case "ilvl": if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].level = Int(value ?? "") ?? 0 }
        case "footnoteReference":
            guard let id = attributes["w:id"] ?? attributes["id"], !paragraphs.isEmpty else { return }
            append("[\(id)]")
            paragraphs[paragraphs.count - 1].footnotes.append(id)
        case "tbl": tables.append(Table())
        case "tr": if !tables.isEmpty { tables[tables.count - 1].rows.append([]) }
        case "tc": if !tables.isEmpty, !tables[tables.count - 1].rows.isEmpty { tables[tables.count - 1].rows[tables[tables.count - 1].rows.count - 1].append([]) }
        case "footnote": footnoteID = attributes["w:id"] ?? attributes["id"]; footnoteLines = []
        default: break
        }
        if name == "r" { runDepth += 1 }
    }

    private var runDepth = 0
    private var inRun: Bool { runDepth > 0 }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if Self.skipped.contains(name) {
            skipping -= 1
            return
        }
        guard skipping == 0 else { return }
        switch name {
        case "r": runDepth -= 1
        case "t": inText = false
        case "p": if let paragraph = paragraphs.popLast() { finish(paragraph) }
        case "tbl": if let table = tables.popLast() { emit(render(table)) }
        case "footnote":
            if let footnoteID { footnoteTexts[footnoteID] = footnoteLines.joined(separator: " ").trimmingCharacters(in: .whitespaces) }
            footnoteID = nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && skipping == 0 { append(string) }
    }

    private func append(_ text: String) {
        guard !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1].text += text
    }

    private func finish(_ paragraph: Paragraph) {
        var text = paragraph.text
        if let list = paragraph.list, list != "0", let marker = marker(list: list, level: paragraph.level),
           text.contains(where: { !$0.isWhitespace && $0 != "\u{0C}" }) {
            // A page break before the text stays before the marker.
            let breaks = text.prefix { $0 == "\u{0C}" }
            text = breaks + marker + " " + text.dropFirst(breaks.count)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for id in paragraph.footnotes {
            if let note = footnotes[id] { lines.append("[\(id)] \(note)") }
        }
        emit(lines)
    }

    /// Lines go to the innermost open cell, else to the text being read.
    private func emit(_ lines: [String]) {
        if !tables.isEmpty, let row = tables[tables.count - 1].rows.indices.last,
           let cell = tables[tables.count - 1].rows[row].indices.last {
            tables[tables.count - 1].rows[row][cell] += lines
        } else if footnoteID != nil {
            footnoteLines += lines
        } else {
            // A text box's paragraph, inside the paragraph it is anchored in, comes before it.
            output += lines
        }
    }

    private func render(_ table: Table) -> [String] {
        let columns = table.rows.map(\.count).max() ?? 0
        var lines: [String] = []
        if columns <= 2 {
            for row in table.rows {
                for cell in row where cell.contains(where: Self.hasText) { lines += cell + [""] }
            }
        } else {
            for row in table.rows {
                let cells = row.map { $0.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ") }
                if cells.contains(where: Self.hasText) { lines.append(cells.joined(separator: " | ")) }
            }
            lines.append("")
        }
        return lines
    }

    private static func hasText(_ text: String) -> Bool {
        text.contains { !$0.isWhitespace && $0 != "\u{0C}" }
    }

    private func marker(list: String, level: Int) -> String? {
        guard let definition = numbering.level(list: list, level: level) else { return nil }
        var counts = counters[list] ?? []
        while counts.count <= level { counts.append(0) }
        counts[level] += 1
        counts.removeSubrange((level + 1)...)
        counters[list] = counts
        if definition.format == "bullet" { return Self.bullet(definition.text) }
        if definition.format == "none" { return nil }
        var text = definition.text
        for index in (0...level).reversed() {
            let levelDefinition = numbering.level(list: list, level: index) ?? definition
            let value = counts[index] + levelDefinition.start - 1
            text = text.replacingOccurrences(of: "%\(index + 1)", with: Self.format(value, levelDefinition.format))
        }
        return text.isEmpty ? nil : text
    }

    /// Bullets drawn from a symbol font come as private-use characters: written as "•".
    private static func bullet(_ text: String) -> String {
        ["-", "–", "+", "•", "*"].contains(text) ? text : "•"
    }

    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter": return letters(value).lowercased()
        case "upperLetter": return letters(value)
        case "lowerRoman": return roman(value).lowercased()
        case "upperRoman": return roman(value)
        case "decimalZero": return value < 10 ? "0\(value)" : "\(value)"
        default: return "\(value)"
        }
    }

    private static func letters(_ value: Int) -> String {
        guard value > 0 else { return "\(value)" }
        let letter = Character(Unicode.Scalar(UInt8(65 + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    private static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return "\(value)" }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, out = ""
        for (amount, numeral) in table { while rest >= amount { out += numeral; rest -= amount } }
        return out
    }
}

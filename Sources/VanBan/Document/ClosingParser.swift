/// Reads a document's closing block: "Nơi nhận:" with its list, and the signature
/// ("T/M ĐẢNG ỦY / PHÓ BÍ THƯ / Phan Văn Châu").
struct ClosingParser {
    let rules: RuleSet

    /// How far from the end the closing block may start, in lines.
    static let window = 40

    static let signaturePrefixes = ["t/m ", "tm.", "tm ", "k/t ", "kt.", "kt ", "t/l ", "tl.", "tl ", "q.", "tuq"]

    /// Fills the closing fields of `metadata`; returns the index of the block's first line
    /// (`lines.count` when there is none).
    func parse(_ lines: [Line], bodyStart: Int, into metadata: inout DocumentMetadata) -> Int {
        let first = max(bodyStart, lines.count - Self.window)
        guard first < lines.count else { return lines.count }
        // Line numbers count from 1 at the text's first line: a column's line maps back by its number.
        let block = columns(Array(lines[first...]))
        var start = lines.count
        if let recipients = block.lastIndex(where: { $0.folded.hasPrefix("noi nhan") }) {
            start = block[recipients].number - 1
            metadata.recipients += listItems(block, after: recipients)
        }
        if var signature = block.lastIndex(where: isSignatureStart) {
            // "TM. ỦY BAN NHÂN DÂN" over "KT. CHỦ TỊCH": one signature's role.
            while signature > 0, isSignatureStart(block[signature - 1]) { signature -= 1 }
            start = min(start, block[signature].number - 1)
            readSignature(block, from: signature, into: &metadata)
        }
        return max(first, start)
    }

    /// The closing block as two columns, left then right, when its lines were flattened from
    /// two ("Nơi nhận:          TM. ỦY BAN NHÂN DÂN"): the recipients' list stands left, the
    /// signature right, and a line of one cell goes by its indentation.
    func columns(_ all: [Line]) -> [Line] {
        // From the first line with "Nơi nhận" or a signature in one of its cells: a table of
        // the body above (or a tab in a paragraph) is not the closing block's.
        let split = all.map { HeaderParser.cells($0.text) }
        guard let first = split.firstIndex(where: { $0.count > 1 && $0.contains { cell in
            let line = Line(number: 0, text: cell)
            return line.folded.hasPrefix("noi nhan") || isSignatureStart(line)
        } }) else { return all }
        let lines = all[first...]
        let indent = { (line: Line) in line.text.prefix { $0 == " " }.count }
        var left = Array(all[..<first]), right: [Line] = []
        for (line, cells) in zip(lines, split[first...]) {
            if cells.count > 1 {
                left.append(Line(number: line.number, text: cells[0]))
                right.append(Line(number: line.number, text: cells.dropFirst().joined(separator: " ")))
            } else if line.isBlank {
                left.append(line)
                right.append(line)
            } else if indent(line) >= 20 {
                right.append(line)
            } else {
                left.append(line)
            }
        }
        return left + right
    }

    /// "T/M ...", "KT. ...", or a signer's title alone ("CHỦ TỊCH", `signer-role` in
    /// `indexer/layout.tsv`).
    private func isSignatureStart(_ line: Line) -> Bool {
        guard line.isUpperCase else { return false }
        let folded = line.folded
        return Self.signaturePrefixes.contains { folded.hasPrefix($0) } || rules.layout.signerRoles.contains(VietText.key(line.plain))
    }

    private func listItems(_ lines: [Line], after index: Int) -> [String] {
        guard index + 1 <= lines.count else { return [] }
        var items: [String] = []
        let rest = HeaderParser.afterColon(lines[index].plain)
        if !rest.isEmpty { items.append(HeaderParser.listItemText(rest)) }
        for line in lines[(index + 1)...] {
            if line.isBlank { continue }
            guard line.isListItem else { break }
            items.append(HeaderParser.listItemText(line.plain))
        }
        return items
    }

    private func readSignature(_ lines: [Line], from index: Int, into metadata: inout DocumentMetadata) {
        var role: [String] = []
        var cursor = index
        while cursor < lines.count, !lines[cursor].isBlank, lines[cursor].isUpperCase {
            role.append(lines[cursor].plain)
            cursor += 1
        }
        metadata.signerRole = role.isEmpty ? nil : role.joined(separator: ", ")
        let name = lines[cursor...].last { !$0.isBlank }
        if let name, Self.looksLikeName(name.plain) { metadata.signer = name.plain }
    }

    /// Two to five words, each starting with a capital, no digits.
    static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (2...5).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
            && !text.contains { $0.isNumber }
    }
}

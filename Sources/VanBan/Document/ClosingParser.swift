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
        var start = lines.count
        if let recipients = lines[first...].lastIndex(where: { $0.folded.hasPrefix("noi nhan") }) {
            start = recipients
            metadata.recipients += listItems(lines, after: recipients)
        }
        if let signature = lines[first...].lastIndex(where: isSignatureStart) {
            start = min(start, signature)
            readSignature(lines, from: signature, into: &metadata)
        }
        return start
    }

    private func isSignatureStart(_ line: Line) -> Bool {
        guard line.isUpperCase else { return false }
        let folded = line.folded
        return Self.signaturePrefixes.contains { folded.hasPrefix($0) }
    }

    private func listItems(_ lines: [Line], after index: Int) -> [String] {
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

/// The short metadata block a document whose header is missing may carry at its top:
///
///     ---
///     number: 60-CTr/ĐUK
///     type: Chương trình
///     issuer: Đảng ủy Khối các cơ quan tỉnh
///     date: 2014-05-29
///     title: Chương trình hành động thực hiện ...
///     ---
///
/// Keys: number, type, issuer, parent, place, date (yyyy-mm-dd or dd/mm/yyyy), title, signer,
/// province, source. What it gives overrides what the header parser finds.
struct FrontMatter {
    var fields: [String: String] = [:]
    /// Lines after the block.
    var bodyStart = 0

    init(lines: [Line]) {
        guard lines.first?.text.trimmingCharacters(in: .whitespaces) == "---" else { return }
        for index in lines.indices.dropFirst() {
            let text = lines[index].text.trimmingCharacters(in: .whitespaces)
            if text == "---" {
                bodyStart = index + 1
                return
            }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { fields[key] = value }
        }
        fields = [:]  // no closing line: not a metadata block
    }

    func apply(to metadata: inout DocumentMetadata, rules: RuleSet) {
        if let value = fields["number"] {
            metadata.number = NumberScanner(rules: rules).number(exactly: value)
        }
        if let value = fields["type"], let type = rules.types.entry(for: value) {
            metadata.typeCode = type.code
            metadata.typeName = type.name
        }
        if let value = fields["date"] {
            metadata.date = value.count == 10 && value.dropFirst(4).first == "-"
                ? value : DateParser.first(in: VietText.foldPreservingOffsets(value))?.iso
        }
        metadata.issuer = fields["issuer"] ?? metadata.issuer
        metadata.parentIssuer = fields["parent"] ?? metadata.parentIssuer
        metadata.place = fields["place"] ?? metadata.place
        metadata.title = fields["title"] ?? metadata.title
        metadata.signer = fields["signer"] ?? metadata.signer
        metadata.province = fields["province"] ?? metadata.province
        metadata.source = fields["source"] ?? metadata.source
    }
}

/// The parsing stage: normalised text in, metadata and sectioned passages out.
public struct DocumentParser: Sendable {
    let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    public func parse(_ text: String) -> ParsedDocument {
        let lines = Line.split(text)
        let frontMatter = FrontMatter(lines: lines)
        var (metadata, bodyStart) = HeaderParser(rules: rules).parse(lines, from: frontMatter.bodyStart)
        let closingStart = ClosingParser(rules: rules).parse(lines, bodyStart: bodyStart, into: &metadata)
        frontMatter.apply(to: &metadata, rules: rules)
        if metadata.typeCode == nil, let code = metadata.number?.type, let type = rules.types.entry(for: code) {
            metadata.typeCode = type.code
            metadata.typeName = type.name
        }
        let passages = Outline.passages(from: lines[bodyStart..<max(bodyStart, closingStart)])
        return ParsedDocument(metadata: metadata, passages: passages, text: text)
    }
}

/// The parsing stage: normalised text in, metadata and sectioned passages out.
public struct DocumentParser: Sendable {
    let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    /// How a text's lines relate to its paragraphs.
    public enum Layout: Sendable {
        /// Lines wrapped as on paper (plain text, PDF): blank lines separate paragraphs.
        case wrapped
        /// One paragraph a line (DOCX, .doc, HTML): no blank line is needed between them.
        case paragraphs
    }

    /// A source file's text, with its pages and the fallbacks its format carries.
    public func parse(_ source: SourceText) -> ParsedDocument {
        let layout: Layout = source.format == .text || source.format == .pdf ? .wrapped : .paragraphs
        var document = parse(source.text, layout: layout)
        if document.metadata.title == nil, let title = source.propertiesTitle {
            document.metadata.title = title
            document.metadata.notes.append("title from the file's properties")
        }
        if source.pageCount != nil {
            for index in document.passages.indices {
                document.passages[index].page = source.page(ofLine: document.passages[index].line)
            }
        }
        return document
    }

    public func parse(_ text: String, layout: Layout = .wrapped) -> ParsedDocument {
        let text = text.includes("\u{00A0}") ? text.replacingOccurrences(of: "\u{00A0}", with: " ") : text
        var texts = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(Substring($0)) }
        let repairNotes = LayoutRepair.repair(&texts, rules: rules)
        let lines = texts.enumerated().map { Line(number: $0.offset + 1, text: $0.element) }
        let frontMatter = FrontMatter(lines: lines)
        let header = HeaderParser(rules: rules)
        var headerStart = frontMatter.bodyStart
        var (metadata, bodyStart) = header.parse(lines, from: headerStart)
        // Nothing of a header at the top: a site's page may stand above it.
        if metadata.number == nil && metadata.date == nil && metadata.partialDate == nil {
            let located = HeaderLocator.start(lines, from: headerStart)
            if located > headerStart {
                (metadata, bodyStart) = header.parse(lines, from: located)
                headerStart = located
            }
        }
        metadata.notes = repairNotes + metadata.notes
        if headerStart > frontMatter.bodyStart {
            metadata.notes.append("\(headerStart - frontMatter.bodyStart) lines above the document's header (a site's page around it) left out")
        }
        let closingStart = ClosingParser(rules: rules).parse(lines, bodyStart: bodyStart, into: &metadata)
        if metadata.number == nil || metadata.date == nil {
            header.readClosing(lines[min(bodyStart, lines.count)...], into: &metadata)
        }
        if metadata.issuer == nil, let number = metadata.number { metadata.issuer = header.centralBody(of: number) }
        frontMatter.apply(to: &metadata, rules: rules)
        if metadata.typeCode == nil, let code = metadata.number?.type, let type = rules.types.entry(for: code) {
            metadata.typeCode = type.code
            metadata.typeName = type.name
        }
        let passages = Outline(layout: layout, rules: rules.layout).passages(from: lines[bodyStart..<max(bodyStart, closingStart)])
        return ParsedDocument(metadata: metadata, passages: passages, text: text)
    }
}

/// Reads a page saved from a legal portal: the document's text without the site around it.
///
/// The page is read as a stream of tags, tolerant of the unclosed and misnested tags such
/// pages have. Scripts, styles, forms and the site's navigation (`nav`, `header`, `footer`,
/// `aside`, and elements whose class or id names a menu, breadcrumb, sidebar, banner, share or
/// comment box) are left out. Each block (paragraph, heading, list item, `<br>`) is a line;
/// tables are read as in ``DOCXReader`` (one or two columns cell by cell, more row by row
/// unless a cell holds a page's worth of text). What of the site is left above the document's
/// header, the parser leaves out (see ``HeaderLocator``).
struct HTMLReader {
    func read(_ bytes: [UInt8], legacy: LegacyEncodings) throws(SourceFailure) -> SourceText {
        let decoded: TextDecoder.Decoded
        do { decoded = try TextDecoder.decode(bytes, legacy: legacy) } catch { throw .text(error) }
        let page = HTMLText(decoded.text)
        var text = SourceText(text: VietText.nfc(page.lines.joined(separator: "\n") + "\n"), format: .html, encoding: decoded.encoding)
        text.propertiesTitle = page.title
        return text
    }
}

/// An HTML page's text, one block a line.
struct HTMLText {
    private(set) var lines: [String] = []
    private(set) var title: String?

    private struct Table {
        var rows: [[[String]]] = []
    }

    private static let void: Set<String> = ["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                                             "param", "source", "track", "wbr", "frame"]
    private static let hidden: Set<String> = ["script", "style", "noscript", "template", "svg", "head", "iframe", "object",
                                               "select", "textarea", "button", "nav", "header", "footer", "aside",
                                               "form", "menu", "map", "canvas"]
    private static let blocks: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                                               "dd", "blockquote", "pre", "section", "article", "main", "center",
                                               "address", "figure", "figcaption", "hr", "br", "caption", "tbody", "thead"]
    private static let siteWords = ["menu", "nav", "breadcrumb", "sidebar", "banner", "share", "social", "comment",
                                    "footer", "advert", "quangcao", "toolbar", "login"]
    /// A table cell with more lines than this holds a page's worth of text, not a datum.
    static let cellLines = 12

    private var stack: [(name: String, hidden: Bool)] = []
    private var hiddenDepth = 0
    private var line = ""
    private var inPre = 0
    private var tables: [Table] = []
    private var inTitle = false
    private var titleText = ""

    init(_ html: String) {
        var scanner = HTMLScanner(html)
        while let token = scanner.next() {
            switch token {
            case .text(let text): addText(text)
            case .start(let name, let attributes, let selfClosing): start(name, attributes: attributes, selfClosing: selfClosing)
            case .end(let name): end(name)
            }
        }
        flush()
        while let table = tables.popLast() { emit(Self.render(table)) }
        let cleaned = titleText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        title = cleaned.isEmpty ? nil : cleaned
        while lines.last?.isEmpty == true { lines.removeLast() }
    }

    private mutating func start(_ name: String, attributes: String, selfClosing: Bool) {
        if name == "title" { inTitle = true; return }
        guard hiddenDepth == 0 else {
            if !Self.void.contains(name) && !selfClosing { push(name, hidden: true) }
            return
        }
        if Self.blocks.contains(name) || name == "td" || name == "th" || name == "tr" || name == "table" { flush() }
        switch name {
        case "table": tables.append(Table())
        case "tr": if !tables.isEmpty { tables[tables.count - 1].rows.append([]) }
        case "td", "th":
            if !tables.isEmpty {
                if tables[tables.count - 1].rows.isEmpty { tables[tables.count - 1].rows.append([]) }
                tables[tables.count - 1].rows[tables[tables.count - 1].rows.count - 1].append([])
            }
        case "pre": inPre += 1
        default: break
        }
        if Self.void.contains(name) || selfClosing { return }
        push(name, hidden: Self.hidden.contains(name) || Self.namesSite(attributes))
    }

    private mutating func push(_ name: String, hidden: Bool) {
        stack.append((name, hidden))
        if hidden { hiddenDepth += 1 }
    }

    private mutating func end(_ name: String) {
        if name == "title" { inTitle = false; return }
        // A closing tag closes the innermost open element of its name and any left open inside it.
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
        for element in stack[index...].reversed() {
            if element.hidden { hiddenDepth -= 1 } else { close(element.name) }
        }
        stack.removeSubrange(index...)
    }

    private mutating func close(_ name: String) {
        if Self.blocks.contains(name) || name == "td" || name == "th" || name == "tr" { flush() }
        if name == "pre" { inPre -= 1 }
        if name == "table", let table = tables.popLast() {
            flush()
            emit(Self.render(table))
        }
    }

    private mutating func addText(_ text: String) {
        if inTitle { titleText += text; return }
        guard hiddenDepth == 0 else { return }
        if inPre > 0 {
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index > 0 { flush(keepEmpty: true) }
                line += part
            }
            return
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !line.isEmpty && line.last != " " { line += " " }
            } else {
                line.unicodeScalars.append(scalar)
            }
        }
    }

    private mutating func flush(keepEmpty: Bool = false) {
        let text = line.trimmingCharacters(in: .whitespaces)
        line = ""
        if !text.isEmpty || keepEmpty { emit([text]) }
    }

    private mutating func emit(_ new: [String]) {
        if !tables.isEmpty, let row = tables[tables.count - 1].rows.indices.last,
           let cell = tables[tables.count - 1].rows[row].indices.last {
            tables[tables.count - 1].rows[row][cell] += new
        } else {
            lines += new
        }
    }

    private static func render(_ table: Table) -> [String] {
        let columns = table.rows.map(\.count).max() ?? 0
        let bulky = table.rows.contains { $0.contains { $0.count > cellLines } }
        var lines: [String] = []
        if columns <= 2 || bulky {
            for row in table.rows {
                for cell in row where cell.contains(where: { !$0.isEmpty }) { lines += cell + [""] }
            }
        } else {
            for row in table.rows {
                let cells = row.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }
                if cells.contains(where: { !$0.isEmpty }) { lines.append(cells.joined(separator: " | ")) }
            }
            lines.append("")
        }
        return lines
    }

    private static func namesSite(_ attributes: String) -> Bool {
        guard !attributes.isEmpty else { return false }
        let lowered = attributes.lowercased()
        for key in ["class", "id"] {
            guard let value = HTMLScanner.attribute(key, in: lowered) else { continue }
            let words = value.split { !$0.isLetter }
            if words.contains(where: { word in siteWords.contains { word.hasPrefix($0) } }) { return true }
        }
        return false
    }
}

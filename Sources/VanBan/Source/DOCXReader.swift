import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads a Word (.docx) file: the paragraphs of `word/document.xml` one a line, with their line
/// breaks, tabs and list numbers (from `word/numbering.xml`), each footnote after the paragraph
/// that cites it, and tables cell by cell. Pages are where Word last laid them out
/// (`w:lastRenderedPageBreak`) or breaks were typed; the core properties' title is kept as a
/// fallback for a header without one.
///
/// A table of one or two columns is layout (the two-column header, the signature block): its
/// cells are read one after the other, each paragraph a line, so the issuer's lines stay
/// together. A table of three or more columns is data (an appendix of tasks, lead units and
/// deadlines): each row is one line, its cells separated by " | ".
struct DOCXReader {
    /// Parts larger than this are refused rather than inflated (a zip bomb, or not a document).
    static let maxPartSize = 256 << 20

    func read(_ bytes: [UInt8]) throws(SourceFailure) -> SourceText {
        let archive: ZIPFoundation.Archive
        do { archive = try ZIPFoundation.Archive(data: Data(bytes), accessMode: .read) } catch {
            throw .unreadable("not a readable ZIP archive (damaged .docx?)")
        }
        guard let document = try Self.part("word/document.xml", in: archive) else {
            throw .unreadable("a ZIP archive without word/document.xml: not a Word document")
        }
        let numbering = try Self.part("word/numbering.xml", in: archive).map(NumberingDefinitions.init) ?? NumberingDefinitions()
        let footnotes = try Self.part("word/footnotes.xml", in: archive).map(Self.footnotes) ?? [:]
        let body = WordDocumentParser(numbering: numbering, footnotes: footnotes)
        guard body.parse(document) else { throw .unreadable("word/document.xml is not well-formed XML") }
        var text = SourceText(text: VietText.nfc(TextDecoder.clean(body.lines.joined(separator: "\n") + "\n")),
                              format: .docx, encoding: "UTF-8")
        text.pageStarts = body.pageStarts
        text.pageCount = body.pageStarts.count + 1
        text.propertiesTitle = try Self.part("docProps/core.xml", in: archive).flatMap(Self.coreTitle)
        return text
    }

    private static func part(_ path: String, in archive: ZIPFoundation.Archive) throws(SourceFailure) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= maxPartSize else { throw .unreadable("\(path) is larger than \(maxPartSize >> 20) MB") }
        var data = Data()
        do { _ = try archive.extract(entry) { data.append($0) } } catch {
            throw .unreadable("\(path) cannot be inflated: \(error)")
        }
        return data
    }

    /// Footnote texts by id (the separator "footnotes" Word keeps at ids -1 and 0 have no text).
    private static func footnotes(_ data: Data) -> [String: String] {
        let parser = WordDocumentParser(numbering: NumberingDefinitions(), footnotes: [:])
        _ = parser.parse(data)
        return parser.footnoteTexts.filter { !$0.value.isEmpty }
    }

    private static func coreTitle(_ data: Data) -> String? {
        let reader = ElementText(localName: "title")
        _ = reader.parse(data)
        let title = reader.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return title.isEmpty ? nil : title
    }
}

/// The text of the first element of a given local name.
private final class ElementText: NSObject, XMLParserDelegate {
    let localName: String
    var text = ""
    private var depth = 0
    private var done = false

    init(localName: String) { self.localName = localName }

    func parse(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        return parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == localName && !done { depth += 1 }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == localName && depth > 0 { depth -= 1; done = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if depth > 0 { text += string }
    }
}

/// List formats of `word/numbering.xml`: for each list (numId) and level, how its marker is
/// written ("%1.", "%1.%2.", "%1)", "-") and where it starts.
struct NumberingDefinitions {
    struct Level {
        var format = "decimal"
        var text = "%1."
        var start = 1
    }

    /// abstractNumId → level → format.
    private(set) var abstract: [String: [Int: Level]] = [:]
    /// numId → abstractNumId, and start overrides by level.
    private(set) var lists: [String: (abstract: String, starts: [Int: Int])] = [:]

    init() {}

    init(_ data: Data) {
        let reader = NumberingReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        _ = parser.parse()
        abstract = reader.abstract
        lists = reader.lists
    }

    func level(list: String, level: Int) -> Level? {
        guard let entry = lists[list] else { return nil }
        guard var definition = abstract[entry.abstract]?[level] else { return nil }
        if let start = entry.starts[level] { definition.start = start }
        return definition
    }

    private final class NumberingReader: NSObject, XMLParserDelegate {
        var abstract: [String: [Int: Level]] = [:]
        var lists: [String: (abstract: String, starts: [Int: Int])] = [:]
        private var abstractID: String?
        private var level: Int?
        private var numID: String?
        private var overrideLevel: Int?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let value = attributes["w:val"] ?? attributes["val"]
            switch name {
            case "abstractNum": abstractID = attributes["w:abstractNumId"] ?? attributes["abstractNumId"]
            case "lvl" where numID == nil:
                level = Int(attributes["w:ilvl"] ?? attributes["ilvl"] ?? "")
                if let abstractID, let level { abstract[abstractID, default: [:]][level] = Level() }
            case "lvlOverride": overrideLevel = Int(attributes["w:ilvl"] ?? attributes["ilvl"] ?? "")
            case "num": numID = attributes["w:numId"] ?? attributes["numId"]
            case "abstractNumId": if let numID, let value { lists[numID] = (value, [:]) }
            case "startOverride": if let numID, let overrideLevel, let start = value.flatMap(Int.init) { lists[numID]?.starts[overrideLevel] = start }
            case "start", "numFmt", "lvlText":
                guard numID == nil, let abstractID, let level, let value else { return }
                switch name {
                case "start": abstract[abstractID]?[level]?.start = Int(value) ?? 1
                case "numFmt": abstract[abstractID]?[level]?.format = value
                default: abstract[abstractID]?[level]?.text = value
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "abstractNum": abstractID = nil
            case "lvl": level = nil
            case "num": numID = nil
            case "lvlOverride": overrideLevel = nil
            default: break
            }
        }
    }
}

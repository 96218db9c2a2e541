import Foundation
import ZIPFoundation

/// Builds the source files the format tests read, from text written here: a PDF with a text
/// layer (lines placed at page positions, so two columns come out as pdftotext lays them), a
/// scanned PDF (a page image and no text), and a Word file with paragraphs, lists, tables,
/// footnotes, page breaks and core properties.
enum PDFFixture {
    /// A line of text at (x, y) points from the page's bottom left, in a 10-point font.
    struct Text {
        let x: Int
        let y: Int
        let text: String

        init(_ x: Int, _ y: Int, _ text: String) {
            self.x = x
            self.y = y
            self.text = text
        }
    }

    /// A PDF whose pages hold these lines. The font is not embedded: its codes are UTF-16 units
    /// and its ToUnicode map says so, which is all text extraction reads.
    static func text(_ pages: [[Text]]) -> Data {
        var objects: [String] = []
        func add(_ object: String) -> Int { objects.append(object); return objects.count }
        var cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        for block in stride(from: 0, to: 256, by: 100) {
            let high = min(block + 100, 256)
            cmap += "\(high - block) beginbfrange\n"
            for byte in block..<high { cmap += String(format: "<%02X00> <%02XFF> <%02X00>\n", byte, byte, byte) }
            cmap += "endbfrange\n"
        }
        cmap += "endcmap CMapName currentdict /CMap defineresource pop end end"
        let toUnicode = add("<< /Length \(cmap.utf8.count) >>\nstream\n\(cmap)\nendstream")
        let descriptor = add("<< /Type /FontDescriptor /FontName /VanBanTest /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>")
        let cidFont = add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /VanBanTest /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor \(descriptor) 0 R /DW 500 >>")
        let font = add("<< /Type /Font /Subtype /Type0 /BaseFont /VanBanTest /Encoding /Identity-H /DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>")
        let contents: [String] = pages.map { lines in
            lines.map { line in
                let hex = line.text.utf16.map { String(format: "%04X", $0) }.joined()
                return "BT /F1 10 Tf \(line.x) \(line.y) Td <\(hex)> Tj ET"
            }.joined(separator: "\n")
        }
        let resources = "/Font << /F1 \(font) 0 R >>"
        return document(objects: &objects, pages: contents.map { (content: $0, resources: resources, extra: []) })
    }

    /// A page of unaccented text in Helvetica at 14 points, which Poppler draws with a font of
    /// the system: a page to render and scan (the text layer of ``text(_:)`` has no glyphs).
    static func printed(_ lines: [Text]) -> Data {
        var objects: [String] = []
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let content = lines.map { "BT /F1 14 Tf \($0.x) \($0.y) Td (\($0.text)) Tj ET" }.joined(separator: "\n")
        return document(objects: &objects, pages: [(content: content, resources: "/Font << /F1 1 0 R >>", extra: [])])
    }

    /// A PDF of one page that is only an image (grey bytes, width × height), as a scanner makes.
    static func scan(grey: [UInt8], width: Int, height: Int) -> Data {
        var objects: [String] = []
        let content = "q 595 0 0 842 0 0 cm /Im1 Do Q"
        // The image's bytes are appended as a binary stream after the text objects (see document).
        return document(objects: &objects, pages: [(content: content, resources: "/XObject << /Im1 IMAGE 0 R >>",
                                                  extra: [(header: "<< /Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace /DeviceGray /BitsPerComponent 8 /Length \(grey.count) >>", bytes: grey)])])
    }

    private static func document(objects: inout [String], pages: [(content: String, resources: String, extra: [(header: String, bytes: [UInt8])])]) -> Data {
        var binary: [Int: (String, [UInt8])] = [:]
        var kids: [Int] = []
        let pagesID = objects.count + pages.reduce(0) { $0 + 2 + $1.extra.count } + 1
        for page in pages {
            var resources = page.resources
            for extra in page.extra {
                objects.append("")
                binary[objects.count] = extra
                resources = resources.replacingOccurrences(of: "IMAGE", with: "\(objects.count)")
            }
            objects.append("<< /Length \(page.content.utf8.count) >>\nstream\n\(page.content)\nendstream")
            let content = objects.count
            objects.append("<< /Type /Page /Parent \(pagesID) 0 R /MediaBox [0 0 595 842] /Resources << \(resources) >> /Contents \(content) 0 R >>")
            kids.append(objects.count)
        }
        objects.append("<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>")
        objects.append("<< /Type /Catalog /Pages \(pagesID) 0 R >>")
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            if let (header, bytes) = binary[index + 1] {
                out += Array("\(index + 1) 0 obj\n\(header)\nstream\n".utf8) + bytes + Array("\nendstream\nendobj\n".utf8)
            } else {
                out += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
            }
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { out += Array(String(format: "%010d 00000 n \n", offset).utf8) }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root \(objects.count) 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return Data(out)
    }
}

/// A Word document built from parts of `word/document.xml` written in the tests.
enum DOCXFixture {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func paragraph(_ text: String, list: (id: Int, level: Int)? = nil, breakBefore: Bool = false) -> String {
        let properties = list.map { "<w:pPr><w:numPr><w:ilvl w:val=\"\($0.level)\"/><w:numId w:val=\"\($0.id)\"/></w:numPr></w:pPr>" } ?? ""
        let pageBreak = breakBefore ? "<w:r><w:lastRenderedPageBreak/></w:r>" : ""
        let runs = text.components(separatedBy: "\n").map { "<w:r><w:t xml:space=\"preserve\">\(escaped($0))</w:t></w:r>" }
            .joined(separator: "<w:r><w:br/></w:r>")
            .replacingOccurrences(of: "[footnote:", with: "</w:t></w:r><w:r><w:footnoteReference w:id=\"")
            .replacingOccurrences(of: ":footnote]", with: "\"/></w:r><w:r><w:t xml:space=\"preserve\">")
        return "<w:p>\(properties)\(pageBreak)\(runs)</w:p>"
    }

    /// A table; each cell is a list of paragraphs.
    static func table(_ rows: [[[String]]]) -> String {
        "<w:tbl><w:tblPr/>" + rows.map { row in
            "<w:tr>" + row.map { "<w:tc><w:tcPr/>" + $0.map { paragraph($0) }.joined() + "</w:tc>" }.joined() + "</w:tr>"
        }.joined() + "</w:tbl>"
    }

    static func document(body: [String], footnotes: [Int: String] = [:], title: String? = nil) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        try add("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"\(namespace)\"><w:body>\(body.joined())</w:body></w:document>")
        try add("word/numbering.xml", """
            <?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="\(namespace)">
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl></w:abstractNum>
            <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
            </w:numbering>
            """)
        if !footnotes.isEmpty {
            let notes = footnotes.sorted { $0.key < $1.key }.map { "<w:footnote w:id=\"\($0.key)\">\(paragraph($0.value))</w:footnote>" }.joined()
            try add("word/footnotes.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:footnotes xmlns:w=\"\(namespace)\"><w:footnote w:id=\"0\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\(notes)</w:footnotes>")
        }
        if let title {
            try add("docProps/core.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(escaped(title))</dc:title></cp:coreProperties>")
        }
        return archive.data!
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

import Foundation

/// Reads a Word 97–2003 (.doc) file with antiword, and with catdoc when antiword cannot (Word
/// 6 and 95 files, some fast-saved ones). Both print one paragraph a line when told not to
/// wrap; antiword also keeps tables as rows of cells between bars, which catdoc loses.
struct WordBinaryReader {
    static let antiword = ExternalTool(name: "antiword", package: "antiword")
    static let catdoc = ExternalTool(name: "catdoc", package: "catdoc")

    func read(_ url: URL) throws(SourceFailure) -> SourceText {
        guard Self.antiword.isInstalled || Self.catdoc.isInstalled else {
            throw .toolMissing("a Word 97–2003 file, and neither antiword nor catdoc is installed (Debian packages antiword, catdoc); install one, or convert it: soffice --headless --convert-to docx FILE")
        }
        var failures: [String] = []
        var notes: [String] = []
        if Self.antiword.isInstalled {
            let output = try Self.antiword.run(["-m", "UTF-8.txt", "-w", "0", url.path])
            if output.status == 0, Self.hasText(output.stdout) { return Self.text(output.stdout, notes: ["read by antiword"]) }
            failures.append(PDFReader.reason(output, tool: "antiword"))
            notes.append("antiword could not read it")
        }
        if Self.catdoc.isInstalled {
            let output = try Self.catdoc.run(["-d", "utf-8", "-w", url.path])
            if output.status == 0, Self.hasText(output.stdout) { return Self.text(output.stdout, notes: notes + ["read by catdoc"]) }
            failures.append(PDFReader.reason(output, tool: "catdoc"))
        }
        throw .unreadable(failures.joined(separator: "; ") + "; convert it: soffice --headless --convert-to docx FILE")
    }

    private static func hasText(_ bytes: [UInt8]) -> Bool {
        PDFReader.hasText(String(decoding: bytes.prefix(1 << 16), as: UTF8.self))
    }

    private static func text(_ bytes: [UInt8], notes: [String]) -> SourceText {
        var text = SourceText(text: VietText.nfc(TextDecoder.clean(String(decoding: bytes, as: UTF8.self))), format: .doc, encoding: "UTF-8")
        text.notes = notes
        return text
    }
}

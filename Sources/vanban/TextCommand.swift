import ArgumentParser
import Foundation
import VanBan

/// `vanban text FILE`: the text vanban reads from a file (PDF, DOCX, HTML, .doc or text), as
/// the parser gets it, with its format, pages and conversion notes on standard error.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the text vanban reads from a file (PDF, DOCX, HTML, .doc or plain text), with its pages and notes."
    )

    @Argument(help: "The file.")
    var file: String

    @Flag(help: "Read a PDF without a text layer with tesseract OCR.")
    var ocr = false

    @Flag(help: "Mark where each page starts (\"--- page N ---\").")
    var pages = false

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Terminal.standardError("vanban: cannot read \(file)")
            throw Exit.badInput
        }
        let rules = try Exit.reporting { try options.loadRules() }
        let source: SourceText
        do {
            source = try rules.sourceReader(options: .init(ocr: ocr)).read([UInt8](data), url: url)
        } catch {
            Terminal.standardError("vanban: \(file): \(error.description)")
            throw Exit.badInput
        }
        let starts = Set(source.pageStarts)
        for (index, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if pages && starts.contains(index + 1) { print("--- page \(source.pageStarts.firstIndex(of: index + 1)! + 2) ---") }
            print(line)
        }
        var facts = ["format \(source.format.rawValue)", "encoding \(source.encoding)"]
        if let count = source.pageCount { facts.append("\(count) page\(count == 1 ? "" : "s")") }
        if source.ocr { facts.append("OCR") }
        Terminal.standardError("vanban: \(file): " + (facts + source.notes).joined(separator: "; "))
    }
}

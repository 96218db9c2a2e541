import ArgumentParser
import VanBan

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a document's metadata and sectioned text, by its number in any common form."
    )

    @Argument(help: "The document number (25-NQ/TW, 84 - CV/ĐU, nq 25, ...).")
    var number: String

    @Flag(help: "Print the document as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        let view = try Exit.reporting { try options.openArchive().document(numbered: number) }
        if json { try Terminal.printJSON(view) } else { render(view) }
    }

    private func render(_ view: DocumentView) {
        let document = view.document
        print(Terminal.bold([document.type, document.number].compactMap { $0 }.joined(separator: " ")))
        let fields: [(String, String?)] = [
            ("Title", document.title), ("Issuer", document.issuer), ("Under", document.parentIssuer),
            ("Place", document.place), ("Date", document.date), ("Signed", [document.signerRole, document.signer].compactMap { $0 }.joined(separator: ": ")),
            ("To", document.recipients.isEmpty ? nil : document.recipients.joined(separator: "; ")),
            ("File", document.file), ("Source", document.source),
            ("Not found", document.missing.isEmpty ? nil : document.missing.joined(separator: ", ")),
        ]
        for (label, value) in fields {
            if let value, !value.isEmpty { print("\(label.padding(toLength: 10, withPad: " ", startingAt: 0)) \(value)") }
        }
        var section: String?
        for paragraph in view.paragraphs {
            if paragraph.section != section {
                section = paragraph.section
                print("\n" + Terminal.bold(paragraph.section.isEmpty ? "—" : paragraph.section))
            }
            print("\n" + paragraph.text)
        }
    }
}

import ArgumentParser
import VanBan

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a document's metadata and sectioned text, by its number in any common form."
    )

    @Argument(help: "The document number (25-NQ/TW, 84 - CV/ĐU, nq 25, ...), or its file in the corpus where the number names several.")
    var number: String

    @Flag(help: "Print the document as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        try Exit.check(number, "number")
        switch try Exit.reporting({ try options.openArchive().show(number) }) {
        case .archived(let view):
            if json { try Terminal.printJSON(view) } else { render(view) }
        case .external(let view):
            if json { try Terminal.printJSON(view) } else { render(view) }
        }
    }

    private func render(_ view: ExternalDocumentView) {
        let node = view.node
        print(Terminal.bold(node.name))
        print(view.notice)
        for (label, value) in [("Date", node.date), ("Issuer", node.issuer), ("Title", node.title)] {
            if let value { print("\(label.padding(10)) \(value)") }
        }
        for conflict in node.conflicts { print("Conflict   \(conflict)") }
        if let validity = view.validity { print("Status     " + ValidityText.line(validity.status)) }
        print("\n" + Terminal.bold("Cited by"))
        for document in view.citedBy.grouped(by: { $0.source }) { print(ReferenceList.describe(document)) }
    }

    private func render(_ view: DocumentView) {
        let document = view.document
        print(Terminal.bold([document.type, document.number].compactMap { $0 }.joined(separator: " ")))
        let fields: [(String, String?)] = [
            ("Title", document.title), ("Issuer", document.issuer), ("Under", document.parentIssuer),
            ("Place", document.place), ("Date", document.date), ("Signed", [document.signerRole, document.signer].compactMap { $0 }.joined(separator: ": ")),
            ("To", document.recipients.isEmpty ? nil : document.recipients.joined(separator: "; ")),
            ("File", document.file), ("Encoding", document.encoding == "UTF-8" ? nil : document.encoding), ("Source", document.source),
            ("Format", document.format == "text" ? nil : [document.format.uppercased(), document.pages.map { "\($0) page\($0 == 1 ? "" : "s")" },
                                                       document.ocr ? "OCR" : nil].compactMap { $0 }.joined(separator: ", ")),
            ("Notes", document.notes.isEmpty ? nil : document.notes.joined(separator: "; ")),
            ("Not found", document.missing.isEmpty ? nil : document.missing.joined(separator: ", ")),
        ]
        for (label, value) in fields {
            if let value, !value.isEmpty { print("\(label.padding(10)) \(value)") }
        }
        if let validity = view.validity { print("Status     " + ValidityText.line(validity.status)) }
        var section: String?
        defer { renderLinks(view) }
        for paragraph in view.paragraphs where !paragraph.heading {
            if paragraph.section != section {
                section = paragraph.section
                print("\n" + Terminal.bold(paragraph.section.isEmpty ? "—" : paragraph.section))
            }
            print("\n" + paragraph.text)
        }
    }

    /// What it cites, what cites it (one block per document), and what it requires of whom.
    private func renderLinks(_ view: DocumentView) {
        let cited = view.references.grouped { $0.target }, citing = view.citedBy.grouped { $0.source }
        if !cited.isEmpty {
            print("\n" + Terminal.bold("References (\(cited.count) document\(cited.count == 1 ? "" : "s"))"))
            for document in cited { print(ReferenceList.describe(document)) }
        }
        if !citing.isEmpty {
            print("\n" + Terminal.bold("Cited by (\(citing.count) document\(citing.count == 1 ? "" : "s"))"))
            for document in citing { print(ReferenceList.describe(document)) }
        }
        if !view.warnings.isEmpty {
            print("\n" + Terminal.bold("Warnings: references that no longer stand (\(view.warnings.count))"))
            for warning in view.warnings {
                print(Terminal.bold(warning.reference.label) + ": " + ValidityText.line(warning.status) + ", "
                      + ValidityText.timing(warning.timing, view.document.number ?? view.document.file))
            }
        }
        if !view.requirements.isEmpty {
            print("\n" + Terminal.bold("Requirements (\(view.requirements.count))"))
            for hit in view.requirements { print(RequirementText.full(hit)) }
        }
    }
}

import ArgumentParser
import VanBan

/// The arguments of `refs` and `cited-by`: a document and the output form.
struct LinkArguments: ParsableArguments {
    @Argument(help: "The document number (or a name: \"Điều lệ Đảng\").")
    var number: String

    @Flag(help: "Print the links as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions
}

struct ReferencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refs",
        abstract: "What a document cites: each link with its relation, section and citing sentence."
    )

    @OptionGroup var arguments: LinkArguments

    func run() throws {
        try Exit.check(arguments.number, "number")
        let references = try Exit.reporting { try arguments.options.openArchive().references(of: arguments.number) }
        try ReferenceList.print(references, json: arguments.json) { $0.target }
    }
}

struct CitedByCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cited-by",
        abstract: "What cites a document: each link with its relation, section and citing sentence."
    )

    @OptionGroup var arguments: LinkArguments

    func run() throws {
        try Exit.check(arguments.number, "number")
        let references = try Exit.reporting { try arguments.options.openArchive().citations(of: arguments.number) }
        try ReferenceList.print(references, json: arguments.json) { $0.source }
    }
}

/// Prints links one block per document at the other end: its relations and how many times it
/// is cited, then where each citation is stated, with its sentence ("…" where it was cut).
enum ReferenceList {
    static func print(_ references: [Reference], json: Bool, otherEnd: (Reference) -> GraphNode?) throws {
        if json { return try Terminal.printJSON(references) }
        guard !references.isEmpty else {
            Swift.print("No links.")
            throw Exit.nothingFound
        }
        for document in references.grouped(by: otherEnd) { Swift.print(describe(document)) }
    }

    static func describe(_ document: LinkedDocument) -> String {
        var head: String
        if let end = document.node {
            head = Terminal.bold(end.label)
            if let date = end.date { head += " (\(date))" }
            if !end.inArchive { head += Terminal.dim("  not in archive") }
        } else {
            head = Terminal.bold(document.text) + Terminal.dim("  \(document.status)")
        }
        let count = document.references.count
        var lines = [head, "  " + document.relations.map(\.rawValue).joined(separator: ", ") + (count > 1 ? "; \(count) citations" : "")]
        for reference in document.references {
            lines.append("  in \(reference.statedIn.label)" + (reference.section.isEmpty ? "" : " § \(reference.section)"))
            if let note = reference.note, reference.status != "resolved" || note != "back-reference" { lines.append("    note: \(note)") }
            lines.append("    “\(reference.quote.text)”")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

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
        let references = try Exit.reporting { try arguments.options.openArchive().citations(of: arguments.number) }
        try ReferenceList.print(references, json: arguments.json) { $0.source }
    }
}

/// Prints links one block each: the other end, the relation, where it is stated.
enum ReferenceList {
    static func print(_ references: [Reference], json: Bool, otherEnd: (Reference) -> GraphNode?) throws {
        if json { return try Terminal.printJSON(references) }
        guard !references.isEmpty else {
            Swift.print("No links.")
            throw Exit.nothingFound
        }
        for reference in references { Swift.print(describe(reference, end: otherEnd(reference))) }
    }

    static func describe(_ reference: Reference, end: GraphNode?) -> String {
        var head = "\(reference.relation.rawValue.padding(12)) "
        if let end {
            head += Terminal.bold(end.label)
            if let date = end.date { head += " (\(date))" }
            if !end.inArchive { head += Terminal.dim("  not in archive") }
        } else {
            head += Terminal.bold(reference.text) + Terminal.dim("  \(reference.status)")
        }
        var lines = [head]
        if let note = reference.note, reference.status != "resolved" || note != "back-reference" { lines.append("  note: \(note)") }
        let stated = reference.statedIn.label
        lines.append("  in \(stated)" + (reference.section.isEmpty ? "" : " § \(reference.section)"))
        lines.append("  “\(reference.sentence)”\n")
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

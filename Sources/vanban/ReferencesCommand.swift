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
        let archive = try Exit.reporting { try arguments.options.openArchive() }
        if arguments.json {
            return try ReferenceList.print(try Exit.reporting { try archive.references(of: arguments.number) }, json: true) { $0.target }
        }
        let groups = try Exit.reporting { try archive.referenceGroups(of: arguments.number) }
        let asked = try Exit.reporting { try archive.node(named: arguments.number) }
        guard !groups.isEmpty else {
            print("No links.")
            throw Exit.nothingFound
        }
        for group in groups {
            // The document's own links come first, unlabelled; then what its text says of others
            // ("stated here about 60-CTr/ĐUK"), and what others say it does; one block per
            // document cited within each.
            if group.statedIn.id == asked.id, group.about.id != asked.id {
                print(Terminal.bold("stated here about \(group.about.label)") + "\n")
            } else if group.statedIn.id != asked.id {
                print(Terminal.bold("stated in \(group.statedIn.label)") + "\n")
            }
            for document in group.references.grouped(by: { $0.target }) { print(ReferenceList.describe(document)) }
        }
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
            head += ValidityText.suffix(end.validity)
        } else {
            head = Terminal.bold(document.text) + Terminal.dim("  \(document.status)")
        }
        let count = document.references.count
        var lines = [head, "  " + document.relations.map(\.rawValue).joined(separator: ", ") + (count > 1 ? "; \(count) citations" : "")]
        for reference in document.references {
            lines.append("  in \(reference.statedIn.label)" + (reference.section.isEmpty ? "" : " § \(reference.section)"))
            var detail: [String] = []
            if let part = reference.part { detail.append(part) }
            if let effect = reference.effect { detail.append(effect == "on-effect" ? "from when it takes effect" : "from \(effect)") }
            if !detail.isEmpty { lines.append("    " + detail.joined(separator: "; ")) }
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

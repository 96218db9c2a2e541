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
        let archive = try arguments.options.openArchive()
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
            // ("stated here about 60-CTr/ĐUK"), and what others say it does.
            if group.statedIn.id == asked.id, group.about.id != asked.id {
                print(Terminal.bold("stated here about \(group.about.label)") + "\n")
            } else if group.statedIn.id != asked.id {
                print(Terminal.bold("stated in \(group.statedIn.label)") + "\n")
            }
            for reference in group.references { print(ReferenceList.describe(reference, end: reference.target)) }
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
        var detail: [String] = []
        if let part = reference.part { detail.append(part) }
        if let effect = reference.effect { detail.append(effect == "on-effect" ? "from when it takes effect" : "from \(effect)") }
        if !detail.isEmpty { lines.append("  " + detail.joined(separator: "; ")) }
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

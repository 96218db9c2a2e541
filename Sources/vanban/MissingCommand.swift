import ArgumentParser
import VanBan

struct MissingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missing",
        abstract: "Every cited document not in the archive, most cited first, with what is known of it."
    )

    @Flag(help: "Print the list as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        let missing = try Exit.reporting { try options.openArchive().missingDocuments() }
        if json { return try Terminal.printJSON(missing) }
        for document in missing {
            let node = document.node
            print(Terminal.bold(node.name) + "  cited \(document.citations)× by \(document.citingDocuments) document(s)")
            for (label, value) in [("date", node.date), ("issuer", node.issuer), ("title", node.title)] {
                if let value { print("  \(label): \(value)") }
            }
            for conflict in node.conflicts { print("  conflict: \(conflict)") }
            if let status = node.validity { print("  status: " + ValidityText.line(status)) }
            for place in document.citedBy {
                print(Terminal.dim("  in \(place.document)" + (place.section.isEmpty ? "" : " § \(place.section)")))
            }
            print("")
        }
        if missing.isEmpty { print("Every cited document is in the archive.") }
    }
}

struct GraphCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, json }

    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Export the citation graph: Graphviz DOT, or JSON nodes and links."
    )

    @Option(help: "dot or json.")
    var format = Format.dot

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        let graph = try Exit.reporting { try options.openArchive().graph() }
        switch format {
        case .dot: print(graph.dot)
        case .json: try Terminal.printJSON(graph)
        }
    }
}

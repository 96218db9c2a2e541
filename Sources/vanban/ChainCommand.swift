import ArgumentParser
import VanBan

struct ChainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "The chain a document rests on (up), or everything that implements it (--down)."
    )

    @Argument(help: "The document number.")
    var number: String

    @Flag(help: "Follow the chain down: the documents that implement this one.")
    var down = false

    @Option(help: "How many links deep (1-\(Archive.maxChainDepth); default 10).")
    var depth: String?

    @Flag(help: "Print the chain as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        try Exit.check(number, "number")
        let depth = try Exit.number(depth, "--depth", in: Limits.chainDepth) ?? 10
        let chain = try Exit.reporting {
            try options.openArchive().chain(from: number, direction: down ? .down : .up, depth: depth)
        }
        if json { return try Terminal.printJSON(chain) }
        print(line(chain))
        render(chain.children, indent: "")
    }

    private func render(_ children: [ChainNode], indent: String) {
        for (index, child) in children.enumerated() {
            let last = index == children.count - 1
            print(indent + (last ? "└─ " : "├─ ") + Terminal.dim((child.relation?.rawValue ?? "") + " ") + line(child))
            render(child.children, indent: indent + (last ? "   " : "│  "))
        }
    }

    private func line(_ chain: ChainNode) -> String {
        var text = Terminal.bold(chain.node.label)
        if let date = chain.node.date { text += " (\(date))" }
        if !chain.node.inArchive { text += Terminal.dim("  not in archive") }
        text += ValidityText.suffix(chain.node.validity)
        if chain.repeated { text += Terminal.dim("  (cycle: already above)") }
        return text
    }
}

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "How one document leads to another through citations."
    )

    @Argument(help: "From this document.")
    var from: String

    @Argument(help: "To this document.")
    var to: String

    @Flag(help: "Print the path as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        try Exit.check(from, "from")
        try Exit.check(to, "to")
        let steps = try Exit.reporting { try options.openArchive().path(from: from, to: to) }
        if json { return try Terminal.printJSON(steps) }
        guard let first = steps.first else { return print("\(from) is \(to).") }
        var text = Terminal.bold(first.from.label)
        for step in steps {
            text += step.reversed ? " ← \(step.relation.rawValue) ← " : " → \(step.relation.rawValue) → "
            text += Terminal.bold(step.to.label)
        }
        print(text)
    }
}

import ArgumentParser
import VanBan

/// `vanban problems`: what an office has to fix, file by file.
struct ProblemsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problems",
        abstract: "List files that could not be read and documents without a number or date, with the reason."
    )

    @Flag(help: "Print the list as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        let problems = try Exit.reporting { try options.openArchive().problems() }
        if json { try Terminal.printJSON(problems) } else { Self.render(problems) }
    }

    static func render(_ problems: ProblemList) {
        if problems.unreadable.isEmpty && problems.incomplete.isEmpty {
            print("No problems: every file was read, and every document has a number and a date.")
            return
        }
        if !problems.unreadable.isEmpty {
            print(Terminal.bold("Not read (\(problems.unreadable.count))"))
            for file in problems.unreadable { print("  \(file.file): \(file.reason)") }
        }
        if !problems.incomplete.isEmpty {
            if !problems.unreadable.isEmpty { print("") }
            print(Terminal.bold("Without a number or date (\(problems.lackingNumber) without a number, \(problems.lackingDate) without a date)"))
            for document in problems.incomplete {
                let known = [document.type, document.number].compactMap { $0 }.joined(separator: " ")
                print("  \(document.file) [\(document.format)]\(known.isEmpty ? "" : " \(known)"): no \(document.missing.joined(separator: ", no "))")
                for reason in document.reasons { print("    \(reason)") }
            }
        }
    }
}

import ArgumentParser
import Foundation
import VanBan

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the archive: SQLite and FTS5 integrity, every corpus file indexed with its content, links sound.",
        discussion: "Changes neither the archive nor the corpus. Exit code 0 when every check passes, 5 when one fails."
    )

    @Argument(help: "The corpus folder the archive was built from.")
    var corpus = "corpus"

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        let report = try Exit.reporting {
            try Verifier(archivePath: options.archivePath, corpus: Corpus(root: URL(fileURLWithPath: corpus))).run()
        }
        if json {
            try Terminal.printJSON(report)
        } else {
            for check in report.checks {
                print((check.passed ? "ok      " : Terminal.bold("FAILED  ")) + check.name)
                for detail in check.details { print("        " + detail) }
            }
        }
        if !report.passed { throw Exit.verifyFailed }
    }
}

extension Exit {
    /// The archive failed a check of `vanban verify`.
    static let verifyFailed = ExitCode(5)
}

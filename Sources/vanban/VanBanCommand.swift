import ArgumentParser
import Foundation
import VanBan

@main
struct VanBanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanban",
        abstract: "Full-text search and citation archive for Vietnamese Party and State documents.",
        version: "0.1.0",
        subcommands: [
            IndexCommand.self, SearchCommand.self, ShowCommand.self, ReferencesCommand.self, CitedByCommand.self,
            ChainCommand.self, PathCommand.self, StatusCommand.self, CheckCommand.self, MissingCommand.self, GraphCommand.self, ServeCommand.self, RequiresCommand.self,
            ActorsCommand.self, BenchCommand.self, VerifyCommand.self, ProblemsCommand.self, TextCommand.self,
            PublishCommand.self,
        ]
    )

    /// ArgumentParser's own run, with one hint added: a query starting with "-" is read as an
    /// option, and the message about it ("missing expected argument") does not say what to do.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand { try await command.run() } else { try command.run() }
        } catch {
            let code = exitCode(for: error)
            let arguments = CommandLine.arguments.dropFirst()
            if code == .validationFailure, let word = arguments.first(where: { $0.count > 1 && $0.hasPrefix("-") && !$0.hasPrefix("--") }),
               ["search", "requires"].contains(arguments.first ?? "") {
                Terminal.standardError(fullMessage(for: error))
                Terminal.standardError("""
                    vanban: "\(word)" was read as an option. A query starting with "-" goes after "--", with the options \
                    before it (vanban search --limit 5 -- \(word)), or starts with a space (" \(word)").
                    """)
                Foundation.exit(code.rawValue)
            }
            exit(withError: error)
        }
    }
}

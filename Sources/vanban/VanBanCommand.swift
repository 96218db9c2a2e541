import ArgumentParser
import VanBan

@main
struct VanBanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanban",
        abstract: "Full-text search and citation archive for Vietnamese Party and State documents.",
        version: "0.1.0",
        subcommands: [
            IndexCommand.self, SearchCommand.self, ShowCommand.self, ReferencesCommand.self, CitedByCommand.self,
            ChainCommand.self, PathCommand.self, MissingCommand.self, GraphCommand.self, ServeCommand.self, RequiresCommand.self,
            ActorsCommand.self, BenchCommand.self, VerifyCommand.self, ProblemsCommand.self, TextCommand.self,
        ]
    )
}

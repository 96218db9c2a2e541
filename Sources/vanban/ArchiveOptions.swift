import ArgumentParser
import Foundation
import VanBan

/// Where the archive and the rule data are; shared by every command.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: "The archive file (default: $VANBAN_ARCHIVE or ./vanban.db).")
    var archive: String?

    @Option(name: .long, help: "The rule folder (default: $VANBAN_RULES or ./indexer).")
    var rules: String?

    var archivePath: String {
        archive ?? ProcessInfo.processInfo.environment["VANBAN_ARCHIVE"] ?? "vanban.db"
    }

    func loadRules() throws -> RuleSet {
        try rules.map { try RuleSet(directory: URL(fileURLWithPath: $0)) } ?? RuleSet.loadDefault()
    }

    func openArchive(connections: Int = 1, events: (@Sendable (ArchiveEvent) -> Void)? = nil) throws -> Archive {
        try Archive(path: archivePath, rules: loadRules(), connections: connections, events: events)
    }
}

/// Exit codes: 0 success, 1 nothing found, 2 bad query or input, 3 archive missing or
/// unreadable, 4 indexed with files that could not be read, 5 a check failed (`verify`, `publish`).
enum Exit {
    static let nothingFound = ExitCode(1)
    static let badInput = ExitCode(2)
    static let archiveProblem = ExitCode(3)
    static let partialIndex = ExitCode(4)

    /// Runs `body`, turning library errors into a message on standard error and an exit code.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as VanBanError {
            Terminal.standardError("vanban: \(error.description)")
            switch error {
            case .archiveMissing, .archiveVersion: throw archiveProblem
            case .notFound: throw nothingFound
            case .badQuery, .rules, .corpus: throw badInput
            case .publication: throw verifyFailed
            }
        }
    }
}

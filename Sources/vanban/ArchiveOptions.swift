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

    func openArchive(connections: Int = 1, rules: RuleSet? = nil, events: (@Sendable (ArchiveEvent) -> Void)? = nil) throws -> Archive {
        try Archive(path: archivePath, rules: rules ?? loadRules(), connections: connections, events: events)
    }
}

/// Exit codes, the same for every command (and in the README): 0 success, 1 nothing found,
/// 2 a bad query or option value, 3 the archive missing or unreadable, 4 indexed with files that
/// could not be read, 5 a check failed (`verify`, `publish`), 6 `serve` could not listen, 64 a
/// usage error (unknown option, missing argument).
enum Exit {
    static let nothingFound = ExitCode(1)
    static let badInput = ExitCode(2)
    static let archiveProblem = ExitCode(3)
    static let partialIndex = ExitCode(4)
    static let cannotServe = ExitCode(6)

    /// Runs `body`, turning library errors into a message on standard error and an exit code.
    /// Any other error comes from below the library's messages (SQLite's, on an archive changed
    /// or damaged underneath): its text is not for people, what it means is.
    static func reporting<T>(failure: String = unreadable, _ body: () throws -> T) throws -> T {
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
        } catch let error as ExitCode {
            throw error
        } catch {
            Terminal.standardError("vanban: \(failure)")
            throw archiveProblem
        }
    }

    static let unreadable = "the archive could not be read (damaged, or changed while reading); run `vanban verify`, or `vanban index` to rebuild it."

    /// Refuses a value as the HTTP API refuses it, in the same words (``Limits``), with exit code 2.
    static func refuse(_ message: String) -> ExitCode {
        Terminal.standardError("vanban: \(message)")
        return badInput
    }

    /// A whole number in `range`, or nil when the option is absent.
    static func number(_ text: String?, _ option: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw refuse(Limits.wholeNumber(option, range))
        }
        return value
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ option: String, of: T.Type) throws -> T
        where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw refuse(Limits.choice(option, T.allCases.map(\.rawValue))) }
        return value
    }

    static func check(_ value: String?, _ option: String, maxBytes: Int = Limits.maxNameBytes) throws {
        if let value, value.utf8.count > maxBytes { throw refuse(Limits.tooLong(option, bytes: value.utf8.count, max: maxBytes)) }
    }
}

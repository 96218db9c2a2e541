import ArgumentParser
import Foundation
import VanBan

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Copy a built archive to the file a replica serves: to a temporary name, flushed, checked, renamed into place.",
        discussion: """
            The copy is checked (size, SQLite's integrity check, schema, the build id `vanban index` \
            wrote) before it replaces DEST, so a replica serving DEST sees the old file or the whole \
            new one, never a part; interrupted, it leaves DEST as it was. A `vanban serve` on DEST \
            picks the new build up at its next request and reports it in /health. Exit code 5 when \
            the copy is refused, 3 when ARCHIVE cannot be read.
            """
    )

    @Argument(help: "The built archive.")
    var archive: String

    @Argument(help: "The file a replica serves, or its folder (the archive keeps its name there).")
    var destination: String

    @Option(help: "Write at most this many MB a second, to leave a replica on the same disk its share.")
    var maxRate: Double?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if let maxRate, maxRate <= 0 { throw ValidationError("--max-rate must be a number of MB a second above 0.") }
    }

    func run() throws {
        let report = try Exit.reporting {
            try Publisher(source: archive, destination: destination, bytesPerSecond: maxRate.map { $0 * 1_000_000 }).run()
        }
        if json { return try Terminal.printJSON(report) }
        print(String(format: "published build %@ (%d documents, %.1f MB) to %@ in %.2f s%@", report.buildId, report.documents,
                     Double(report.bytes) / 1e6, report.destination, report.seconds,
                     report.replaced.map { ", replacing build \($0)" } ?? ""))
    }
}

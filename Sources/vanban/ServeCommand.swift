import ArgumentParser
import Foundation
import Logging
import VanBan
import VanBanServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the archive over HTTP: a JSON API, /openapi.json and a search page at /.",
        discussion: """
            The archive is opened read-only; a `vanban index` or `vanban publish` run while serving \
            is picked up at the next request, and a file renamed over it that does not read as a \
            whole archive is refused (the build served goes on; /health says why). One log line \
            per request goes to standard error. Stop with Ctrl-C.
            """
    )

    @Option(help: "The address to listen on; 127.0.0.1 serves this machine only.")
    var host = "127.0.0.1"

    @Option(help: "The port; 0 picks a free one.")
    var port = 8080

    @OptionGroup var options: ArchiveOptions

    func run() async throws {
        var logger = Logger(label: "vanban")
        logger.logLevel = .info
        let archive = try Exit.reporting { [logger] in
            try options.openArchive(connections: 4) { event in
                switch event {
                case .switched(let from, let to, let documents):
                    logger.info("serving build \(to ?? "?") (\(documents) documents), was \(from ?? "?")")
                case .refused(let reason):
                    logger.error("\(reason)")
                }
            }
        }
        let host = host
        let app = buildApplication(archive: archive, host: host, port: port, logger: logger) { port in
            // Flushed at once: a script or test reading our output waits for this line.
            FileHandle.standardOutput.write(Data("vanban: serving \(archive.path) at http://\(host):\(port)/\n".utf8))
        }
        try await app.runService()
    }
}

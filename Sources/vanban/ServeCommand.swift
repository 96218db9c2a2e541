import ArgumentParser
import Foundation
import Logging
import NIOCore
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

    @Option(help: "The port (default 8080); 0 picks a free one.")
    var port: String?

    @OptionGroup var options: ArchiveOptions

    func run() async throws {
        let port = try Exit.number(port, "--port", in: Limits.port) ?? 8080
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
        do {
            try await app.runService()
        } catch {
            Terminal.standardError("vanban: " + Self.listenFailure(error, host: host, port: port))
            throw Exit.cannotServe
        }
    }

    /// Why the server could not listen, for whoever started it: SwiftNIO's message names the
    /// system call, not the fix.
    static func listenFailure(_ error: any Error, host: String, port: Int) -> String {
        let address = "\(host):\(port)"
        switch (error as? IOError)?.errnoCode {
        case EADDRINUSE: return "port \(port) is in use on \(host); choose another with --port, or --port 0 for a free one."
        case EADDRNOTAVAIL: return "cannot listen on \(host): it is not an address of this machine (--host 127.0.0.1 serves this machine only)."
        case EACCES: return "not allowed to listen on \(address) (ports below 1024 need root); choose a port from 1024 with --port."
        case let code?: return "cannot listen on \(address): \(String(cString: strerror(code)))."
        case nil:
            if error is SocketAddressError || error is SocketAddressError.UnknownHost { return "cannot listen on \(host): no such host name or address." }
            return "cannot listen on \(address)."
        }
    }
}

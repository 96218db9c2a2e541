import Hummingbird
import Logging
import VanBan

/// The HTTP server over an archive: the JSON API, the page and /openapi.json, GET only.
///
/// - Parameters:
///   - host: the address to bind; 127.0.0.1 by default, so only this machine can reach it.
///   - port: 0 picks a free port, reported to `onServerRunning`.
///   - onServerRunning: called with the bound port once the server accepts connections.
public func buildApplication(archive: Archive, host: String = "127.0.0.1", port: Int = 8080, logger: Logger,
                             onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in })
    -> some ApplicationProtocol {
    let router = Router(options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: ReadOnlyMiddleware())
    Routes.register(on: router, archive: archive)
    return Application(
        router: router,
        // A connection with no request in flight is closed after 30 s, so idle clients cannot
        // hold the server's connections.
        server: .http1(configuration: .init(idleTimeout: .seconds(30))),
        configuration: .init(address: .hostname(host, port: port), serverName: "vanban"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
        logger: logger
    )
}

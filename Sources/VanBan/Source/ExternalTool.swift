import Foundation

/// Runs one of the Debian tools the source readers use (pdftotext, antiword, tesseract, ...)
/// and collects what it printed. A tool runs as its own process, so a file that crashes or
/// hangs it costs that file, never the index run: it is killed after ``timeout`` seconds.
struct ExternalTool: Sendable {
    let name: String
    /// The Debian package that provides it, named when it is missing.
    let package: String

    static let timeout: TimeInterval = 180

    struct Output {
        let status: Int32
        let stdout: [UInt8]
        let stderr: String
        let timedOut: Bool
    }

    /// The tool's full path, looked up on `PATH`, or nil when it is not installed.
    var path: String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    var isInstalled: Bool { path != nil }

    var missingReason: String { "\(name) is not installed (Debian package \(package))" }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws(SourceFailure) -> Output {
        guard let path else { throw .toolMissing(missingReason) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .unreadable("cannot start \(name): \(error.localizedDescription)") }
        let killer = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.timeout, execute: killer)
        // Standard error is read beside standard output, so neither pipe fills and blocks the tool.
        let errors = ErrorsRead()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let timedOut = !killer.isCancelled && process.terminationReason == .uncaughtSignal
        killer.cancel()
        return Output(status: process.terminationStatus, stdout: [UInt8](stdout),
                      stderr: String(decoding: errors.data, as: UTF8.self), timedOut: timedOut)
    }

    private final class ErrorsRead: @unchecked Sendable {
        var data = Data()
    }
}

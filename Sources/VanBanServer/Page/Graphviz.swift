import Foundation

/// Graphviz's `dot` (Debian's graphviz package), run as a process: DOT in, SVG out. The page
/// inlines the SVG, so its nodes' URL attributes become links. Without `dot` on the PATH (or at
/// $VANBAN_DOT) the page says the diagram cannot be drawn and shows its links as a table.
enum Graphviz {
    /// How long a drawing may take before it is given up.
    static let timeout: DispatchTimeInterval = .seconds(10)

    static let executable: URL? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["VANBAN_DOT"] { return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("dot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// The drawing as an `<svg>` element (the XML prolog and doctype dropped), or nil when `dot`
    /// is missing, fails or takes too long.
    static func svg(_ dot: String) -> String? {
        guard let executable else { return nil }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        defer { timer.cancel() }
        // dot reads all of its input before it writes, so writing first cannot deadlock.
        input.fileHandleForWriting.write(Data(dot.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, process.terminationReason == .exit else { return nil }
        let svg = String(decoding: data, as: UTF8.self)
        guard let start = svg.range(of: "<svg") else { return nil }
        // Graphviz titles every graph, node and edge with its DOT name ("n12", "cluster_cited_implements"),
        // which a browser shows on hover; the nodes' links carry their own (xlink:title).
        return String(svg[start.lowerBound...]).replacing(/<title>[^<]*<\/title>\n?/, with: "")
            .replacing(/<!--[^>]*-->\n?/, with: "")
    }

    /// A DOT string literal.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}

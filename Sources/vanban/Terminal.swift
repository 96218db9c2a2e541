import Foundation
import VanBan

/// Terminal output: colour only on a terminal and without NO_COLOR; JSON for `--json`.
enum Terminal {
    static let isInteractive = isatty(STDOUT_FILENO) == 1
    static let usesColor = isInteractive && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func style(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static func bold(_ text: String) -> String { style(text, "1") }
    static func dim(_ text: String) -> String { style(text, "2") }

    static func highlighted(_ snippet: Snippet) -> String {
        usesColor ? snippet.marked(before: "\u{1B}[1;33m", after: "\u{1B}[0m") : snippet.marked(before: "[", after: "]")
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Rewrites one status line on standard error (progress display).
    static func status(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

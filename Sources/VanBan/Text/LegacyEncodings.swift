import Foundation

/// The legacy encodings a file that is not UTF-8 may be in, and which one it most likely is.
///
/// Each is tried on the file's head and the result scored as Vietnamese (``VietnameseScore``).
/// One is assumed only when it reads clearly better than the rest; a file that reads as
/// Vietnamese in several is refused, because indexing the wrong one would index mojibake.
public struct LegacyEncodings: Sendable {
    public let encodings: [LegacyEncoding]

    public enum Guess {
        case encoding(LegacyEncoding)
        /// Reads as Vietnamese in these, best first, but not clearly in one.
        case unsure([String])
        /// Reads as Vietnamese in none.
        case notVietnamese
    }

    /// Enough to judge by (some ten thousand words), and cheap to decode three times.
    static let sampleSize = 64 * 1024

    init(encodings: [LegacyEncoding]) {
        self.encodings = encodings
    }

    /// Windows-1258, and the font encodings whose tables are in `encodings/` of the rule folder.
    public init(directory: URL) throws {
        let tables = directory.appendingPathComponent("encodings")
        encodings = [
            .windows1258,
            LegacyEncoding(name: "TCVN3", table: try ByteTable(contentsOf: tables.appendingPathComponent("tcvn3.tsv")),
                           capitalsByFont: true),
            LegacyEncoding(name: "VNI-Windows", table: try ByteTable(contentsOf: tables.appendingPathComponent("vni.tsv")),
                           capitalsByFont: false),
        ]
    }

    /// The tables of the default rule folder, read once: what ``TextDecoder/decode(_:)`` uses.
    /// Without them only Windows-1258 is recognised.
    public static let standard = (try? LegacyEncodings(directory: RuleSet.defaultDirectory()))
        ?? LegacyEncodings(encodings: [.windows1258])

    /// The encoding whose reading has the largest share of Vietnamese syllables, if that share
    /// is high, there are a few of them, and it is clearly ahead of the runner-up: by share, or
    /// by having many more of the commonest words (both readings of a short text may be words).
    public func guess(_ bytes: [UInt8]) -> Guess {
        let sample = bytes.prefix(Self.sampleSize)
        let ranked = encodings.map { ($0, VietnameseScore($0.decode(sample))) }
            .filter { $0.1.fraction >= 0.75 }
            .sorted { ($0.1.fraction, $0.1.common) > ($1.1.fraction, $1.1.common) }
        guard let (encoding, best) = ranked.first else { return .notVietnamese }
        let runnerUp = ranked.dropFirst().first?.1
        let clear = runnerUp.map { best.fraction - $0.fraction >= 0.15 || best.common >= 2 * $0.common + 3 } ?? true
        return clear && best.valid >= 3 ? .encoding(encoding) : .unsure(ranked.map(\.0.name))
    }
}

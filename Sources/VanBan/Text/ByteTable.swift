import Foundation

/// A font encoding's byte table: a byte or a pair of bytes (VNI's base letter and mark) to a
/// letter, read from a file such as `indexer/encodings/vni.tsv`.
struct ByteTable: Sendable {
    /// UTF-8 for each single byte: the table's letter, else the byte in Windows-1252.
    private var singles: [[UInt8]]
    /// UTF-8 for each listed pair, keyed by first byte << 8 | second byte.
    private var pairs: [UInt16: [UInt8]] = [:]

    /// Windows-1252, in which font-encoded files were saved: the bytes a table leaves out.
    /// (Latin-1 should this ICU lack the code page, so that there are 256 entries all the same.)
    private static let windows1252: [[UInt8]] = {
        let scalars = Array(LegacyEncoding.icu(Array(0...255)[...], charset: "windows-1252").unicodeScalars)
        let characters = scalars.count == 256 ? scalars : (0...255).map { UnicodeScalar(UInt8($0)) }
        return characters.map { Array(String($0).utf8) }
    }()

    init(contentsOf url: URL) throws {
        singles = Self.windows1252
        for row in try RuleTable(contentsOf: url).rows {
            let fields = row[0].split(separator: " ")
            let bytes = fields.compactMap { UInt8($0, radix: 16) }
            guard row.count >= 2, !row[1].isEmpty, bytes.count == fields.count, (1...2).contains(bytes.count) else {
                throw VanBanError.rules("\(url.path): expected one or two bytes in hex, a tab and a letter: \(row)")
            }
            if bytes.count == 1 {
                singles[Int(bytes[0])] = Array(row[1].utf8)
            } else {
                pairs[UInt16(bytes[0]) << 8 | UInt16(bytes[1])] = Array(row[1].utf8)
            }
        }
    }

    /// The text as UTF-8. The longest listed sequence wins at each byte; marks follow letters,
    /// so a pair is only looked up when a non-ASCII byte follows.
    func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if index + 1 < bytes.endIndex, bytes[index + 1] >= 0x80,
               let pair = pairs[UInt16(byte) << 8 | UInt16(bytes[index + 1])] {
                out.append(contentsOf: pair)
                index += 2
            } else {
                out.append(contentsOf: singles[Int(byte)])
                index += 1
            }
        }
        return out
    }
}

import CVietText

/// A pre-Unicode Vietnamese encoding that old archives still hold, and how to read it.
///
/// Windows-1258 is a code page ICU converts (base letters plus combining tones, composed by
/// ``TextDecoder`` afterwards). TCVN3 and VNI-Windows are font encodings: text typed for the
/// .VnTime or VNI fonts and saved as Windows-1252 bytes. They are read with a byte table from
/// `indexer/encodings/`, and as Windows-1252 where the table lists nothing (ASCII, quotes, dashes).
public struct LegacyEncoding: Sendable {
    /// The name stored in the archive and shown by `vanban show`.
    public let name: String
    private let table: ByteTable?
    /// TCVN3 has no capitals with tones: the "H" fonts draw small letters as capitals.
    private let capitalsByFont: Bool

    static let windows1258 = LegacyEncoding(name: "Windows-1258", table: nil, capitalsByFont: false)

    init(name: String, table: ByteTable?, capitalsByFont: Bool) {
        self.name = name
        self.table = table
        self.capitalsByFont = capitalsByFont
    }

    /// The text the bytes stand for; not yet cleaned nor composed.
    func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard let table else { return Self.icu(bytes, charset: "windows-1258") }
        let utf8 = table.decode(bytes)
        return String(decoding: capitalsByFont ? Self.restoringCapitals(utf8) : utf8, as: UTF8.self)
    }

    /// A line whose plain letters are all capitals was typed in an "H" font (a heading such as
    /// "MôC TI£U"): its small marked letters were drawn as capitals too, so they become capitals.
    /// Works on UTF-8 and rewrites only those lines, as a 50 MB file has few of them.
    private static func restoringCapitals(_ utf8: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for (index, line) in utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if index > 0 { out.append(0x0A) }
            if typedInCapitals(line) {
                out.append(contentsOf: String(decoding: line, as: UTF8.self).uppercased().utf8)
            } else {
                out.append(contentsOf: line)
            }
        }
        return out
    }

    /// At least two ASCII letters, all capitals.
    private static func typedInCapitals(_ line: ArraySlice<UInt8>) -> Bool {
        var capitals = 0
        for byte in line where (0x61...0x7A).contains(byte | 0x20) {
            if byte >= 0x61 { return false }
            capitals += 1
        }
        return capitals >= 2
    }

    /// Bytes in an ICU code page, one UTF-16 unit a byte or more.
    static func icu(_ bytes: ArraySlice<UInt8>, charset: String) -> String {
        let input = Array(bytes)
        var capacity = input.count + 1
        while true {
            var out = [UInt16](repeating: 0, count: capacity)
            let needed = Int(vv_decode_charset(charset, input, Int32(input.count), &out, Int32(capacity)))
            if needed < 0 { return String(decoding: input, as: UTF8.self) }
            if needed <= capacity { return String(decoding: out[..<needed], as: UTF16.self) }
            capacity = needed
        }
    }
}

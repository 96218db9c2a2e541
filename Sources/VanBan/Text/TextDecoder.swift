/// Turns a corpus file's bytes into clean NFC text, or says why it cannot.
///
/// UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read, and
/// bytes that are not UTF-8 are tried as the legacy Vietnamese encodings (``LegacyEncodings``);
/// CRLF and CR line ends become LF; control characters other than tab and newline are dropped.
public enum TextDecoder {
    public struct Decoded: Sendable {
        public let text: String
        /// The encoding the bytes were read as ("UTF-8", "UTF-16LE", "TCVN3", ...).
        public let encoding: String
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case empty
        case binary
        case invalidUTF8(offset: Int)
        /// Not UTF-8, and Vietnamese in more than one legacy encoding, or barely in one.
        case unsureEncoding(candidates: [String])

        public var description: String {
            switch self {
            case .empty: return "empty file"
            case .binary: return "binary content, not text"
            case .invalidUTF8(let offset): return "not valid UTF-8 (first bad byte at offset \(offset))"
            case .unsureEncoding(let candidates):
                let names = candidates.count > 1
                    ? candidates.dropLast().joined(separator: ", ") + " or " + candidates.last! : candidates.joined()
                return "not UTF-8; the encoding could not be determined (likely \(names)); convert it to UTF-8 and index again"
            }
        }
    }

    /// Decodes with the legacy encodings of the default rule folder (``LegacyEncodings/standard``).
    public static func decode(_ bytes: [UInt8]) throws(Failure) -> Decoded {
        try decode(bytes, legacy: .standard)
    }

    /// Decodes, trying `legacy` when the bytes are neither UTF-8 nor marked as UTF-16. UTF-8
    /// text never pays for that: it is validated first.
    public static func decode(_ bytes: [UInt8], legacy: LegacyEncodings) throws(Failure) -> Decoded {
        guard !bytes.isEmpty else { throw .empty }
        let raw: String
        let encoding: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            raw = utf16(bytes.dropFirst(2), littleEndian: littleEndian)
            encoding = littleEndian ? "UTF-16LE" : "UTF-16BE"
        } else {
            let markedUTF8 = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            let body = markedUTF8 ? Array(bytes.dropFirst(3)) : bytes
            if looksBinary(body) { throw .binary }
            if let text = String(validating: body, as: UTF8.self) {
                (raw, encoding) = (text, "UTF-8")
            } else {
                switch markedUTF8 ? .notVietnamese : legacy.guess(body) {
                case .encoding(let legacyEncoding): (raw, encoding) = (legacyEncoding.decode(body[...]), legacyEncoding.name)
                case .unsure(let candidates): throw .unsureEncoding(candidates: candidates)
                case .notVietnamese: throw .invalidUTF8(offset: firstInvalidUTF8(body))
                }
            }
        }
        let cleaned = clean(raw)
        guard cleaned.contains(where: { !$0.isWhitespace }) else { throw .empty }
        return Decoded(text: VietText.nfc(cleaned), encoding: encoding)
    }

    /// Line ends to LF (the line and paragraph separators U+2028 and U+2029 too: the archive
    /// uses the latter between passages); control characters other than tab and newline
    /// dropped (C0, DEL, C1, stray byte-order marks, and U+E000, the archive's mark of an
    /// unmarked document). Works on UTF-8 bytes, which is many times faster than going through
    /// Unicode scalars.
    static func clean(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x0D:
                    out.append(0x0A)
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                case 0x09, 0x0A: out.append(byte)
                case 0x00..<0x20, 0x7F: break
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]): index += 1
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF: index += 2
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] | 1) == 0xA9:
                    out.append(0x0A)
                    index += 2
                case 0xEE where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: index += 2
                default: out.append(byte)
                }
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Many NUL bytes, or control bytes in the first kilobytes, mean this is not a text file.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(4096)
        let controls = head.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
        return controls > max(8, head.count / 50)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                  String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil else { return index }
            index += length
        }
        return index
    }
}

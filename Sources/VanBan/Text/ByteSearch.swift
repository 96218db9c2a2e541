#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searching text by its UTF-8 bytes.
///
/// With Foundation imported, `text.contains("  ")` (even with a one-letter literal) resolves to
/// Foundation's `StringProtocol.contains(_:)`, which searches through CFString, copying the text
/// to UTF-16 and comparing it character cluster by cluster: it dominated parsing time. The
/// parsers look for ASCII marks and words in NFC text, where comparing bytes finds the same, so
/// long as a match followed by a combining mark ("a" in "á" written as a + U+0301) is no match,
/// as it is not for Foundation (``ByteSearchTests`` holds the two side by side).
extension StringProtocol {
    /// Whether `part` occurs in the text, byte for byte, and not followed by a combining mark.
    /// An empty `part` occurs nowhere, as with Foundation's `contains(_:)`.
    func includes(_ part: String) -> Bool {
        var part = part
        return part.withUTF8 { needle in
            utf8.withContiguousStorageIfAvailable { Self.find(needle, in: $0) }
                ?? Array(utf8).withUnsafeBufferPointer { Self.find(needle, in: $0) }
        }
    }

    /// Whether the bytes of `part` occur in the text, whatever follows them: the test a pattern
    /// matched code point by code point (ICU's) cannot match without passing.
    func includesBytes(of part: String) -> Bool {
        var part = part
        return part.withUTF8 { needle in
            utf8.withContiguousStorageIfAvailable { Self.find(needle, in: $0, refusingMarks: false) }
                ?? Array(utf8).withUnsafeBufferPointer { Self.find(needle, in: $0, refusingMarks: false) }
        }
    }

    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, refusingMarks: Bool = true) -> Bool {
        guard let needleBase = needle.baseAddress, let textBase = text.baseAddress, !needle.isEmpty else { return false }
        var start = 0
        while start + needle.count <= text.count {
            // memchr finds the first byte; memcmp the rest.
            guard let hit = memchr(textBase + start, Int32(needle[0]), text.count - start - needle.count + 1) else { return false }
            let offset = textBase.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(textBase + offset, needleBase, needle.count) == 0 && !(refusingMarks && combines(text, at: offset + needle.count)) {
                return true
            }
            start = offset + 1
        }
        return false
    }

    /// Whether the scalar at a byte offset joins the character before it: a nonspacing or
    /// enclosing mark, or the zero-width non-joiner (as CFString's clusters have it).
    private static func combines(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset < text.count, text[offset] >= 0x80 else { return false }
        var iterator = text[offset...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return scalar == "\u{200C}"
        }
    }
}

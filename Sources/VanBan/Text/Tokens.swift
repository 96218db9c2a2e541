import CVietText

/// The tokens of a text as the full-text index reads it (CVietText's tokenizer, the one FTS5
/// uses): each with its form, whether it stands at the same position as the token before it
/// (another form of one word), and its UTF-8 byte range in the text.
public struct Token: Sendable, Equatable {
    public let form: String
    public let colocated: Bool
    public let bytes: Range<Int>
}

extension VietText {
    /// The tokens of `text` as a document's (`query` false) or a query's.
    public static func tokens(_ text: String, query: Bool) -> [Token] {
        final class Collector {
            var tokens: [Token] = []
        }
        let collector = Collector()
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                _ = withExtendedLifetime(collector) {
                    vv_tokenize(chars.baseAddress, Int32(chars.count), query ? 1 : 0, Unmanaged.passUnretained(collector).toOpaque()) {
                        context, flags, token, length, start, end in
                        let collector = Unmanaged<Collector>.fromOpaque(context!).takeUnretainedValue()
                        let form = String(decoding: UnsafeRawBufferPointer(start: token, count: Int(length)), as: UTF8.self)
                        collector.tokens.append(Token(form: form, colocated: flags & 1 != 0, bytes: Int(start)..<Int(end)))
                        return 0
                    }
                }
            }
        }
        return collector.tokens
    }
}

extension VietText {
    /// The byte ranges of the text's first `limit` positions, in order: each word once (its other
    /// forms stand at the same position), as a document's tokens are counted; and whether more
    /// follow.
    static func tokenPositions(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> (ranges: [Range<Int>], more: Bool) {
        bytes.withMemoryRebound(to: CChar.self) { chars in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * max(limit, 1)) { buffer in
                let starts = buffer.baseAddress!, ends = starts + max(limit, 1)
                let count = Int(vv_token_positions(chars.baseAddress, Int32(chars.count), starts, ends, Int32(limit)))
                return ((0..<min(count, limit)).map { Int(starts[$0])..<Int(ends[$0]) }, count > limit)
            }
        }
    }
}

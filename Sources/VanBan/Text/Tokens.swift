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

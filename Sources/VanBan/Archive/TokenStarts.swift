import Foundation

/// Where each body passage's heading and body start among the document's tokens, as
/// `texts.tokens` keeps them: for each passage its heading's start, then its body's, each as
/// the step from the passage before, an unsigned LEB128 varint. A step is about a passage's
/// length in tokens, so it takes a byte or two where a 32-bit start took four (the pairs took
/// 2.4 MB of 20,000 documents' archive). Steps wrap around 2³², so a start smaller than the one
/// before would still read back as it was.
enum TokenStarts {
    static func encode(headings: [UInt32], bodies: [UInt32]) -> Data {
        var data = Data(capacity: headings.count * 3)
        var last = (heading: UInt32(0), body: UInt32(0))
        for (heading, body) in zip(headings, bodies) {
            append(heading &- last.heading, to: &data)
            append(body &- last.body, to: &data)
            last = (heading, body)
        }
        return data
    }

    /// The starts `encode` wrote; a pair cut short at the end (a damaged blob) is left out.
    static func decode(_ data: Data) -> [(heading: Int, body: Int)] {
        var starts: [(heading: Int, body: Int)] = []
        var reader = Reader(bytes: data)
        var last = (heading: UInt32(0), body: UInt32(0))
        while let heading = reader.next(), let body = reader.next() {
            last = (last.heading &+ heading, last.body &+ body)
            starts.append((Int(last.heading), Int(last.body)))
        }
        return starts
    }

    private static func append(_ value: UInt32, to data: inout Data) {
        var value = value
        while value >= 0x80 {
            data.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        data.append(UInt8(value))
    }

    private struct Reader {
        let bytes: Data
        var offset: Data.Index

        init(bytes: Data) {
            self.bytes = bytes
            offset = bytes.startIndex
        }

        /// The next varint, or nil at the end or in one cut short.
        mutating func next() -> UInt32? {
            var value: UInt32 = 0, shift: UInt32 = 0
            while offset < bytes.endIndex, shift < 35 {
                let byte = bytes[offset]
                offset += 1
                value |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }
    }
}

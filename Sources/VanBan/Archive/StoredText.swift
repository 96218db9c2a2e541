import CVietText
import Foundation

/// A document's text as the archive stores it, in one raw-deflate block (libdeflate's)
/// (`texts.block`): the title passage, then the heading path of every passage, then every
/// body, passages apart by U+2029 (a position of its own for the tokenizer, so that no phrase
/// runs from one passage into the next). The three parts are the three columns FTS5 and the
/// search index read (the view `document_columns`); each passage keeps where its heading and
/// body lie, and the view `passage_texts` reads them back through the SQL function `vv_text`.
///
/// A whole document compresses three to four times, since its headings repeat and its phrasing
/// recurs; a passage alone would barely shrink.
struct StoredText {
    struct Span {
        let headingStart: Int
        let headingLength: Int
        let bodyStart: Int
        let bodyLength: Int
    }

    static let boundary = "\u{2029}"

    let block: Data
    /// The title passage's span first, then the body passages'.
    let spans: [Span]
    let title: String
    let headings: String
    let bodies: String
    /// Distinct non-empty heading paths: the document's sections.
    let sections: Int

    /// Byte ranges of the three columns in the block.
    var headingStart: Int { title.utf8.count }
    var bodyStart: Int { headingStart + headings.utf8.count }

    init(title: String, passages: [Passage]) {
        self.title = title
        headings = passages.map(\.headingPath).joined(separator: Self.boundary)
        bodies = passages.map(\.text).joined(separator: Self.boundary)
        var spans = [Span(headingStart: 0, headingLength: 0, bodyStart: 0, bodyLength: title.utf8.count)]
        var heading = title.utf8.count, body = heading + headings.utf8.count
        let separator = Self.boundary.utf8.count
        for passage in passages {
            let path = passage.headingPath.utf8.count, text = passage.text.utf8.count
            spans.append(Span(headingStart: heading, headingLength: path, bodyStart: body, bodyLength: text))
            heading += path + separator
            body += text + separator
        }
        self.spans = spans
        sections = Set(passages.map(\.headingPath).filter { !$0.isEmpty }).count
        block = Self.pack(Array(title.utf8) + Array(headings.utf8) + Array(bodies.utf8))
    }

    private static func pack(_ bytes: [UInt8]) -> Data {
        var block = [UInt8](repeating: 0, count: Int(vv_pack_bound(Int32(bytes.count))))
        let written = vv_pack(bytes, Int32(bytes.count), &block, Int32(block.count))
        precondition(written > 0, "libdeflate failed to compress \(bytes.count) bytes")
        return Data(block.prefix(Int(written)))
    }
}

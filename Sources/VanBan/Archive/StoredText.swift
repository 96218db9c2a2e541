import CVietText
import Foundation

/// A document's passages as the archive stores them: the title passage, then every heading
/// path and body, one after the other, compressed as one block (`documents.text`); each
/// passage keeps only where its heading and body lie in the block (the title passage's text
/// is its "body"). The view `passage_texts` reads them back through the
/// SQL function `vv_text`.
///
/// Text was two thirds of an archive (each passage's heading path repeated in full). A
/// whole document compresses three to four times, since its headings repeat and its phrasing
/// recurs; a passage alone would barely shrink.
struct StoredText {
    struct Span {
        /// Byte offset of the heading path in the uncompressed block.
        let start: Int
        let headingLength: Int
        let bodyLength: Int
    }

    let block: Data
    let spans: [Span]
    /// Distinct non-empty heading paths: the document's sections.
    let sections: Int

    init(title: String, passages: [Passage]) {
        var bytes = Array(title.utf8)
        var spans = [Span(start: 0, headingLength: 0, bodyLength: bytes.count)]
        var headings = Set<String>()
        for passage in passages {
            let heading = passage.headingPath
            if !heading.isEmpty { headings.insert(heading) }
            spans.append(Span(start: bytes.count, headingLength: heading.utf8.count, bodyLength: passage.text.utf8.count))
            bytes += heading.utf8
            bytes += passage.text.utf8
        }
        self.spans = spans
        sections = headings.count
        block = Self.pack(bytes)
    }

    private static func pack(_ bytes: [UInt8]) -> Data {
        var block = [UInt8](repeating: 0, count: Int(vv_pack_bound(Int32(bytes.count))))
        let written = vv_pack(bytes, Int32(bytes.count), &block, Int32(block.count))
        precondition(written > 0, "zlib failed to compress \(bytes.count) bytes")
        return Data(block.prefix(Int(written)))
    }
}

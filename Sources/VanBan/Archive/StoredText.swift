import CVietText
import Foundation

/// A document's text as the archive stores it, in one raw-deflate block (libdeflate's)
/// (`texts.block`): the title passage, then the heading path of every passage, then every
/// body, passages apart by U+2029 (a position of its own for the tokenizer, so that no phrase
/// runs from one passage into the next). The three parts are the three columns FTS5 and the
/// search index read (the view `document_columns`); each passage keeps where its heading and
/// body lie, and the view `passage_texts` reads them back through the SQL function
/// `vv_stored_text`.
///
/// A passage that is a heading (see ``Passage/headings(amongPaths:)``) is in neither column:
/// its path and text are the start of the heading path of the passage it heads, where its span
/// points, so the index counts a heading once per passage under it, as it always has.
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
    /// For each body passage, the passage of the columns it stands at: itself, or for a heading
    /// the passage it heads.
    private let columnPassage: [Int]

    /// Byte ranges of the three columns in the block.
    var headingStart: Int { title.utf8.count }
    var bodyStart: Int { headingStart + headings.utf8.count }

    init(title: String, passages: [Passage]) {
        self.title = title
        let paths = passages.map(\.headingPath)
        let isHeading = Passage.headings(amongPaths: paths)
        let indexed = passages.indices.filter { !isHeading[$0] }
        headings = indexed.map { paths[$0] }.joined(separator: Self.boundary)
        bodies = indexed.map { passages[$0].text }.joined(separator: Self.boundary)
        var own: [Span] = []
        var heading = title.utf8.count, body = heading + headings.utf8.count
        let separator = Self.boundary.utf8.count
        for passage in indexed {
            let path = paths[passage].utf8.count, text = passages[passage].text.utf8.count
            own.append(Span(headingStart: heading, headingLength: path, bodyStart: body, bodyLength: text))
            heading += path + separator
            body += text + separator
        }
        var columnPassage = Array(repeating: 0, count: passages.count), next = indexed.count
        for passage in passages.indices.reversed() {
            if !isHeading[passage] { next -= 1 }
            columnPassage[passage] = next
        }
        self.columnPassage = columnPassage
        spans = [Span(headingStart: 0, headingLength: 0, bodyStart: 0, bodyLength: title.utf8.count)]
            + passages.indices.map { passage in
                let at = own[columnPassage[passage]]
                guard isHeading[passage] else { return at }
                let path = paths[passage].utf8.count, gap = path == 0 ? 0 : Passage.pathSeparator.utf8.count
                assert(paths[indexed[columnPassage[passage]]].utf8.dropFirst(path + gap).starts(with: passages[passage].text.utf8),
                       "a heading passage's text is its heading's")
                return Span(headingStart: at.headingStart, headingLength: path, bodyStart: at.headingStart + path + gap,
                            bodyLength: passages[passage].text.utf8.count)
            }
        sections = Set(indexed.map { paths[$0] }.filter { !$0.isEmpty }).count
        block = Self.pack(Array(title.utf8) + Array(headings.utf8) + Array(bodies.utf8))
    }

    /// Token starts the tokenizer gave per passage of a column, given for every body passage
    /// (`texts.tokens`): a heading starts where the passage it heads does, so a match there goes
    /// to that passage, the last one starting at it.
    func perPassage(_ starts: [UInt32]) -> [UInt32] {
        columnPassage.compactMap { $0 < starts.count ? starts[$0] : nil }
    }

    private static func pack(_ bytes: [UInt8]) -> Data {
        var block = [UInt8](repeating: 0, count: Int(vv_pack_bound(Int32(bytes.count))))
        let written = vv_pack(bytes, Int32(bytes.count), &block, Int32(block.count))
        precondition(written > 0, "libdeflate failed to compress \(bytes.count) bytes")
        return Data(block.prefix(Int(written)))
    }
}

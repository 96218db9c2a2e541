import CSearch
import Foundation

/// What the full-text index reads of a document: its title passage, its heading paths and its
/// bodies (see ``StoredText``), each column marked when the document is written without any
/// Vietnamese marks, exactly as the view `document_columns` gives them back, so FTS5 and the
/// search index see the same strings when a document is added and when it is removed.
struct DocumentColumns {
    let title: String
    let heading: String
    let body: String

    /// U+E000: the tokenizer then also indexes the words in the form a marked query takes
    /// (see CVietText's tokenizer), so "Quy chế dân chủ" finds "Quy che dan chu".
    static let unmarkedMark = "\u{E000}"

    init(_ stored: StoredText, unmarked: Bool) {
        let mark = unmarked ? Self.unmarkedMark : ""
        title = mark + stored.title
        heading = mark + stored.headings
        body = mark + stored.bodies
    }

    init(title: String, heading: String, body: String) {
        self.title = title
        self.heading = heading
        self.body = body
    }
}

/// A document tokenized for the search index (in the analysis stage, off the writer's thread):
/// its distinct terms with their frequencies and positions, its length in tokens, and where
/// each passage starts.
final class IndexedDocument: @unchecked Sendable {
    let handle: OpaquePointer

    init(_ columns: DocumentColumns) throws {
        var title = columns.title, heading = columns.heading, body = columns.body
        let made = title.withUTF8 { t in
            heading.withUTF8 { h in
                body.withUTF8 { b in
                    t.withMemoryRebound(to: CChar.self) { t in
                        h.withMemoryRebound(to: CChar.self) { h in
                            b.withMemoryRebound(to: CChar.self) { b in
                                vs_document_new(t.baseAddress, Int32(t.count), h.baseAddress, Int32(h.count),
                                                b.baseAddress, Int32(b.count))
                            }
                        }
                    }
                }
            }
        }
        guard let made else { throw VanBanError.corpus("out of memory while tokenizing") }
        handle = made
    }

    deinit { vs_document_free(handle) }

    /// Tokens, as FTS5 counts them.
    var length: Int { Int(vs_document_length(handle)) }

    /// The token position where each body passage's heading (column 1) or body (column 2) starts.
    func passageStarts(column: Int32) -> [UInt32] {
        var starts: UnsafePointer<UInt32>?
        let count = Int(vs_document_passage_starts(handle, column, &starts))
        guard let starts else { return [] }
        return Array(UnsafeBufferPointer(start: starts, count: count))
    }

    /// The tokens of a column: 0 the title passage, 1 the headings, 2 the bodies.
    func tokens(column: Int32) -> Int { Int(vs_document_column_tokens(handle, column)) }

    var terms: [String] {
        (0..<vs_document_term_count(handle)).map { index in
            var length: Int32 = 0
            let bytes = vs_document_term(handle, index, &length)!
            return String(decoding: UnsafeRawBufferPointer(start: bytes, count: Int(length)), as: UTF8.self)
        }
    }
}

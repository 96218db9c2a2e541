/// A reference to another document found in a passage, with what the text says of it.
public struct Citation: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// "Nghị quyết số 25-NQ/TW"
        case number
        /// "Điều lệ Đảng", through `indexer/aliases.tsv`
        case named
        /// "Nghị quyết nêu trên", "Chương trình của Đảng ủy Khối"
        case back
    }

    public var kind: Kind
    /// Index of the passage in the document's body (0-based).
    public var passage: Int
    /// The reference's UTF-16 range in the passage text.
    public var range: Range<Int>
    public var text: String
    public var number: DocumentNumber?
    public var named: String?
    /// The type as the citing words give it ("Quy định số 101-QĐ/TW" is a Quy định).
    public var typeCode: String?
    public var date: String?
    public var issuer: String?
    public var title: String?
    public var relation: Relation
    public var cue: String?
    /// The earlier citation (index in the document's list) that is the subject of this one's
    /// relation: in "Kế hoạch 164-KH/TU ... về việc thực hiện Nghị quyết 25-NQ/TW", 164-KH/TU
    /// implements 25-NQ/TW. Nil when the citing document itself is the subject.
    public var subject: Int?
    /// For a back-reference, the earlier citation it points at, when that is unambiguous.
    public var refersTo: Int?
    /// Why a back-reference was left unresolved.
    public var note: String?
    public var sentence: String
    /// The sentence's UTF-16 range in the passage text.
    public var sentenceRange: Range<Int>
}

/// A reference to another document found in a passage, with what the text says of it.
public struct Citation: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// "Nghị quyết số 25-NQ/TW", "Luật Tổ chức Chính phủ số 63/2025/QH15"
        case number
        /// "Luật Đất đai ngày 29 tháng 11 năm 2013", "Điều lệ Đảng", "Hiến pháp năm 1992"
        case named
        /// "Nghị quyết nêu trên", "Chương trình của Đảng ủy Khối"
        case back
        /// "Nghị quyết 39", "QĐ932", or a name the text defined ("(sau đây gọi tắt là Chiến lược)")
        case short
    }

    /// A type and number without an issuer ("Nghị quyết 39").
    public struct ShortForm: Sendable, Codable, Equatable {
        public let type: String
        public let number: String

        public init(type: String, number: String) {
            self.type = type
            self.number = number
        }
    }

    public var kind: Kind
    /// Index of the passage in the document's body (0-based).
    public var passage: Int
    /// The reference's UTF-16 range in the passage text.
    public var range: Range<Int>
    public var text: String
    public var number: DocumentNumber?
    public var short: ShortForm?
    /// The document's name: an alias's ("Điều lệ Đảng"), or the name as written, without its
    /// date, year or term ("Luật Tổ chức chính quyền địa phương"); for a numbered law, the name
    /// beside its number.
    public var named: String?
    /// The term a name carries ("khóa XI"), or the year it is known by ("Hiến pháp năm 1992",
    /// "Luật Đất đai 2013"), when its date does not give it.
    public var term: String?
    /// The type as the citing words give it ("Quy định số 101-QĐ/TW" is a Quy định).
    public var typeCode: String?
    public var date: String?
    public var issuer: String?
    public var title: String?
    public var relation: Relation
    public var cue: String?
    /// The part of the cited document the words name ("khoản 1 Điều 12", "chương III").
    public var part: String?
    /// When the relation takes effect, where the text says: a date (yyyy-mm-dd), or
    /// ``Citation/onEffect`` for "kể từ ngày Nghị định này có hiệu lực".
    public var effect: String?
    /// The earlier citation (index in the document's list) that is the subject of this one's
    /// relation: in "Kế hoạch 164-KH/TU ... về việc thực hiện Nghị quyết 25-NQ/TW", 164-KH/TU
    /// implements 25-NQ/TW. Nil when the citing document itself is the subject.
    public var subject: Int?
    /// The earlier citation this one acts on, when the words are passive: in "Luật số
    /// 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15", 87/2025/QH15 amends
    /// 64/2025/QH15, and the citing document amends neither.
    public var object: Int?
    /// For a back-reference or a short form, the earlier citation it points at, when that is
    /// unambiguous.
    public var refersTo: Int?
    /// The short name the text defines for the document ("Nghị quyết 39", "Chiến lược").
    public var defines: String?
    /// Why a back-reference was left unresolved, or why a cue was not taken ("proposed").
    public var note: String?
    public var sentence: String
    /// The sentence's UTF-16 range in the passage text.
    public var sentenceRange: Range<Int>

    /// ``effect`` when the relation takes effect with the citing document.
    public static let onEffect = "on-effect"
}

extension Citation {
    /// Whether two citations of one document name the same cited document.
    func identity(_ types: DocumentTypes) -> String {
        if let number { return NumberKey(number, types: types).description }
        if let short { return "\(types.numberingKey(short.type))|\(NumberKey.number(short.number))" }
        return named.map { VietText.key($0) + "|" + (term ?? "") } ?? text
    }
}

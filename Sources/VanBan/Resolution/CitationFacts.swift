/// What the resolver needs of a citation: how it names a document, what it says of it, and how
/// it relates to the citations before it. Made from a ``Citation`` as extracted, or from the
/// archive's `citations` table as stored.
public struct CitationFacts: Sendable, Equatable {
    public var kind: Citation.Kind
    /// The number's key (type and number only, for a short form).
    public var key: NumberKey?
    public var symbol: String?
    /// The year its số hiệu carries (137/2013/NĐ-CP): 137/2013 and 137/2018 are two decrees.
    public var numberYear: Int?
    public var text: String
    public var named: String?
    public var term: String?
    public var typeCode: String?
    public var date: String?
    public var issuer: String?
    public var title: String?
    public var relation: Relation
    public var subject: Int?
    public var object: Int?
    public var refersTo: Int?
    public var note: String?
    public var part: String?
    public var effect: String?

    public init(kind: Citation.Kind, key: NumberKey? = nil, symbol: String? = nil, text: String, named: String? = nil,
                term: String? = nil, typeCode: String? = nil, date: String? = nil, issuer: String? = nil, title: String? = nil,
                relation: Relation = .mentions, subject: Int? = nil, object: Int? = nil, refersTo: Int? = nil,
                note: String? = nil, part: String? = nil, effect: String? = nil, numberYear: Int? = nil) {
        self.kind = kind
        self.numberYear = numberYear
        self.key = key
        self.symbol = symbol
        self.text = text
        self.named = named
        self.term = term
        self.typeCode = typeCode
        self.date = date
        self.issuer = issuer
        self.title = title
        self.relation = relation
        self.subject = subject
        self.object = object
        self.refersTo = refersTo
        self.note = note
        self.part = part
        self.effect = effect
    }

    /// The year or term a name is known by: "khóa XI", the year of "Hiến pháp năm 1992", or the
    /// year of the date beside it ("Luật Đất đai ngày 29 tháng 11 năm 2013").
    var qualifier: String? {
        if let term {
            let digits = term.filter(\.isNumber)
            return digits.count == 4 ? digits : VietText.key(term)
        }
        return date.map { String($0.prefix(4)) }
    }
}

extension Citation {
    /// The facts the resolver reads.
    public func facts(types: DocumentTypes) -> CitationFacts {
        let key = number.map { NumberKey($0, types: types) }
            ?? short.map { NumberKey(number: $0.number, type: $0.type, issuer: nil, types: types) }
        return CitationFacts(kind: kind, key: key, symbol: number?.symbol, text: text, named: named, term: term,
                             typeCode: typeCode, date: date, issuer: issuer, title: title, relation: relation,
                             subject: subject, object: object, refersTo: refersTo, note: note, part: part, effect: effect,
                             numberYear: number?.year)
    }
}

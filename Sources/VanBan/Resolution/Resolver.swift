/// Resolves citations to the documents they name and states each as a typed link: a pure
/// function of the citations and of the documents the archive holds (no database), so it is
/// tested on its own; ``CitationGraphWriter`` reads its input from the archive and stores what
/// it gives.
///
/// A number alone is not a key: numbering restarts each term and every Đảng ủy issues CV
/// numbers. A citation names a document by number, type and issuer (``NumberKey``) and narrows
/// the candidates with what it says (its date) and, for a local issuer, where it stands (the
/// province its stated issuer names, else the citing document's). One candidate: linked.
/// Several: linked to none, and the ambiguity recorded. None: an external node, whose metadata
/// is harvested from every citation of it; citations that disagree on it are recorded as
/// conflicts, not merged. When the symbol's issuer and the one the text states disagree
/// ("45-KH/TƯ của Ban Thường vụ Tỉnh ủy"), both are tried, the archive settles it when it holds
/// one of them, and the conflict is recorded either way.
///
/// A named document is one node per type, name and year or term: "Luật Thống kê" twice is one
/// node, "Luật Đất đai 2013" and "Luật Đất đai 2024" two. A name cited without its year takes
/// the year the same document gives it, else the only one the archive's citations give it.
///
/// Links run from the document the text says acts: the citing document, the subject it names
/// ("Kế hoạch 164-KH/TU ... thực hiện Nghị quyết 25-NQ/TW"), or a passive agent ("Luật số
/// 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15": 87 amends 64).
public struct Resolver {
    /// A document of the archive.
    public struct Document: Sendable {
        public let id: Int64
        public let number: NumberKey?
        public let symbol: String?
        public let typeCode: String?
        public let typeName: String?
        public let date: String?
        public let year: Int?
        public let province: String?
        public let issuer: String?
        public let title: String?
        public let path: String
        /// The year its số hiệu carries, for a State document (49/2025/QĐ-TTg).
        public let numberYear: Int?

        public init(id: Int64, number: NumberKey?, symbol: String?, typeCode: String?, typeName: String?, date: String?,
                    year: Int?, province: String?, issuer: String?, title: String?, path: String, numberYear: Int? = nil) {
            self.id = id
            self.numberYear = numberYear
            self.number = number
            self.symbol = symbol
            self.typeCode = typeCode
            self.typeName = typeName
            self.date = date
            self.year = year
            self.province = province
            self.issuer = issuer
            self.title = title
            self.path = path
        }
    }

    /// A node of the graph: a document of the archive, or one known only from citations.
    public struct Node: Sendable, Equatable {
        public let key: String
        public let documentID: Int64?
        public var symbol: String?
        public var name: String
        public var number: NumberKey?
        /// The words of a named document's name, ignoring case and marks, and its year or term.
        public var nameKey: String?
        public var term: String?
        public var typeCode: String?
        public var date: String?
        public var issuer: String?
        public var title: String?
        public var conflicts: [String] = []
    }

    public enum Status: String, Sendable {
        case resolved, external, ambiguous, unresolved
    }

    /// One citation stated as a link between nodes (indices into ``nodes``).
    public struct Link: Sendable, Equatable {
        /// The citation's index in its document.
        public let ordinal: Int
        public let source: Int
        public let target: Int?
        public let relation: Relation
        public let status: Status
        public let note: String?
        /// The part of the target the relation touches ("khoản 1 Điều 12").
        public let part: String?
        /// When it takes effect: a date, or ``Citation/onEffect``.
        public let effect: String?
    }

    let rules: RuleSet
    private let documents: [Document]
    private var byKey: [NumberKey: [Int]] = [:]
    /// Documents by type and number alone, for short forms ("Nghị quyết 39").
    private var byNumber: [NumberKey: [Int]] = [:]
    /// Every year or term each name is cited with across the archive.
    private let qualifiers: [String: Set<String>]
    public private(set) var nodes: [Node] = []
    private var nodeIndex: [String: Int] = [:]
    private var harvests: [Int: Harvest] = [:]

    /// What the citations of an external node say of it, value by value.
    private struct Harvest {
        var types: [String: Int] = [:]
        var dates: [String: Int] = [:]
        var issuers: [String: Int] = [:]
        var titles: [String: Int] = [:]
        var issuerConflicts: Set<String> = []
    }

    /// `names` holds every named citation of the archive (``CitationFacts/named`` with its
    /// qualifier), so that a name cited without its year finds the one the others give it.
    public init(documents: [Document], names: [(name: String, qualifier: String?)], rules: RuleSet) {
        self.rules = rules
        self.documents = documents
        self.qualifiers = Self.qualifiers(of: names)
        for (index, document) in documents.enumerated() {
            let name = [document.typeName, document.symbol].compactMap { $0 }.joined(separator: " ")
            nodes.append(Node(key: "doc:\(document.id)", documentID: document.id, symbol: document.symbol,
                              name: name.isEmpty ? document.path : name, number: document.number,
                              typeCode: document.typeCode, date: document.date, issuer: document.issuer, title: document.title))
            nodeIndex[nodes[index].key] = index
            guard let key = document.number else { continue }
            byKey[key, default: []].append(index)
            byNumber[NumberKey(stored: key.number, type: key.type, issuer: nil), default: []].append(index)
        }
    }

    /// Resolves everything, for tests and small archives: the nodes and each document's links.
    public static func resolve(documents: [Document], citations: [Int64: [CitationFacts]], rules: RuleSet)
        -> (nodes: [Node], links: [Int64: [Link]]) {
        let names = citations.values.joined().filter { $0.kind == .named }.compactMap { facts in facts.named.map { ($0, facts.qualifier) } }
        var resolver = Resolver(documents: documents, names: names, rules: rules)
        var links: [Int64: [Link]] = [:]
        for document in documents {
            links[document.id] = resolver.links(of: document.id, citations: citations[document.id] ?? [])
        }
        return (resolver.finished(), links)
    }

    /// The links of one document's citations, in their order.
    public mutating func links(of documentID: Int64, citations: [CitationFacts]) -> [Link] {
        guard let citing = nodeIndex["doc:\(documentID)"] else { return [] }
        let document = documents[citing]
        var targets: [Int?] = []
        var links: [Link] = []
        let qualifiersHere = Self.qualifiers(of: citations.filter { $0.kind == .named }.compactMap { facts in
            facts.named.map { ($0, facts.qualifier) }
        })
        for (ordinal, citation) in citations.enumerated() {
            let (status, target, note) = resolve(citation, at: ordinal, in: citations, citing: document, targets: targets,
                                                 qualifiersHere: qualifiersHere)
            targets.append(target)
            links.append(link(citation, ordinal: ordinal, citations: citations, citing: citing, targets: targets,
                              status: status, target: target, note: note))
        }
        return links
    }

    /// The nodes, external ones with their harvested record.
    public func finished() -> [Node] {
        var nodes = self.nodes
        for (index, harvest) in harvests {
            store(harvest, in: &nodes[index])
        }
        return nodes
    }

    // MARK: Links

    private func link(_ citation: CitationFacts, ordinal: Int, citations: [CitationFacts], citing: Int, targets: [Int?],
                      status: Status, target: Int?, note: String?) -> Link {
        if let object = citation.object {
            guard let agent = target, object < targets.count, let acted = targets[object] else {
                return Link(ordinal: ordinal, source: citing, target: target, relation: .mentions, status: status,
                            note: note ?? "the document it acts on is not resolved", part: citation.part, effect: citation.effect)
            }
            return Link(ordinal: ordinal, source: agent, target: acted, relation: citation.relation, status: status, note: note,
                        part: citations[object].part, effect: citation.effect)
        }
        // When the text names another document as the subject ("Chương trình ... thực hiện Kế hoạch
        // 164-KH/TU") but that subject is unresolved, the citing document only mentions the target.
        let source = citation.subject.flatMap { $0 < targets.count ? targets[$0] : nil } ?? citing
        let relation = citation.subject != nil && source == citing ? .mentions : citation.relation
        return Link(ordinal: ordinal, source: source, target: target, relation: relation, status: status, note: note,
                    part: citation.part, effect: citation.effect)
    }

    private mutating func resolve(_ citation: CitationFacts, at ordinal: Int, in citations: [CitationFacts], citing: Document,
                                  targets: [Int?], qualifiersHere: [String: Set<String>]) -> (Status, Int?, String?) {
        switch citation.kind {
        case .back:
            if let earlier = citation.refersTo, earlier < targets.count, let target = targets[earlier] {
                return (.resolved, target, "back-reference")
            }
            return (.unresolved, nil, citation.note ?? "unresolved back-reference")
        case .short where citation.refersTo != nil:
            if let earlier = citation.refersTo, earlier < targets.count, let target = targets[earlier] {
                return (.resolved, target, "short form of an earlier reference")
            }
            return (.unresolved, nil, citation.note ?? "the reference it shortens is not resolved")
        case .short:
            return resolveShort(citation, citing: citing)
        case .named:
            return resolveNamed(citation, qualifiersHere: qualifiersHere)
        case .number:
            return resolveNumber(citation, citing: citing)
        }
    }

    // MARK: Numbers

    private mutating func resolveNumber(_ citation: CitationFacts, citing: Document) -> (Status, Int?, String?) {
        guard let key = citation.key else { return (.unresolved, nil, "no number") }
        let statedCode = citation.issuer.flatMap { rules.issuers.entry(namedIn: $0) }?.code
        let symbolCode = key.issuer.flatMap { rules.issuers.entry(forNumberCode: $0)?.code }
        var keys = [key]
        var conflict: String?
        if let statedCode, let symbolCode, statedCode != symbolCode {
            keys.append(NumberKey(stored: key.number, type: key.type, issuer: VietText.key(statedCode)))
            conflict = "issuer: the symbol says \(symbolCode), “\(citation.issuer!)” says \(statedCode)"
        }
        let province = citation.issuer.flatMap { rules.province(in: $0) } ?? citing.province
        var candidates: [Int] = []
        for key in keys {
            candidates += narrow(byKey[key] ?? [], citation: citation, province: isLocal(key.issuer) ? province : nil)
        }
        if candidates.count == 1 {
            let note = conflict.map { "\($0); the archive holds only \(documents[candidates[0]].symbol ?? "?")" }
            return (.resolved, candidates[0], note)
        }
        if candidates.count > 1 {
            return (.ambiguous, nil, "\(candidates.count) documents fit: " + candidates.map(label).joined(separator: "; "))
        }
        let scope = isLocal(key.issuer) ? "@" + VietText.key(province ?? "") : ""
        let typeName = citation.typeCode.flatMap { rules.types.entry(for: $0)?.name }
        let symbol = citation.symbol ?? citation.text
        let year = citation.numberYear.map { "/\($0)" } ?? ""
        let node = externalNode("ext:\(key)\(year)\(scope)", symbol: symbol, name: [typeName, symbol].compactMap { $0 }.joined(separator: " "),
                                number: key, citation: citation)
        if let conflict { harvests[node, default: Harvest()].issuerConflicts.insert(conflict) }
        return (.external, node, conflict)
    }

    /// Keeps the candidates that fit the citation's date and, for a local issuer, the province.
    /// A central issuer (TW, CP, TTg, QH, a ministry) is never narrowed by province: a decree's
    /// place line reads "Hà Nội", and a province's documents cite it.
    private func narrow(_ candidates: [Int], citation: CitationFacts, province: String?) -> [Int] {
        var fitting = candidates
        if let year = citation.numberYear {
            fitting = fitting.filter { documents[$0].numberYear.map { $0 == year } ?? true }
        }
        if let province = province.map(VietText.key), !province.isEmpty {
            fitting = fitting.filter { documents[$0].province.map(VietText.key).map { $0 == province } ?? true }
        }
        guard let date = citation.date else { return fitting }
        let exact = fitting.filter { documents[$0].date == date }
        if !exact.isEmpty { return exact }
        let sameYear = fitting.filter { documents[$0].year == Int(date.prefix(4)) }
        return sameYear.isEmpty ? fitting.filter { documents[$0].date == nil } : sameYear
    }

    /// Local issuers (a province's or district's committees) reuse numbers across provinces.
    private func isLocal(_ issuerKey: String?) -> Bool {
        guard let issuerKey else { return true }
        return rules.issuers.entry(forNumberCode: issuerKey)?.isLocal ?? true
    }

    // MARK: Short forms

    /// "Nghị quyết 39": the one archived document of that type and number (of the issuer the
    /// text states, when it states one) the date and place leave.
    private mutating func resolveShort(_ citation: CitationFacts, citing: Document) -> (Status, Int?, String?) {
        guard let key = citation.key else { return (.unresolved, nil, citation.note) }
        let statedCode = citation.issuer.flatMap { rules.issuers.entry(namedIn: $0) }?.code
        var candidates = byNumber[key] ?? []
        if let statedCode {
            candidates = candidates.filter { documents[$0].number?.issuer == VietText.key(statedCode) }
        }
        let province = citation.issuer.flatMap { rules.province(in: $0) } ?? citing.province
        candidates = narrow(candidates, citation: citation, province: nil).filter { index in
            guard isLocal(documents[index].number?.issuer), let province else { return true }
            return documents[index].province.map { VietText.key($0) == VietText.key(province) } ?? true
        }
        if candidates.count == 1 { return (.resolved, candidates[0], "short form") }
        if candidates.count > 1 {
            return (.ambiguous, nil, "\(citation.text) could be any of \(candidates.count): " + candidates.map(label).joined(separator: "; "))
        }
        let issuer = statedCode.map(VietText.key) ?? ""
        let scope = isLocal(issuer.isEmpty ? nil : issuer) ? "@" + VietText.key(province ?? "") : ""
        let node = externalNode("ext:\(key.number)|\(key.type)|\(issuer)\(scope)", symbol: nil, name: citation.text,
                                number: NumberKey(stored: key.number, type: key.type, issuer: issuer.isEmpty ? nil : issuer),
                                citation: citation)
        return (.external, node, citation.note)
    }

    // MARK: Names

    /// The qualifiers (year, term) named citations give each name, by the name's key: for the
    /// archive once, and for each document once, as a document may cite thousands of names.
    private static func qualifiers(of names: [(name: String, qualifier: String?)]) -> [String: Set<String>] {
        var qualifiers: [String: Set<String>] = [:]
        for (name, qualifier) in names {
            qualifiers[VietText.key(name), default: []].formUnion(qualifier.map { [$0] } ?? [])
        }
        return qualifiers
    }

    private mutating func resolveNamed(_ citation: CitationFacts, qualifiersHere: [String: Set<String>]) -> (Status, Int?, String?) {
        guard let name = citation.named else { return (.unresolved, nil, "no name") }
        let base = VietText.key(name)
        var qualifier = citation.qualifier
        if qualifier == nil {
            let here = qualifiersHere[base] ?? []
            let known = here.isEmpty ? qualifiers[base] ?? [] : here
            if known.count == 1 {
                qualifier = known.first
            } else if known.count > 1 {
                let cited = here.isEmpty ? "the archive's citations give it" : "this document gives it"
                return (.ambiguous, nil, "\(name) is cited without its year or term, and \(cited) \(known.sorted().joined(separator: ", "))")
            }
        }
        let label = qualifier.map { q in q.allSatisfy(\.isNumber) ? "\(name) (\(q))" : "\(name) (\(citation.term ?? q))" } ?? name
        let node = externalNode("named:\(base)" + (qualifier.map { "@\($0)" } ?? ""), symbol: nil, name: label, number: nil,
                                citation: citation)
        nodes[node].nameKey = base
        nodes[node].term = qualifier
        return (.external, node, nil)
    }

    // MARK: External nodes

    private mutating func externalNode(_ key: String, symbol: String?, name: String, number: NumberKey?,
                                       citation: CitationFacts) -> Int {
        let index: Int
        if let known = nodeIndex[key] {
            index = known
        } else {
            index = nodes.count
            nodes.append(Node(key: key, documentID: nil, symbol: symbol, name: name, number: number))
            nodeIndex[key] = index
        }
        // Every cited node has a harvest, if an empty one. Counted in place: a harvest taken out
        // and put back was copied whole at each citation, and a document cited 20,000 times has
        // thousands of distinct titles.
        if harvests[index] == nil { harvests[index] = Harvest() }
        func count(_ value: String?, _ field: WritableKeyPath<Harvest, [String: Int]>) {
            if let value, !value.isEmpty { harvests[index]![keyPath: field][value, default: 0] += 1 }
        }
        count(citation.typeCode, \.types)
        count(citation.date, \.dates)
        count(citation.issuer, \.issuers)
        count(citation.title, \.titles)
        return index
    }

    /// Writes the harvested record; values that differ between citations become conflicts.
    private func store(_ harvest: Harvest, in node: inout Node) {
        // The most cited value, then the longest; between two as cited and as long ("Tỉnh ủy" and
        // "Tinh uy" once each) the greater, not whichever a dictionary happened to list last.
        func best(_ values: [String: Int]) -> String? {
            values.max { ($0.value, $0.key.count, $0.key) < ($1.value, $1.key.count, $1.key) }?.key
        }
        var conflicts: [String] = []
        for (field, values) in [("date", harvest.dates), ("type", harvest.types)] where values.count > 1 {
            let distinct = field == "type" ? Set(values.keys.map(rules.types.numberingKey)).count : values.count
            guard distinct > 1 else { continue }
            conflicts.append("\(field): " + values.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value)×)" }.joined(separator: " vs "))
        }
        if Set(harvest.issuers.keys.map(issuerIdentity)).count > 1 {
            conflicts.append("issuer: " + harvest.issuers.keys.sorted().joined(separator: " vs "))
        }
        conflicts += harvest.issuerConflicts.sorted()
        node.typeCode = best(harvest.types)
        node.date = best(harvest.dates)
        node.issuer = best(harvest.issuers)
        node.title = best(harvest.titles)
        node.conflicts = conflicts
    }

    /// One key per issuing body: "Ban Chấp hành Trung ương Đảng (khóa XI)" and "Hội nghị Ban
    /// chấp hành Trung ương" are both TW; spacing never makes two.
    private func issuerIdentity(_ text: String) -> String {
        let name = (text.split(separator: "(").first.map(String.init) ?? text).collapsingSpaces
        return rules.issuers.entry(for: name)?.code ?? rules.issuers.entry(namedIn: name)?.code ?? VietText.key(name)
    }

    private func label(_ index: Int) -> String {
        let document = documents[index]
        return "\(document.symbol ?? "?") of \(document.date ?? "no date") (\(document.path))"
    }
}

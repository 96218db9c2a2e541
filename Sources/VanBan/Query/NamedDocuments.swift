import GRDB

/// The documents a query names by their number ("25-NQ/TW", "nq 25", "ke hoach 45 tinh uy"),
/// which a search puts first: those in the archive, most recent first, or, when the archive
/// holds none, what its citations say of the document.
struct NamedDocuments {
    var reference: NumberReference?
    var archived: [DocumentSummary] = []
    var external: [(node: GraphNode, citedBy: Int)] = []

    var count: Int { archived.count + external.count }

    /// The hits, each archived one with the passages where the plan's phrases stand: `matches`
    /// gives them (the ranking left these documents out).
    func hits(plan: SearchPlan, matches: [Int64: [Match]], rules: RuleSet, db: Database) throws -> [DocumentHit] {
        let chooser = PassageChooser(plan: plan)
        return try archived.map { document in
            let passages = try chooser.passages(of: document.id, matches: matches[document.id] ?? [], db: db)
            return DocumentHit(document, numberMatch: true, score: nil, passages: passages)
        } + external.map { DocumentHit($0.node, citedBy: $0.citedBy, rules: rules) }
    }
}

extension Archive {
    func namedDocuments(_ text: String, parsed: QueryParser.Parsed, filter: SearchFilter, db: Database) throws -> NamedDocuments {
        var named = NamedDocuments()
        var issuer: SearchFilter?
        if let number = parsed.number {
            named.reference = number
        } else if let found = NumberReference.parseWithIssuer(text, rules: rules) {
            named.reference = found.reference
            issuer = found.issuer.map { SearchFilter(issuer: $0, rules: rules) }
        }
        guard let reference = named.reference else { return named }
        named.archived = try documents(numbered: reference, filters: [filter] + (issuer.map { [$0] } ?? []), db: db).reversed()
        if named.archived.isEmpty && filter.isEmpty {
            let citedBy = try db.cachedStatement(sql: "SELECT count(*) FROM links WHERE target = ?")
            named.external = try nodes(numbered: reference, db: db)
                .filter { !$0.inArchive && (issuer?.admits(issuer: $0.issuer, code: $0.number.flatMap(Self.issuerCode)) ?? true) }
                .map { ($0, try Int.fetchOne(citedBy, arguments: [$0.id]) ?? 0) }
        }
        return named
    }

    /// "25-NQ/TW" → "TW"; "18/2000/CT-TTg" → "TTg".
    private static func issuerCode(_ symbol: String) -> String? {
        symbol.split(whereSeparator: { $0 == "/" || $0 == "-" }).last.map(String.init)
    }
}

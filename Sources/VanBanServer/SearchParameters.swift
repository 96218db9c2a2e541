import VanBan

extension SearchRequest {
    /// The longest type, issuer or number a parameter may hold: far above any real one.
    static let maxNameBytes = 200

    /// A search from the parameters of /search or of the page, each checked here so that a bad
    /// one is a 400 naming it. The library caps the limit and the query length too, silently or
    /// with a message that does not say which parameter was wrong.
    init(_ query: QueryString, rules: RuleSet) throws {
        let q = try query.required("q")
        guard q.utf8.count <= QueryParser.maxLength else {
            throw Problem.badParameter("q", "The query is too long (\(q.utf8.count) bytes; at most \(QueryParser.maxLength)).")
        }
        let type = try query.text("type", maxBytes: Self.maxNameBytes)
        if let type, rules.types.entry(for: type) == nil {
            throw Problem.badParameter("type", "Unknown document type \"\(type)\": use a code such as NQ, KH, CTr, CV or a name such as \"nghị quyết\".")
        }
        let from = try query.integer("from", in: 1900...2100)
        let to = try query.integer("to", in: 1900...2100)
        if let from, let to, from > to {
            throw Problem.badParameter("from", "The year range \(from)–\(to) is empty: \"from\" must not be after \"to\".")
        }
        self.init(query: q, type: type, issuer: try query.text("issuer", maxBytes: Self.maxNameBytes),
                  fromYear: from, toYear: to,
                  limit: try query.integer("limit", in: 1...Self.maxLimit) ?? 10,
                  offset: try query.integer("offset", in: 0...Self.maxOffset) ?? 0,
                  order: try query.choice("sort", of: Order.self) ?? .relevance,
                  exhaustive: try query.choice("exhaustive", of: APIRoutes.Flag.self) == .true)
    }
}

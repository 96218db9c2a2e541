import VanBan

extension SearchRequest {
    /// A search from the parameters of /search or of the page, each checked here so that a bad
    /// one is a 400 naming it, in the words and within the limits the CLI uses (``Limits``).
    init(_ query: QueryString, rules: RuleSet) throws {
        let q = try query.required("q")
        guard q.utf8.count <= QueryParser.maxLength else { throw Problem.badParameter("q", Limits.queryTooLong(bytes: q.utf8.count)) }
        let type = try query.text("type", maxBytes: Limits.maxNameBytes)
        if let type, rules.types.entry(for: type) == nil { throw Problem.badParameter("type", Limits.unknownType(type)) }
        let from = try query.integer("from", in: Limits.years)
        let to = try query.integer("to", in: Limits.years)
        if let from, let to, from > to {
            throw Problem.badParameter("from", Limits.emptyYears(from, to, fromName: "from", toName: "to"))
        }
        self.init(query: q, type: type, issuer: try query.text("issuer", maxBytes: Limits.maxNameBytes),
                  fromYear: from, toYear: to,
                  limit: try query.integer("limit", in: Limits.pageSize) ?? 10,
                  offset: try query.integer("offset", in: Limits.offset) ?? 0,
                  order: try query.choice("sort", of: Order.self) ?? .relevance,
                  exhaustive: try query.choice("exhaustive", of: APIRoutes.Flag.self) == .true)
        under = try query.text("under", maxBytes: Limits.maxNameBytes)
        cites = try query.text("cites", maxBytes: Limits.maxNameBytes)
        inForce = try query.choice("inForce", of: APIRoutes.Flag.self) == .true
    }
}

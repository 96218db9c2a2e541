import ArgumentParser
import VanBan

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the archive: words, \"phrases\", prefix*, -exclusion, OR; or a document number.",
        discussion: """
            Hits are documents, best first over every match, each with its best passages. Words \
            typed without marks match any marks ("dan van" finds "dân vận"); words typed with \
            marks match those marks, and documents written without any. A query that is a \
            document number ("25-NQ/TW", "nq 25", "84 - CV/ĐU", "ke hoach 45 tinh uy") puts \
            that document first. A query starting with "-" goes after "--", options before it \
            (vanban search --limit 5 -- -khéo "dân vận"), or starts with a space (" -khéo dân vận"). \
            The limits and messages are the HTTP API's.
            """
    )

    @Argument(help: "The query.")
    var query: String

    @Option(help: "Only this document type (code or name: NQ, KH, \"chỉ thị\").")
    var type: String?

    @Option(help: "Only this issuer (code or part of the name: TW, TU, \"dang uy khoi\").")
    var issuer: String?

    // Numbers and choices are read here rather than by ArgumentParser, so that a bad one gets
    // the API's message and exit code 2 ("--limit" must be a whole number from 1 to 100.).
    @Option(help: "From this year (\(Limits.years.lowerBound)-\(Limits.years.upperBound)).")
    var from: String?

    @Option(help: "Up to this year.")
    var to: String?

    @Option(help: "Documents to show (1-\(SearchRequest.maxLimit); default 10).")
    var limit: String?

    @Option(help: "Documents to skip, for the next page (0-\(SearchRequest.maxOffset)).")
    var offset: String?

    @Option(help: "relevance (the default) or date.")
    var sort: String?

    @Option(help: "Only documents in this document's down-chain: what implements, guides or disseminates it, transitively.")
    var under: String?

    @Option(help: "Only documents citing this document.")
    var cites: String?

    @Flag(name: .customLong("in-force"), help: "Leave out documents replaced, repealed, ended, expired or suspended.")
    var inForce = false

    @Flag(help: "Rank by scoring every match in SQL, the slow way (the same answer, for checking).")
    var exhaustive = false

    @Flag(help: "Print the results as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    /// The request, refusing what /search refuses in its words (``Limits``), before the archive
    /// is opened.
    private func request(rules: RuleSet) throws -> SearchRequest {
        if query.utf8.count > QueryParser.maxLength { throw Exit.refuse(Limits.queryTooLong(bytes: query.utf8.count)) }
        let from = try Exit.number(from, "--from", in: Limits.years), to = try Exit.number(to, "--to", in: Limits.years)
        if let from, let to, from > to { throw Exit.refuse(Limits.emptyYears(from, to, fromName: "--from", toName: "--to")) }
        try Exit.check(type, "--type")
        try Exit.check(issuer, "--issuer")
        try Exit.check(under, "--under")
        try Exit.check(cites, "--cites")
        if let type, rules.types.entry(for: type) == nil { throw Exit.refuse(Limits.unknownType(type)) }
        var request = SearchRequest(query: query, type: type, issuer: issuer, fromYear: from, toYear: to,
                                    limit: try Exit.number(limit, "--limit", in: Limits.pageSize) ?? 10,
                                    offset: try Exit.number(offset, "--offset", in: Limits.offset) ?? 0,
                                    order: try sort.map { try Exit.choice($0, "--sort", of: SearchRequest.Order.self) } ?? .relevance,
                                    exhaustive: exhaustive)
        request.under = under
        request.cites = cites
        request.inForce = inForce
        return request
    }

    func run() throws {
        let rules = try Exit.reporting { try options.loadRules() }
        let request = try request(rules: rules)
        let archive = try Exit.reporting { try options.openArchive(rules: rules) }
        let results = try Exit.reporting { try archive.search(request) }
        if json {
            try Terminal.printJSON(results)
        } else {
            render(results, request: request)
        }
        if results.hits.isEmpty { throw Exit.nothingFound }
    }

    private func render(_ results: SearchResults, request: SearchRequest) {
        if let scope = results.scope { print(Terminal.dim(Self.scopeLine(scope)) + "\n") }
        if let notice = results.notice { print(Terminal.dim(notice) + "\n") }
        guard !results.hits.isEmpty else {
            let last = (results.total - 1) / request.limit * request.limit
            print(results.total > 0
                ? "No documents past --offset \(request.offset): \(results.query) finds \(results.total) (the last page is --offset \(last))."
                : "No documents for \(results.query).")
            return
        }
        for hit in results.hits { render(hit) }
        print(Terminal.dim(Self.facetLine(results.facets)))
        let first = request.offset + 1, last = request.offset + results.hits.count
        print(Terminal.dim("\(results.total) document\(results.total == 1 ? "" : "s"); \(first)–\(last) shown"
            + (results.nextOffset.map { "; next page: --offset \($0)" } ?? "")))
    }

    private func render(_ hit: DocumentHit) {
        let heading = [hit.number ?? hit.file, hit.date, hit.type, hit.issuer].compactMap { $0 }.joined(separator: " · ")
        var note = hit.numberMatch && hit.inArchive ? "  (number match)" : ""
        if !hit.inArchive { note = "  not in the archive; cited \(hit.citedBy ?? 0) time\(hit.citedBy == 1 ? "" : "s")" }
        print(Terminal.bold(heading) + note)
        if let title = hit.title { print("  " + Terminal.dim(title)) }
        for passage in hit.passages {
            if !passage.section.isEmpty {
                let section = Snippet(text: passage.section, highlights: passage.sectionHighlights)
                let place = "line \(passage.line)" + (passage.page.map { ", page \($0)" } ?? "")
                print("  § " + Terminal.highlighted(section) + Terminal.dim("  (\(place))"))
            }
            print("    " + Terminal.highlighted(passage.snippet))
        }
        print("")
    }

    /// "Within the 4 documents under 25-NQ/TW (implementing, guiding or disseminating it), in force".
    static func scopeLine(_ scope: SearchScope) -> String {
        var parts: [String] = []
        if let under = scope.under { parts.append("under \(under.label) (implementing, guiding or disseminating it)") }
        if let cites = scope.cites { parts.append("citing \(cites.label)") }
        if scope.inForce { parts.append("in force on \(scope.asOf ?? "today")") }
        return "Within the \(scope.documents) document\(scope.documents == 1 ? "" : "s") " + parts.joined(separator: ", ") + "."
    }

    static func facetLine(_ facets: Facets) -> String {
        func list(_ values: [FacetValue]) -> String { values.map { "\($0.value) \($0.count)" }.joined(separator: ", ") }
        return ["Types: " + list(facets.types), "Issuers: " + list(facets.issuers), "Years: " + list(facets.years)]
            .joined(separator: " · ")
    }
}


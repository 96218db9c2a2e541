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
            that document first. A query starting with "-" goes after "--".
            """
    )

    @Argument(help: "The query.")
    var query: String

    @Option(help: "Only this document type (code or name: NQ, KH, \"chỉ thị\").")
    var type: String?

    @Option(help: "Only this issuer (code or part of the name: TW, TU, \"dang uy khoi\").")
    var issuer: String?

    @Option(help: "From this year.")
    var from: Int?

    @Option(help: "Up to this year.")
    var to: Int?

    @Option(help: "Documents to show (1-\(SearchRequest.maxLimit)).")
    var limit = 10

    @Option(help: "Documents to skip, for the next page (0-\(SearchRequest.maxOffset)).")
    var offset = 0

    @Option(help: "relevance or date.")
    var sort = SearchRequest.Order.relevance

    @Flag(help: "Rank by scoring every match in SQL, the slow way (the same answer, for checking).")
    var exhaustive = false

    @Flag(help: "Print the results as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    func validate() throws {
        let request = SearchRequest(query: query, limit: limit, offset: offset)
        if let problem = request.pageProblem { throw ValidationError(problem) }
    }

    func run() throws {
        let request = SearchRequest(query: query, type: type, issuer: issuer, fromYear: from, toYear: to,
                                    limit: limit, offset: offset, order: sort, exhaustive: exhaustive)
        let results = try Exit.reporting { try options.openArchive().search(request) }
        if json {
            try Terminal.printJSON(results)
        } else {
            render(results)
        }
        if results.hits.isEmpty { throw Exit.nothingFound }
    }

    private func render(_ results: SearchResults) {
        if let notice = results.notice { print(Terminal.dim(notice) + "\n") }
        guard !results.hits.isEmpty else {
            print(results.total > 0 ? "No documents past \(offset) of \(results.total) for \(results.query)." : "No documents for \(results.query).")
            return
        }
        for hit in results.hits { render(hit) }
        print(Terminal.dim(Self.facetLine(results.facets)))
        let first = offset + 1, last = offset + results.hits.count
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

    static func facetLine(_ facets: Facets) -> String {
        func list(_ values: [FacetValue]) -> String { values.map { "\($0.value) \($0.count)" }.joined(separator: ", ") }
        return ["Types: " + list(facets.types), "Issuers: " + list(facets.issuers), "Years: " + list(facets.years)]
            .joined(separator: " · ")
    }
}

extension SearchRequest.Order: ExpressibleByArgument {}

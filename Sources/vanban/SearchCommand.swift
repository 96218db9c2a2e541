import ArgumentParser
import VanBan

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the archive: words, \"phrases\", prefix*, -exclusion, OR; or a document number.",
        discussion: """
            Words typed without marks match any marks ("dan van" finds "dân vận"); words typed with \
            marks match those marks. A query that is a document number ("25-NQ/TW", "nq 25", \
            "84 - CV/ĐU") puts that document first.
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

    @Option(help: "Hits to show (1-\(SearchRequest.maxLimit)).")
    var limit = 10

    @Option(help: "Hits to skip (for the next page).")
    var offset = 0

    @Option(help: "relevance or date.")
    var sort = SearchRequest.Order.relevance

    @Flag(help: "Print the results as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        let request = SearchRequest(query: query, type: type, issuer: issuer, fromYear: from, toYear: to,
                                    limit: limit, offset: offset, order: sort)
        let results = try Exit.reporting { try options.openArchive().search(request) }
        if json {
            try Terminal.printJSON(results)
        } else {
            render(results)
        }
        if results.hits.isEmpty { throw Exit.nothingFound }
    }

    private func render(_ results: SearchResults) {
        guard !results.hits.isEmpty else {
            print("No hits for \(results.query).")
            return
        }
        for hit in results.hits {
            let heading = [hit.number ?? hit.file, hit.date, hit.type].compactMap { $0 }.joined(separator: " · ")
            print(Terminal.bold(heading) + (hit.numberMatch ? "  (number match)" : ""))
            if let title = hit.title { print("  " + Terminal.dim(title)) }
            let place = [hit.section.isEmpty ? nil : "§ " + hit.section, hit.page.map { "page \($0)" }].compactMap { $0 }
            if !place.isEmpty { print("  " + place.joined(separator: " · ")) }
            print("  " + Terminal.highlighted(hit.snippet))
            print("")
        }
        let shown = results.hits.count
        print(Terminal.dim("\(shown) shown of \(results.total)\(results.totalIsLowerBound ? "+" : "")" + (results.nextOffset.map { "; next page: --offset \($0)" } ?? "")))
    }
}

extension SearchRequest.Order: ExpressibleByArgument {}

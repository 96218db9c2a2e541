import ArgumentParser
import Foundation
import VanBan

/// Times the core's search in this process, for the benchmark scripts in bench/.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-queries",
        abstract: "Time each query of a file (one a line, # for comments) against the archive, in-process.",
        shouldDisplay: false
    )

    @Argument(help: "The queries file.")
    var queries: String

    @Option(help: "Runs of each query; the first is a warm-up and not counted.")
    var runs: Int = 20

    @OptionGroup var options: ArchiveOptions

    struct Figure: Encodable {
        let query: String
        let p50: Double
        let p99: Double
        let hits: Int
        let total: Int
    }

    func run() throws {
        let archive = try Exit.reporting { try options.openArchive() }
        let lines = try String(contentsOfFile: queries, encoding: .utf8).split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        var figures: [Figure] = []
        for query in lines {
            var times: [Double] = []
            var last: SearchResults?
            for run in 0...max(1, runs) {
                let start = DispatchTime.now().uptimeNanoseconds
                last = try? archive.search(SearchRequest(query: query, limit: 10))
                if run > 0 { times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) }
            }
            times.sort()
            figures.append(Figure(query: query, p50: times[times.count / 2], p99: times[min(times.count - 1, Int(Double(times.count) * 0.99))],
                                  hits: last?.hits.count ?? 0, total: last?.total ?? 0))
        }
        try Terminal.printJSON(figures)
    }
}

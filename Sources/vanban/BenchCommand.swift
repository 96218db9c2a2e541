import ArgumentParser
import Foundation
import VanBan

/// Times the core's search in this process, for the benchmark scripts in bench/.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-queries",
        abstract: "Time each query of a file against the archive, in-process, through the search index and the slow path.",
        discussion: """
            One query a line, # for comments; a line may end in filters as the CLI takes them \
            (`cán bộ --type KH`, `dân vận --issuer TU`, `thực hiện --from 2015`). Prints, per query, \
            p50 and p99 of the search index and of the exhaustive path, and whether their top 10 agree.
            """,
        shouldDisplay: false
    )

    @Argument(help: "The queries file.")
    var queries: String

    @Option(help: "Runs of each query; the first is a warm-up and not counted.")
    var runs: Int = 20

    @Option(help: "Runs of each query through the exhaustive path (0: not run).")
    var exhaustiveRuns: Int = 3

    @OptionGroup var options: ArchiveOptions

    struct Figure: Encodable {
        let query: String
        let p50: Double
        let p99: Double
        /// The thread's CPU time, p50: what the query costs, whatever else the machine runs.
        let cpuP50: Double
        let total: Int
        let exhaustiveP50: Double?
        let exhaustiveP99: Double?
        /// The fast and exhaustive top 10 are the same documents in the same order.
        let agrees: Bool?
    }

    func run() throws {
        let archive = try Exit.reporting { try options.openArchive() }
        let lines = try String(contentsOfFile: queries, encoding: .utf8).split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        var figures: [Figure] = []
        for line in lines {
            let request = Self.request(line)
            let fast = try time(request, archive: archive, runs: runs)
            var slowRequest = request
            slowRequest.exhaustive = true
            let slow = exhaustiveRuns > 0 ? try time(slowRequest, archive: archive, runs: exhaustiveRuns) : nil
            let agrees = slow.map { fast.results?.hits.map(Self.key) == $0.results?.hits.map(Self.key) && fast.results?.total == $0.results?.total }
            figures.append(Figure(query: line, p50: fast.p50, p99: fast.p99, cpuP50: fast.cpu, total: fast.results?.total ?? 0,
                                  exhaustiveP50: slow?.p50, exhaustiveP99: slow?.p99, agrees: agrees))
        }
        try Terminal.printJSON(figures)
    }

    private static func key(_ hit: DocumentHit) -> String { "\(hit.file ?? hit.number ?? "?")" }

    private func time(_ request: SearchRequest, archive: Archive, runs: Int) throws
        -> (p50: Double, p99: Double, cpu: Double, results: SearchResults?) {
        var times: [Double] = [], cpu: [Double] = []
        var last: SearchResults?
        for run in 0...max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = Self.threadCPU()
            last = try Exit.reporting { try archive.search(request) }
            if run > 0 {
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                cpu.append(Self.threadCPU() - cpuStart)
            }
        }
        times.sort()
        cpu.sort()
        return (times[times.count / 2], times[min(times.count - 1, Int(Double(times.count) * 0.99))], cpu[cpu.count / 2], last)
    }

    /// Milliseconds of CPU this thread has used.
    private static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }

    /// A line of the queries file: the query, then `--type`, `--issuer`, `--from`, `--to` if given.
    static func request(_ line: String) -> SearchRequest {
        let parts = line.components(separatedBy: " --")
        var request = SearchRequest(query: parts[0], limit: 10)
        for option in parts.dropFirst() {
            let words = option.split(separator: " ", maxSplits: 1).map(String.init)
            guard words.count == 2 else { continue }
            switch words[0] {
            case "type": request.type = words[1]
            case "issuer": request.issuer = words[1]
            case "from": request.fromYear = Int(words[1])
            case "to": request.toYear = Int(words[1])
            default: continue
            }
        }
        return request
    }
}

import ArgumentParser
import Foundation
import VanBan

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update the archive from a corpus folder (only changed files are re-read)."
    )

    @Argument(help: "The corpus folder.")
    var corpus = "corpus"

    @OptionGroup var options: ArchiveOptions

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Read PDFs without a text layer (scans) with tesseract OCR (Debian tesseract-ocr, tesseract-ocr-vie).")
    var ocr = false

    @Flag(help: "After indexing, list what `vanban problems` lists: unreadable files and documents without a number or date.")
    var report = false

    func run() throws {
        let progress: ((IndexProgress) -> Void)? = Terminal.isInteractive && !json ? { Self.show($0) } : nil
        let result: IndexReport = try Exit.reporting(failure: "the archive could not be built at \(options.archivePath): check that its folder exists and can be written to.") {
            let indexer = Indexer(archivePath: options.archivePath, corpus: Corpus(root: URL(fileURLWithPath: corpus)),
                                  rules: try options.loadRules(), options: SourceReader.Options(ocr: ocr))
            return try indexer.run(progress: progress)
        }
        if Terminal.isInteractive && !json { Terminal.status("") }
        let problems = try Exit.reporting { try options.openArchive().problems() }
        if json { try Terminal.printJSON(result) } else { summarise(result, problems: problems) }
        if report && !json {
            print("")
            ProblemsCommand.render(problems)
        }
        if !result.failed.isEmpty { throw Exit.partialIndex }
    }

    private static func show(_ progress: IndexProgress) {
        guard progress.filesDone % 50 == 0 || progress.filesDone == progress.filesTotal else { return }
        let megabytes = Double(progress.bytesDone) / 1_048_576
        let rate = progress.seconds > 0 ? megabytes / progress.seconds : 0
        let left = rate > 0 ? (Double(progress.bytesTotal - progress.bytesDone) / 1_048_576) / rate : 0
        Terminal.status(String(format: "%d/%d files, %.1f MB, %.1f MB/s, %.0f s left",
                               progress.filesDone, progress.filesTotal, megabytes, rate, left))
    }

    private func summarise(_ report: IndexReport, problems: ProblemList) {
        for failure in report.failed {
            Terminal.standardError("vanban: skipped \(failure.path): \(failure.reason)")
        }
        for item in report.incomplete {
            print("incomplete: \(item.path): no \(item.missing.joined(separator: ", no ")) found")
        }
        defer {
            // Of the whole archive, not only this run's files: what is left to fix.
            print("\(problems.lackingNumber) documents without a number, \(problems.lackingDate) without a date"
                  + (problems.incomplete.isEmpty && problems.unreadable.isEmpty ? "" : "; `vanban problems` lists them with the reason"))
        }
        let megabytes = Double(report.bytes) / 1_048_576
        let change = report.changed || report.rebuilt
            ? "\(report.added.count) added, \(report.updated.count) updated, \(report.removed.count) removed, \(report.unchanged) unchanged"
            : "up to date (\(report.unchanged) documents)"
        print(String(format: "%@%@; %d could not be read; %.2f MB in %.2f s → %@",
                     report.rebuilt ? "built: " : "", change, report.failed.count, megabytes, report.seconds,
                     options.archivePath))
    }
}

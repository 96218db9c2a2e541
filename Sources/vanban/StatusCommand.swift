import ArgumentParser
import VanBan

/// The day a status is read for: `--as-of`, in the forms the API takes.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Read the status on this day (2025-12-31 or 31/12/2025; default: today).")
    var asOf: String?

    func day() throws -> String? {
        guard let asOf else { return nil }
        guard let day = Limits.parseDay(asOf) else { throw Exit.refuse(Limits.day("--as-of")) }
        return day
    }
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Whether a document is in force: its status, since when, and the sentences that decide it.",
        discussion: """
            Derived from the archive's links (replaces, repeals, ends, suspends, amends) and each \
            document's own effect clause ("có hiệu lực kể từ ngày ký", "... từ ngày 01/7/2024", \
            "sau 45 ngày kể từ ngày ký"); a day nobody states is the signing date, marked assumed. \
            Works for documents known only from citations too.
            """
    )

    @Argument(help: "The document number (or a name: \"Điều lệ Đảng\").")
    var number: String

    @OptionGroup var day: AsOfOption

    @Flag(help: "Print the status as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        try Exit.check(number, "number")
        let asOf = try day.day()
        let validity = try Exit.reporting { try options.openArchive().validity(of: number, asOf: asOf) }
        if json { return try Terminal.printJSON(validity) }
        print(Terminal.bold(validity.node.name))
        print("Status     " + ValidityText.line(validity.status) + Terminal.dim("  (as of \(validity.asOf))"))
        if let effect = validity.effect { print("Effect     " + ValidityText.effect(effect)) }
        if let evidence = validity.effect?.evidence { print(ValidityText.quote(evidence, indent: "           ")) }
        if let evidence = validity.effect?.endEvidence, evidence != validity.effect?.evidence {
            print(ValidityText.quote(evidence, indent: "           "))
        }
        for (title, list) in [("Changes", validity.changes), ("Upcoming", validity.upcoming)] where !list.isEmpty {
            print("\n" + Terminal.bold(title))
            for change in list { print(ValidityText.change(change)) }
        }
        if !validity.conflicts.isEmpty {
            print("\n" + Terminal.bold("Conflicts"))
            for conflict in validity.conflicts { print("  " + conflict.message) }
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "The references of a document that were replaced, repealed, ended, suspended or expired, and by what.",
        discussion: """
            Each with when it happened against the document's own date (before: the document \
            relies on what no longer stood; after: it has changed since), what decided it, and \
            where the document cites it. Exit code 5 when there is any.
            """
    )

    @Argument(help: "The document number.")
    var number: String

    @OptionGroup var day: AsOfOption

    @Flag(help: "Print the warnings as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        try Exit.check(number, "number")
        let asOf = try day.day()
        let check = try Exit.reporting { try options.openArchive().check(number, asOf: asOf) }
        if json {
            try Terminal.printJSON(check)
        } else {
            render(check)
        }
        if !check.warnings.isEmpty { throw Exit.referencesStopped }
    }

    private func render(_ check: ValidityCheck) {
        let label = check.document.label
        guard !check.warnings.isEmpty else {
            return print("No reference of \(label) was replaced, repealed, ended, suspended or expired, as the archive's documents say (as of \(check.asOf)).")
        }
        print(Terminal.bold("\(label) cites \(check.warnings.count) document\(check.warnings.count == 1 ? "" : "s") that no longer stand\(check.warnings.count == 1 ? "s" : "") in full (as of \(check.asOf)):") + "\n")
        for warning in check.warnings {
            print("! " + Terminal.bold(warning.reference.label) + ": " + ValidityText.line(warning.status) + ", " + ValidityText.timing(warning.timing, label))
            print("  cited as " + warning.relations.map(\.rawValue).joined(separator: ", "))
            for place in warning.citedAt { print(ValidityText.quote(place, indent: "    ")) }
            print("  decided by")
            for evidence in warning.evidence { print(ValidityText.quote(evidence, indent: "    ")) }
            print("")
        }
    }
}

/// Validity in the CLI's words.
enum ValidityText {
    static func state(_ state: ValidityState) -> String {
        switch state {
        case .inForce: return "in force"
        case .notYetInForce: return "not yet in force"
        case .amended: return "in force, amended"
        case .partlyRepealed: return "partly repealed"
        case .suspended: return "suspended"
        case .replaced: return "replaced"
        case .repealed: return "repealed"
        case .ended: return "ended"
        case .expired: return "expired"
        }
    }

    /// "replaced by 25/2023/QĐ-UBND since 2023-06-15", "in force since 2019-03-25 (assumed: signing date)".
    static func line(_ status: ValidityStatus) -> String {
        var text = state(status.state)
        if !status.parts.isEmpty { text += " (" + status.parts.joined(separator: "; ") + ")" }
        if !status.by.isEmpty { text += " by " + status.by.joined(separator: ", ") }
        if let since = status.since { text += (status.state == .notYetInForce ? " until " : " since ") + since }
        if status.assumed, status.since != nil { text += " (assumed: a signing date)" }
        if status.conflicted { text += " [conflict]" }
        return text
    }

    static func effect(_ effect: Effect) -> String {
        var text = effect.starts.map { "from \($0)" } ?? "from an unknown day"
        switch effect.basis {
        case .stated: text += ", as its text states"
        case .signing: text += ": its signing date, as its text states (kể từ ngày ký)"
        case .afterSigning: text += ": \(effect.days ?? 0) days after signing, as its text states"
        case .assumed: text += ": its signing date, assumed (its text states no day)"
        }
        if let ends = effect.ends { text += "; no longer in force from \(ends)" }
        return text
    }

    static func change(_ change: ValidityChange) -> String {
        var head = "  " + (change.since ?? "????-??-??") + "  " + change.relation.rawValue + " by " + change.by
        if let part = change.part { head += " (" + part + ")" }
        switch change.basis {
        case .stated: head += Terminal.dim("  (the day its text states)")
        case .signing: head += Terminal.dim("  (the day it is signed: kể từ ngày ký)")
        case .afterSigning: head += Terminal.dim("  (days after it is signed)")
        case .assumed: head += Terminal.dim("  (assumed: its signing date)")
        }
        var lines = [head, quote(change.evidence, indent: "      ")]
        if let since = change.sinceEvidence { lines.append(quote(since, indent: "      ")) }
        return lines.joined(separator: "\n")
    }

    static func quote(_ evidence: Evidence, indent: String) -> String {
        let place = evidence.place.isEmpty ? "" : " § " + evidence.place
        return indent + Terminal.dim("in \(evidence.document)\(place)") + "\n" + indent + "“\(evidence.sentence)”"
    }

    static func timing(_ timing: ValidityWarning.Timing, _ label: String) -> String {
        switch timing {
        case .before: return "already before \(label) was issued"
        case .sameDay: return "on the day \(label) was issued"
        case .after: return "since \(label) was issued"
        case .unknown: return "before or after \(label) was issued is not known"
        }
    }

    /// The status after a document's name in a listing, dimmed.
    static func suffix(_ status: ValidityStatus?) -> String {
        status.map { Terminal.dim("  · " + line($0)) } ?? ""
    }
}

extension Exit {
    /// `check` found references that no longer stand: the code of a problem `verify` finds.
    static let referencesStopped = verifyFailed
}

import ArgumentParser
import VanBan

struct RequiresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requires",
        abstract: "Which directive requires what of whom, by when: requirements with actor, deadline and target."
    )

    @Option(help: "Only requirements naming this actor (any marks; \"ban tuyen giao\").")
    var who: String?

    @Option(help: "Only this document's requirements.")
    var doc: String?

    @Option(help: "Only obligations due in this month (12, 2024-12) or on this date (2024-11-30).")
    var due: String?

    @Flag(help: "List dated and recurring obligations by month.")
    var calendar = false

    @Flag(help: "Print the requirements as JSON (the same as --format json).")
    var json = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, ics }

    @Option(help: "text, json, or ics: an iCalendar (RFC 5545) feed of the dated and recurring obligations.")
    var format = Format.text

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        try Exit.check(who, "--who")
        try Exit.check(doc, "--doc")
        try Exit.check(due, "--due", maxBytes: 32)
        let filter = RequirementFilter(who: who, document: doc, due: due)
        let json = self.json || format == .json
        if format == .ics {
            let feed = try Exit.reporting { try options.openArchive().requirementCalendar(filter) }
            print(feed.ics, terminator: "")
            if feed.events.isEmpty { throw Exit.nothingFound }
            return
        }
        if calendar {
            let months = try Exit.reporting { try options.openArchive().calendar(filter) }
            if json { return try Terminal.printJSON(months) }
            for month in months {
                print(Terminal.bold(month.month.map { "Tháng \($0)" } ?? "Any time (a rhythm without a fixed month)"))
                for hit in month.requirements { print(RequirementText.summary(hit)) }
                print("")
            }
            if months.isEmpty { throw Exit.nothingFound }
            return
        }
        let hits = try Exit.reporting { try options.openArchive().requirements(filter) }
        if json { return try Terminal.printJSON(hits) }
        for hit in hits { print(RequirementText.full(hit)) }
        if hits.isEmpty {
            print("No requirements found.")
            throw Exit.nothingFound
        }
    }
}

struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "Every actor named in a requirement, and how many requirements name it."
    )

    @Flag(help: "Print the actors as JSON.")
    var json = false

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        let actors = try Exit.reporting { try options.openArchive().actors() }
        if json { return try Terminal.printJSON(actors) }
        for actor in actors {
            print("\(String(actor.requirements).padding(5)) \(actor.name)" + (actor.asLead > 0 ? Terminal.dim("  (lead in \(actor.asLead))") : ""))
        }
    }
}

/// How a requirement reads on a terminal.
enum RequirementText {
    static func full(_ hit: RequirementHit) -> String {
        var lines = [Terminal.bold(hit.number ?? hit.file) + (hit.section.isEmpty ? "" : " § \(hit.section)")]
        let leads = hit.actors.names(.lead)
        let partners = hit.actors.names(.with)
        let reportTo = hit.actors.names(.reportTo)
        if !leads.isEmpty { lines.append("  who:      " + leads.joined(separator: "; ")) }
        if !partners.isEmpty { lines.append("  with:     " + partners.joined(separator: "; ")) }
        if !reportTo.isEmpty { lines.append("  report to: " + reportTo.joined(separator: "; ")) }
        lines.append("  does:     " + hit.action)
        if let schedule = hit.schedule { lines.append("  when:     \(describe(schedule))") }
        for target in hit.targets { lines.append("  target:   \(target.text)") }
        if !hit.basis.isEmpty { lines.append("  basis:    " + hit.basis.joined(separator: ", ")) }
        lines.append("  “" + Terminal.highlighted(Snippet(text: hit.sentence, highlights: hit.highlights)) + "”\n")
        return lines.joined(separator: "\n")
    }

    static func summary(_ hit: RequirementHit) -> String {
        let who = hit.actors.names(.lead).joined(separator: "; ")
        return "  \(hit.schedule.map(describe) ?? "")  \(hit.number ?? hit.file)  \(who.isEmpty ? "" : who + ": ")\(hit.action.cutAtWord(120))"
    }

    static func describe(_ schedule: Schedule) -> String {
        var parts: [String] = []
        switch schedule.kind {
        case .date:
            parts.append((schedule.deadline ? "by " : "on ") + (schedule.date ?? "?") + (schedule.within.map { ", the end of the \($0)" } ?? ""))
        case .yearly:
            parts.append(schedule.atLeast ? "at least yearly" : "yearly")
            if let day = schedule.day, let month = schedule.month { parts.append((schedule.deadline ? "by " : "on ") + "\(day)/\(month)") }
        case .relative:
            parts.append("\(schedule.days ?? 0) \(schedule.workingDays ? "working " : "")days")
        case .periodic:
            parts.append((schedule.atLeast ? "at least " : "") + "every " + schedule.everyMonths.map { "\($0)" }.joined(separator: " and ") + " months")
            if let day = schedule.day { parts.append((schedule.deadline ? "by day " : "on day ") + "\(day)") }
        }
        return parts.joined(separator: ", ") + " (\(schedule.text))"
    }
}

import VanBan

/// Who must do what, by when: the requirements of the archive as a list (/obligations) or by
/// month (/calendar), filtered by actor, document and month, each linking to its sentence in
/// its document.
enum RequirementsPage {
    static func list(_ call: Call) throws -> String {
        let filter = try self.filter(call)
        let hits = try due { try call.archive.requirements(filter) }
        var body = try head(call, filter, title: UI.requirementsTitle, action: "/obligations", due: true,
                            lead: HTML.escape(UI.requirementsFound(hits.count)) + " · ", other: ("/calendar", UI.showAsCalendar))
        body += hits.isEmpty ? "<p>\(HTML.escape(UI.noRequirements))</p>\n"
            : "<ol class=\"hits\">\n" + hits.map { "<li>\(item($0, local: false))</li>\n" }.joined() + "</ol>\n"
        return HTML.page(title: UI.requirementsTitle, body: body)
    }

    static func calendar(_ call: Call) throws -> String {
        let filter = try self.filter(call)
        let months = try due { try call.archive.calendar(filter) }
        var body = try head(call, filter, title: UI.calendarTitle, action: "/calendar", due: false, lead: "",
                            other: ("/obligations", UI.showAsList))
        if months.isEmpty { body += "<p>\(HTML.escape(UI.noRequirements))</p>\n" }
        for month in months {
            let id = month.month.map { "thang-\($0)" } ?? "dinh-ky"
            body += "<section class=\"month\" id=\"\(id)\"><h2>\(HTML.escape(month.month.map(UI.month) ?? UI.anyMonth)) (\(month.requirements.count))</h2>\n<ul class=\"links\">\n"
            for hit in month.requirements { body += "<li>\(item(hit, local: false))</li>\n" }
            body += "</ul></section>\n"
        }
        return HTML.page(title: UI.calendarTitle, body: body)
    }

    /// A view's head: its title, the filter form, the frequent actors, and a line linking the
    /// other view and the iCalendar feed of the same filter (after `lead`, HTML).
    private static func head(_ call: Call, _ filter: RequirementFilter, title: String, action: String, due: Bool,
                             lead: String, other: (path: String, label: String)) throws -> String {
        "<h1>\(HTML.escape(title))</h1>\n" + form(filter, action: action, due: due)
            + (try actors(call, filter: filter, action: action))
            + "<p class=\"meta\">\(lead)<a href=\"\(other.path)?\(parameters(filter))\">\(HTML.escape(other.label))</a> · "
            + "<a href=\"/requirements.ics?\(parameters(filter))\">\(HTML.escape(UI.feed))</a></p>\n"
    }

    /// One requirement: its actors, deadline (read, then in the document's words), act, and the
    /// sentence under it; a link to the sentence in its document.
    static func item(_ hit: RequirementHit, local: Bool) -> String {
        let number = hit.number ?? hit.file
        let href = (local ? "" : HTML.view(number)) + "#yc-\(hit.ordinal)"
        var lines: [String] = []
        var who: [String] = []
        let leads = hit.actors.names(.lead), partners = hit.actors.names(.with), reportTo = hit.actors.names(.reportTo)
        if !leads.isEmpty { who.append("<strong>\(HTML.escape(leads.joined(separator: "; ")))</strong>") }
        if !partners.isEmpty { who.append("<span class=\"meta\">\(HTML.escape(UI.partners)):</span> \(HTML.escape(partners.joined(separator: "; ")))") }
        if !reportTo.isEmpty { who.append("<span class=\"meta\">\(HTML.escape(UI.reportTo)):</span> \(HTML.escape(reportTo.joined(separator: "; ")))") }
        if !local { who.insert("<a href=\"\(HTML.view(number))\">\(HTML.escape(number))</a>", at: 0) }
        if !who.isEmpty { lines.append(who.joined(separator: " · ")) }
        if let schedule = hit.schedule {
            lines.append("<span class=\"meta\">\(HTML.escape(UI.deadline)):</span> <span class=\"deadline\">\(HTML.escape(UI.schedule(schedule)))</span>"
                + " <span class=\"meta\">(“\(HTML.escape(schedule.text))”)</span>")
        }
        if !hit.targets.isEmpty {
            lines.append("<span class=\"meta\">\(HTML.escape(UI.targets)):</span> \(HTML.escape(hit.targets.map(\.text).joined(separator: "; ")))")
        }
        lines.append("<a href=\"\(href)\">\(Inline.html(hit.action.cutAtWord(220)))</a>")
        var sentence = "<blockquote>\(HTML.marked(Snippet(text: hit.sentence, highlights: hit.highlights)))"
        if !hit.section.isEmpty { sentence += "<br><span class=\"meta\">§ \(Inline.html(hit.section.cutAtWord(120)))</span>" }
        if !hit.basis.isEmpty { sentence += "<br><span class=\"meta\">\(HTML.escape(UI.basis)): \(HTML.escape(hit.basis.joined(separator: ", ")))</span>" }
        lines.append("<details><summary class=\"meta\">\(HTML.escape(UI.sentence))</summary>\(sentence)</blockquote></details>")
        return lines.joined(separator: "<br>")
    }

    private static func filter(_ call: Call) throws -> RequirementFilter {
        RequirementFilter(who: try call.query.text("who", maxBytes: Limits.maxNameBytes),
                          document: try call.query.text("doc", maxBytes: Limits.maxNameBytes),
                          due: try call.query.text("due", maxBytes: 32))
    }

    /// A month or date the library cannot read is the "due" parameter's fault.
    private static func due<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch VanBanError.badQuery(let message) { throw Problem.badParameter("due", message) }
    }

    private static func parameters(_ filter: RequirementFilter) -> String {
        HTML.query([("who", filter.who), ("doc", filter.document), ("due", filter.due)])
    }

    private static func form(_ filter: RequirementFilter, action: String, due: Bool) -> String {
        func field(_ name: String, _ label: String, _ value: String?, _ hint: String) -> String {
            "<label>\(HTML.escape(label))<input name=\"\(name)\" value=\"\(HTML.escape(value ?? ""))\" placeholder=\"\(HTML.escape(hint))\"></label>"
        }
        var html = "<form class=\"filters\" action=\"\(action)\" method=\"get\">"
        html += field("who", UI.filterWho, filter.who, UI.filterWhoHint) + field("doc", UI.filterDocument, filter.document, UI.filterDocumentHint)
        if due { html += field("due", UI.filterDue, filter.due, UI.filterDueHint) }
        return html + "<button type=\"submit\">\(HTML.escape(UI.filterButton))</button></form>\n"
    }

    /// The most frequent actors, each a link that filters by it.
    private static func actors(_ call: Call, filter: RequirementFilter, action: String) throws -> String {
        let actors = try call.archive.actors().prefix(12)
        guard !actors.isEmpty else { return "" }
        let links = actors.map { actor -> String in
            "<a href=\"\(action)?\(HTML.query([("who", actor.name), ("doc", filter.document), ("due", filter.due)]))\">\(HTML.escape(actor.name))</a> <span class=\"meta\">\(actor.requirements)</span>"
        }
        return "<div class=\"facet\"><span class=\"meta\">\(HTML.escape(UI.frequentActors)):</span> \(links.joined(separator: " · "))</div>\n"
    }
}

import VanBan

/// A document's validity on its page: the badge ("Bị thay thế bởi 08-QĐi/TW từ 01/01/2018")
/// with the evidence a click away (each sentence a link to its paragraph), the changes, the
/// conflicts, and the warnings for references that no longer stand.
enum ValidityHTML {
    /// The badge of a status, short, for tables and trees.
    static func badge(_ status: ValidityStatus?) -> String {
        guard let status else { return "" }
        return "<span class=\"validity \(status.state.rawValue)\">\(HTML.escape(UI.badge(status)))</span>"
    }

    /// The badge with its evidence, changes and conflicts under it.
    static func section(_ validity: Validity) -> String {
        var details = ""
        if let effect = validity.effect {
            details += "<p class=\"meta\">\(HTML.escape(UI.ownEffect)): "
            details += effect.starts.map { HTML.escape(UI.date($0) + " (" + UI.basis(effect.basis, days: effect.days) + ")") } ?? ""
            if let ends = effect.ends { details += " – " + HTML.escape(UI.date(ends)) }
            details += "</p>"
            if effect.evidence == nil, effect.basis == .assumed { details += "<p class=\"meta\">\(HTML.escape(UI.noOwnEffect))</p>" }
        }
        details += evidence(validity.evidence)
        if !validity.changes.isEmpty {
            details += "<p class=\"meta\">\(HTML.escape(UI.validityChanges)):</p><ul>"
                + validity.changes.map { "<li>\(link($0.by, file: $0.byFile)) \(HTML.escape(UI.change($0, named: false)))</li>" }.joined()
                + "</ul>"
        }
        if !validity.upcoming.isEmpty {
            details += "<p class=\"meta\">\(HTML.escape(UI.validityUpcoming)):</p><ul>"
                + validity.upcoming.map { "<li>\(HTML.escape(UI.change($0)))</li>" }.joined() + "</ul>"
        }
        if !validity.conflicts.isEmpty {
            details += "<p class=\"meta\">\(HTML.escape(UI.validityConflicts)):</p><ul>"
                + validity.conflicts.map { "<li class=\"conflict\">\(HTML.escape(UI.conflict($0)))</li>" }.joined() + "</ul>"
        }
        return "<div class=\"validity-block\" id=\"hieu-luc\"><p><strong>\(HTML.escape(UI.validity)):</strong> \(badge(validity.status))</p>"
            + "<details><summary class=\"meta\">\(HTML.escape(UI.validityEvidence))</summary>\(details)</details></div>\n"
    }

    /// The references that no longer stand, each with what decided it and where it is cited.
    static func warnings(_ warnings: [ValidityWarning]) -> String {
        guard !warnings.isEmpty else { return "" }
        var html = "<h2 id=\"canh-bao\">\(HTML.escape(UI.warnings)) (\(warnings.count))</h2>\n<ul class=\"links\">\n"
        for warning in warnings {
            html += "<li>\(HTML.link(to: warning.reference)) \(badge(warning.status))"
            html += " <span class=\"meta\">\(HTML.escape(UI.warningTiming(warning.timing)))</span>"
            html += "<details><summary class=\"meta\">\(HTML.escape(UI.validityEvidence))</summary>\(evidence(warning.evidence))</details></li>\n"
        }
        return html + "</ul>\n"
    }

    /// Each sentence that decides it, a link to its paragraph.
    static func evidence(_ list: [Evidence]) -> String {
        guard !list.isEmpty else { return "" }
        return list.map { item in
            let place = item.article ?? item.section.components(separatedBy: " › ").last.flatMap { $0.isEmpty ? nil : $0 } ?? UI.noHeading
            var name = HTML.escape(item.document) + " § " + Inline.html(place.cutAtWord(70))
            // A document without a number has no page to link to.
            if item.document != item.file {
                let href = HTML.view(item.document) + (item.file.map { "?" + HTML.query([("file", $0)]) } ?? "") + "#p\(item.passage)"
                name = "<a href=\"\(href)\">\(name)</a>"
            }
            return "<blockquote>\(name): “\(HTML.escape(item.sentence))”</blockquote>"
        }.joined()
    }

    /// The changing document: a link to its page, unless it has no number (its label is its file).
    private static func link(_ label: String, file: String?) -> String {
        guard label != file else { return HTML.escape(label) }
        return "<a href=\"\(HTML.view(label))\"\(file == nil ? " class=\"external-link\"" : "")>\(HTML.escape(label))</a>"
    }
}

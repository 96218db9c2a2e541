import VanBan

/// A document's page: metadata, what it cites and what cites it (as links, so a chain can be
/// walked by clicking), then its text section by section. A document known only from
/// citations shows what the citations say of it.
enum DocumentPage {
    static func render(_ call: Call) throws -> String {
        let number = try call.number()
        switch try call.lookup({ try $0.show(number) }) {
        case .archived(let view): return archived(view)
        case .external(let view): return external(view)
        }
    }

    private static func archived(_ view: DocumentView) -> String {
        let document = view.document
        let name = [document.type, document.number].compactMap { $0 }.joined(separator: " ")
        let signed = [document.signerRole, document.signer].compactMap { $0 }.joined(separator: ": ")
        var body = "<h1>\(HTML.escape(name.isEmpty ? document.file : name))</h1>\n"
        if let title = document.title { body += "<p><strong>\(HTML.escape(title))</strong></p>\n" }
        body += fields([
            ("Cơ quan ban hành", document.issuer), ("Cấp trên", document.parentIssuer), ("Nơi ban hành", document.place),
            ("Ngày", document.date), ("Người ký", signed), ("Nơi nhận", document.recipients.joined(separator: "; ")),
            ("Tệp", document.file), ("Nguồn", document.source),
            ("Không tìm thấy", document.missing.joined(separator: ", ")),
        ])
        body += links("Văn bản được dẫn chiếu", view.references) { $0.target }
        body += links("Được dẫn chiếu bởi", view.citedBy) { $0.source }
        body += requirements(view.requirements)
        var section: String?
        for paragraph in view.paragraphs {
            if paragraph.section != section {
                section = paragraph.section
                body += "<h2 class=\"heading\">\(HTML.escape(paragraph.section.isEmpty ? "—" : paragraph.section))</h2>\n"
            }
            body += "<p>\(HTML.escape(paragraph.text))</p>\n"
        }
        return HTML.page(title: name.isEmpty ? document.file : name, body: body)
    }

    private static func external(_ view: ExternalDocumentView) -> String {
        let node = view.node
        var body = "<h1>\(HTML.escape(node.name))</h1>\n<p class=\"meta\">\(HTML.escape(view.notice))</p>\n"
        body += fields([("Ngày", node.date), ("Cơ quan ban hành", node.issuer), ("Trích yếu", node.title),
                        ("Không thống nhất", node.conflicts.joined(separator: "; "))])
        body += links("Được dẫn chiếu bởi", view.citedBy) { $0.source }
        return HTML.page(title: node.label, body: body)
    }

    /// What the document requires of whom, by when: one item a requirement, the sentence with
    /// its actors, deadline and targets marked.
    private static func requirements(_ hits: [RequirementHit]) -> String {
        guard !hits.isEmpty else { return "" }
        var html = "<h2>Yêu cầu (\(hits.count))</h2>\n<ul class=\"links\">\n"
        for hit in hits {
            let leads = hit.actors.names(.lead).joined(separator: "; ")
            let partners = hit.actors.names(.with).joined(separator: "; ")
            var line = leads.isEmpty ? "" : "<strong>\(HTML.escape(leads))</strong>"
            if !partners.isEmpty { line += " <span class=\"meta\">phối hợp với \(HTML.escape(partners))</span>" }
            if let schedule = hit.schedule { line += " <span class=\"external\">\(HTML.escape(schedule.text))</span>" }
            html += "<li><details><summary>\(line.isEmpty ? "" : line + ": ")\(HTML.escape(String(hit.action.prefix(160))))</summary>"
            html += "<blockquote>\(HTML.marked(Snippet(text: hit.sentence, highlights: hit.highlights)))"
            if !hit.section.isEmpty { html += "<br><span class=\"meta\">§ \(HTML.escape(hit.section))</span>" }
            html += "</blockquote></details></li>\n"
        }
        return html + "</ul>\n"
    }

    private static func fields(_ fields: [(String, String?)]) -> String {
        let rows = fields.compactMap { label, value in
            value.flatMap { $0.isEmpty ? nil : "<dt>\(label)</dt><dd>\(HTML.escape($0))</dd>" }
        }
        return "<dl>\n" + rows.joined(separator: "\n") + "\n</dl>\n"
    }

    /// A list of links, one line each: the relation and the other end as a link; the sentence
    /// that states it opens under the line (<details>, no script needed).
    private static func links(_ heading: String, _ references: [Reference], otherEnd: (Reference) -> GraphNode?) -> String {
        guard !references.isEmpty else { return "" }
        var html = "<h2>\(heading) (\(references.count))</h2>\n<ul class=\"links\">\n"
        for reference in references {
            html += "<li><details><summary><span class=\"meta\">\(relationNames[reference.relation] ?? reference.relation.rawValue)</span> "
            if let end = otherEnd(reference) {
                html += HTML.link(to: end)
                if let date = end.date { html += " <span class=\"meta\">(\(HTML.escape(date)))</span>" }
                if !end.inArchive { html += " <span class=\"external\">chưa có trong kho</span>" }
            } else {
                html += "\(HTML.escape(reference.text)) <span class=\"external\">\(HTML.escape(reference.status))</span>"
            }
            let place = reference.section.isEmpty ? "" : " § \(reference.section)"
            html += "</summary><blockquote>“\(HTML.escape(reference.sentence))”<br><span class=\"meta\">trong \(HTML.escape(reference.statedIn.label + place))</span></blockquote></details></li>\n"
        }
        return html + "</ul>\n"
    }

    /// The cue words the relations come from, as a reader of the documents would name them.
    private static let relationNames: [Relation: String] = [
        .amends: "sửa đổi, bổ sung", .replaces: "thay thế", .repeals: "bãi bỏ", .guides: "hướng dẫn",
        .implements: "thực hiện", .basedOn: "căn cứ", .disseminates: "quán triệt, triển khai",
        .follows: "theo", .mentions: "nhắc đến",
    ]
}

import VanBan

/// A document's page, as an office reads it: metadata; the authorities table (one row per
/// document it cites: relations, how often, where) and what cites it, grouped the same way;
/// the relation diagram; its requirements; then its text with every citation a link and every
/// section and paragraph an anchor. A document known only from citations shows what the
/// citations say of it.
enum DocumentPage {
    static func render(_ call: Call) throws -> String {
        let number = try call.number()
        let file = try call.query.text("file", maxBytes: 4096)
        switch try call.lookup({ try $0.show(number, file: file) }) {
        case .archived(let view): return archived(view, rules: call.archive.rules)
        case .external(let view): return external(view, cites: statedCitations(of: view.node, call.archive), rules: call.archive.rules)
        }
    }

    /// What the archive's texts say a document known only from citations cites ("Kế hoạch
    /// 164-KH/TU … về việc thực hiện Nghị quyết 25-NQ/TW"); none when its label names several.
    static func statedCitations(of node: GraphNode, _ archive: Archive) -> [Reference] {
        ((try? archive.references(of: node.label)) ?? []).filter { $0.source.id == node.id }
    }

    private static func archived(_ view: DocumentView, rules: RuleSet) -> String {
        let document = view.document
        let label = document.number ?? document.file
        let name = [document.type, document.number].compactMap { $0 }.joined(separator: " ")
        let signed = [document.signerRole, document.signer].compactMap { $0 }.joined(separator: ": ")
        var body = "<h1>\(HTML.escape(name.isEmpty ? document.file : name))</h1>\n"
        if let title = document.title {
            let spans = view.citations.filter { $0.passage == 0 }.map(link)
            body += "<p class=\"doc-title\" id=\"p0\"><strong>\(Inline.html(title, spans: spans))</strong></p>\n"
        }
        if let validity = view.validity { body += ValidityHTML.section(validity) }
        body += fields([
            (UI.fieldIssuer, document.issuer), (UI.fieldParent, document.parentIssuer), (UI.fieldPlace, document.place),
            (UI.fieldDate, document.date.map(UI.date)), (UI.fieldSigner, signed),
            (UI.fieldRecipients, document.recipients.joined(separator: "; ")),
            (UI.fieldFile, document.file + UI.fileFormat(document.format, pages: document.pages, ocr: document.ocr)),
            (UI.fieldEncoding, document.encoding == "UTF-8" ? nil : document.encoding), (UI.fieldSource, document.source),
            (UI.fieldMissing, document.missing.map { UI.missingFields[$0] ?? $0 }.joined(separator: ", ")),
        ])
        body += shortcuts(label, view: view)
        body += searchUnder(label)
        body += ValidityHTML.warnings(view.warnings)
        let here = view.references.first?.source ?? view.citedBy.first?.target
        body += table(UI.authorities, id: "dan-chieu", view.references.grouped { $0.target }, here: here)
        body += table(UI.citedBy, id: "duoc-dan-chieu", view.citedBy.grouped { $0.source }, here: here)
        body += "<h2 id=\"luoc-do\">\(HTML.escape(UI.diagram))</h2>\n" + Diagram(view).html(rules: rules)
        body += "<p><a href=\"\(HTML.view(label, "/diagram"))\">\(HTML.escape(UI.openDiagram))</a></p>\n"
        body += requirements(view.requirements, document: label)
        body += text(view)
        return HTML.page(title: name.isEmpty ? document.file : name, body: body)
    }

    private static func external(_ view: ExternalDocumentView, cites: [Reference], rules: RuleSet) -> String {
        let node = view.node
        var body = "<h1>\(HTML.escape(node.name))</h1>\n"
        body += "<p class=\"notice\">\(HTML.escape(UI.externalNotice(node.label, citations: view.citedBy.count)))</p>\n"
        if let validity = view.validity { body += ValidityHTML.section(validity) }
        body += fields([(UI.fieldDate, node.date.map(UI.date)), (UI.fieldIssuer, node.issuer), (UI.fieldTitle, node.title),
                        (UI.fieldConflicts, node.conflicts.joined(separator: "; "))])
        body += "<p><a href=\"\(HTML.view(node.label, "/chain"))\">\(HTML.escape(UI.openChain))</a> · "
            + "<a href=\"\(HTML.view(node.label, "/diagram"))\">\(HTML.escape(UI.openDiagram))</a></p>\n"
        body += searchUnder(node.label)
        body += table(UI.authorities, id: "dan-chieu", cites.grouped { $0.target }, here: node)
        body += table(UI.citedBy, id: "duoc-dan-chieu", view.citedBy.grouped { $0.source }, here: node)
        body += "<h2 id=\"luoc-do\">\(HTML.escape(UI.diagram))</h2>\n" + Diagram(view, cites: cites).html(rules: rules)
        return HTML.page(title: node.label, body: body)
    }

    private static func shortcuts(_ label: String, view: DocumentView) -> String {
        var links = [("#hieu-luc", UI.validity), ("#luoc-do", UI.diagram), (HTML.view(label, "/chain"), UI.openChain)]
        if !view.warnings.isEmpty { links.append(("#canh-bao", "\(UI.warningsShort) (\(view.warnings.count))")) }
        if !view.requirements.isEmpty { links.append(("#yeu-cau", "\(UI.requirements) (\(view.requirements.count))")) }
        if !view.paragraphs.isEmpty { links.append(("#noi-dung", UI.text)) }
        return "<p class=\"meta\">" + links.map { "<a href=\"\($0.0)\">\(HTML.escape($0.1))</a>" }.joined(separator: " · ") + "</p>\n"
    }

    /// A search box kept to the documents that implement this one (`/?under=`).
    private static func searchUnder(_ label: String) -> String {
        "<form class=\"filters\" action=\"/\" method=\"get\"><input type=\"hidden\" name=\"under\" value=\"\(HTML.escape(label))\">"
            + "<label>\(HTML.escape(UI.searchUnder(label)))<input type=\"search\" name=\"q\" required maxlength=\"\(QueryParser.maxLength)\"></label>"
            + "<button type=\"submit\">\(HTML.escape(UI.searchUnderButton))</button></form>\n"
    }

    private static func fields(_ fields: [(String, String?)]) -> String {
        let rows = fields.compactMap { label, value in
            value.flatMap { $0.isEmpty ? nil : "<dt>\(HTML.escape(label))</dt><dd>\(HTML.escape($0))</dd>" }
        }
        return "<dl>\n" + rows.joined(separator: "\n") + "\n</dl>\n"
    }

    /// One row per document at the other end: the document, every relation stated, how many
    /// times, and where (each place a link to its paragraph), with the quoted sentences under it.
    private static func table(_ heading: String, id: String, _ documents: [LinkedDocument], here: GraphNode?) -> String {
        guard !documents.isEmpty else { return "" }
        var html = "<h2 id=\"\(id)\">\(HTML.escape(heading)) (\(documents.count))</h2>\n<table>\n<tr><th>\(HTML.escape(UI.columnDocument))</th>"
            + "<th>\(HTML.escape(UI.columnValidity))</th><th>\(HTML.escape(UI.columnRelations))</th><th>\(HTML.escape(UI.columnTimes))</th>"
            + "<th>\(HTML.escape(UI.columnWhere))</th></tr>\n"
        for document in documents {
            var cell: String
            if let node = document.node {
                cell = HTML.link(to: node)
                if let date = node.date { cell += " <span class=\"meta\">(\(HTML.escape(UI.date(date))))</span>" }
                if !node.inArchive { cell += "<br><span class=\"external\">\(HTML.escape(UI.notInArchiveShort))</span>" }
                if let title = node.title { cell += "<br><span class=\"meta\">\(Inline.html(title.cutAtWord(140)))</span>" }
            } else {
                cell = "\(HTML.escape(document.text))<br><span class=\"external\">\(HTML.escape(UI.status(document.status)))</span>"
            }
            let relations = document.relations.map(UI.relation).joined(separator: "; ")
            html += "<tr><td>\(cell)</td><td>\(ValidityHTML.badge(document.node?.validity))</td><td>\(HTML.escape(relations))</td><td>\(document.references.count)</td><td>\(places(document.references, here: here))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// Where a document's links are stated: a link to each paragraph, then the sentences.
    private static func places(_ references: [Reference], here: GraphNode?) -> String {
        var seen = Set<String>()
        var links: [String] = []
        for reference in references {
            let local = reference.statedIn.id == here?.id
            let href = local ? "#p\(reference.passage)" : HTML.view(reference.statedIn.label, "#p\(reference.passage)")
            guard seen.insert(href).inserted else { continue }
            // The innermost heading names the place; the path is in the link's title.
            let innermost = reference.section.components(separatedBy: " › ").last ?? ""
            var place = reference.passage == 0 ? UI.inTitle : (innermost.isEmpty ? UI.noHeading : innermost.cutAtWord(70))
            if !local { place = UI.statedIn(reference.statedIn.label) + ": " + place }
            links.append("<a href=\"\(href)\" title=\"\(HTML.escape(reference.section))\">§ \(Inline.html(place))</a>")
        }
        let quotes = references.map { "<blockquote>“\(HTML.marked($0.quote))”</blockquote>" }.joined()
        return links.joined(separator: "<br>") + "<details><summary class=\"meta\">\(HTML.escape(UI.quotes))</summary>\(quotes)</details>"
    }

    /// What the document requires of whom, by when, each a link to its sentence in the text.
    private static func requirements(_ hits: [RequirementHit], document: String) -> String {
        guard !hits.isEmpty else { return "" }
        var html = "<h2 id=\"yeu-cau\">\(HTML.escape(UI.requirements)) (\(hits.count))</h2>\n<ul class=\"links\">\n"
        for hit in hits { html += "<li>\(RequirementsPage.item(hit, local: true))</li>\n" }
        html += "</ul>\n<p><a href=\"/obligations?\(HTML.query([("doc", document)]))\">\(HTML.escape(UI.allRequirements))</a></p>\n"
        return html
    }

    /// The contents (one link per section), then the text: each section a heading with an
    /// anchor, each paragraph an anchor with its citations linked and its requirements marked.
    /// A paragraph that is a heading is shown as the heading of its section, linked the same way.
    private static func text(_ view: DocumentView) -> String {
        guard !view.paragraphs.isEmpty else { return "" }
        let citations = Dictionary(grouping: view.citations, by: \.passage)
        let requirements = Dictionary(grouping: view.requirements, by: \.passage)
        func html(_ paragraph: DocumentView.Paragraph) -> String {
            var spans = (citations[paragraph.ordinal] ?? []).map(link)
            for hit in requirements[paragraph.ordinal] ?? [] {
                guard let range = paragraph.text.range(of: hit.sentence) else { continue }
                let start = paragraph.text.unicodeScalars.distance(from: paragraph.text.startIndex, to: range.lowerBound)
                spans.append(Inline.Span(range: start..<start + hit.sentence.unicodeScalars.count, kind: .anchor,
                                         attributes: "id=\"yc-\(hit.ordinal)\" class=\"req\""))
            }
            return Inline.html(paragraph.text, spans: spans)
        }
        var sections: [(id: String, title: String)] = []
        var text = ""
        var section: String?
        var heading: DocumentView.Paragraph?
        for paragraph in view.paragraphs {
            if paragraph.heading {
                heading = paragraph
                continue
            }
            if paragraph.section != section {
                section = paragraph.section
                let title = paragraph.section.isEmpty ? UI.noHeading : paragraph.section
                let id = heading.map { "p\($0.ordinal)" } ?? "muc-\(sections.count + 1)"
                sections.append((id, title))
                let shown = heading.map { heading in
                    let parent = heading.section.isEmpty ? "" : heading.section + Passage.pathSeparator
                    return Inline.html(parent) + html(heading)
                } ?? Inline.html(title)
                text += "<h2 class=\"heading\" id=\"\(id)\">\(shown)</h2>\n"
            }
            heading = nil
            text += "<p class=\"para\" id=\"p\(paragraph.ordinal)\"><a class=\"para-line\" href=\"#p\(paragraph.ordinal)\">\(paragraph.line)</a>"
                + html(paragraph) + "</p>\n"
        }
        let contents = sections.map { "<li><a href=\"#\($0.id)\">\(Inline.html($0.title.cutAtWord(110)))</a></li>" }.joined()
        return "<h2 id=\"noi-dung\">\(HTML.escape(UI.text))</h2>\n<details><summary>\(HTML.escape(UI.contents))</summary><ol class=\"toc\">\(contents)</ol></details>\n" + text
    }

    /// A citation in the text as a link: to its document or harvested record; one that names
    /// no document by a number links to a search for it.
    private static func link(_ citation: DocumentView.CitationSpan) -> Inline.Span {
        let range = citation.start..<citation.end
        if let target = citation.target {
            let title = [target.name, target.inArchive ? nil : UI.notInArchiveShort].compactMap { $0 }.joined(separator: " — ")
            let kind = target.inArchive ? "" : " class=\"external-link\""
            return Inline.Span(range: range, kind: .link, attributes: "href=\"\(HTML.view(target.label))\" title=\"\(HTML.escape(title))\"\(kind)")
        }
        let title = HTML.escape(UI.status(citation.status))
        guard citation.text.contains(where: \.isNumber) else {
            return Inline.Span(range: range, kind: .anchor, attributes: "class=\"unresolved\" title=\"\(title)\"")
        }
        return Inline.Span(range: range, kind: .link,
                           attributes: "href=\"/?\(HTML.query([("q", citation.text)]))\" class=\"unresolved\" title=\"\(title). \(HTML.escape(UI.unresolvedLinkTitle))\"")
    }
}

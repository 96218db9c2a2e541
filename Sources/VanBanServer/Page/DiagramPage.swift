import VanBan

/// The relation diagram (the lược đồ of the national legal database): the document in the
/// middle, what cites it on the left and what it cites on the right, each grouped by relation,
/// every node a link to its page. Drawn by Graphviz, inlined as SVG.
enum DiagramPage {
    static func render(_ call: Call) throws -> String {
        let number = try call.number()
        let diagram: Diagram
        switch try call.lookup({ try $0.show(number) }) {
        case .archived(let view): diagram = Diagram(view)
        case .external(let view): diagram = Diagram(view, cites: DocumentPage.statedCitations(of: view.node, call.archive))
        }
        var body = "<h1>\(HTML.escape(UI.diagramTitle(diagram.label)))</h1>\n"
        body += "<p><a href=\"\(HTML.view(diagram.label))\">\(HTML.escape(UI.backToDocument))</a> · "
            + "<a href=\"\(HTML.view(diagram.label, "/chain"))\">\(HTML.escape(UI.chain))</a></p>\n"
        body += diagram.html(rules: call.archive.rules)
        return HTML.page(title: UI.diagramTitle(diagram.label), body: body)
    }
}

/// A document and its links, to be drawn.
struct Diagram {
    let label: String
    let center: GraphNode?
    let cited: [LinkedDocument]
    let citing: [LinkedDocument]

    init(_ view: DocumentView) {
        label = view.document.number ?? view.document.file
        let center = view.references.first?.source ?? view.citedBy.first?.target
        self.center = center
        cited = view.references.grouped { $0.target }.filter { $0.node != nil && $0.node?.id != center?.id }
        citing = view.citedBy.grouped { $0.source }.filter { $0.node?.id != center?.id }
    }

    /// A document known from citations, with what other texts say it cites (`cites`).
    init(_ view: ExternalDocumentView, cites: [Reference]) {
        label = view.node.label
        center = view.node
        cited = cites.grouped { $0.target }.filter { $0.node != nil && $0.node?.id != view.node.id }
        citing = view.citedBy.grouped { $0.source }.filter { $0.node?.id != view.node.id }
    }

    /// The SVG with its legend, or a sentence saying why there is none.
    func html(rules: RuleSet) -> String {
        guard let center, !(cited.isEmpty && citing.isEmpty) else { return "<p class=\"meta\">\(HTML.escape(UI.diagramEmpty))</p>\n" }
        guard let svg = Graphviz.svg(dot(center: center, rules: rules)) else {
            return "<p class=\"notice\">\(HTML.escape(UI.diagramUnavailable))</p>\n"
        }
        return "<div class=\"diagram\">\(svg)</div>\n<p class=\"meta\">\(HTML.escape(UI.diagramLegend))</p>\n"
    }

    /// The graph in DOT: one cluster per relation on each side, a document in the cluster of
    /// its strongest relation, every relation on its edge.
    func dot(center: GraphNode, rules: RuleSet) -> String {
        var lines = [
            "digraph lược_đồ {",
            "rankdir=LR; nodesep=0.15; ranksep=0.9; bgcolor=\"transparent\";",
            "node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#8b1a1a\", fontname=\"DejaVu Sans\", fontsize=10, margin=\"0.12,0.05\"];",
            "edge [fontname=\"DejaVu Sans\", fontsize=8, color=\"#777777\", fontcolor=\"#555555\"];",
            "graph [fontname=\"DejaVu Sans\", fontsize=10, style=\"rounded,dashed\", color=\"#bbbbbb\", labeljust=l];",
            node(center, rules: rules, attributes: "fillcolor=\"#8b1a1a\", fontcolor=\"#ffffff\", penwidth=2"),
        ]
        for (side, all) in [("citing", citing), ("cited", cited)] {
            // A document cited hundreds of times would be a diagram no one reads (and dot would
            // take seconds): the most linked ones are drawn, the rest counted in one node.
            let documents = Array(all.enumerated().sorted { ($1.element.references.count, $0.offset) < ($0.element.references.count, $1.offset) }
                .prefix(Self.maxPerSide).map(\.element))
            if all.count > documents.count {
                let more = "more_\(side)"
                lines.append("\(more) [label=\(Graphviz.quoted(UI.diagramMore(all.count - documents.count))), shape=plaintext, style=\"\", URL=\(Graphviz.quoted(HTML.view(label, side == "cited" ? "#dan-chieu" : "#duoc-dan-chieu"))), target=\"_top\"];")
                lines.append(side == "cited" ? "n\(center.id) -> \(more) [style=dotted];" : "\(more) -> n\(center.id) [style=dotted];")
            }
            let groups = Dictionary(grouping: documents) { $0.relations.first ?? .mentions }
            for relation in Relation.allCases {
                guard let group = groups[relation] else { continue }
                let title = side == "cited" ? UI.citedGroup(relation) : UI.citingGroup(relation)
                lines.append("subgraph cluster_\(side)_\(relation.rawValue) { label=\(Graphviz.quoted(title));")
                for document in group { if let node = document.node { lines.append(self.node(node, rules: rules)) } }
                lines.append("}")
                for document in group {
                    guard let node = document.node else { continue }
                    let names = document.relations.map(UI.relation).joined(separator: "; ")
                    let (from, to) = side == "cited" ? (center.id, node.id) : (node.id, center.id)
                    lines.append("n\(from) -> n\(to) [label=\(Graphviz.quoted(names))];")
                }
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// Documents drawn on each side at most.
    static let maxPerSide = 40

    private func node(_ node: GraphNode, rules: RuleSet, attributes: String = "") -> String {
        let type = node.type.flatMap { rules.types.entry(for: $0)?.name }
        let name = node.number.map { [type, $0].compactMap { $0 }.joined(separator: " ") } ?? node.name
        let label = [name.count > 34 ? name.cutAtWord(34) : name, node.date.map(UI.date)].compactMap { $0 }.joined(separator: "\n")
        let tooltip = [name, node.title.map { $0.cutAtWord(160) }, node.inArchive ? nil : UI.notInArchiveShort].compactMap { $0 }
            .joined(separator: " — ")
        var style = attributes
        if attributes.isEmpty && !node.inArchive { style = "style=\"rounded,dashed,filled\", fillcolor=\"#f4f1ec\", fontcolor=\"#555555\"" }
        return "n\(node.id) [label=\(Graphviz.quoted(label)), URL=\(Graphviz.quoted(HTML.view(node.label))), target=\"_top\", "
            + "tooltip=\(Graphviz.quoted(tooltip))\(style.isEmpty ? "" : ", " + style)];"
    }
}

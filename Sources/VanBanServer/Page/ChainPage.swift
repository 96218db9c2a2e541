import VanBan

/// The chain a document rests on and the chain that rests on it, as two clickable trees: each
/// node links to its page and to its own chain, so a chain can be walked a step at a time.
enum ChainPage {
    static func render(_ call: Call) throws -> String {
        let number = try call.number()
        let depth = try call.query.integer("depth", in: Limits.chainDepth) ?? 10
        let up = try call.lookup { try $0.chain(from: number, direction: .up, depth: depth) }
        let down = try call.lookup { try $0.chain(from: number, direction: .down, depth: depth) }
        let label = up.node.label
        var body = "<h1>\(HTML.escape(UI.chainTitle(label)))</h1>\n"
        body += "<p><a href=\"\(HTML.view(label))\">\(HTML.escape(UI.backToDocument))</a> · "
            + "<a href=\"\(HTML.view(label, "/diagram"))\">\(HTML.escape(UI.diagram))</a></p>\n"
        for (title, chain, direction) in [(UI.chainUp, up, ChainDirection.up), (UI.chainDown, down, .down)] {
            body += "<h2>\(HTML.escape(title))</h2>\n"
            body += chain.children.isEmpty
                ? "<p class=\"meta\">\(HTML.escape(UI.chainEmpty))</p>\n"
                : "<ul class=\"tree\"><li>\(line(chain, direction: direction))\(tree(chain.children, direction: direction))</li></ul>\n"
        }
        return HTML.page(title: UI.chainTitle(label), body: body)
    }

    private static func tree(_ children: [ChainNode], direction: ChainDirection) -> String {
        guard !children.isEmpty else { return "" }
        return "<ul>" + children.map { "<li>\(line($0, direction: direction))\(tree($0.children, direction: direction))</li>" }.joined() + "</ul>"
    }

    /// The relation to the node above, the node, and the link to its own chain.
    private static func line(_ chain: ChainNode, direction: ChainDirection) -> String {
        var html = ""
        if let relation = chain.relation {
            let name = direction == .up ? UI.relation(relation) : UI.reverseRelation(relation)
            html += "<span class=\"meta\">\(HTML.escape(name))</span> "
        }
        html += "<strong>\(HTML.link(to: chain.node))</strong>"
        if let date = chain.node.date { html += " <span class=\"meta\">(\(HTML.escape(UI.date(date))))</span>" }
        if !chain.node.inArchive { html += " <span class=\"external\">\(HTML.escape(UI.notInArchiveShort))</span>" }
        html += " " + ValidityHTML.badge(chain.node.validity)
        if chain.repeated { html += " <span class=\"external\">\(HTML.escape(UI.chainRepeated))</span>" }
        if chain.relation != nil {
            html += " <a class=\"chain-link\" href=\"\(HTML.view(chain.node.label, "/chain"))\">[\(HTML.escape(UI.chainOpen))]</a>"
        }
        return html
    }
}

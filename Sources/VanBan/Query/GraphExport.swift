import Foundation

/// The whole citation graph, for Graphviz (DOT) and for tools that read node-link JSON.
public struct GraphExport: Codable, Sendable {
    public let nodes: [GraphNode]
    public let links: [Edge]

    /// Graphviz DOT: documents in the archive as boxes, cited-only ones dashed.
    public var dot: String {
        var lines = ["digraph vanban {", "  rankdir=LR;", "  node [shape=box, fontname=\"Helvetica\"];"]
        for node in nodes {
            let style = node.inArchive ? "" : ", style=dashed"
            lines.append("  n\(node.id) [label=\"\(Self.escaped(node.label))\"\(style)];")
        }
        for link in links {
            lines.append("  n\(link.source) -> n\(link.target) [label=\"\(link.relation.rawValue)\"];")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

extension Archive {
    public func graph() throws -> GraphExport {
        try read { db in
            GraphExport(nodes: try allNodes(db: db).values.sorted { $0.id < $1.id }, links: try edges(db: db))
        }
    }
}

/// The links between a document and another, taken together: a text that cites a document three
/// times, once "thực hiện", once "triển khai", once in passing, cites one document, with three
/// relations, in three places. Listings show one entry per document this way.
public struct LinkedDocument: Sendable, Equatable {
    /// The other end; nil for a citation that names no one document (its text stands for it).
    public let node: GraphNode?
    public let text: String
    /// resolved, external, ambiguous or unresolved: the status of its first link.
    public let status: String
    /// Every relation stated, strongest first.
    public let relations: [Relation]
    /// Every link, in text order.
    public let references: [Reference]

    public var label: String { node?.label ?? text }
}

/// The links one document's text states about one document: what `refs` prints under
/// "stated here about 60-CTr/ĐUK".
public struct ReferenceGroup: Sendable {
    /// The document the links run from.
    public let about: GraphNode
    public let statedIn: GraphNode
    public let references: [Reference]
}

extension Array where Element == Reference {
    /// One entry per document at the other end (`otherEnd`: the target for what a document
    /// cites, the source for what cites it), in the order each first appears. Citations that
    /// name no document are grouped by their text.
    public func grouped(by otherEnd: (Reference) -> GraphNode?) -> [LinkedDocument] {
        var order: [String] = []
        var groups: [String: [Reference]] = [:]
        for reference in self {
            let key = otherEnd(reference).map { "node:\($0.id)" } ?? "text:\(reference.text)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(reference)
        }
        return order.map { key in
            let references = groups[key]!
            let first = references[0]
            return LinkedDocument(node: otherEnd(first), text: first.text, status: first.status,
                                  relations: Set(references.map(\.relation)).sorted(), references: references)
        }
    }
}

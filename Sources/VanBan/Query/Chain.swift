import GRDB

/// A document and the chain below it: what it rests on (up) or what implements it (down).
public struct ChainNode: Codable, Sendable, Equatable {
    public let node: GraphNode
    /// The relation from the parent to this node (up) or from this node to the parent (down).
    public let relation: Relation?
    public let children: [ChainNode]
    /// True when this node already appears higher in the chain: a cycle, not followed again.
    public let repeated: Bool
}

extension ChainNode {
    /// Every node's id, the tree walked depth first.
    var ids: [Int64] { [node.id] + children.flatMap(\.ids) }

    /// The tree with each node's status.
    func with(_ statuses: [Int64: ValidityStatus]) -> ChainNode {
        ChainNode(node: node.with(statuses), relation: relation, children: children.map { $0.with(statuses) }, repeated: repeated)
    }
}

public enum ChainDirection: String, Codable, Sendable, CaseIterable {
    /// Towards the documents it implements, is based on, disseminates.
    case up
    /// Towards the documents that implement it.
    case down
}

extension Archive {
    public static let maxChainDepth = 20

    /// The transitive chain of hierarchical links (implements, disseminates, guides, based on,
    /// amends, replaces) from a document, up or down; cycle-safe.
    public func chain(from text: String, direction: ChainDirection = .up, depth: Int = 10) throws -> ChainNode {
        let start = try node(named: text)
        return try read { db in
            let nodes = try allNodes(db: db)
            var next: [Int64: [(Int64, Relation)]] = [:]
            for edge in try edges(db: db) where edge.relation.isHierarchical && edge.source != edge.target {
                let (from, to) = direction == .up ? (edge.source, edge.target) : (edge.target, edge.source)
                next[from, default: []].append((to, edge.relation))
            }
            func build(_ id: Int64, relation: Relation?, ancestors: Set<Int64>, level: Int) -> ChainNode {
                let node = nodes[id]!
                guard !ancestors.contains(id) else { return ChainNode(node: node, relation: relation, children: [], repeated: true) }
                let children = level >= min(depth, Self.maxChainDepth) ? [] : (next[id] ?? [])
                    .sorted { ($0.1, nodes[$0.0]?.label ?? "") < ($1.1, nodes[$1.0]?.label ?? "") }
                    .map { build($0.0, relation: $0.1, ancestors: ancestors.union([id]), level: level + 1) }
                return ChainNode(node: node, relation: relation, children: children, repeated: false)
            }
            let chain = build(start.id, relation: nil, ancestors: [], level: 0)
            return chain.with(try statuses(of: chain.ids, db: db))
        }
    }

    /// One step of a path between two documents.
    public struct PathStep: Codable, Sendable, Equatable {
        public let from: GraphNode
        public let to: GraphNode
        public let relation: Relation
        /// True when the link runs against the direction of travel (`to` cites `from`).
        public let reversed: Bool
    }

    /// The shortest chain of links leading from one document to another: following citations
    /// when there is such a path, otherwise following them backwards, otherwise either way.
    public func path(from a: String, to b: String) throws -> [PathStep] {
        let start = try node(named: a), goal = try node(named: b)
        return try read { db in
            let nodes = try allNodes(db: db)
            let edges = try edges(db: db)
            for allowed in [[false], [true], [false, true]] {
                if let steps = shortestPath(start.id, goal.id, edges: edges, reversed: allowed) {
                    return steps.map { PathStep(from: nodes[$0.from]!, to: nodes[$0.to]!, relation: $0.relation, reversed: $0.reversed) }
                }
            }
            throw VanBanError.notFound("No chain of citations links \(start.label) and \(goal.label).")
        }
    }

    private func shortestPath(_ start: Int64, _ goal: Int64, edges: [Edge], reversed allowed: [Bool])
        -> [(from: Int64, to: Int64, relation: Relation, reversed: Bool)]? {
        var next: [Int64: [(Int64, Relation, Bool)]] = [:]
        for edge in edges {
            if allowed.contains(false) { next[edge.source, default: []].append((edge.target, edge.relation, false)) }
            if allowed.contains(true) { next[edge.target, default: []].append((edge.source, edge.relation, true)) }
        }
        var previous: [Int64: (Int64, Relation, Bool)] = [:]
        var queue = [start], seen: Set<Int64> = [start]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            if current == goal {
                var steps: [(Int64, Int64, Relation, Bool)] = []
                var node = goal
                while let (from, relation, reversed) = previous[node] {
                    steps.append((from, node, relation, reversed))
                    node = from
                }
                return steps.reversed().map { (from: $0.0, to: $0.1, relation: $0.2, reversed: $0.3) }
            }
            for (to, relation, reversed) in next[current] ?? [] where seen.insert(to).inserted {
                previous[to] = (current, relation, reversed)
                queue.append(to)
            }
        }
        return nil
    }
}

import GRDB

/// One passage of a hit: its section (heading path, with the matched words marked), its line,
/// and its text around the matches.
public struct PassageHit: Codable, Sendable, Equatable {
    public let ordinal: Int
    public let section: String
    /// `[start, end)` offsets in code points of `section`.
    public let sectionHighlights: [[Int]]
    public let line: Int
    /// The page it starts on, for a file with pages (PDF, DOCX).
    public var page: Int?
    public let snippet: Snippet
}

/// Chooses a hit's best passages from where its matches lie, and cuts their snippets.
struct PassageChooser {
    static let maxPassages = 3
    /// Tokens a snippet shows at most, as FTS5's snippet() does.
    static let snippetTokens = 28

    let plan: SearchPlan

    private struct Layout {
        let ordinal: Int
        let line: Int
        let page: Int?
        let headingToken: Int
        let bodyToken: Int
    }

    private struct Found {
        var body: [Match] = []
        var heading: [Match] = []
    }

    func passages(of id: Int64, matches: [Match], db: Database) throws -> [PassageHit] {
        let layout = try Row.fetchAll(db, sql: """
            SELECT ordinal, line, page, heading_token, body_token FROM passages WHERE document_id = ? ORDER BY ordinal
            """, arguments: [id]).map {
                Layout(ordinal: $0["ordinal"], line: $0["line"], page: $0["page"], headingToken: $0["heading_token"], bodyToken: $0["body_token"])
            }
        guard !layout.isEmpty else { return [] }
        let found = assign(matches, to: layout)
        var scored = found.compactMap { ordinal, found -> (ordinal: Int, score: Double)? in
            let phrases = Set((found.body + found.heading).map(\.phrase))
            let score = phrases.reduce(0) { $0 + plan.phrases[$1].idf } + 0.01 * Double(found.body.count + found.heading.count)
            return score > 0 ? (ordinal, score) : nil
        }
        // The title passage repeats what the hit shows; it is one only when nothing else matches.
        if scored.contains(where: { $0.ordinal > 0 }) { scored.removeAll { $0.ordinal == 0 } }
        scored.sort { ($0.score, -$0.ordinal) > ($1.score, -$1.ordinal) }
        let chosen = scored.prefix(Self.maxPassages).map(\.ordinal)
        guard !chosen.isEmpty else { return [] }
        let texts = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT ordinal, title, heading, body FROM passage_texts WHERE document_id = ? AND ordinal IN (\(chosen.map(String.init).joined(separator: ",")))
            """, arguments: [id]).map { ($0["ordinal"] as Int, $0) })
        return chosen.compactMap { ordinal in
            guard let row = texts[ordinal] else { return nil }
            let passage = layout[ordinal]
            let matches = found[ordinal] ?? Found()
            let body: String = ordinal == 0 ? row["title"] : row["body"]
            let heading: String = row["heading"]
            return PassageHit(ordinal: ordinal, section: heading,
                              sectionHighlights: Self.highlights(of: matches.heading, in: heading, from: passage.headingToken),
                              line: passage.line, page: passage.page,
                              snippet: Self.snippet(of: body, matches: matches.body, from: passage.bodyToken))
        }
    }

    /// Each match goes to the passage whose heading or body holds its first token.
    private func assign(_ matches: [Match], to layout: [Layout]) -> [Int: Found] {
        var found: [Int: Found] = [:]
        let headings = layout.dropFirst().map(\.headingToken), bodies = layout.dropFirst().map(\.bodyToken)
        for match in matches {
            if let body = bodies.lastIndex(where: { $0 <= match.position }) {
                found[body + 1, default: Found()].body.append(match)
            } else if let heading = headings.lastIndex(where: { $0 <= match.position }) {
                found[heading + 1, default: Found()].heading.append(match)
            } else {
                found[0, default: Found()].body.append(match)
            }
        }
        return found
    }

    /// The non-colocated tokens of a passage's text: its token positions, from 0.
    private static func tokens(_ text: String) -> [Range<Int>] {
        VietText.tokens(text, query: false).filter { !$0.colocated }.map(\.bytes)
    }

    /// Up to ``snippetTokens`` tokens around the most matches, with them marked, cut at word
    /// boundaries and marked "…" where the passage goes on.
    static func snippet(of text: String, matches: [Match], from first: Int) -> Snippet {
        let tokens = tokens(text)
        let local = matches.map { Match(position: $0.position - first, phrase: $0.phrase, length: $0.length) }
            .filter { $0.position >= 0 && $0.position < tokens.count }
        guard tokens.count > snippetTokens else { return Snippet(bytes: text, from: 0, to: text.utf8.count, marks: spans(local, tokens)) }
        var best = 0, bestCovered = -1
        for start in Set([0] + local.map { max(0, min($0.position - 2, tokens.count - snippetTokens)) }).sorted() {
            let covered = Set(local.filter { $0.position >= start && $0.position + $0.length <= start + snippetTokens }.map(\.phrase)).count
            if covered > bestCovered { (best, bestCovered) = (start, covered) }
        }
        let end = best + snippetTokens
        let from = best == 0 ? 0 : tokens[best].lowerBound
        let to = end >= tokens.count ? text.utf8.count : tokens[end - 1].upperBound
        let inside = local.filter { $0.position >= best && $0.position + $0.length <= end }
        return Snippet(bytes: text, from: from, to: to, marks: spans(inside, tokens), before: best > 0, after: end < tokens.count)
    }

    /// The code-point ranges of a heading's matches.
    static func highlights(of matches: [Match], in heading: String, from first: Int) -> [[Int]] {
        let tokens = tokens(heading)
        let local = matches.map { Match(position: $0.position - first, phrase: $0.phrase, length: $0.length) }
            .filter { $0.position >= 0 && $0.position + $0.length <= tokens.count }
        return Snippet(bytes: heading, from: 0, to: heading.utf8.count, marks: spans(local, tokens)).highlights
    }

    private static func spans(_ matches: [Match], _ tokens: [Range<Int>]) -> [Range<Int>] {
        matches.compactMap { match in
            let last = match.position + match.length - 1
            guard match.position >= 0, last < tokens.count else { return nil }
            return tokens[match.position].lowerBound..<tokens[last].upperBound
        }
    }
}

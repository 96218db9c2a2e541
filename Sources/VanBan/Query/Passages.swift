import CVietText
import Foundation
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

    /// A chosen passage: where it is in the document and in its stored text.
    private struct Place {
        let line: Int
        let page: Int?
        let heading: Range<Int>
        let body: Range<Int>

        init(_ row: Row) {
            line = row[0]
            page = row[1]
            heading = (row[2] as Int)..<(row[2] as Int) + (row[3] as Int)
            body = (row[4] as Int)..<(row[4] as Int) + (row[5] as Int)
        }
    }

    private struct Found {
        var body: [Match] = []
        var heading: [Match] = []
    }

    func passages(of id: Int64, matches: [Match], db: Database) throws -> [PassageHit] {
        guard !matches.isEmpty, let stored = try storedText(of: id, db: db) else { return [] }
        let (starts, text) = stored
        let assigned = Self.assign(matches, headings: starts.map(\.heading), bodies: starts.map(\.body))
        var scored = scores(of: matches, in: assigned)
        // The title passage repeats what the hit shows; it is one only when nothing else matches.
        if scored.contains(where: { $0.ordinal > 0 }) { scored.removeAll { $0.ordinal == 0 } }
        scored.sort { ($0.score, -$0.ordinal) > ($1.score, -$1.ordinal) }
        let chosen = scored.prefix(Self.maxPassages).map(\.ordinal)
        guard !chosen.isEmpty else { return [] }
        var found: [Int: Found] = [:]
        for (match, place) in zip(matches, assigned) where chosen.contains(place.ordinal) {
            if place.heading {
                found[place.ordinal, default: Found()].heading.append(match)
            } else {
                found[place.ordinal, default: Found()].body.append(match)
            }
        }
        let statement = try db.cachedStatement(sql: """
            SELECT line, page, heading_start, heading_length, body_start, body_length FROM passages
            WHERE document_id = ? AND ordinal = ?
            """)
        let places = try chosen.map { try statement.readFirstRow(arguments: [id, $0], Place.init) }
        return zip(chosen, places).compactMap { ordinal, place in
            guard let passage = place, passage.body.upperBound <= text.count, passage.heading.upperBound <= text.count else { return nil }
            let matches = found[ordinal] ?? Found()
            let heading = Array(text[passage.heading]), body = Array(text[passage.body])
            let first = ordinal == 0 ? (heading: 0, body: 0) : starts[ordinal - 1]
            return PassageHit(ordinal: ordinal, section: String(decoding: heading, as: UTF8.self),
                              sectionHighlights: Self.highlights(of: matches.heading, in: heading, from: first.heading),
                              line: passage.line, page: passage.page,
                              snippet: Self.snippet(of: body, matches: matches.body, from: first.body))
        }
    }

    /// A document's token starts and its stored text, read from the row in place (fetchOne would
    /// copy the block first); nil when the document has none or it is damaged.
    private func storedText(of id: Int64, db: Database) throws -> (starts: [(heading: Int, body: Int)], text: [UInt8])? {
        let statement = try db.cachedStatement(sql: "SELECT block, tokens FROM texts WHERE document_id = ?")
        return try statement.readFirstRow(arguments: [id]) { row in
            try row.withUnsafeData(atIndex: 0, Self.inflate).map { (TokenStarts.decode(row[1]), $0) }
        } ?? nil
    }

    /// Each passage's score: the weight of the distinct phrases found in it, summed in phrase
    /// order (an order that changed from one run to the next would change the sum's last bits),
    /// and a hundredth for each match. Matches are counted by sorting (passage, phrase) keys, so
    /// a common word's hundred matches make no array per passage.
    private func scores(of matches: [Match], in places: [(ordinal: Int, heading: Bool)]) -> [(ordinal: Int, score: Double)] {
        let phrases = plan.phrases.count
        var keys = zip(matches, places).map { $1.ordinal * phrases + $0.phrase }
        keys.sort()
        var scored: [(ordinal: Int, score: Double)] = []
        var index = 0
        while index < keys.count {
            let ordinal = keys[index] / phrases
            var weight = 0.0, count = 0, previous = -1
            while index < keys.count, keys[index] / phrases == ordinal {
                if keys[index] != previous { weight += plan.phrases[keys[index] % phrases].weight }
                previous = keys[index]
                count += 1
                index += 1
            }
            let score = weight + 0.01 * Double(count)
            if score > 0 { scored.append((ordinal, score)) }
        }
        return scored
    }

    /// A document's stored text (whole: libdeflate inflates a whole block faster than zlib
    /// inflated the part a passage needs).
    private static func inflate(_ block: Data?) -> [UInt8]? {
        block?.withUnsafeBytes { packed -> [UInt8]? in
            let input = packed.bindMemory(to: UInt8.self)
            let length = Int(vv_unpacked_length(input.baseAddress, Int32(input.count)))
            guard length >= 0 else { return nil }
            var whole = true
            let text = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
                whole = vv_unpack(input.baseAddress, Int32(input.count), buffer.baseAddress, Int32(length)) == Int32(length)
                count = whole ? length : 0
            }
            return whole ? text : nil
        }
    }

    /// The passage each match goes to, and whether to its heading: the passage whose heading or
    /// body holds its first token (ordinal 0, the title passage, holds what comes before every
    /// heading).
    private static func assign(_ matches: [Match], headings: [Int], bodies: [Int]) -> [(ordinal: Int, heading: Bool)] {
        matches.map { match in
            if let body = last(in: bodies, atOrBefore: match.position) { return (body + 1, false) }
            if let heading = last(in: headings, atOrBefore: match.position) { return (heading + 1, true) }
            return (0, false)
        }
    }

    /// The index of the last of `starts` (ascending) at or before `position`: a common word's
    /// hundred matches in a document of a hundred passages would otherwise scan them all.
    private static func last(in starts: [Int], atOrBefore position: Int) -> Int? {
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= position { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    /// The first `limit` token positions of a text, and whether more follow.
    private static func tokens(_ text: [UInt8], limit: Int) -> (ranges: [Range<Int>], more: Bool) {
        text.withUnsafeBufferPointer { VietText.tokenPositions($0, limit: limit) }
    }

    /// Up to ``snippetTokens`` tokens around the most matches, with them marked, cut at word
    /// boundaries and marked "…" where the passage goes on. The text is read only as far as the
    /// snippet can reach.
    static func snippet(of text: [UInt8], matches: [Match], from first: Int) -> Snippet {
        let local = matches.map { Match(position: $0.position - first, phrase: $0.phrase, length: $0.length) }.filter { $0.position >= 0 }
        let reach = (local.map { $0.position + $0.length }.max() ?? 0) + snippetTokens
        let (tokens, more) = tokens(text, limit: reach)
        let inText = local.filter { $0.position + $0.length <= tokens.count }
        guard tokens.count > snippetTokens || more else { return Snippet(utf8: text, from: 0, to: text.count, marks: spans(inText, tokens)) }
        let best = bestWindow(inText, tokens: tokens.count)
        let end = min(best + snippetTokens, tokens.count)
        let after = end < tokens.count || more
        let from = best == 0 ? 0 : tokens[best].lowerBound
        let to = after ? tokens[end - 1].upperBound : text.count
        let inside = inText.filter { $0.position >= best && $0.position + $0.length <= end }
        return Snippet(utf8: text, from: from, to: to, marks: spans(inside, tokens), before: best > 0, after: after)
    }

    /// Where the snippet starts: of the windows of ``snippetTokens`` tokens starting at the
    /// text's start or two tokens before a match, the first that holds the most distinct phrases
    /// whole. The matches are walked in position order, so a window reads only its own.
    private static func bestWindow(_ matches: [Match], tokens count: Int) -> Int {
        let matches = matches.sorted { $0.position < $1.position }
        var starts = [0] + matches.map { max(0, min($0.position - 2, count - snippetTokens)) }
        starts.sort()
        var counted = [Int](repeating: -1, count: (matches.map(\.phrase).max() ?? -1) + 1)  // the window a phrase was last counted in
        var best = 0, bestCovered = -1, first = 0
        for (window, start) in starts.enumerated() where window == 0 || start != starts[window - 1] {
            while first < matches.count && matches[first].position < start { first += 1 }
            var covered = 0
            for match in matches[first...] {
                if match.position >= start + snippetTokens { break }
                if match.position + match.length <= start + snippetTokens && counted[match.phrase] != window {
                    counted[match.phrase] = window
                    covered += 1
                }
            }
            if covered > bestCovered { (best, bestCovered) = (start, covered) }
        }
        return best
    }

    /// The code-point ranges of a heading's matches.
    static func highlights(of matches: [Match], in heading: [UInt8], from first: Int) -> [[Int]] {
        guard !matches.isEmpty else { return [] }
        let tokens = tokens(heading, limit: (matches.map { $0.position - first + $0.length }.max() ?? 0) + 1).ranges
        let local = matches.map { Match(position: $0.position - first, phrase: $0.phrase, length: $0.length) }
        return Snippet(utf8: heading, from: 0, to: heading.count, marks: spans(local, tokens)).highlights
    }

    private static func spans(_ matches: [Match], _ tokens: [Range<Int>]) -> [Range<Int>] {
        matches.compactMap { match in
            let last = match.position + match.length - 1
            guard match.position >= 0, last < tokens.count else { return nil }
            return tokens[match.position].lowerBound..<tokens[last].upperBound
        }
    }
}

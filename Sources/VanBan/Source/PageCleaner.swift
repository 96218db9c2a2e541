/// Joins a paged text's pages, leaving out what repeats on every page rather than belonging to
/// the text: page numbers ("- 2 -", "Trang 2/5", "2"), and running heads and footers (a first
/// or last line that recurs, digits aside, on two pages or more).
enum PageCleaner {
    struct Cleaned {
        let text: String
        /// The 1-based line each page after the first starts at.
        let pageStarts: [Int]
        let removed: Int
    }

    static func clean(_ pages: [String]) -> Cleaned {
        let split = pages.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let heads = recurring(split.map { edge($0, first: true) })
        let feet = recurring(split.map { edge($0, first: false) })
        var lines: [String] = []
        var starts: [Int] = []
        var removed = 0
        for (index, page) in split.enumerated() {
            if index > 0 { starts.append(lines.count + 1) }
            let first = page.firstIndex { !isBlank($0) }, last = page.lastIndex { !isBlank($0) }
            for (number, line) in page.enumerated() {
                let atEdge = number == first || number == last
                // A page's first lines may be its number and then a running head, or the reverse.
                let nearTop = first.map { number <= $0 + 1 } ?? false
                if (atEdge || nearTop) && (isPageNumber(line) || (number == first && heads.contains(shape(line)))
                    || (number == last && feet.contains(shape(line)))) {
                    removed += 1
                    continue
                }
                lines.append(line)
            }
            if lines.last.map({ !isBlank($0) }) ?? false { lines.append("") }
        }
        return Cleaned(text: lines.joined(separator: "\n"), pageStarts: starts, removed: removed)
    }

    private static func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }

    private static func edge(_ lines: [String], first: Bool) -> String? {
        (first ? lines.first { !isBlank($0) } : lines.last { !isBlank($0) }).map(shape)
    }

    /// A line without its digits and spacing: "Trang 3" and "Trang 4" have one shape.
    private static func shape(_ line: String) -> String {
        String(VietText.foldPreservingOffsets(line).filter { !$0.isNumber && !$0.isWhitespace })
    }

    /// Edge lines that recur on two pages or more: a page's first or last line is the same as
    /// another page's by chance almost never (the first page's heading has no running head).
    private static func recurring(_ edges: [String?]) -> Set<String> {
        var counts: [String: Int] = [:]
        for edge in edges.compactMap({ $0 }) where !edge.isEmpty { counts[edge, default: 0] += 1 }
        return Set(counts.filter { $0.value >= 2 }.keys)
    }

    /// "3", "- 3 -", "Trang 3", "3/12", "Trang 3/12", "Page 3 of 12".
    static func isPageNumber(_ line: String) -> Bool {
        let folded = VietText.foldPreservingOffsets(line.trimmingCharacters(in: .whitespaces))
        return folded.wholeMatch(of: pageNumber) != nil
    }

    private nonisolated(unsafe) static let pageNumber = #/[-–—\s]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*(?:/|of|tren)\s*\d{1,4})?[-–—\s]*/#
}

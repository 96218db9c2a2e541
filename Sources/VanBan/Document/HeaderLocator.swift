/// Where a document's header starts when something stands above it: a page saved from a legal
/// portal (as HTML, or as the text a converter made of it) has the site's title, menus and a
/// table of metadata first. The header starts at the issuer lines above the first national
/// motto; lines above those are not the document's.
enum HeaderLocator {
    /// How far down the motto is looked for.
    static let searched = 300

    static func start(_ lines: [Line], from first: Int) -> Int {
        let end = min(lines.count, first + searched)
        guard let motto = (first..<end).first(where: { HeaderParser.isMotto(lines[$0]) }) else {
            return first
        }
        var start = motto
        var index = motto - 1
        var taken = 0
        while index >= first, taken < 6 {
            let line = lines[index]
            defer { index -= 1 }
            if line.isBlank { continue }
            guard isIssuerLike(line) else { break }
            start = index
            taken += 1
        }
        return start
    }

    /// An issuer line, a star under it, or a number: what stands left of or above the motto.
    private static func isIssuerLike(_ line: Line) -> Bool {
        if line.plain.allSatisfy({ $0 == "*" || $0 == "-" || $0 == "_" }) { return true }
        if line.folded.hasPrefix("so ") || line.folded.hasPrefix("so:") { return true }
        return line.isUpperCase && line.plain.count <= 100
    }
}

import VanBan

/// A text of the archive as HTML: its `*emphasis*` and `**strong**` as emphasis, its web
/// addresses (`<http://…>` or bare) as links, and the spans the page gives (citations as links,
/// matched words as marks, sentences as anchors). The stored text keeps its markup as received;
/// only the page reads it.
///
/// Spans may overlap in any way: the text is cut at every span boundary and each piece is
/// wrapped in the tags active over it, outermost first (anchor, link, strong, em, mark), so the
/// HTML always nests.
enum Inline {
    enum Kind: Int, Comparable {
        case anchor, link, strong, emphasis, mark

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    struct Span {
        let range: Range<Int>
        let kind: Kind
        /// The opening tag's attributes, already escaped (`href="…" title="…"`).
        var attributes = ""
    }

    /// `spans` and `highlights` are [start, end) offsets in code points of `text`.
    static func html(_ text: String, highlights: [[Int]] = [], spans: [Span] = []) -> String {
        let scalars = Array(text.unicodeScalars)
        var hidden = [Bool](repeating: false, count: scalars.count)
        var all = spans + highlights.compactMap { $0.count == 2 && $0[0] < $0[1] ? Span(range: $0[0]..<$0[1], kind: .mark) : nil }
        let linked = spans.filter { $0.kind == .link }.map(\.range)
        all += addresses(scalars, hidden: &hidden, avoiding: linked)
        all += emphasis(scalars, hidden: &hidden)
        all = all.map { Span(range: $0.range.clamped(to: 0..<scalars.count), kind: $0.kind, attributes: $0.attributes) }
            .filter { !$0.range.isEmpty }
        return render(scalars, hidden: hidden, spans: all)
    }

    private static func render(_ scalars: [Unicode.Scalar], hidden: [Bool], spans: [Span]) -> String {
        var cuts = Set([0, scalars.count])
        for span in spans { cuts.insert(span.range.lowerBound); cuts.insert(span.range.upperBound) }
        let points = cuts.sorted()
        var open: [Int] = []  // indices into `spans`, outermost first
        var html = ""
        for (start, end) in zip(points, points.dropFirst()) {
            let active = spans.indices.filter { spans[$0].range.lowerBound <= start && spans[$0].range.upperBound >= end }
                .sorted { (spans[$0].kind, spans[$0].range.lowerBound, $0) < (spans[$1].kind, spans[$1].range.lowerBound, $1) }
            var common = 0
            while common < open.count, common < active.count, open[common] == active[common] { common += 1 }
            for index in open[common...].reversed() { html += "</\(tag(spans[index].kind))>" }
            for index in active[common...] {
                let attributes = spans[index].attributes
                html += "<\(tag(spans[index].kind))\(attributes.isEmpty ? "" : " " + attributes)>"
            }
            open = active
            var piece = String.UnicodeScalarView()
            for index in start..<end where !hidden[index] { piece.append(scalars[index]) }
            html += HTML.escape(String(piece))
        }
        for index in open.reversed() { html += "</\(tag(spans[index].kind))>" }
        return html
    }

    private static func tag(_ kind: Kind) -> String {
        switch kind {
        case .anchor: return "span"
        case .link: return "a"
        case .strong: return "strong"
        case .emphasis: return "em"
        case .mark: return "mark"
        }
    }

    /// `**…**` and `*…*` pairs whose content neither starts nor ends with a space; their markers
    /// are hidden. A `**` left without its pair (a snippet cut between the two) is hidden too,
    /// being markup and never text; a lone `*` stays, as in "(*)".
    private static func emphasis(_ scalars: [Unicode.Scalar], hidden: inout [Bool]) -> [Span] {
        var spans: [Span] = []
        var doubles: [Int] = [], singles: [Int] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "*" else { index += 1; continue }
            var run = 1
            while index + run < scalars.count, scalars[index + run] == "*" { run += 1 }
            if run == 2 { doubles.append(index) } else if run == 1 { singles.append(index) }
            index += run
        }
        func pair(_ starts: [Int], width: Int, kind: Kind) -> Set<Int> {
            var used = Set<Int>()
            var position = 0
            while position + 1 < starts.count {
                let open = starts[position], close = starts[position + 1]
                let inner = (open + width)..<close
                if !inner.isEmpty, !scalars[inner.lowerBound].properties.isWhitespace, !scalars[inner.upperBound - 1].properties.isWhitespace {
                    spans.append(Span(range: inner, kind: kind))
                    for marker in [open, close] { for offset in 0..<width { hidden[marker + offset] = true } }
                    used.formUnion([open, close])
                    position += 2
                } else {
                    position += 1
                }
            }
            return used
        }
        let pairedDoubles = pair(doubles, width: 2, kind: .strong)
        for marker in doubles where !pairedDoubles.contains(marker) { hidden[marker] = true; hidden[marker + 1] = true }
        _ = pair(singles, width: 1, kind: .emphasis)
        return spans
    }

    /// Web addresses, bare or in angle brackets (whose brackets are hidden), as links that leave
    /// the archive; none inside a citation link.
    private static func addresses(_ scalars: [Unicode.Scalar], hidden: inout [Bool], avoiding linked: [Range<Int>]) -> [Span] {
        var spans: [Span] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "h", startsAddress(scalars, at: index), index == 0 || !WordBoundary.isWordCharacter(scalars[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, !scalars[end].properties.isWhitespace, !"<>\"“”".unicodeScalars.contains(scalars[end]) { end += 1 }
            while end > index, ".,;:)".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
            let range = index..<end
            if !linked.contains(where: { $0.overlaps(range) }) {
                let address = String(String.UnicodeScalarView(scalars[range]))
                spans.append(Span(range: range, kind: .link, attributes: "href=\"\(HTML.escape(address))\" rel=\"noopener noreferrer\" class=\"web\""))
                if index > 0, scalars[index - 1] == "<", end < scalars.count, scalars[end] == ">" {
                    hidden[index - 1] = true
                    hidden[end] = true
                }
            }
            index = max(end, index + 1)
        }
        return spans
    }

    private static func startsAddress(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        for prefix in ["http://", "https://"] {
            let units = Array(prefix.unicodeScalars)
            if index + units.count < scalars.count, Array(scalars[index..<index + units.count]) == units { return true }
        }
        return false
    }
}

/// A stored sentence read back from its passage: the sentence as stored, and as a quote that
/// says where it was cut short ("… " before, " …" after) and marks the span it is quoted for.
///
/// A sentence is cut short when the extraction stopped before its end (it keeps a few hundred
/// characters either side of a citation): before it, the passage then goes on without a full
/// stop or a line break; after it, the sentence ends without a full stop and the line goes on.
struct Quote {
    let sentence: String
    let snippet: Snippet

    /// `sentence` and `citation` are [start, end) code-point offsets of `passage`. In the title
    /// passage (type — number — trích yếu — issuer) the trích yếu is a whole sentence.
    init(passage: String, sentence range: Range<Int>, citation: Range<Int>, inTitle: Bool) {
        let scalars = Array(passage.unicodeScalars)
        let span = max(0, min(range.lowerBound, scalars.count))..<max(0, min(range.upperBound, scalars.count))
        sentence = String(String.UnicodeScalarView(scalars[span]))
        let before = scalars[..<span.lowerBound].last { !$0.properties.isWhitespace || $0 == "\n" }
        let cutBefore = !inTitle && (before.map { !Self.ends.contains($0) } ?? false)
        let last = span.isEmpty ? nil : scalars[span.upperBound - 1]
        let cutAfter = !inTitle && span.upperBound < scalars.count && scalars[span.upperBound] != "\n"
            && !(last.map { Self.ends.contains($0) || Self.closing.contains($0) } ?? true)
        let prefix = cutBefore ? Snippet.ellipsis + " " : ""
        let shift = prefix.unicodeScalars.count - span.lowerBound
        let marked = citation.clamped(to: span)
        snippet = Snippet(text: prefix + sentence + (cutAfter ? " " + Snippet.ellipsis : ""),
                          highlights: marked.isEmpty ? [] : [[marked.lowerBound + shift, marked.upperBound + shift]])
    }

    /// What ends a sentence (the extraction's rule: ".", "!", "?", or a line break).
    private static let ends: Set<Unicode.Scalar> = ["\n", ".", "!", "?"]
    /// Closing quotes and brackets after a full stop.
    private static let closing: Set<Unicode.Scalar> = ["\"", "”", "’", ")", "»"]
}

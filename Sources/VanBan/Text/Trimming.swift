import Foundation

extension String {
    /// The text without leading and trailing scalars of `set`: what Foundation's
    /// `trimmingCharacters(in:)` returns (it trims scalar by scalar, not by character, so a mark
    /// after a trimmed space stays), without bridging the text to NSString and copying it to
    /// UTF-16, which made trimming a header or closing line cost more than reading it.
    func trimmingScalars(in set: CharacterSet) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }),
              let last = scalars.lastIndex(where: { !set.contains($0) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

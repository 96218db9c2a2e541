/// The formats `vanban index` reads.
public enum SourceFormat: String, Codable, Sendable, CaseIterable {
    case text, pdf, docx, html, doc

    /// The format of a file, from its first bytes, then its name: a PDF or a Word file renamed
    /// `.txt` is still read as what it is.
    static func of(path: String, bytes: [UInt8]) -> SourceFormat {
        let lowered = path.lowercased()
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .doc }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") || lowered.hasSuffix(".xhtml") || looksLikeHTML(bytes) {
            return .html
        }
        return .text
    }

    private static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        // No lower-case mapping yields "<": without one, no need to lower-case the head.
        guard bytes.prefix(1024).contains(UInt8(ascii: "<")) else { return false }
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        let start = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
    }
}

/// A source file turned into text: what the parser reads, and what is known of how it was got.
public struct SourceText: Sendable {
    /// NFC text, LF line ends.
    public var text: String
    public var format: SourceFormat
    /// How the text's bytes were read ("UTF-8", "TCVN3", ...).
    public var encoding: String
    /// The 1-based line at which each page after the first starts (empty for a file without pages).
    public var pageStarts: [Int] = []
    /// Pages in the file (PDF pages; for DOCX, as Word last laid them out), when it has pages.
    public var pageCount: Int?
    /// What the conversion did that a reader should know ("text from OCR (tesseract, vie)").
    public var notes: [String] = []
    /// The text came from OCR of page images, not from a text layer.
    public var ocr = false
    /// The title in the file's own properties (DOCX core properties, HTML `<title>`): a fallback
    /// for a header without one, never above the text.
    public var propertiesTitle: String?

    public init(text: String, format: SourceFormat, encoding: String) {
        self.text = text
        self.format = format
        self.encoding = encoding
    }

    /// The page a 1-based line lies on, when the file has pages.
    public func page(ofLine line: Int) -> Int? {
        guard pageCount != nil else { return nil }
        var low = 0, high = pageStarts.count
        while low < high {
            let middle = (low + high) / 2
            if pageStarts[middle] <= line { low = middle + 1 } else { high = middle }
        }
        return low + 1
    }
}

/// Why a source file could not be turned into text.
public enum SourceFailure: Error, CustomStringConvertible, Equatable {
    case text(TextDecoder.Failure)
    /// A PDF whose pages carry no text (a scan), and no OCR was asked for or possible.
    case scanned(String)
    case toolMissing(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .text(let failure): return failure.description
        case .scanned(let reason): return reason
        case .toolMissing(let reason): return reason
        case .unreadable(let reason): return reason
        }
    }
}

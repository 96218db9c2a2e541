/// What the parser learns of a document's header and closing block.
public struct DocumentMetadata: Codable, Sendable, Equatable {
    public var number: DocumentNumber?
    public var typeCode: String?
    public var typeName: String?
    /// The issuing body as written in the header ("ĐẢNG ỦY SỞ TƯ PHÁP" reads "Đảng ủy Sở Tư pháp"),
    /// or by its full name when the header writes it short under its committee and the number
    /// names it ("VĂN PHÒNG" under "BAN CHẤP HÀNH TRUNG ƯƠNG", 36-HD/VPTW: "Văn phòng Trung ương Đảng").
    public var issuer: String?
    /// The body above the issuer in the header's first lines ("Đảng ủy Khối các cơ quan tỉnh").
    public var parentIssuer: String?
    public var place: String?
    /// ISO 8601 (yyyy-mm-dd).
    public var date: String?
    /// Trích yếu: the "V/v ..." line of a công văn, or the title under the type heading.
    public var title: String?
    public var signer: String?
    public var signerRole: String?
    public var recipients: [String] = []
    public var province: String?
    /// Where the metadata came from when the header was missing (front matter `source:`).
    public var source: String?
    /// The month or year of a date whose day the text leaves blank ("ngày    tháng 8 năm 2026"
    /// in a PDF signed after it was made): "2026-08" or "2026". Never a guessed day.
    public var partialDate: String?
    /// What the text gives of a number it leaves blank ("Số     -HD/BTCTU": "HD/BTCTU").
    public var partialNumber: String?
    /// What the parser noticed and a reader should know: a number or day left blank, a
    /// digital signature's time, a title taken from the file's properties.
    public var notes: [String] = []

    public init() {}

    public var year: Int? { (date ?? partialDate).flatMap { Int($0.prefix(4)) } ?? number?.year }

    /// The header fields the parser looked for and did not find, for the index report.
    public var missingFields: [String] {
        var missing: [String] = []
        if number == nil { missing.append("number") }
        if date == nil { missing.append("date") }
        if typeCode == nil { missing.append("type") }
        if issuer == nil { missing.append("issuer") }
        if title == nil { missing.append("title") }
        return missing
    }
}

/// A heading of the document's body, with its depth in the outline.
public struct Heading: Codable, Sendable, Equatable {
    public let text: String
    public let rank: Int
}

/// One paragraph of body text and the headings above it.
public struct Passage: Codable, Sendable, Equatable {
    public let path: [Heading]
    public let text: String
    /// Offset of the paragraph's first line in the document, in lines from 1.
    public let line: Int
    /// The page it starts on, for a file with pages (PDF, DOCX).
    public var page: Int?

    public var headingPath: String { path.map(\.text).joined(separator: Passage.pathSeparator) }

    public static let pathSeparator = " › "

    /// Which passages, given their heading paths in order, are headings: the outline keeps each
    /// heading as a passage too, under the headings above it, so a heading is a passage whose
    /// next one's path is its own and one heading more.
    public static func headings(amongPaths paths: [String]) -> [Bool] {
        paths.indices.map { index in index + 1 < paths.count && opens(paths[index + 1], from: paths[index]) }
    }

    /// Compared as bytes: both paths are made of the same headings' text, and counting
    /// characters would break every path into graphemes.
    private static func opens(_ next: String, from path: String) -> Bool {
        let next = next.utf8, path = path.utf8, separator = pathSeparator.utf8
        guard next.count > path.count, next.starts(with: path) else { return false }
        var added = next.dropFirst(path.count)
        if !path.isEmpty {
            guard added.starts(with: separator) else { return false }
            added = added.dropFirst(separator.count)
        }
        return !added.isEmpty && !Substring(added).includesBytes(of: pathSeparator)
    }
}

/// A parsed corpus file: its metadata, its body passages, and the whole normalised text.
public struct ParsedDocument: Sendable {
    public var metadata: DocumentMetadata
    public var passages: [Passage]
    public var text: String
}

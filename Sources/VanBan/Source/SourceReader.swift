import Foundation

/// The first stage of a file's path: its bytes, whatever their format, turned into text with
/// what is known of where it came from (format, pages, conversion notes).
///
/// Plain text goes through ``TextDecoder``; PDF through Poppler, DOCX through ZIPFoundation
/// and an XML parser, HTML through a tolerant tag reader, and Word 97–2003 through antiword or
/// catdoc (see each reader). Whatever cannot be read is a ``SourceFailure`` that names why.
public struct SourceReader: Sendable {
    public struct Options: Sendable, Equatable {
        /// Read PDFs without a text layer with tesseract, when it is installed.
        public var ocr: Bool

        public init(ocr: Bool = false) { self.ocr = ocr }
    }

    public let options: Options
    let legacy: LegacyEncodings
    /// Folded labels of a digital signature's stamp ("nguoi ky"): a PDF page holding only a
    /// stamp has no text layer (see ``RuleSet/sourceReader(options:)``, which passes them).
    let stampLabels: [String]

    public init(options: Options = Options(), legacy: LegacyEncodings = .standard, stampLabels: [String] = []) {
        self.options = options
        self.legacy = legacy
        self.stampLabels = stampLabels
    }

    /// Reads `bytes`, the content of the file at `url` (the external tools read the file itself).
    public func read(_ bytes: [UInt8], url: URL) throws(SourceFailure) -> SourceText {
        switch SourceFormat.of(path: url.path, bytes: bytes) {
        case .pdf: return try PDFReader(ocr: options.ocr, stampLabels: stampLabels).read(url)
        case .docx: return try DOCXReader().read(bytes)
        case .doc: return try WordBinaryReader().read(url)
        case .html: return try HTMLReader().read(bytes, legacy: legacy)
        case .text:
            do {
                let decoded = try TextDecoder.decode(bytes, legacy: legacy)
                return SourceText(text: decoded.text, format: .text, encoding: decoded.encoding)
            } catch {
                throw .text(error)
            }
        }
    }
}

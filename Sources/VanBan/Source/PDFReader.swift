import Foundation

/// Reads a PDF's text layer with Poppler's `pdftotext`, page by page, keeping where each page
/// starts. A PDF whose pages hold no text is a scan: it is refused with that reason, or, when
/// OCR is asked for and tesseract with Vietnamese data is installed, read page by page from
/// images rendered by `pdftoppm`.
///
/// `pdftotext -layout` keeps each line's columns in place: the two-column header comes out as
/// lines whose left and right cells are separated by runs of spaces, which the header parser
/// splits. Its reading-order mode breaks cells apart instead ("Số" and "-HD/BTCTU", "Bình
/// Thuận, ngày" and "23 tháng 3 năm 2022" on lines of their own): on seven real signed and
/// unsigned PDFs it gave 28 of 35 header fields, `-layout` 33. A tool process per file rather
/// than libpoppler-cpp in the C target: as fast on those PDFs (0.2–0.3 s for 67 pages either
/// way, the same text), no C++ in the build, and a PDF that crashes or hangs Poppler costs that
/// one file, not the index run.
struct PDFReader {
    static let pdftotext = ExternalTool(name: "pdftotext", package: "poppler-utils")
    static let pdftoppm = ExternalTool(name: "pdftoppm", package: "poppler-utils")
    static let tesseract = ExternalTool(name: "tesseract", package: "tesseract-ocr and tesseract-ocr-vie")

    let ocr: Bool
    let stampLabels: [String]

    func read(_ url: URL) throws(SourceFailure) -> SourceText {
        let output = try Self.pdftotext.run(["-layout", "-enc", "UTF-8", "-eol", "unix", url.path, "-"])
        guard output.status == 0 else { throw .unreadable(Self.reason(output, tool: "pdftotext")) }
        var pages = Self.pages(String(decoding: output.stdout, as: UTF8.self))
        var notes: [String] = []
        // A scan's pages carry no text, or an OCR layer that lost the marks or a legacy font's
        // text that is not Vietnamese: OCR reads those again when asked to.
        let unreadable = pages.indices.filter { hasText(onPage: pages[$0]) && !Self.readsAsVietnamese(pages[$0]) }
        if !unreadable.isEmpty && !ocr {
            notes.append("the text layer of page\(unreadable.count == 1 ? "" : "s") \(Self.list(unreadable)) does not read as Vietnamese (an OCR layer without marks, or a legacy font); index with --ocr to read it again")
        }
        let blank = pages.indices.filter { !hasText(onPage: pages[$0]) || (ocr && unreadable.contains($0)) }
        var usedOCR = false
        if blank.count == pages.count || (!blank.isEmpty && ocr) {
            guard ocr else { throw .scanned("scanned: no text layer (\(pages.count) page\(pages.count == 1 ? "" : "s")); index with --ocr to read it with tesseract") }
            try Self.checkOCR()
            for index in blank { pages[index] = try Self.recognise(url, page: index + 1) }
            usedOCR = true
            notes.append(blank.count == pages.count
                ? "text from OCR (tesseract, vie) of \(pages.count == 1 ? "its page" : "all \(pages.count) pages")"
                : "text from OCR (tesseract, vie) of page\(blank.count == 1 ? "" : "s") \(Self.list(blank)), which had no readable text layer")
        } else if !blank.isEmpty {
            notes.append("page\(blank.count == 1 ? "" : "s") without a text layer (not read; index with --ocr): \(Self.list(blank))")
        }
        let cleaned = PageCleaner.clean(pages)
        if cleaned.removed > 0 { notes.append("\(cleaned.removed) page numbers, running heads and footers left out") }
        var text = SourceText(text: VietText.nfc(TextDecoder.clean(cleaned.text)), format: .pdf, encoding: "UTF-8")
        text.pageStarts = cleaned.pageStarts
        text.pageCount = pages.count
        text.ocr = usedOCR
        text.notes = notes
        return text
    }

    /// pdftotext ends every page with a form feed.
    static func pages(_ text: String) -> [String] {
        var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        if pages.count > 1, pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
        return pages
    }

    private static func list(_ pages: [Int]) -> String { pages.map { String($0 + 1) }.joined(separator: ", ") }

    /// A page of some length whose words mostly carry marks that spell Vietnamese syllables:
    /// an OCR layer that dropped the marks has almost none ("TINH trY LAM DONG"), a legacy font
    /// read as Latin-1 has marks that spell nothing ("tènh lâm òng").
    static func readsAsVietnamese(_ page: String) -> Bool {
        let words = page.split { !$0.isLetter }.filter { $0.count > 1 }
        guard words.count >= 30 else { return true }
        let marked = words.filter { !$0.allSatisfy(\.isASCII) }.count
        return Double(marked) / Double(words.count) >= 0.2 && VietnameseScore(page).fraction >= 0.7
    }

    static func hasText(_ page: String) -> Bool {
        page.unicodeScalars.lazy.filter { $0.properties.isAlphabetic }.prefix(3).count == 3
    }

    /// Text beyond a signature stamp: the portal that signs a scan stamps its first page with
    /// text ("Người ký: ...", "Thời gian ký: ...") and nothing else.
    func hasText(onPage page: String) -> Bool {
        Self.hasText(page) && page.split(separator: "\n").contains { line in
            Self.hasText(String(line)) && !stampLabels.contains { VietText.key(String(line)).hasPrefix($0) }
        }
    }

    private static func checkOCR() throws(SourceFailure) {
        guard tesseract.isInstalled else { throw .toolMissing("scanned: no text layer; OCR needs \(tesseract.missingReason)") }
        guard pdftoppm.isInstalled else { throw .toolMissing("scanned: no text layer; OCR needs \(pdftoppm.missingReason)") }
        let languages = try tesseract.run(["--list-langs"])
        let listed = String(decoding: languages.stdout, as: UTF8.self) + languages.stderr
        guard listed.split(whereSeparator: \.isNewline).contains("vie") else {
            throw .toolMissing("scanned: no text layer; OCR needs tesseract's Vietnamese data (Debian package tesseract-ocr-vie)")
        }
    }

    /// One page rendered at 300 dpi in grey and read by tesseract in Vietnamese.
    private static func recognise(_ url: URL, page: Int) throws(SourceFailure) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-ocr-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .unreadable("cannot make a folder for OCR: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let image = folder.appendingPathComponent("page")
        let render = try pdftoppm.run(["-r", "300", "-gray", "-png", "-singlefile", "-f", "\(page)", "-l", "\(page)", url.path, image.path])
        guard render.status == 0 else { throw .unreadable(reason(render, tool: "pdftoppm")) }
        let read = try tesseract.run([image.path + ".png", "stdout", "-l", "vie"], environment: ["OMP_THREAD_LIMIT": "1"])
        guard read.status == 0 else { throw .unreadable(reason(read, tool: "tesseract")) }
        return String(decoding: read.stdout, as: UTF8.self)
    }

    static func reason(_ output: ExternalTool.Output, tool: String) -> String {
        if output.timedOut { return "\(tool) did not finish in \(Int(ExternalTool.timeout)) s" }
        let message = output.stderr.split(whereSeparator: \.isNewline).last.map(String.init) ?? "exit status \(output.status)"
        return "\(tool) could not read it: \(message)"
    }
}

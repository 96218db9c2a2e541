import Foundation
@testable import VanBan
import XCTest

/// The parsers' byte-level text tests beside the Foundation and Character-level ones they
/// replaced: the same answers on the seed corpus, the fixtures, and text made to trip them.
final class ByteSearchTests: XCTestCase {
    /// Lines of every text file the tests hold, and lines with marks, tabs and NFD text around the searched marks.
    static func sampleLines() throws -> [String] {
        var lines = [
            "", " ", "  ", "a  b", "\tx", "Số:  12 | Hà Nội", "Đảng cộng sản Việt Nam", "ĐẢNG CỘNG SẢN VIỆT NAM",
            "dang cong san viet nam", "Hà Nội, ngày 5", "| a | b |", "“V/v ...”", "x\u{00A0}y", "ngày: 1;",
            // A mark after a match joins it: Foundation finds no ":" or " " here.
            "trích: \u{301}a", "a:\u{301} b", "\t\u{301}", "ủ\u{301}y", "a\u{200C}", "a\u{200D}b", "a\u{93F}", "a\u{FE0F}", "\u{301}ab",
        ]
        let folders = [Support.corpus, Support.fixtures, Support.repository.appendingPathComponent("indexer")]
        for folder in folders {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where ["txt", "tsv"].contains(file.pathExtension) {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                lines += VietText.nfc(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        XCTAssertGreaterThan(lines.count, 1000)
        return lines
    }

    func testIncludesAgreesWithFoundation() throws {
        let parts = ["  ", "\t", " | ", ":", ",", ";", " ", "a", "ủ", "\u{00A0}", "ngay", "dang cong san viet nam", "Việt Nam", "ủy", ""]
        for line in try Self.sampleLines() {
            let folded = VietText.foldPreservingOffsets(line)
            for part in parts {
                XCTAssertEqual(line.includes(part), line.contains(part), "\(line) / \(part)")
                XCTAssertEqual(folded.includes(part), folded.contains(part), "\(folded) / \(part)")
                XCTAssertEqual(line.dropFirst().includes(part), line.dropFirst().contains(part))
            }
            // Decomposed text (as copied from Word) for the ASCII marks: a mark after one joins it.
            let decomposed = line.decomposedStringWithCanonicalMapping
            for part in parts where part.utf8.allSatisfy({ $0 < 0x80 }) {
                XCTAssertEqual(decomposed.includes(part), decomposed.contains(part), "\(decomposed) / \(part)")
            }
        }
    }
}

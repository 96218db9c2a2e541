import Foundation
import VanBan
import XCTest

final class CitationTests: XCTestCase {
    private func citations(_ name: String) throws -> [Citation] {
        let bytes = try [UInt8](Data(contentsOf: Support.corpus.appendingPathComponent(name)))
        let document = DocumentParser(rules: Support.rules).parse(try TextDecoder.decode(bytes).text)
        return CitationFinder(rules: Support.rules).citations(in: document)
    }

    func testDump() throws {
        for name in ["84-CV-DU_2014-06-06.txt", "60-CTr-DUK_2014-05-29.txt"] {
            for (i, c) in try citations(name).enumerated() {
                print("\(i) \(c.kind) [\(c.text)] \(c.number?.symbol ?? c.named ?? "-") type=\(c.typeCode ?? "-") date=\(c.date ?? "-") rel=\(c.relation.rawValue) cue=\(c.cue ?? "-") subj=\(c.subject.map(String.init) ?? "-") ref=\(c.refersTo.map(String.init) ?? "-") issuer=\(c.issuer ?? "-") title=\(c.title?.prefix(50) ?? "-") note=\(c.note ?? "")")
            }
        }
    }
}

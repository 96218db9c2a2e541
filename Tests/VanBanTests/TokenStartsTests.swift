import Foundation
@testable import VanBan
import XCTest

/// `texts.tokens` gives back the starts it was given, in a byte or two a start.
final class TokenStartsTests: XCTestCase {
    func testRoundTrip() {
        let headings: [UInt32] = [0, 3, 3, 200, 70_000, 5, UInt32.max]
        let bodies: [UInt32] = [1, 130, 16_500, 16_500, 2_000_000, 2_000_001, 0]
        let starts = TokenStarts.decode(TokenStarts.encode(headings: headings, bodies: bodies))
        XCTAssertEqual(starts.map(\.heading), headings.map(Int.init))
        XCTAssertEqual(starts.map(\.body), bodies.map(Int.init))
        XCTAssertTrue(TokenStarts.decode(Data()).isEmpty)
    }

    /// Steps under 128 tokens take a byte each, where 32-bit pairs took eight bytes a passage.
    func testStepsAreSmall() {
        let bodies = (0..<100).map { UInt32($0 * 100) }
        XCTAssertEqual(TokenStarts.encode(headings: bodies.map { $0 / 10 }, bodies: bodies).count, 200)
    }

    func testCutShortPairIsLeftOut() {
        var data = TokenStarts.encode(headings: [5, 9], bodies: [300, 700])
        data.removeLast()
        XCTAssertEqual(TokenStarts.decode(data).map(\.heading), [5])
    }
}

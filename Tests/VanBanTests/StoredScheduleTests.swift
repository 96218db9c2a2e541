import Foundation
@testable import VanBan
import XCTest

/// `requirements.schedule` gives back the schedule it was given, without its defaults.
final class StoredScheduleTests: XCTestCase {
    func testRoundTrip() throws {
        let full = Schedule(kind: .periodic, date: "2024-12-31", day: 20, month: 6, everyMonths: [3, 12], atLeast: true,
                            deadline: true, within: "quarter", days: 30, workingDays: true, text: "trước ngày 20")
        let plain = Schedule(kind: .yearly, day: 15, month: 10, text: "Hằng năm")
        for schedule in [full, plain] {
            let json = try JSONEncoder().encode(StoredSchedule(schedule))
            XCTAssertEqual(try JSONDecoder().decode(StoredSchedule.self, from: json).schedule, schedule)
        }
        let plainJSON = String(decoding: try JSONEncoder().encode(StoredSchedule(plain)), as: UTF8.self)
        XCTAssertFalse(plainJSON.contains("false") || plainJSON.contains("[]"), plainJSON)
    }

    /// Every field of a schedule has its place in the stored form.
    func testEveryFieldIsStored() {
        let schedule = Schedule(kind: .date, text: "")
        let fields = Set(Mirror(reflecting: schedule).children.compactMap(\.label))
        let stored = Set(Mirror(reflecting: StoredSchedule(schedule)).children.compactMap(\.label))
        XCTAssertEqual(fields, stored)
    }
}

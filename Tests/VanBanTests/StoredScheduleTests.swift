import Foundation
@testable import VanBan
import XCTest

/// `requirements.schedule` gives back the schedule it was given, without its defaults.
final class StoredScheduleTests: XCTestCase {
    func testRoundTrip() throws {
        let full = Schedule(kind: .periodic, date: "2024-12-31", day: 20, month: 6, everyMonths: [3, 12], atLeast: true,
                            deadline: true, within: "quarter", days: 30, workingDays: true, text: "trước ngày 20")
        let plain = Schedule(kind: .yearly, day: 15, month: 10, text: "Hằng năm")
        let awkward = Schedule(kind: .date, date: "2024-11-30", deadline: true, text: "trước \"ngày\" 30/11\\2024\n\t\u{1}")
        for schedule in [full, plain, awkward] {
            let json = StoredSchedule(schedule).json
            XCTAssertEqual(try JSONDecoder().decode(StoredSchedule.self, from: Data(json.utf8)).schedule, schedule, json)
            // The same object as JSONEncoder writes, keys in its sorted order.
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let encoded = try encoder.encode(StoredSchedule(schedule))
            XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary,
                           try JSONSerialization.jsonObject(with: encoded) as? NSDictionary, json)
            let keys = { (text: String) in text.matches(of: #/"(\w+)":/#).map { String($0.output.1) } }
            XCTAssertEqual(keys(json), keys(String(decoding: encoded, as: UTF8.self)), json)
        }
        XCTAssertFalse(StoredSchedule(plain).json.contains("false") || StoredSchedule(plain).json.contains("[]"))
    }

    /// Every field of a schedule has its place in the stored form.
    func testEveryFieldIsStored() {
        let schedule = Schedule(kind: .date, text: "")
        let fields = Set(Mirror(reflecting: schedule).children.compactMap(\.label))
        let stored = Set(Mirror(reflecting: StoredSchedule(schedule)).children.compactMap(\.label))
        XCTAssertEqual(fields, stored)
    }
}

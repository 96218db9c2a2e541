import GRDB

extension Statement {
    /// What `read` takes from the first row, read in place: `Row.fetchOne` copies every value of
    /// the row first, which the lookups a search makes for each hit need not pay.
    func readFirstRow<T>(arguments: StatementArguments, _ read: (Row) throws -> T) throws -> T? {
        let cursor = try Row.fetchCursor(self, arguments: arguments)
        return try withExtendedLifetime(cursor) { try cursor.next().map(read) }
    }
}

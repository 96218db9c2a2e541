/// What one `vanban index` run did.
public struct IndexReport: Sendable, Codable {
    public struct Failure: Sendable, Codable, Equatable {
        public let path: String
        public let reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    public struct Incomplete: Sendable, Codable, Equatable {
        public let path: String
        public let missing: [String]

        public init(path: String, missing: [String]) {
            self.path = path
            self.missing = missing
        }
    }

    public var added: [String] = []
    public var updated: [String] = []
    public var removed: [String] = []
    public var unchanged = 0
    public var failed: [Failure] = []
    public var incomplete: [Incomplete] = []
    /// Bytes read and parsed in this run.
    public var bytes = 0
    public var seconds = 0.0
    /// True when the archive was built from nothing (first run, new schema or new rules).
    public var rebuilt = false

    public var changed: Bool { !added.isEmpty || !updated.isEmpty || !removed.isEmpty }
}

/// Progress of a run, for a terminal display.
public struct IndexProgress: Sendable {
    public let filesDone: Int
    public let filesTotal: Int
    public let bytesDone: Int
    public let bytesTotal: Int
    public let seconds: Double
}

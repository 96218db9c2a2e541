import Foundation
import GRDB

/// A built archive, opened read-only. Every query of the library goes through one.
///
/// It holds a few read-only connections, so concurrent queries (a server's) run in parallel.
/// `vanban index` and `vanban publish` replace the archive file by renaming a new one over it;
/// an open Archive notices the new file at its next read, checks it, and switches to it, so a
/// long-running server picks up a new build without a restart and without serving a half-built
/// index. A file that fails the check (not an archive, truncated, another schema version) is
/// refused: the Archive keeps serving the file it has, which stays readable through its open
/// connections after the rename, and says so in ``health()`` until a sound file replaces it.
public final class Archive: @unchecked Sendable {
    public let path: String
    public let rules: RuleSet
    private let connections: Int
    private let events: (@Sendable (ArchiveEvent) -> Void)?
    private let lock = NSLock()
    private var file: OpenFile
    private var refusal: (identity: FileIdentity, reason: String)?
    private var next = 0

    /// One archive file, open: its connections, and its search table and facts once read.
    private final class OpenFile: @unchecked Sendable {
        let queues: [DatabaseQueue]
        let identity: FileIdentity
        private let lock = NSLock()
        private var table: LoadedSearchTable?
        private var facts: ArchiveFacts?

        init(queues: [DatabaseQueue], identity: FileIdentity) {
            self.queues = queues
            self.identity = identity
        }

        func searchTable(_ db: Database) throws -> SearchTable {
            lock.lock()
            defer { lock.unlock() }
            if let table { return table.table }
            let loaded = LoadedSearchTable(try SearchTable.read(db))
            table = loaded
            return loaded.table
        }

        /// Read once: the file never changes while it is open (a new build is a new file).
        func facts(_ db: Database) throws -> ArchiveFacts {
            lock.lock()
            defer { lock.unlock() }
            if let facts { return facts }
            let read = try ArchiveFacts(db)
            facts = read
            return read
        }
    }

    /// - Parameter events: told when the Archive switches to a new file or refuses one (a
    ///   server logs them).
    public init(path: String, rules: RuleSet, connections: Int = 1,
                events: (@Sendable (ArchiveEvent) -> Void)? = nil) throws {
        self.path = path
        self.rules = rules
        self.connections = max(1, connections)
        self.events = events
        file = try Self.open(path, count: self.connections)
    }

    /// Runs `block` on the current archive file.
    public func read<T>(_ block: (Database) throws -> T) throws -> T {
        try current().queue.read(block)
    }

    /// Runs `block` on the current archive file with its search table.
    func search<T>(_ block: (Database, SearchTable) throws -> T) throws -> T {
        let (queue, file) = try current()
        return try queue.read { db in try block(db, try file.searchTable(db)) }
    }

    /// What a monitor or a balancer asks: which build this Archive serves, how many documents
    /// it holds, and why a file that replaced it was refused, if one was.
    public func health() throws -> ArchiveHealth {
        let (queue, file) = try current()
        let facts = try queue.read { try file.facts($0) }
        let refused = lock.withLock { refusal?.reason }
        return ArchiveHealth(buildId: facts.buildID, documents: facts.documents, builtAt: facts.builtAt, refused: refused)
    }

    private func current() throws -> (queue: DatabaseQueue, file: OpenFile) {
        lock.lock()
        defer { lock.unlock() }
        if let now = FileIdentity(path: path), now != file.identity, now != refusal?.identity {
            replace(with: now)
        }
        next = (next + 1) % file.queues.count
        return (file.queues[next], file)
    }

    /// Switches to the file now at `path` if it reads as a whole archive, or keeps the current
    /// one. Requests wait for it (under the lock), so the first request after a rename sees
    /// the new build; the check reads only what the file's first requests would read anyway.
    private func replace(with identity: FileIdentity) {
        let previous = try? file.queues[0].read { try file.facts($0) }
        do {
            let opened = try Self.open(path, count: connections)
            let facts = try opened.queues[0].read { db -> ArchiveFacts in
                _ = try opened.searchTable(db)
                return try opened.facts(db)
            }
            file = opened
            refusal = nil
            events?(.switched(from: previous?.buildID, to: facts.buildID, documents: facts.documents))
        } catch {
            let reason = "the file that replaced \(path) was refused and build \(previous?.buildID ?? "?") is still served: \(Self.reason(error))"
            refusal = (identity, reason)
            events?(.refused(reason))
        }
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case let error as VanBanError: return error.description
        case let error as DatabaseError: return error.message ?? "\(error)"
        default: return "\(error)"
        }
    }

    /// Opens every connection on one file: a rename while they open (the file's identity
    /// differs after them) opens them again, so they never hold two builds between them.
    private static func open(_ path: String, count: Int) throws -> OpenFile {
        while true {
            var queues: [DatabaseQueue] = []
            var identity: FileIdentity?
            for _ in 0..<count {
                let (queue, opened) = try open(path)
                queues.append(queue)
                identity = identity ?? opened
            }
            if FileIdentity(path: path) == identity { return OpenFile(queues: queues, identity: identity!) }
        }
    }

    private static func open(_ path: String) throws -> (DatabaseQueue, FileIdentity) {
        guard let identity = FileIdentity(path: path) else { throw VanBanError.archiveMissing(path) }
        let queue: DatabaseQueue
        do {
            queue = try Connection.open(path, readonly: true)
            if let problem = try queue.read(Schema.incompatibility) {
                throw VanBanError.archiveVersion("The archive \(path) cannot be read: \(problem).")
            }
        } catch let error as VanBanError {
            throw error
        } catch {
            // SQLite's own message ("file is not a database", "disk I/O error") is no help to
            // whoever typed the path; what it means for them is.
            throw VanBanError.archiveVersion("The archive \(path) cannot be read: it is not a vanban archive, or it is damaged; run `vanban index` to rebuild it, or `vanban publish` a sound copy over it.")
        }
        return (queue, identity)
    }
}

/// A change of the file an Archive serves, for a server's log.
public enum ArchiveEvent: Sendable, Equatable {
    case switched(from: String?, to: String?, documents: Int)
    case refused(String)
}

/// What `/health` reports beside "ok". Keys are added, never renamed.
public struct ArchiveHealth: Codable, Sendable, Equatable {
    public var status = "ok"
    /// The build id `vanban index` wrote into the served file (nil for an archive built
    /// before build ids were recorded).
    public let buildId: String?
    public let documents: Int
    public let builtAt: String?
    /// Why the file that last replaced the archive was not taken; nil once a sound file is.
    public let refused: String?
}

/// The facts of one archive file that say which build it is.
struct ArchiveFacts {
    let buildID: String?
    let builtAt: String?
    let documents: Int

    init(_ db: Database) throws {
        buildID = try BuildID.read(db)
        builtAt = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'built_at'")
        documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
    }
}

/// Device, inode and modification time: a renamed-over file has another.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64
    let mtime: Int

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        mtime = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
    }
}

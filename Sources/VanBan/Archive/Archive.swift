import Foundation
import GRDB

/// A built archive, opened read-only. Every query of the library goes through one.
///
/// It holds a few read-only connections, so concurrent queries (a server's) run in parallel.
/// `vanban index` replaces the archive file by renaming a new one over it; an open Archive
/// notices the new file at its next read and switches to it, so a long-running server picks
/// up a re-index without a restart and without serving a half-built index.
public final class Archive: @unchecked Sendable {
    public let path: String
    public let rules: RuleSet
    private let connections: Int
    private let lock = NSLock()
    private var file: OpenFile
    private var next = 0

    /// One archive file, open: its connections, and its search table once read.
    private final class OpenFile: @unchecked Sendable {
        let queues: [DatabaseQueue]
        let identity: FileIdentity
        private let lock = NSLock()
        private var table: LoadedSearchTable?

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
    }

    public init(path: String, rules: RuleSet, connections: Int = 1) throws {
        self.path = path
        self.rules = rules
        self.connections = max(1, connections)
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

    private func current() throws -> (queue: DatabaseQueue, file: OpenFile) {
        lock.lock()
        defer { lock.unlock() }
        if let now = FileIdentity(path: path), now != file.identity {
            file = try Self.open(path, count: connections)
        }
        next = (next + 1) % file.queues.count
        return (file.queues[next], file)
    }

    private static func open(_ path: String, count: Int) throws -> OpenFile {
        var queues: [DatabaseQueue] = []
        var identity: FileIdentity?
        for _ in 0..<count {
            let (queue, opened) = try open(path)
            queues.append(queue)
            identity = identity ?? opened
        }
        return OpenFile(queues: queues, identity: identity!)
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
            throw VanBanError.archiveVersion("The archive \(path) cannot be read: it is not a vanban archive, or it is damaged; run `vanban index` to rebuild it.")
        }
        return (queue, identity)
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

import Foundation
import GRDB

/// Copies a built archive to the file a replica serves, so that the replica only ever sees the
/// file it had or the whole new one: the copy goes to `DEST.publishing` beside it, is flushed
/// to disk, checked, and only then renamed over `DEST` (and the rename flushed). A run killed
/// at any moment leaves `DEST` as it was; the next run removes its leftover.
///
/// The check: the copy has the source's size, SQLite's `integrity_check` finds every page and
/// b-tree whole, its schema is the one this vanban reads, and it records the build id the
/// source does. SQLite keeps no checksums of row contents, so bytes changed inside a stored
/// text are left to `vanban verify`, whose FTS5 check reads every document back.
public struct Publisher {
    public let source: String
    /// The file to replace: `DEST` itself, or `DEST/<source's name>` when `DEST` is a folder.
    public let destination: String
    /// At most this many bytes a second are written (nil: as fast as the disks go), so that a
    /// replica serving from the same disk keeps its share of it.
    public var bytesPerSecond: Double?

    public init(source: String, destination: String, bytesPerSecond: Double? = nil) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder), isFolder.boolValue {
            self.destination = URL(fileURLWithPath: destination).appendingPathComponent(URL(fileURLWithPath: source).lastPathComponent).path
        } else {
            self.destination = destination
        }
        self.source = source
        self.bytesPerSecond = bytesPerSecond
    }

    public var temporaryPath: String { destination + ".publishing" }

    public func run() throws -> PublicationReport {
        let started = Date()
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else {
            if errno == ENOENT { throw VanBanError.archiveMissing(source) }
            throw VanBanError.publication("cannot read \(source): \(String(cString: strerror(errno)))")
        }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw VanBanError.publication("\(source) is not a file")
        }
        if let target = FileIdentity(path: destination), target.device == UInt64(status.st_dev), target.inode == UInt64(status.st_ino) {
            throw VanBanError.publication("\(source) is the file it would replace; publish a build from elsewhere")
        }
        let build: ArchiveFacts
        do {
            build = try Self.facts(of: source, what: "The archive \(source) cannot be published")
        } catch VanBanError.publication(let message) {
            throw VanBanError.archiveVersion(message)
        }
        // The facts must describe the file being copied, not one renamed over it since.
        guard let now = FileIdentity(path: source), now.device == UInt64(status.st_dev), now.inode == UInt64(status.st_ino) else {
            throw VanBanError.publication("\(source) was replaced while being read; publish again")
        }

        let lock = try IndexLock(path: destination + ".lock")
        defer { lock.release() }
        unlink(temporaryPath)
        do {
            try copy(from: input, bytes: Int(status.st_size))
            let copied = try Self.facts(of: temporaryPath, what: "The copy \(temporaryPath) is refused", integrity: true)
            guard copied.buildID == build.buildID else {
                throw VanBanError.publication("The copy \(temporaryPath) is refused: it records build \(copied.buildID ?? "none"), the source \(build.buildID ?? "none")")
            }
        } catch {
            unlink(temporaryPath)
            guard let error = error as? VanBanError else { throw error }
            if case .publication(let message) = error { throw VanBanError.publication("\(message); \(destination) is unchanged") }
            throw VanBanError.publication("\(error.description); \(destination) is unchanged")
        }
        let replaced = try? Self.facts(of: destination, what: "").buildID
        guard rename(temporaryPath, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw VanBanError.publication("cannot rename \(temporaryPath) over \(destination): \(reason)")
        }
        Self.flush(folderOf: destination)
        return PublicationReport(destination: destination, buildId: build.buildID ?? "", documents: build.documents,
                                 bytes: Int(status.st_size), seconds: Date().timeIntervalSince(started), replaced: replaced)
    }

    /// Copies `bytes` bytes of `input` to the temporary file and flushes it to disk.
    private func copy(from input: Int32, bytes: Int) throws {
        let output = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else {
            throw VanBanError.publication("cannot write \(temporaryPath): \(String(cString: strerror(errno)))")
        }
        defer { close(output) }
        // Throttled, a tenth of a second's worth at a time, so the rate holds over short spans too.
        let chunk = bytesPerSecond.map { max(1 << 14, min(1 << 20, Int($0 / 10))) } ?? 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 4096)
        defer { buffer.deallocate() }
        let started = DispatchTime.now().uptimeNanoseconds
        var written = 0
        while true {
            let count = read(input, buffer, chunk)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw VanBanError.publication("cannot read \(source): \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            var done = 0
            while done < count {
                let step = write(output, buffer + done, count - done)
                if step < 0 && errno == EINTR { continue }
                guard step > 0 else {
                    throw VanBanError.publication("cannot write \(temporaryPath): \(String(cString: strerror(errno)))")
                }
                done += step
            }
            written += count
            if let bytesPerSecond, bytesPerSecond > 0 {
                let due = UInt64(Double(written) / bytesPerSecond * 1e9)
                let elapsed = DispatchTime.now().uptimeNanoseconds - started
                if due > elapsed { usleep(useconds_t(min(Double(due - elapsed) / 1e3, 10e6))) }
            }
        }
        guard written == bytes else {
            throw VanBanError.publication("\(source) changed size while it was copied (\(bytes) bytes, then \(written)); publish again")
        }
        guard fsync(output) == 0 else {
            throw VanBanError.publication("cannot flush \(temporaryPath) to disk: \(String(cString: strerror(errno)))")
        }
    }

    /// The build an archive file records, once its schema (and, with `integrity`, every page)
    /// has been checked.
    private static func facts(of path: String, what: String, integrity: Bool = false) throws -> ArchiveFacts {
        do {
            let queue = try DatabaseQueue(path: path, configuration: Connection.configuration(readonly: true))
            defer { try? queue.close() }
            return try queue.read { db in
                if integrity {
                    let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
                    if problems != ["ok"] {
                        throw VanBanError.publication("\(what): SQLite's integrity check finds it damaged (\(problems.prefix(3).joined(separator: "; ")))")
                    }
                }
                if let problem = try Schema.incompatibility(db) { throw VanBanError.publication("\(what): \(problem)") }
                let facts = try ArchiveFacts(db)
                guard facts.buildID != nil else {
                    throw VanBanError.publication("\(what): it records no build id (it was built before vanban wrote one); run `vanban index` on it again")
                }
                return facts
            }
        } catch let error as VanBanError {
            throw error
        } catch {
            let message = (error as? DatabaseError)?.message ?? "\(error)"
            throw VanBanError.publication("\(what): it does not read as a whole archive (\(message))")
        }
    }

    /// Flushes a folder's entries, so the rename survives a crash of the machine.
    private static func flush(folderOf path: String) {
        let folder = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        fsync(folder)
        close(folder)
    }
}

/// What `vanban publish` did.
public struct PublicationReport: Codable, Sendable {
    public let destination: String
    public let buildId: String
    public let documents: Int
    public let bytes: Int
    public let seconds: Double
    /// The build the destination held before, when it held a readable archive.
    public let replaced: String?
}

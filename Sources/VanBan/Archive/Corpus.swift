import Foundation

/// The files of a corpus folder: every regular file below it, by path relative to it.
/// Hidden files are skipped; a file that cannot be listed or read is reported, not fatal.
public struct Corpus: Sendable {
    public struct File: Sendable, Hashable {
        public let path: String
        public let url: URL
        public let size: Int
        public let mtime: Double
    }

    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL }

    /// The files, and the entries that could not be listed with the reason.
    public func files() throws -> (files: [File], problems: [(path: String, reason: String)]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw VanBanError.corpus("no corpus folder at \(root.path)")
        }
        var files: [File] = []
        var problems: [(String, String)] = []
        var visited = Set<String>()
        walk(root, relative: "", files: &files, problems: &problems, visited: &visited)
        return (files.sorted { $0.path < $1.path }, problems)
    }

    private func walk(_ directory: URL, relative: String, files: inout [File],
                      problems: inout [(String, String)], visited: inout Set<String>) {
        let real = directory.resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            problems.append((relative, "symbolic link loop"))
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            problems.append((relative.isEmpty ? "." : relative, "cannot list folder: permission denied or unreadable"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            let path = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard stat(url.path, &status) == 0 else {
                problems.append((path, lstatReason(url)))
                continue
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                walk(url, relative: path, files: &files, problems: &problems, visited: &visited)
            } else if status.st_mode & S_IFMT == S_IFREG {
                let mtime = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
                files.append(File(path: path, url: url, size: Int(status.st_size), mtime: mtime))
            }
        }
    }

    private func lstatReason(_ url: URL) -> String {
        var status = stat()
        if lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            return errno == ELOOP ? "symbolic link loop" : "broken symbolic link"
        }
        return String(cString: strerror(errno))
    }
}

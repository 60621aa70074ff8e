#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes an output file (an export) so that no file is ever destroyed: the text goes to a
/// temporary file in the destination's folder, is flushed to disk, and replaces the destination in
/// one atomic rename — a failure half-way (a full disk, a read error) leaves the destination as it
/// was and removes the temporary file. Refused outright, before anything is written: the files it
/// must protect (a workspace's databases, compared by device and inode and by resolved path) and
/// any existing destination that is not a regular file (a symbolic link, a device, a FIFO, a
/// folder). `-` is standard output.
public enum OutputFile {
    public static let standardOutput = "-"

    /// Runs `body`, which hands its text to the writer it is given, and stores what it wrote at `path`.
    public static func write(to path: String, protecting protected: [String],
                             _ body: (_ write: (String) throws -> Void) throws -> Void) throws {
        if path == standardOutput {
            try body { try writeAll($0, to: STDOUT_FILENO, naming: tr("standard output")) }
            return
        }
        try checkDestination(path, protecting: protected)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).tandem-\(UUID().uuidString)")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw OutputFileError.writeFailed(path: path, reason: reason(errno)) }
        do {
            var existing = stat()
            if lstat(path, &existing) == 0 { _ = fchmod(descriptor, existing.st_mode & 0o7777) }
            try body { try writeAll($0, to: descriptor, naming: path) }
            guard fsync(descriptor) == 0 else { throw OutputFileError.writeFailed(path: path, reason: reason(errno)) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let failure = reason(errno)
            unlink(temporary)
            throw OutputFileError.writeFailed(path: path, reason: failure)
        }
        syncFolder(folder)
    }

    /// Refuses a protected file and an existing destination that is not a regular file.
    static func checkDestination(_ path: String, protecting protected: [String]) throws {
        var found = stat()
        let exists = lstat(path, &found) == 0
        if exists {
            let kind = found.st_mode & S_IFMT
            if kind != S_IFREG { throw OutputFileError.notARegularFile(path: path, kind: describe(kind)) }
        }
        let resolved = resolvedPath(path)
        for candidate in protected {
            var other = stat()
            let sameFile = exists && stat(candidate, &other) == 0 && other.st_dev == found.st_dev && other.st_ino == found.st_ino
            if sameFile || resolvedPath(candidate) == resolved { throw OutputFileError.workspaceFile(path: path) }
        }
    }

    /// The path with its folder's symbolic links and `..` resolved (the file itself need not exist).
    static func resolvedPath(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().path
        guard let real = realpath(folder, nil) else { return url.path }
        defer { free(real) }
        return (String(cString: real) as NSString).appendingPathComponent(url.lastPathComponent)
    }

    private static func writeAll(_ text: String, to descriptor: Int32, naming path: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputFileError.writeFailed(path: path, reason: reason(errno))
            }
            offset += written
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    /// Makes the rename itself durable; a file system that cannot sync a folder loses nothing by it.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFLNK: tr("a symbolic link")
        case S_IFDIR: tr("a folder")
        case S_IFCHR, S_IFBLK: tr("a device")
        case S_IFIFO: tr("a FIFO")
        case S_IFSOCK: tr("a socket")
        default: tr("a special file")
        }
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

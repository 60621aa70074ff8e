import Foundation
import TandemCore
#if canImport(Glibc)
import Glibc
#endif

/// Job leases as files locked with `flock` in the workspace folder (`leases/<token>`): the kernel
/// drops a process's locks when it dies, however it dies, so a lease file nobody holds locked
/// belongs to a job whose process is gone. Works between processes on one machine (the folder of an
/// SQLite workspace is local); a lease is never confused with a reused process id.
public final class FileJobLeases: JobLeases {
    private let folder: String
    /// This process's held leases: token → open, locked descriptor.
    private let held = LockedDescriptors()

    public init(folder: String) {
        self.folder = (folder as NSString).appendingPathComponent("leases")
    }

    private func path(_ token: String) -> String { (folder as NSString).appendingPathComponent(token) }

    public func acquire() throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let token = UUID().uuidString.lowercased()
        let descriptor = open(path(token), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw LeaseError.cannotCreate(path: path(token), errno: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            throw LeaseError.cannotCreate(path: path(token), errno: code)
        }
        held.insert(token, descriptor)
        return token
    }

    public func release(_ token: String) {
        guard let descriptor = held.remove(token) else {
            // Another process's lease, left behind when it died: the file goes, if nobody holds it.
            if !isHeld(token), UUID(uuidString: token) != nil { unlink(path(token)) }
            return
        }
        unlink(path(token))
        close(descriptor)
    }

    public func isHeld(_ token: String) -> Bool {
        if held.contains(token) { return true }
        // A token is a UUID this class made; anything else (a damaged row) names no lease.
        guard UUID(uuidString: token) != nil else { return false }
        let descriptor = open(path(token), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false  // nobody holds it: its process is gone
        }
        return errno == EWOULDBLOCK
    }

    /// Why a lease could not be taken.
    public enum LeaseError: Error, CustomStringConvertible {
        case cannotCreate(path: String, errno: Int32)

        public var description: String {
            switch self {
            case .cannotCreate(let path, let code): tr("{0}: cannot create a job lease ({1}).", path, String(cString: strerror(code)))
            }
        }
    }
}

/// The descriptors of the leases this process holds, behind a lock.
private final class LockedDescriptors: @unchecked Sendable {
    private let lock = NSLock()
    private var descriptors: [String: Int32] = [:]

    func insert(_ token: String, _ descriptor: Int32) { lock.withLock { descriptors[token] = descriptor } }
    func remove(_ token: String) -> Int32? { lock.withLock { descriptors.removeValue(forKey: token) } }
    func contains(_ token: String) -> Bool { lock.withLock { descriptors[token] != nil } }
}

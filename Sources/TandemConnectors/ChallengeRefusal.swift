import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// URLSession's delegate that refuses every authentication challenge and remembers which task it
/// refused. Tandem sends its own `Authorization` header; a 401 means the token must be renewed, which
/// the service client does. Without a delegate, swift-corelibs-foundation (6.3 and earlier) leaves a
/// task that met a 401 carrying `WWW-Authenticate` suspended forever, its timeout never firing
/// (swiftlang/swift-corelibs-foundation#5456).
final class ChallengeRefusal: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var refusedTasks: Set<Int> = []

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        lock.lock()
        refusedTasks.insert(task.taskIdentifier)
        lock.unlock()
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    /// Whether the task met a challenge (and so ended cancelled); forgets it.
    func refused(_ taskIdentifier: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return refusedTasks.remove(taskIdentifier) != nil
    }
}

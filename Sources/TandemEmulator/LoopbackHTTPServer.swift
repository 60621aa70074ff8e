import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 over POSIX sockets: one accept thread and one thread per
/// connection, keep-alive, `Content-Length` (and chunked) request bodies, `Expect: 100-continue`,
/// and responses that always carry `Content-Length`. It exists so tests can drive the real libcurl
/// traffic against the emulators.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// Handles one request; runs on the connection's thread, so it may block (delays).
    public typealias Handler = @Sendable (HTTPServerRequest) -> HTTPServerReply

    private let handler: Handler
    private let requestedPort: UInt16
    private let lock = NSLock()
    private var listenFD: Int32 = -1
    private var clientFDs: Set<Int32> = []
    private var stopped = false
    private var boundPort: UInt16 = 0

    /// The largest request head (request line and headers) accepted, in bytes.
    public static let maxHeadBytes = 1 << 20

    /// `port` 0 lets the system choose a free port; read it from `port` after `start()`.
    public init(port: UInt16 = 0, handler: @escaping Handler) {
        self.requestedPort = port
        self.handler = handler
    }

    /// The port the server listens on (0 before `start()`).
    public var port: UInt16 { lock.withLock { boundPort } }

    /// Binds 127.0.0.1, listens, and starts the accept thread.
    public func start() throws {
        try lock.withLock {
            guard listenFD < 0 else { throw LoopbackServerError.alreadyStarted }
            #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
            #endif
            guard fd >= 0 else { throw LoopbackServerError.socket(call: "socket", errno: errno) }
            var yes: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = requestedPort.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else {
                let code = errno
                close(fd)
                throw LoopbackServerError.socket(call: "bind", errno: code)
            }
            guard listen(fd, 128) == 0 else {
                let code = errno
                close(fd)
                throw LoopbackServerError.socket(call: "listen", errno: code)
            }
            var actual = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &actual) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            boundPort = UInt16(bigEndian: actual.sin_port)
            listenFD = fd
            stopped = false
        }
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "LoopbackHTTPServer.accept"
        thread.start()
    }

    /// Closes the listening socket and every open connection. Idempotent.
    public func stop() {
        lock.withLock {
            stopped = true
            if listenFD >= 0 {
                shutdown(listenFD, Int32(SHUT_RDWR))
                close(listenFD)
                listenFD = -1
            }
            // Connection threads close their own descriptors; shutting down wakes their recv.
            for fd in clientFDs { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    deinit { stop() }

    private func acceptLoop() {
        while true {
            let fd = lock.withLock { stopped ? -1 : listenFD }
            guard fd >= 0 else { return }
            let client = accept(fd, nil, nil)
            if client < 0 {
                if lock.withLock({ stopped }) { return }
                continue
            }
            var yes: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            let admitted = lock.withLock { () -> Bool in
                if stopped { return false }
                clientFDs.insert(client)
                return true
            }
            guard admitted else {
                close(client)
                return
            }
            let thread = Thread { [self] in
                serve(client)
                lock.withLock { _ = clientFDs.remove(client) }
                close(client)
            }
            thread.name = "LoopbackHTTPServer.connection"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        var reader = SocketReader(fd: fd)
        while let request = readRequest(&reader, fd: fd) {
            switch handler(request) {
            case .drop:
                return
            case .respond(let response):
                let close = request.headers["Connection"]?.lowercased() == "close"
                guard write(response, to: fd, closing: close), !close else { return }
            }
        }
    }

    private func readRequest(_ reader: inout SocketReader, fd: Int32) -> HTTPServerRequest? {
        guard let head = reader.readHead(limit: Self.maxHeadBytes),
              let text = String(data: head, encoding: .utf8) else { return nil }
        var lines = text.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers = HTTPHeaderFields()
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                        String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        if headers["Expect"]?.lowercased() == "100-continue" {
            guard sendAll(fd, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        var body = Data()
        if headers["Transfer-Encoding"]?.lowercased().contains("chunked") == true {
            guard let chunked = reader.readChunkedBody() else { return nil }
            body = chunked
        } else if let length = headers["Content-Length"].flatMap({ Int($0) }), length > 0 {
            guard let fixed = reader.read(count: length) else { return nil }
            body = fixed
        }
        return HTTPServerRequest(method: String(requestLine[0]), target: String(requestLine[1]),
                                 headers: headers, body: body)
    }

    private func write(_ response: HTTPServerResponse, to fd: Int32, closing: Bool) -> Bool {
        var head = "HTTP/1.1 \(response.status) \(HTTPServerResponse.reason(response.status))\r\n"
        for field in response.headers.fields
        where field.name.caseInsensitiveCompare("Content-Length") != .orderedSame
            && field.name.caseInsensitiveCompare("Connection") != .orderedSame {
            head += "\(field.name): \(field.value)\r\n"
        }
        if response.status != 204 && response.status != 304 {
            head += "Content-Length: \(response.body.count)\r\n"
        }
        head += closing ? "Connection: close\r\n" : "Connection: keep-alive\r\n"
        head += "\r\n"
        var bytes = Data(head.utf8)
        if response.status != 204 && response.status != 304 { bytes.append(response.body) }
        return sendAll(fd, bytes)
    }

    private func sendAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            guard var pointer = raw.baseAddress else { return true }
            var remaining = raw.count
            while remaining > 0 {
                #if canImport(Glibc)
                let sent = send(fd, pointer, remaining, Int32(MSG_NOSIGNAL))
                #else
                let sent = send(fd, pointer, remaining, 0)
                #endif
                if sent < 0 && errno == EINTR { continue }
                guard sent > 0 else { return false }
                pointer = pointer.advanced(by: sent)
                remaining -= sent
            }
            return true
        }
    }
}

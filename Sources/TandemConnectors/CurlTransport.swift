import CCurl
import Foundation

/// The production transport: libcurl's easy interface, one blocking transfer per request on the
/// caller's thread (HTTPS with the system's certificate store, proxies from the usual environment
/// variables, loopback never proxied).
///
/// Not URLSession: on Linux, swift-corelibs-foundation's URLSession kept a core busy for as long as a
/// request waited for its answer (3.2 s of CPU for a 3 s wait, measured here against a server in
/// another process), and a sync that a service throttles waits for hours. `curl_easy_perform`
/// sleeps in `poll` while it waits.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    private let timeout: TimeInterval

    /// libcurl's global state, set up once before any transfer (it is not thread-safe itself). With
    /// `CURLOPT_NOSIGNAL` libcurl no longer ignores SIGPIPE itself, so the process does: a peer that
    /// closes a connection mid-send must fail the request, not end the process.
    private static let started: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return tandem_curl_global_init() == CURLE_OK
    }()

    /// Hosts never sent through a proxy: the environment's `no_proxy` (libcurl would read it, but an
    /// explicit list replaces it) and loopback.
    private static let noProxy: String = {
        let environment = ProcessInfo.processInfo.environment
        let listed = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
        return ([listed].filter { !$0.isEmpty } + ["127.0.0.1", "localhost", "::1"]).joined(separator: ",")
    }()

    /// `timeout`: how long a request may go without receiving anything before it counts as lost.
    public init(timeout: TimeInterval = 100) {
        self.timeout = timeout
        _ = Self.started
    }

    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let address = request.url.absoluteString
        guard Self.started else { throw TransportError.connectionFailed(url: address, reason: "libcurl could not start") }
        // Released in the reverse order of these lines: the handle first, then what it pointed to.
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorText.deallocate() }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        let received = Received()
        let context = Unmanaged.passRetained(received).toOpaque()
        defer { Unmanaged<Received>.fromOpaque(context).release() }
        guard let handle = curl_easy_init() else {
            throw TransportError.connectionFailed(url: address, reason: "libcurl could not start a transfer")
        }
        defer { curl_easy_cleanup(handle) }
        for (name, value) in request.headers { headerList = curl_slist_append(headerList, "\(name): \(value)") }
        // No "Expect: 100-continue" pause before a body.
        headerList = curl_slist_append(headerList, "Expect:")
        tandem_curl_set_text(handle, CURLOPT_URL, address)
        tandem_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        tandem_curl_set_text(handle, CURLOPT_NOPROXY, Self.noProxy)
        // Every encoding libcurl can decode (gzip, deflate, …), as URLSession asked for.
        tandem_curl_set_text(handle, CURLOPT_ACCEPT_ENCODING, "")
        tandem_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(timeout * 1_000))
        // Lost when nothing arrives for `timeout` seconds, however long the whole answer takes.
        tandem_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        tandem_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(timeout.rounded(.up))))
        tandem_curl_set_list(handle, CURLOPT_HTTPHEADER, headerList)
        tandem_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorText)
        tandem_curl_set_callback(handle, CURLOPT_WRITEFUNCTION, Received.body)
        tandem_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
        tandem_curl_set_callback(handle, CURLOPT_HEADERFUNCTION, Received.header)
        tandem_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
        switch request.method {
        case "GET": tandem_curl_set_long(handle, CURLOPT_HTTPGET, 1)
        case "HEAD": tandem_curl_set_long(handle, CURLOPT_NOBODY, 1)
        default: tandem_curl_set_text(handle, CURLOPT_CUSTOMREQUEST, request.method)
        }
        // A body only where the method takes one: libcurl would turn a GET with one into a POST.
        if !["GET", "HEAD"].contains(request.method), !request.body.isEmpty || ["POST", "PATCH", "PUT"].contains(request.method) {
            tandem_curl_set_size(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
            request.body.withUnsafeBytes { bytes in
                // COPYPOSTFIELDS copies the bytes now; an empty body still needs a pointer.
                let start = bytes.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
                tandem_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: start))
            }
        }
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            if code == CURLE_OPERATION_TIMEDOUT { throw TransportError.timedOut(url: address) }
            let detail = String(decoding: UnsafeBufferPointer(start: errorText, count: strlen(errorText)).map { UInt8(bitPattern: $0) },
                                as: UTF8.self)
            throw TransportError.connectionFailed(url: address, reason: detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
        }
        var status = 0
        tandem_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: received.headers, body: received.data)
    }

    /// What one transfer received, filled by libcurl's callbacks on the sending thread.
    private final class Received {
        var data = Data()
        /// Lower-case names; a new status line (after `100 Continue`) starts them over.
        var headers: [String: String] = [:]

        static let body: tandem_curl_callback = { bytes, size, count, context in
            let length = size * count
            guard let bytes, let context else { return length }
            Unmanaged<Received>.fromOpaque(context).takeUnretainedValue().data
                .append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: length)
            return length
        }

        static let header: tandem_curl_callback = { bytes, size, count, context in
            let length = size * count
            guard let bytes, let context else { return length }
            let received = Unmanaged<Received>.fromOpaque(context).takeUnretainedValue()
            let line = String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
            if line.hasPrefix("HTTP/") {
                received.headers = [:]
            } else if let colon = line.firstIndex(of: ":") {
                received.headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                    line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return length
        }
    }
}

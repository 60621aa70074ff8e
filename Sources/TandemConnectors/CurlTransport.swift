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

    /// libcurl's global state, set up once before any transfer (it is not thread-safe itself).
    private static let started: Bool = tandem_curl_global_init() == CURLE_OK

    /// `timeout`: how long a request may go without receiving anything before it counts as lost.
    public init(timeout: TimeInterval = 100) {
        self.timeout = timeout
        _ = Self.started
    }

    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let address = request.url.absoluteString
        guard Self.started, let handle = curl_easy_init() else {
            throw TransportError.connectionFailed(url: address, reason: "libcurl could not start a transfer")
        }
        defer { curl_easy_cleanup(handle) }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for (name, value) in request.headers { headerList = curl_slist_append(headerList, "\(name): \(value)") }
        // No "Expect: 100-continue" pause before a body.
        headerList = curl_slist_append(headerList, "Expect:")
        let received = Received()
        var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE))
        let code: CURLcode = errorText.withUnsafeMutableBufferPointer { errorBuffer in
            withExtendedLifetime(received) {
                let context = Unmanaged.passUnretained(received).toOpaque()
                tandem_curl_set_text(handle, CURLOPT_URL, address)
                tandem_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
                tandem_curl_set_text(handle, CURLOPT_NOPROXY, "127.0.0.1,localhost,::1")
                tandem_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(timeout * 1_000))
                // Lost when nothing arrives for `timeout` seconds, however long the whole answer takes.
                tandem_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
                tandem_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(timeout.rounded(.up))))
                tandem_curl_set_list(handle, CURLOPT_HTTPHEADER, headerList)
                tandem_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer.baseAddress)
                tandem_curl_set_callback(handle, CURLOPT_WRITEFUNCTION, Received.body)
                tandem_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
                tandem_curl_set_callback(handle, CURLOPT_HEADERFUNCTION, Received.header)
                tandem_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
                switch request.method {
                case "GET": tandem_curl_set_long(handle, CURLOPT_HTTPGET, 1)
                case "HEAD": tandem_curl_set_long(handle, CURLOPT_NOBODY, 1)
                default: tandem_curl_set_text(handle, CURLOPT_CUSTOMREQUEST, request.method)
                }
                if !request.body.isEmpty || ["POST", "PATCH", "PUT"].contains(request.method) {
                    tandem_curl_set_size(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
                    request.body.withUnsafeBytes { bytes in
                        // COPYPOSTFIELDS copies the bytes now; an empty body still needs a pointer.
                        let start = bytes.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
                        tandem_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: start))
                    }
                }
                return curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else {
            if code == CURLE_OPERATION_TIMEDOUT { throw TransportError.timedOut(url: address) }
            let detail = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
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

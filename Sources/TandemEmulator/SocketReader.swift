import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered reads from a connected socket: a request head up to the blank line, a fixed number of
/// body bytes, or a chunked body. Every method returns nil when the peer closed or an error occurred.
struct SocketReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(fd: Int32) { self.fd = fd }

    private var available: Int { buffer.count - start }

    private mutating func fill() -> Bool {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    /// The bytes up to (not including) the first CRLF CRLF; they and the separator are consumed.
    mutating func readHead(limit: Int) -> Data? {
        var searchFrom = start
        while true {
            if buffer.count - start >= 4 {
                var index = max(searchFrom, start)
                while index + 3 < buffer.count {
                    if buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
                        let head = Data(buffer[start..<index])
                        start = index + 4
                        return head
                    }
                    index += 1
                }
                searchFrom = max(start, buffer.count - 3)
            }
            guard available <= limit, fill() else { return nil }
        }
    }

    /// Exactly `count` bytes.
    mutating func read(count: Int) -> Data? {
        while available < count {
            guard fill() else { return nil }
        }
        let data = Data(buffer[start..<(start + count)])
        start += count
        return data
    }

    /// One line without its CRLF.
    mutating func readLine() -> String? {
        while true {
            if let index = buffer[start...].firstIndex(of: 10) {
                var end = index
                if end > start && buffer[end - 1] == 13 { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = index + 1
                return line
            }
            guard fill() else { return nil }
        }
    }

    /// A `Transfer-Encoding: chunked` body, trailers skipped.
    mutating func readChunkedBody() -> Data? {
        var body = Data()
        while true {
            guard let sizeLine = readLine(),
                  let size = Int(sizeLine.split(separator: ";").first.map(String.init)?
                    .trimmingCharacters(in: .whitespaces) ?? "", radix: 16) else { return nil }
            if size == 0 {
                while let trailer = readLine(), !trailer.isEmpty {}
                return body
            }
            guard let chunk = read(count: size), readLine() != nil else { return nil }
            body.append(chunk)
        }
    }
}

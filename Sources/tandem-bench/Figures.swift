import Foundation

/// What one child process measured: one run of an operation or of its floor.
struct Figures: Codable {
    var name: String
    var records: Int
    var seconds: Double
    var peakMegabytes: Double
    var millisecondsPerPage: Double?
    var worstPageMilliseconds: Double?
    var p99PageMilliseconds: Double?
    var note: String

    func printJSONLine() throws {
        print(String(decoding: try JSONEncoder().encode(self), as: UTF8.self))
    }

    /// The process's peak resident memory (VmHWM), in megabytes.
    static func peakMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}

import Foundation

/// What one child process measured: one run of an operation or of its floor.
struct Figures: Codable {
    var name: String
    var records: Int
    var seconds: Double
    /// CPU seconds (user + system) of the whole child process: steadier than wall time on a shared machine.
    var cpuSeconds: Double = Figures.cpuSeconds()
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

    /// The process's CPU time so far, user and system, in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}

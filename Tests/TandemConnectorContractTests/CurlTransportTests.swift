import Foundation
import Testing
import TandemConnectors
import TandemEmulator

/// The production transport against a real server: a request waiting for its answer sleeps instead of
/// spinning (URLSession on Linux kept a core busy for the whole wait), a silent server counts as a
/// timeout, and a dropped connection as a failed one.
@Suite(.serialized) struct CurlTransportTests {
    private func accounts(_ emulator: DataverseEmulator) -> HTTPRequest {
        HTTPRequest(method: "GET", url: URL(string: emulator.baseURL.absoluteString + "/accounts")!,
                    headers: ["Authorization": "Bearer curl-test"], body: Data())
    }

    /// CPU seconds the calling thread has used (the transfer runs on it).
    private func threadCPU() -> Double {
        var usage = rusage()
        getrusage(1, &usage)   // RUSAGE_THREAD
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    @Test func aRequestWaitingForItsAnswerSleeps() throws {
        let emulator = DataverseEmulator()
        try emulator.start()
        defer { emulator.stop() }
        emulator.acceptToken("curl-test")
        emulator.injectFault(.delay(2), method: "GET", pathContains: "accounts")
        let before = threadCPU()
        let response = try CurlTransport(timeout: 30).send(accounts(emulator))
        #expect(response.status == 200)
        #expect(response.headers["odata-version"] == "4.0")
        // Two seconds of waiting; a busy loop would spend about as much CPU.
        #expect(threadCPU() - before < 0.5)
    }

    @Test func aSilentServerTimesOutAndADroppedConnectionFails() throws {
        let emulator = DataverseEmulator()
        try emulator.start()
        defer { emulator.stop() }
        emulator.acceptToken("curl-test")
        emulator.injectFault(.delay(4), method: "GET", pathContains: "accounts")
        #expect(throws: TransportError.timedOut(url: accounts(emulator).url.absoluteString)) {
            try CurlTransport(timeout: 1).send(accounts(emulator))
        }
        emulator.injectFault(.dropBeforeHandling, method: "GET", pathContains: "accounts")
        #expect {
            try CurlTransport(timeout: 5).send(accounts(emulator))
        } throws: { error in
            if case TransportError.connectionFailed = error { return true }
            return false
        }
    }
}

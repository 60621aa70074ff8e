import Testing
@testable import TandemCore

@Suite struct TimestampTests {
    @Test func formatsAndParsesISO8601InUTC() throws {
        let stamp = try #require(Timestamp(iso8601: "2026-11-20T09:15:00.250Z"))
        #expect(stamp.iso8601 == "2026-11-20T09:15:00.250Z")
        #expect(Timestamp(iso8601: "1970-01-01T00:00:00Z")?.milliseconds == 0)
        #expect(Timestamp(iso8601: "2024-02-29T12:00:00+00:00") != nil)
        #expect(Timestamp(iso8601: "1969-12-31T23:59:59.999Z")?.iso8601 == "1969-12-31T23:59:59.999Z")
    }

    @Test(arguments: ["2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-20T24:00:00Z",
                      "2026-11-20", "20.11.2026 09:00", "2026-11-20T09:00:00+01:00", "2026-11-20T09:00:00.Z", ""])
    func refusesWhatIsNotAUTCDateTime(_ text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func valuesUnderTenMillisecondsApartCountAsEqual() {
        let base = Timestamp(milliseconds: 1_000_000)
        #expect(!base.adding(milliseconds: 9).isLater(than: base))
        #expect(base.adding(milliseconds: 10).isLater(than: base))
        #expect(!base.isLater(than: base.adding(milliseconds: 50)))
    }
}

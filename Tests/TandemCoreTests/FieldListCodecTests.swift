import Testing
import TandemCore

@Suite struct FieldListCodecTests {
    @Test(arguments: [[], [""], ["a", "a", "a"], ["", ""], ["12:34", "=", "==", "日本 🍣", "\u{1B}[31m\r\n"], ["x", "", "x"]])
    func anyListSurvivesTheRoundTrip(_ values: [String]) {
        #expect(FieldListCodec.decode(FieldListCodec.encode(values)) == values)
    }

    @Test func repeatsAreStoredOnceAndMalformedTextIsRejected() {
        #expect(FieldListCodec.encode(["Berlin", "Berlin"]) == "6:Berlin=")
        #expect(FieldListCodec.decode("=") == nil)
        #expect(FieldListCodec.decode("5:abc") == nil)
        #expect(FieldListCodec.decode("x:abc") == nil)
    }
}

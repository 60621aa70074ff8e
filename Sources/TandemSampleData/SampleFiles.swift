import Foundation

/// The sample CSV files, compiled into the binary, so a `tandem` binary copied anywhere can still
/// create its default workspace from them. `sample-data/` is the source; `scripts/embed-sample-data.py`
/// writes the embedded copy, and a test fails while the two differ.
public enum SampleFiles {
    /// The embedded files, by name (those the sample loader reads).
    public static var names: [String] { encoded.keys.sorted() }

    /// One embedded file's bytes, or nil when there is no such file.
    public static func contents(of name: String) -> Data? {
        encoded[name].flatMap { Data(base64Encoded: $0) }
    }
}

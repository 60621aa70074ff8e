import Foundation

/// Where the sample CSV files come from: a folder, or copies built into the program.
public enum SampleSource: Sendable, CustomStringConvertible {
    case folder(String)
    /// Files by name, with the label messages name them by (`sample data built into tandem`).
    case builtIn(label: String, files: @Sendable (String) -> Data?)

    /// A file's bytes; nil when the source has no such file.
    func read(_ name: String) throws -> [UInt8]? {
        switch self {
        case .folder(let folder):
            let path = (folder as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            return try RecordImporter.read(path)
        case .builtIn(_, let files):
            return files(name).map(Array.init)
        }
    }

    /// How messages name a file of this source.
    func name(of file: String) -> String {
        switch self {
        case .folder(let folder): (folder as NSString).appendingPathComponent(file)
        case .builtIn(let label, _): "\(file) (\(label))"
        }
    }

    public var description: String {
        switch self {
        case .folder(let folder): folder
        case .builtIn(let label, _): label
        }
    }
}

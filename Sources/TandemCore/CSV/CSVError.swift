/// A CSV problem, named by file, line and (when known) field, so a person can go straight to it.
public struct CSVError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var field: String?
    public var message: String

    public init(file: String, line: Int, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `customers.csv:14: field "modifiedAt": "2026-02-30" is not a date (…)`.
    public var description: String {
        guard let field else { return "\(file):\(line): \(message)" }
        return "\(file):\(line): " + tr("field \"{0}\": {1}", field, message)
    }
}

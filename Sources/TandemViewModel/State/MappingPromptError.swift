/// Why a filter or constant typed on the mappings screen does not read.
public struct MappingPromptError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }
}

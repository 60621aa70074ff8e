import TandemCore

/// A write to a table of a connected side that its connector does not carry yet.
public struct UnconnectedTableError: Error, Sendable, Equatable, CustomStringConvertible {
    public let table: String
    public let service: String

    public var description: String {
        tr("The {0} table is not connected to {1} yet; it cannot be written while the side lives there.", table, service)
    }
}

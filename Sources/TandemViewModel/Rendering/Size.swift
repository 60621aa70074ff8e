/// A terminal size in columns and rows.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Below this the screens cannot be laid out; a one-line notice is shown instead.
    public static let minimum = Size(width: 60, height: 16)
}

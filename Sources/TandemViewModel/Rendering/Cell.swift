/// One screen cell: a grapheme and its role. A wide grapheme (two columns) is followed by a
/// continuation cell whose text is empty.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: StyleRole

    public init(_ text: String = " ", style: StyleRole = .normal) {
        self.text = text
        self.style = style
    }

    public var isContinuation: Bool { text.isEmpty }
}

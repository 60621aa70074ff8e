import TandemCore

/// The preview of a synchronization: what would change, record by record, field by field, for the first
/// `shownLimit` records, and the counts of all. OK applies exactly this plan when it is whole; beyond the
/// limit it plans again and refuses records whose plan differs from the previewed one (`SyncPreview`).
public struct PreviewState: Equatable, Sendable {
    /// Records a preview lists; the rest are counted.
    public static let shownLimit = 1_000

    public var dialog: SyncDialog
    public var preview: SyncPreview
    public var lines: [String]
    public var summary: String
    public var scroll = 0

    public init(dialog: SyncDialog, preview: SyncPreview, lines: [String], summary: String) {
        self.dialog = dialog
        self.preview = preview
        self.lines = lines
        self.summary = summary
    }
}

/// The scrolling keys of a dialog that lists lines (a result, an undo preview): where `scroll` goes for
/// `command`, between the top and `last`, a page being the screen's visible rows.
enum ScrollCommand {
    static func scrolled(_ scroll: Int, by command: Command?, last: Int, page: Int) -> Int? {
        switch command {
        case .moveDown?: min(last, scroll + 1)
        case .moveUp?: max(0, scroll - 1)
        case .pageDown?: min(last, scroll + page)
        case .pageUp?: max(0, scroll - page)
        default: nil
        }
    }
}

import TandemCore

/// The result of a run: the summary, the records that failed or were skipped (scrolled), the way to
/// the job.
struct ResultWidget: Widget {
    let result: ResultState

    /// Problems shown at once on a screen of `size`.
    static func rowsShown(_ count: Int, on size: Size) -> Int { min(count, max(0, size.height - 10)) }

    /// The furthest the list scrolls: its last problem on the box's last row.
    static func lastScroll(_ count: Int, on size: Size) -> Int { max(0, count - rowsShown(count, on: size)) }

    func preferredSize(on screen: Size) -> Size {
        Size(width: 76, height: Self.rowsShown(result.problems.count, on: screen) + 7 + noteRows)
    }

    /// The row the note takes above the summary, when there is one.
    private var noteRows: Int { result.note == nil ? 0 : 1 }

    func render(in box: Rect, _ canvas: inout Canvas) {
        canvas.box(in: box, title: result.title)
        let top = box.row + 2 + noteRows
        if let note = result.note {
            canvas.draw(note, row: box.row + 2, column: box.column + 2, width: box.width - 4, style: .dialogNote)
        }
        canvas.draw(result.summary, row: top, column: box.column + 2, width: box.width - 4, style: .dialogTitle)
        let rows = max(0, box.height - 7 - noteRows)
        for (offset, problem) in result.problems.dropFirst(result.scroll).prefix(rows).enumerated() {
            canvas.draw(problem, row: top + 1 + offset, column: box.column + 2, width: box.width - 4, style: .conflict)
        }
        let below = result.problems.count - result.scroll - rows
        var keys = result.jobID.map { tr("{0} opens job {1} · {2} closes", Key.enter, $0, Key.escape) } ?? tr("{0} closes", Key.escape)
        if let dependencies = result.dependencies { keys = tr("c couples {0}, syncs again", dependencies.referencedWords) + " · " + keys }
        canvas.draw((below > 0 ? tr("↓ {0} more", Format.integer(below)) + " · " : "") + keys, row: box.row + box.height - 2,
                    column: box.column + 2, width: box.width - 4, style: .dialogNote)
    }
}

import TandemCore

/// A bar with counts for long work, and how to cancel it.
struct ProgressWidget: Widget {
    let progress: ProgressState

    func preferredSize(on screen: Size) -> Size { Size(width: 60, height: 7) }

    func render(in box: Rect, _ canvas: inout Canvas) {
        canvas.box(in: box, title: progress.title)
        let inner = box.width - 4
        let filled = progress.total == 0 ? 0 : inner * min(progress.done, progress.total) / progress.total
        canvas.draw(String(repeating: "█", count: filled) + String(repeating: "░", count: inner - filled),
                    row: box.row + 2, column: box.column + 2, width: inner, style: .dialog)
        let counted = progress.total > 0 ? tr("{0} of {1} records", Format.integer(progress.done), Format.integer(progress.total)) : tr("working…")
        let waited = WaitedSummary.text(progress.waited).map { " · " + tr("waited {0}", $0) } ?? ""
        canvas.draw(counted + waited + (progress.cancelRequested ? " · " + tr("cancelling after this batch…") : ""),
                    row: box.row + 3, column: box.column + 2, width: inner, style: .dialog)
        if progress.token != nil {
            canvas.draw(tr("{0} cancels between batches", Key.escape), row: box.row + 4, column: box.column + 2, width: inner, style: .dialogNote)
        }
    }
}

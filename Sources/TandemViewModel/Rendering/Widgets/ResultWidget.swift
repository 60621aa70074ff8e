/// The result of a run: the summary, the records that failed or were skipped, the way to the job.
struct ResultWidget: Widget {
    let result: ResultState

    private func problems(on screen: Size) -> ArraySlice<String> { result.problems.prefix(screen.height - 10) }

    func preferredSize(on screen: Size) -> Size { Size(width: 76, height: problems(on: screen).count + 7) }

    func render(in box: Rect, _ canvas: inout Canvas) {
        canvas.box(in: box, title: "Synchronize now")
        canvas.draw(result.summary, row: box.row + 2, column: box.column + 2, width: box.width - 4, style: .dialogTitle)
        // The box was sized for the problems that fit the screen: as many as leave room for the rest.
        for (offset, problem) in result.problems.prefix(max(0, box.height - 7)).enumerated() {
            canvas.draw(problem, row: box.row + 3 + offset, column: box.column + 2, width: box.width - 4, style: .conflict)
        }
        canvas.draw(result.jobID.map { "Enter opens job \($0) · Esc closes" } ?? "Esc closes", row: box.row + box.height - 2,
                    column: box.column + 2, width: box.width - 4, style: .dim)
    }
}

import TandemCore

/// The help overlay: every binding of a context, from the table that drives dispatch, scrolled.
struct HelpWidget: Widget {
    let context: Context
    let offset: Int

    private var bindings: [Binding] { Bindings.bindings(in: context) }

    func preferredSize(on screen: Size) -> Size {
        Size(width: min(screen.width - 4, 72), height: min(HelpLayout.rows(for: screen), bindings.count) + 2)
    }

    func render(in box: Rect, _ canvas: inout Canvas) {
        let bindings = bindings
        let keyWidth = min(22, bindings.map { DisplayWidth.of($0.keyText) }.max() ?? 0)
        let rows = box.height - 2
        canvas.box(in: box, title: "Keys on this screen")
        for (index, binding) in bindings.dropFirst(offset).prefix(rows).enumerated() {
            let row = box.row + 1 + index
            canvas.draw(binding.keyText, row: row, column: box.column + 2, width: keyWidth, style: .dialogTitle)
            canvas.draw(binding.help, row: row, column: box.column + 3 + keyWidth, width: box.width - keyWidth - 5, style: .dialog)
        }
        let more = offset + rows < bindings.count ? " ↓ more · Esc closes " : " Esc closes "
        canvas.draw(more, row: box.row + box.height - 1, column: box.column + box.width - DisplayWidth.of(more) - 2,
                    width: DisplayWidth.of(more), style: .dialog)
    }
}

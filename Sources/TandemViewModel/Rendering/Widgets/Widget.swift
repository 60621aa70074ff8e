/// A dialog or overlay drawn into a rectangle: it says how big it would like to be on a screen, and
/// draws its box and content only inside the rect it is given (ratatui's widgets, in miniature).
protocol Widget {
    /// The size it would like on a screen of `screen`; it is clamped to the screen less a margin.
    func preferredSize(on screen: Size) -> Size
    /// Draws the widget, border included, within `rect`.
    func render(in rect: Rect, _ canvas: inout Canvas)
}

extension Widget {
    /// Draws the widget centred on the screen, clipped to its rectangle.
    func renderCentred(on screen: Size, _ canvas: inout Canvas) {
        let wanted = preferredSize(on: screen)
        let rect = Rect(screen).centred(width: min(wanted.width, screen.width - 2), height: min(wanted.height, screen.height - 2))
        canvas.clipped(to: rect) { render(in: rect, &$0) }
    }
}

/// How the help overlay fits the screen (the reducer scrolls it by the same measure).
enum HelpLayout {
    /// Binding rows that fit inside the box at `size`.
    static func rows(for size: Size) -> Int { max(1, size.height - 4) }
}

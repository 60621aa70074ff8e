/// The view model's Spanish: the screens' table and the rendering's, together.
enum SpanishViewModel {
    static let table = SpanishScreens.table.merging(SpanishRendering.table) { first, _ in first }
}

/// After a page: another page (the service's `@odata.nextLink`, opaque, followed verbatim), or the end
/// of the pull with the cursor the next pull starts from.
public enum PullNext: Sendable, Equatable {
    case page(link: String)
    case done(PullCursor)
}

/// A screen above the list pages; `AppState.screens` is a stack, the list page is beneath it.
public enum Screen: Equatable, Sendable {
    case card(CardState)
    case jobs(JobsState)
    case jobErrors(JobErrorsState)
    case errors(ErrorsState)
    case mappings(MappingsState)
}

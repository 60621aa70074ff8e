import Testing
import TandemCore
@testable import TandemViewModel

/// Drives the reducer alone, as The Composable Architecture's `TestStore` does: each `send` states how
/// the state changes and which effects the action emits, and each `receive` answers one of those
/// effects with the action it would report. Effects are never run, so no workspace is needed; an
/// effect a test leaves unanswered fails it at `finish()`. As in the background runner, an effect
/// under an id replaces the one in flight under it, and `cancel` takes it out of flight.
final class TestStore {
    private(set) var state: AppState
    /// Emitted and not yet answered, in order.
    private(set) var inFlight: [Effect] = []

    init(_ state: AppState) { self.state = state }

    /// A store over a fresh state of the given size.
    convenience init(size: Size = Size(width: 80, height: 24)) {
        self.init(AppState(size: size, workspaceName: "test"))
    }

    /// Reduces `action`; the state must then equal the previous state changed by `change`, and the
    /// effects emitted must be exactly `effects`.
    func send(_ action: Action, effects: [Effect] = [], _ change: (inout AppState) -> Void = { _ in },
              sourceLocation: SourceLocation = #_sourceLocation) {
        var expected = state
        change(&expected)
        let emitted = Reducer.reduce(&state, action)
        #expect(emitted == effects, "effects of \(action)", sourceLocation: sourceLocation)
        #expect(state == expected, "state after \(action)", sourceLocation: sourceLocation)
        for effect in emitted {
            switch effect {
            case .cancel(let id):
                inFlight.removeAll { $0.id == id }
            case .cancellable(let id, _, _):
                inFlight.removeAll { $0.id == id }
                inFlight.append(effect)
            default:
                inFlight.append(effect)
            }
        }
    }

    /// Answers an effect in flight with an action it reports, then reduces it like `send`. The effect
    /// stays in flight when it reports `more` after this one (progress, a count after rows).
    func receive(_ action: Action, answering effect: Effect, more: Bool = false, effects: [Effect] = [],
                 _ change: (inout AppState) -> Void = { _ in },
                 sourceLocation: SourceLocation = #_sourceLocation) {
        guard let index = inFlight.firstIndex(of: effect) else {
            Issue.record("no effect \(effect) in flight to answer with \(action)", sourceLocation: sourceLocation)
            return
        }
        if !more { inFlight.remove(at: index) }
        send(action, effects: effects, change, sourceLocation: sourceLocation)
    }

    /// Every effect emitted was answered.
    func finish(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(inFlight.isEmpty, "effects never answered: \(inFlight)", sourceLocation: sourceLocation)
    }
}

private extension Effect {
    var id: EffectID? {
        guard case .cancellable(let id, _, _) = self else { return nil }
        return id
    }
}

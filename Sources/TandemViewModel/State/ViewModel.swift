import Foundation
import TandemCore

/// The view model at run time: holds the state, reduces actions, and hands effects to a runner.
/// `ViewModel.immediate` performs effects inline (tests, scripts); the terminal will run them on a
/// background queue and deliver the resulting actions back on its own thread.
public final class ViewModel {
    public private(set) var state: AppState
    private let runEffect: (Effect, @escaping (Action) -> Void) -> Void
    private var queue: [Action] = []
    private var draining = false
    /// Keys typed while rows were loading, replayed in order once they arrive (type-ahead).
    private var heldKeys: [Action] = []

    public init(state: AppState, runEffect: @escaping (Effect, @escaping (Action) -> Void) -> Void) {
        self.state = state
        self.runEffect = runEffect
    }

    /// A view model whose effects run inline, so a key's consequences are complete when `send` returns.
    public static func immediate(workspace: Workspace, size: Size, workspaceName: String = "default",
                                 pageKinds: [PageKind] = PageKind.standard, timeZone: TimeZone = .current,
                                 puller: (any SidePuller)? = nil) -> ViewModel {
        let effects = WorkspaceEffects(workspace: workspace, puller: puller)
        var state = AppState(size: size, workspaceName: workspaceName, pageKinds: pageKinds, timeZone: timeZone)
        state.services = puller?.connectedServices ?? [:]
        return ViewModel(state: state) { effect, deliver in
            effects.perform(effect, deliver: deliver)
        }
    }

    /// Reduces the action and runs the effects it asks for (and the actions they report, in order).
    /// A key that arrives while the focused pane waits for rows is held and replayed after them.
    public func send(_ action: Action) {
        if case .key = action, state.awaitsRows || !heldKeys.isEmpty {
            heldKeys.append(action)
        } else {
            queue.append(action)
        }
        guard !draining else { return }
        draining = true
        defer { draining = false }
        repeat {
            while !queue.isEmpty {
                let next = queue.removeFirst()
                for effect in Reducer.reduce(&state, next) {
                    runEffect(effect) { [weak self] action in self?.queue.append(action) }
                }
            }
            // Held keys go in one at a time, each only once the rows it needs are in.
            if !state.awaitsRows && !heldKeys.isEmpty { queue.append(heldKeys.removeFirst()) }
        } while !queue.isEmpty
    }

    /// Presses keys one after another.
    public func press(_ keys: Key...) { for key in keys { send(.key(key)) } }

    /// Types text, one character key at a time.
    public func type(_ text: String) { for character in text { send(.key(.character(character))) } }

    /// The screen as it stands.
    public var frame: Frame { Renderer.render(state) }
}

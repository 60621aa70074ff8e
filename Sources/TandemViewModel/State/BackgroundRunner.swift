import Foundation
import TandemCore

/// Runs effects on a background queue and hands their actions back to the UI thread: the terminal
/// calls `ViewModel.send` for keys and `pump()` on every tick, and all state changes (and so every
/// ncurses call) stay on that one thread while the store is read and written elsewhere.
public final class BackgroundRunner: @unchecked Sendable {
    private let effects: WorkspaceEffects
    private let queue = DispatchQueue(label: "tandem.effects")
    private let lock = NSLock()
    private var inbox: [Action] = []
    private var running = 0

    public init(workspace: Workspace) { effects = WorkspaceEffects(workspace: workspace) }

    /// Hands an effect to the background queue. Cancelling a run must not wait behind the run itself,
    /// so `cancelRun` is performed at once.
    public func run(_ effect: Effect) {
        if case .cancelRun = effect {
            effects.perform(effect) { _ in }
            return
        }
        lock.lock()
        running += 1
        lock.unlock()
        queue.async { [self] in
            effects.perform(effect) { action in
                lock.lock()
                inbox.append(action)
                lock.unlock()
            }
            lock.lock()
            running -= 1
            lock.unlock()
        }
    }

    /// The actions delivered since the last call, in order.
    public func takeActions() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let actions = inbox
        inbox.removeAll()
        return actions
    }

    /// Whether effects are still running or waiting to be taken.
    public var isBusy: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running > 0 || !inbox.isEmpty
    }
}

extension ViewModel {
    /// A view model whose effects run on `runner`'s background queue; call `pump(runner)` on the UI
    /// thread to apply what they reported.
    public static func background(runner: BackgroundRunner, size: Size, workspaceName: String) -> ViewModel {
        ViewModel(state: AppState(size: size, workspaceName: workspaceName)) { effect, _ in runner.run(effect) }
    }

    /// Applies the actions the runner delivered; returns whether anything changed.
    @discardableResult
    public func pump(_ runner: BackgroundRunner) -> Bool {
        let actions = runner.takeActions()
        for action in actions { send(action) }
        return !actions.isEmpty
    }
}

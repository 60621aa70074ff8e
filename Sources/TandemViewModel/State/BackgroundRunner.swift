import Foundation
import TandemCore

/// Runs effects off the UI thread and hands their actions back to it: the terminal calls
/// `ViewModel.send` for keys and `pump()` when `wake` says actions arrived, so all state changes (and
/// so every ncurses call) stay on that one thread while the store is read and written elsewhere.
///
/// Ordinary effects run one after another in the order they were asked for. Long work
/// (`Effect.isLongRunning`) and effects with an id run beside them, so a slow side does not hold up
/// the lists. An effect with an id cancels the one in flight under the same id: one waiting out its
/// debounce never starts, and one already running has its actions dropped.
public final class BackgroundRunner: @unchecked Sendable {
    /// Performs one effect, delivering its actions as they happen.
    public typealias Perform = @Sendable (Effect, (Action) -> Void) -> Void

    private let perform: Perform
    private let wake: @Sendable () -> Void
    private let ordered = DispatchQueue(label: "tandem.effects")
    private let beside = DispatchQueue(label: "tandem.effects.beside", attributes: .concurrent)
    private let lock = NSLock()
    private var inbox: [Action] = []
    private var running = 0
    /// Per id, the newest effect started under it; an older one is no longer current.
    private var generations: [EffectID: Int] = [:]
    /// Per id, the effect scheduled and not yet started (waiting out its debounce).
    private var waiting: [EffectID: DispatchWorkItem] = [:]

    /// A runner over a workspace. `wake` is called (on a background thread) whenever actions arrive.
    public convenience init(workspace: Workspace, puller: (any SidePuller)? = nil, wake: @escaping @Sendable () -> Void = {}) {
        let effects = WorkspaceEffects(workspace: workspace, puller: puller)
        self.init(wake: wake) { effect, deliver in effects.perform(effect, deliver: deliver) }
    }

    public init(wake: @escaping @Sendable () -> Void = {}, perform: @escaping Perform) {
        self.wake = wake
        self.perform = perform
    }

    /// Starts an effect. Cancelling a run must not wait behind the run itself, so `cancelRun` is
    /// performed at once.
    public func run(_ effect: Effect) {
        switch effect {
        case .cancelRun:
            perform(effect) { _ in }
        case .cancel(let id):
            lock.withLock { supersede(id) }
        case .cancellable(let id, let debounce, let inner):
            lock.withLock {
                supersede(id)
                running += 1
                let generation = generations[id, default: 0]
                let isCurrent: @Sendable () -> Bool = { [self] in generations[id] == generation }
                let item = DispatchWorkItem { [self] in
                    // Superseded since it was scheduled: `supersede` already counted it off.
                    guard lock.withLock({ isCurrent() && waiting.removeValue(forKey: id) != nil }) else { return }
                    execute(inner, isCurrent: isCurrent)
                    finish()
                }
                waiting[id] = item
                beside.asyncAfter(deadline: .now() + debounce.timeInterval, execute: item)
            }
        default:
            lock.withLock { running += 1 }
            (effect.isLongRunning ? beside : ordered).async { [self] in
                execute(effect, isCurrent: { true })
                finish()
            }
        }
    }

    /// Makes whatever was started under `id` no longer current; one still waiting never starts.
    /// Called with the lock held.
    private func supersede(_ id: EffectID) {
        generations[id, default: 0] += 1
        if let item = waiting.removeValue(forKey: id) {
            item.cancel()
            running -= 1
        }
    }

    /// Performs `effect`, keeping each action only while `isCurrent` holds (checked under the lock).
    private func execute(_ effect: Effect, isCurrent: @escaping @Sendable () -> Bool) {
        perform(effect) { action in
            let kept = lock.withLock {
                guard isCurrent() else { return false }
                inbox.append(action)
                return true
            }
            if kept { wake() }
        }
    }

    private func finish() {
        lock.withLock { running -= 1 }
        wake()
    }

    /// The actions delivered since the last call, in order.
    public func takeActions() -> [Action] {
        lock.withLock {
            let actions = inbox
            inbox.removeAll()
            return actions
        }
    }

    /// Whether effects are still running or waiting to be taken.
    public var isBusy: Bool { lock.withLock { running > 0 || !inbox.isEmpty } }
}

extension Duration {
    /// Seconds, for Dispatch's deadlines.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

extension ViewModel {
    /// A view model whose effects run on `runner`'s background queue; call `pump(runner)` on the UI
    /// thread to apply what they reported.
    public static func background(runner: BackgroundRunner, size: Size, workspaceName: String,
                                  services: [Side: ConnectedSide] = [:]) -> ViewModel {
        var state = AppState(size: size, workspaceName: workspaceName)
        state.services = services
        return ViewModel(state: state) { effect, _ in runner.run(effect) }
    }

    /// Applies the actions the runner delivered; returns whether anything changed.
    @discardableResult
    public func pump(_ runner: BackgroundRunner) -> Bool {
        let actions = runner.takeActions()
        for action in actions { send(action) }
        return !actions.isEmpty
    }
}

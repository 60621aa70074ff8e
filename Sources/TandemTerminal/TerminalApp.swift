import CNCursesW
import Foundation
import TandemCore
import TandemViewModel

/// The terminal UI: keys in, frames out, effects on a background queue. Every ncurses call and
/// every state change happens on the calling thread; work done elsewhere arrives through `pump`.
/// The loop sleeps until a key, a resize or a background result wakes it, and renders only when the
/// state changed; idle, it wakes every 10 s to look (off the UI thread) whether others changed the
/// workspace, and reads the lists again if they did.
public enum TerminalApp {
    /// Runs until the person quits. `notice` is shown on the status line at the start (for example,
    /// that the workspace was just created from the sample data).
    public static func run(workspace: Workspace, workspaceName: String, notice: String?, puller: (any SidePuller)? = nil) throws {
        let session = try TerminalSession()
        defer { session.stop() }
        let wakeUp = try WakeUpPipe()
        session.wakeOnResize(wakeUp)
        // The pipe stays open until resizes no longer write to it.
        defer { withExtendedLifetime(wakeUp) { session.stopWakingOnResize() } }
        let runner = BackgroundRunner(workspace: workspace, puller: puller, wake: wakeUp.signal)
        let model = ViewModel.background(runner: runner, size: session.size, workspaceName: workspaceName,
                                         services: puller?.connectedServices ?? [:])
        model.send(.start)
        // The first look for others' changes notes when the screens began.
        model.send(.idle)
        if let notice { model.send(.notice(notice)) }
        var shown: AppState?
        var painted: Frame?
        while !model.state.quitRequested {
            model.pump(runner)
            if model.state != shown {
                shown = model.state
                let frame = model.frame
                if frame != painted {
                    session.paint(frame)
                    painted = frame
                }
            }
            for input in session.inputs(wakingOn: wakeUp) {
                switch input {
                case .key(let key): model.send(.key(key))
                case .resize(let size): model.send(.resize(size))
                case .idle: model.send(.idle)
                }
            }
        }
    }
}

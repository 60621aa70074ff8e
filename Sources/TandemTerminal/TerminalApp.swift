import CNCursesW
import Foundation
import TandemCore
import TandemViewModel

/// The terminal UI: keys in, frames out, effects on a background queue. Every ncurses call and
/// every state change happens on the calling thread; work done elsewhere arrives through `pump`.
public enum TerminalApp {
    /// Runs until the person quits. `notice` is shown on the status line at the start (for example,
    /// that the workspace was just created from the sample data).
    public static func run(workspace: Workspace, workspaceName: String, notice: String?) throws {
        let session = try TerminalSession()
        defer { session.stop() }
        let runner = BackgroundRunner(workspace: workspace)
        let model = ViewModel.background(runner: runner, size: session.size, workspaceName: workspaceName)
        model.send(.start)
        if let notice { model.send(.notice(notice)) }
        var painted: Frame?
        while !model.state.quitRequested {
            model.pump(runner)
            let frame = model.frame
            if frame != painted {
                session.paint(frame)
                painted = frame
            }
            switch session.nextInput() {
            case .key(let key)?: model.send(.key(key))
            case .resize(let size)?: model.send(.resize(size))
            case nil: break
            }
        }
    }
}

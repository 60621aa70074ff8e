import Foundation
import TandemCore

/// "CUSTOMER: 12,000 of 100,000 records…" on standard error while a long job runs, redrawn in place
/// at most four times a second, and only when standard error is a terminal (a script's log gets
/// nothing). The line is cleared when the job ends, so the result prints where it stood.
final class ProgressLine {
    private let label: String
    private let enabled: Bool
    private var lastDrawn = Date.distantPast
    private var width = 0

    init(_ label: String, enabled: Bool = Console.errorIsTerminal) {
        self.label = Console.safe(label)
        self.enabled = enabled
    }

    /// The engine's progress handler: draws, and never cancels.
    func update(_ progress: SyncProgress) -> Bool {
        guard enabled, progress.done < progress.total, Date().timeIntervalSince(lastDrawn) >= 0.25 else { return true }
        lastDrawn = Date()
        // English has always grouped these as the locale does ("12,000"); Spanish as Spain does ("12.000").
        let number: (Int) -> String = { Language.current == .english ? $0.formatted() : Format.integer($0) }
        let text = label + ": " + tr("{0} of {1} records…", number(progress.done), number(progress.total))
        Console.redraw(text, over: width)
        width = DisplayWidth.of(text)
        return true
    }

    /// Clears the line, if anything was drawn.
    func finish() {
        guard width > 0 else { return }
        Console.redraw("", over: width)
        width = 0
    }
}

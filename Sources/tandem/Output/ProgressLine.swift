import Foundation
import TandemConnectors
import TandemCore

/// "CUSTOMER: 12,000 of 100,000 records…" on standard error while a long job runs, redrawn in place
/// at most four times a second, and only when standard error is a terminal (a script's log gets
/// nothing). While a connected service makes Tandem wait (throttling, a busy or silent service), the
/// line says so at once: "… — waiting 30 s for Dataverse (throttled)". The line is cleared when the
/// job ends, so the result prints where it stood. Waits arrive from the threads sending batches, so
/// drawing is under a lock.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let waits: ServiceWaits?
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast
    private var width = 0
    private var counted: String?
    private var waiting: (wait: ServiceWait, until: Date)?

    init(_ label: String, waits: ServiceWaits? = nil, enabled: Bool = Console.errorIsTerminal) {
        self.label = Console.safe(label)
        self.enabled = enabled
        self.waits = enabled ? waits : nil
        self.waits?.listen { [weak self] wait in self?.show(wait) }
    }

    /// The engine's progress handler: draws, and never cancels.
    func update(_ progress: SyncProgress) -> Bool {
        guard enabled, progress.done < progress.total else { return true }
        // English has always grouped these as the locale does ("12,000"); Spanish as Spain does ("12.000").
        let number: (Int) -> String = { Language.current == .english ? $0.formatted() : Format.integer($0) }
        lock.withLock {
            counted = tr("{0} of {1} records…", number(progress.done), number(progress.total))
            if Date().timeIntervalSince(lastDrawn) >= 0.25 { draw() }
        }
        return true
    }

    /// Clears the line, if anything was drawn, and stops hearing of waits.
    func finish() {
        waits?.listen(nil)
        lock.withLock {
            guard width > 0 else { return }
            Console.redraw("", over: width)
            width = 0
        }
    }

    private func show(_ wait: ServiceWait) {
        lock.withLock {
            let until = Date().addingTimeInterval(wait.seconds)
            if let current = waiting, current.until > until { return }   // a longer wait already shows
            waiting = (wait, until)
            draw()
        }
    }

    /// Draws the line (the lock held).
    private func draw() {
        lastDrawn = Date()
        var text = label + ": " + (counted ?? tr("starting…"))
        if let waiting, waiting.until > lastDrawn {
            let seconds = Format.integer(Int(waiting.wait.seconds.rounded(.up)))
            text += tr(" — waiting {0} s for {1} ({2})", seconds, waiting.wait.service, waiting.wait.reason.text)
        }
        Console.redraw(text, over: width)
        width = DisplayWidth.of(text)
    }
}

import Foundation
import Testing

/// The built binary in a real terminal (tmux), as a person would use it.
@Suite(.serialized, .enabled(if: TmuxSession.available)) struct EndToEndTests {
    func start(_ session: TmuxSession) throws -> (Bool, String) {
        try session.type("'\(TmuxSession.binary)'")
        try session.press("Enter")
        // Both panes load (one after the other, on the effects queue) before the page is complete.
        return session.wait { $0.contains("ERP · Customer · 160") && $0.contains("CRM · account · 170") }
    }

    /// The shell in the pane echoes what is typed and runs it: the terminal was restored.
    func expectShellUsable(_ session: TmuxSession) throws {
        try session.type("echo restored-$((20+6))")
        try session.press("Enter")
        let (seen, screen) = session.wait { $0.contains("echo restored-$((20+6))") && $0.contains("\nrestored-26") }
        #expect(seen, "the shell did not echo and run the command:\n\(screen)")
    }

    @Test func browseCoupleSynchronizeResizeAndQuit() throws {
        let session = try TmuxSession()
        // The Customers page, with both panes; the default workspace is made on first run.
        let (started, first) = try start(session)
        try #require(started, "no list:\n\(first)")
        #expect(first.contains("CRM · account · 170") && first.contains("Space select"))
        // The notice is longer than a line: it wraps over the rows above the hints, whole.
        #expect(first.contains("Created the workspace at") && first.contains(session.folder.path))

        // Arrow down and select three rows; then Shift-↓ twice extends the selection over the row
        // under the cursor and the two below it.
        try session.press("Down", "Space", "Space", "Space")
        #expect(session.wait(for: "160 customers · 3 selected").0)
        try session.press("S-Down", "S-Down")
        #expect(session.wait(for: "160 customers · 6 selected").0)
        try session.press("A")

        // A card; set up coupling to an account from the lookup, using the ERP data.
        try session.press("/")
        try session.type("C01600")
        try session.press("Enter", "Enter")
        #expect(session.wait(for: "ERP Customer C01600").0)
        try session.press("c")
        #expect(session.wait(for: "Set up coupling").0)
        try session.type("Fourth Coffee L")
        try session.press("F4")
        #expect(session.wait(for: "CRM records (✓ coupled already)").0)
        try session.press("Enter")
        #expect(session.wait(for: "address1_city: Manchester").0)
        #expect(session.screen.contains("Yes – use the ERP data"))
        try session.press("Enter")
        let (coupled, card) = session.wait(for: "Coupled C01600")
        #expect(coupled, "\(card)")
        try session.press("Escape")
        #expect(session.wait { $0.contains("✓ C01600") }.0)

        // Five rows synchronized to the CRM, with the result line, then the job and the job log.
        // Clear the filter and wait for the full list before selecting, as a person watching would.
        try session.press("/", "Escape")
        #expect(session.wait { $0.contains("\n 160 customers\n") }.0)
        try session.press("Home")
        try session.press("Space", "Space", "Space", "Space", "Space")
        #expect(session.wait(for: "5 selected").0)
        try session.press("s")
        #expect(session.wait(for: "Synchronize data for the selected records?").0)
        try session.press("Enter")
        let (synced, result) = session.wait(for: "Synchronized")
        #expect(synced && result.contains("of 5 records"), "\(result)")
        try session.press("Enter")
        #expect(session.wait(for: "Job ").0)
        try session.press("Escape", "J")
        #expect(session.wait(for: "Synchronization jobs").0)

        // Resize to 60×20 and back: a whole frame each time.
        try session.tmux(["resize-window", "-x", "60", "-y", "20"])
        let (small, narrow) = session.wait { $0.contains("Synchronization jobs") && $0.split(separator: "\n").count <= 20 }
        #expect(small, "\(narrow)")
        try session.tmux(["resize-window", "-x", "30", "-y", "10"])
        #expect(session.wait(for: "Terminal too small").0)
        try session.tmux(["resize-window", "-x", "100", "-y", "30"])
        try session.press("q")
        #expect(session.wait(for: "ERP · Customer · 160").0)

        // q quits; the shell works again.
        try session.press("q")
        #expect(session.wait { !$0.contains("ERP · Customer") }.0)
        try expectShellUsable(session)
    }

    @Test func killTermRestoresTheTerminal() throws {
        let session = try TmuxSession()
        let (started, screen) = try start(session)
        try #require(started, "\(screen)")
        let pid = try #require(session.childPID)
        kill(pid, SIGTERM)
        #expect(session.wait { !$0.contains("ERP · Customer") }.0)
        try expectShellUsable(session)
    }

    /// A Swift trap arrives as SIGILL: the handler restores the terminal and re-raises, so the
    /// process still dies of it (the shell reports it) and the shell is usable.
    @Test func aCrashRestoresTheTerminal() throws {
        let session = try TmuxSession()
        let (started, screen) = try start(session)
        try #require(started, "\(screen)")
        let pid = try #require(session.childPID)
        kill(pid, SIGILL)
        #expect(session.wait(for: "Illegal instruction").0)
        try expectShellUsable(session)
    }

    /// es_ES.UTF-8 is not generated on this machine (only C, C.utf8 and POSIX are): the terminal UI
    /// still starts, in C.UTF-8, with wide characters drawn.
    @Test func aUTF8LocaleThatIsNotInstalledStillStarts() throws {
        let session = try TmuxSession()
        try session.type("LANG=es_ES.UTF-8 LC_ALL= '\(TmuxSession.binary)'")
        try session.press("Enter")
        let (started, screen) = session.wait { $0.contains("Açaí do Pará") }
        #expect(started, "\(screen)")
        #expect(!screen.contains("needs a UTF-8 locale"))
        try session.press("q")
    }

    @Test func aNonUTF8LocaleGetsAClearMessage() throws {
        let session = try TmuxSession()
        try session.type("LANG=C LC_ALL=C '\(TmuxSession.binary)'")
        try session.press("Enter")
        #expect(session.wait(for: "needs a UTF-8 locale").0)
    }
}

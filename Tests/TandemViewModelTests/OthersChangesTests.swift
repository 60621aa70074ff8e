import Foundation
import Testing
import TandemCore
import TandemSQLite
import TandemViewModel

/// Others change the workspace while the screens are open (a colleague, a watcher): when the terminal
/// has been idle a while, the lists look for records written and jobs run since the last look and
/// read themselves again — never under an open card or dialog.
@Suite struct OthersChangesTests {
    /// Another process's connection to the same workspace, editing the first customer shown.
    func editFirstCustomer(_ harness: Harness, city: String) throws {
        let other = try SQLiteWorkspace.open(at: harness.folder.file("workspace"), access: .writing)
        let id = try #require(harness.pane(.erp).currentRow?.id)
        _ = try other.workspace.table("Customer", on: .erp).edit(id: id, fields: ["City": city])
    }

    func frameText(_ harness: Harness) -> String { harness.model.frame.lines.joined(separator: "\n") }

    @Test func anIdleListShowsWhatAnotherProcessWrote() throws {
        let harness = try Harness(size: Size(width: 120, height: 24))
        defer { harness.remove() }
        harness.model.send(.idle)  // the first look notes the time, as the terminal does at its start
        try editFirstCustomer(harness, city: "Villaviciosa")
        #expect(!frameText(harness).contains("Villaviciosa"))
        harness.model.send(.idle)
        #expect(frameText(harness).contains("Villaviciosa"))
        // Nothing more changed: the next look reads nothing again.
        let before = harness.state
        harness.model.send(.idle)
        #expect(harness.state.pages == before.pages)
    }

    @Test func anOpenCardIsLeftAloneAndTheListCatchesUpWhenItCloses() throws {
        let harness = try Harness(size: Size(width: 120, height: 24))
        defer { harness.remove() }
        harness.model.send(.idle)
        harness.model.press(.enter)
        try editFirstCustomer(harness, city: "Mondoñedo")
        let card = harness.state.screens
        harness.model.send(.idle)
        #expect(harness.state.screens == card)
        harness.model.press(.escape)
        harness.model.send(.idle)
        #expect(frameText(harness).contains("Mondoñedo"))
    }
}

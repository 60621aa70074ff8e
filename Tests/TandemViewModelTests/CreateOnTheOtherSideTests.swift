import Testing
import TandemCore
import TandemSQLite
import TandemViewModel

@Suite struct CreateOnTheOtherSideTests {
    @Test func nCreatesTheSelectedRecordsInTheCRMAndCouplesThem() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.character("/"))
        harness.model.type("C016")
        harness.model.press(.enter, .space)
        let id = try #require(harness.pane(.erp).selection.toggled.first)
        harness.model.press(.character("n"))
        guard case .confirm(let confirm)? = harness.state.modal else { Issue.record("no question"); return }
        #expect(confirm.yes && confirm.text == "Create 1 record in the CRM from the ERP and couple them?")
        harness.model.press(.enter)
        #expect(harness.state.message == "Created and coupled 1 of 1 record.")
        let coupling = try #require(try harness.opened.workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: id))
        #expect(try harness.opened.table("account", on: .crm).record(id: coupling.crmID)?["accountnumber"] == "C01600")
    }
}

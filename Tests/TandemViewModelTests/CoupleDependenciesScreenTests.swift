import Foundation
import Testing
import TandemCore
import TandemViewModel

/// A record whose company (or salesperson) is not coupled fails its synchronization; the result
/// offers `c`, which couples it by match and runs the same synchronization again.
@Suite struct CoupleDependenciesScreenTests {
    /// A sample customer not coupled whose one account of the same name has its e-mail too (so
    /// matching couples them), with that account.
    func matchableCompany(_ harness: Harness) throws -> (customer: Record, account: Record) {
        let workspace = harness.opened.workspace
        let customers = try workspace.table("Customer", on: .erp).scan(after: nil, limit: 10_000)
        let accounts = try workspace.table("account", on: .crm).scan(after: nil, limit: 10_000)
        for customer in customers where try workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: customer.id) == nil {
            let same = accounts.filter { $0["name"].lowercased() == customer["Name"].lowercased() }
            guard same.count == 1, let account = same.first, !customer["E-Mail"].isEmpty,
                  account["emailaddress1"].lowercased() == customer["E-Mail"].lowercased(),
                  try workspace.store.coupling(mapping: "CUSTOMER", side: .crm, id: account.id) == nil else { continue }
            return (customer, account)
        }
        throw CocoaError(.featureUnsupported)
    }

    @Test func theResultOffersToCoupleTheCompanyAndSynchronizeAgain() throws {
        let harness = try Harness(size: Size(width: 120, height: 30))
        defer { harness.remove() }
        let company = try matchableCompany(harness)
        // A coupled contact moves to that company in the ERP.
        let contacts = try harness.opened.workspace.table("Contact", on: .erp)
        let person = try #require(try contacts.scan(after: nil, limit: 10_000).first { contact in
            contact["Type"] == "Person" && (try? harness.opened.workspace.store.coupling(mapping: "CONTACT", side: .erp, id: contact.id)) != nil
        })
        _ = try contacts.edit(id: person.id, fields: ["Company No.": company.customer["No."]])

        harness.model.press(.character("2"))
        harness.focus(person["No."])
        harness.model.press(.character("s"))
        guard case .syncQuestion? = harness.state.modal else { Issue.record("no question: \(String(describing: harness.state.modal))"); return }
        harness.model.press(.enter)
        guard case .result(let failed)? = harness.state.modal else { Issue.record("no result"); return }
        #expect(failed.dependencies != nil, "\(failed.problems)")
        #expect(harness.model.frame.lines.joined().contains("c couples companies, syncs again"))

        harness.model.press(.character("c"))
        guard case .result(let done)? = harness.state.modal else { Issue.record("no second result"); return }
        #expect(done.note == "Coupled 1 of the 1 CUSTOMER records they refer to by match.", "\(String(describing: done.note))")
        #expect(done.summary == "Synchronized 1 of 1 record.", "\(done.summary)")
        #expect(done.problems.isEmpty && done.dependencies == nil, "\(done.problems)")
        #expect(try harness.opened.workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: company.customer.id)?.crmID
            == company.account.id)
    }

    /// The same offer for a customer whose salesperson is not coupled (the sample's C00500, Lucía
    /// Martínez): `c` couples her to the CRM user with her e-mail, and the owner is sent.
    @Test func theResultOffersToCoupleTheSalespersonAndSynchronizeAgain() throws {
        let harness = try Harness(size: Size(width: 120, height: 30))
        defer { harness.remove() }
        harness.focus("C00500")
        harness.model.press(.character("s"))
        guard case .syncQuestion? = harness.state.modal else { Issue.record("no question: \(String(describing: harness.state.modal))"); return }
        harness.model.press(.enter)
        guard case .result(let failed)? = harness.state.modal else { Issue.record("no result"); return }
        #expect(failed.dependencies?.referencedTables == ["Salesperson"], "\(failed.problems)")
        #expect(harness.model.frame.lines.joined().contains("c couples salespeople, syncs again"))

        harness.model.press(.character("c"))
        guard case .result(let done)? = harness.state.modal else { Issue.record("no second result"); return }
        #expect(done.note == "Coupled 1 of the 1 SALESPEOPLE records they refer to by match.", "\(String(describing: done.note))")
        #expect(done.summary == "Synchronized 1 of 1 record.", "\(done.summary)")
        let customer = try harness.customer("C00500")
        let coupling = try #require(try harness.opened.workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: customer.id))
        #expect(try harness.opened.table("account", on: .crm).record(id: coupling.crmID)?["ownerid"]
            == "5f0c2a71-3b8e-4d52-9a61-0c7e2f9b1a03")
    }
}

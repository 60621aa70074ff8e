import Testing
@testable import TandemCore

@Suite struct SyncQuestionTests {
    @Test func anUncoupledRecordAsksToSetUpACoupling() throws {
        let fixture = Fixture()
        let lonely = try fixture.customer("C00010", "Adatum")
        let check = try fixture.engine.check(mapping: "CUSTOMER", side: .erp, id: lonely.id)
        #expect(check.question == .setUpCoupling(text: "The record is not coupled. Do you want to set up a coupling?"))
    }

    @Test func theRecommendedChoiceIsTheSideThatChanged() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.accounts, pair.crm.id, ["telephone1": "+1 1"])
        let check = try fixture.engine.check(mapping: "CUSTOMER", side: .erp, id: pair.erp.id)
        #expect(!check.erpChanged && check.crmChanged && check.changedOnCRMOnly == ["Phone No."])
        #expect(check.question == .menu(title: "Synchronize data for C00010 Adatum?", options: [.toCRM, .fromCRM, .merge],
                                        recommended: .fromCRM, warning: nil))
    }

    @Test func bothSidesChangedWithoutConflictRecommendsMergeWithAWarning() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.accounts, pair.crm.id, ["telephone1": "+1 1"])
        try fixture.edit(fixture.customers, pair.erp.id, ["City": "Essen"])
        let check = try fixture.engine.check(mapping: "CUSTOMER", side: .erp, id: pair.erp.id)
        #expect(check.question == .menu(title: "Synchronize data for C00010 Adatum?", options: [.toCRM, .fromCRM, .merge],
                                        recommended: .merge, warning: "Both records have changed since the last synchronization."))
    }

    @Test func aTrueConflictWithholdsMergeAndNamesTheField() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.accounts, pair.crm.id, ["address1_city": "Lyon"])
        try fixture.edit(fixture.customers, pair.erp.id, ["City": "Essen"])
        let check = try fixture.engine.check(mapping: "CUSTOMER", side: .erp, id: pair.erp.id)
        #expect(check.conflicts == [FieldConflict(erpField: "City", crmField: "address1_city", erpValue: "Essen",
                                                  crmValue: "Lyon", lastSyncedValue: "Berlin")])
        guard case .menu(_, let options, _, let warning?) = check.question else {
            Issue.record("expected a menu with a warning")
            return
        }
        #expect(options == [.toCRM, .fromCRM])
        #expect(warning.contains("City: ERP \"Essen\" ≠ CRM \"Lyon\""))
    }

    @Test func oneWayMappingsAskYesOrNoAndWarnBeforeOverwritingNewerData() throws {
        var mapping = DefaultMappings.customer
        mapping.direction = .toCRM
        let fixture = Fixture(mappings: [mapping, DefaultMappings.contact])
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        #expect(try fixture.engine.check(mapping: "CUSTOMER", side: .erp, id: pair.erp.id).question
                == .confirm(text: "Send data update to CRM for C00010 Adatum?", choice: .toCRM, defaultYes: true))
        try fixture.edit(fixture.accounts, pair.crm.id, ["address1_city": "Lyon"])
        #expect(try fixture.engine.check(mapping: "CUSTOMER", side: .erp, id: pair.erp.id).question
                == .confirm(text: "The CRM record contains newer data. Overwrite it?", choice: .toCRM, defaultYes: false))
        #expect(try fixture.engine.questionForSelection(mapping: "CUSTOMER")
                == .confirm(text: "Send data update to CRM for the selected records?", choice: .toCRM, defaultYes: true))
    }

    @Test func severalRecordsGetSendOrGetWithoutMerge() throws {
        let fixture = Fixture()
        #expect(try fixture.engine.questionForSelection(mapping: "CUSTOMER")
                == .menu(title: "Synchronize data for the selected records?", options: [.toCRM, .fromCRM], recommended: .toCRM, warning: nil))
    }
}

import Testing
@testable import TandemCore

@Suite struct DefaultMappingTests {
    @Test func customerMappingPairsTheSpecFields() throws {
        let mapping = DefaultMappings.customer
        #expect(mapping.erpTable == "Customer" && mapping.crmTable == "account" && mapping.direction == .bidirectional)
        let pairs = Dictionary(uniqueKeysWithValues: mapping.fields.map { ($0.erpField, $0.crmField) })
        #expect(pairs["Name"] == "name" && pairs["E-Mail"] == "emailaddress1" && pairs["Currency Code"] == "transactioncurrency")
        #expect(mapping.fields.first { $0.erpField == "Credit Limit" }?.direction == .toCRM)
        #expect(mapping.fields.first { $0.erpField == "No." }?.crmField == "accountnumber")
        #expect(mapping.onlyCoupled)
    }

    @Test func passesUseTheFieldsOfTheirDirectionOnly() {
        let toCRM = Set(DefaultMappings.customer.fields(for: .toCRM).map(\.erpField))
        let fromCRM = Set(DefaultMappings.customer.fields(for: .fromCRM).map(\.erpField))
        #expect(toCRM.contains("Credit Limit") && toCRM.contains("No.") && toCRM.contains("Name"))
        #expect(!fromCRM.contains("Credit Limit") && !fromCRM.contains("No.") && fromCRM.contains("Name"))
        var disabled = DefaultMappings.customer
        disabled.fields[0].isEnabled = false
        #expect(!disabled.fields(for: .toCRM).contains { $0.erpField == "Name" })
        var oneWay = DefaultMappings.customer
        oneWay.direction = .toCRM
        #expect(oneWay.fields(for: .fromCRM).isEmpty)
    }

    @Test func contactMappingDependsOnCustomerAndTranslatesTheCompany() {
        let contact = DefaultMappings.contact
        #expect(contact.dependsOn == ["CUSTOMER"])
        #expect(contact.fields.first { $0.erpField == "Company No." }?.lookupMapping == "CUSTOMER")
    }

    @Test func filtersAdmitOnlyRecordsInside() {
        let blocked = Record(id: .generate(), modifiedAt: Timestamp(milliseconds: 0), fields: ["Blocked": "All"])
        let open = Record(id: .generate(), modifiedAt: Timestamp(milliseconds: 0), fields: ["Blocked": "  "])
        #expect(!DefaultMappings.customer.erpFilter.admits(blocked))
        #expect(DefaultMappings.customer.erpFilter.admits(open))
        let inactive = Record(id: .generate(), modifiedAt: Timestamp(milliseconds: 0), fields: ["statecode": "Inactive"])
        #expect(!DefaultMappings.customer.crmFilter.admits(inactive))
    }

    @Test func mappingSettingsAreStoredAndChangeable() throws {
        let fixture = Fixture()
        var mapping = try fixture.store.mapping(named: "customer")
        mapping.updateConflict = .sendERP
        mapping.deletionConflict = .restore
        mapping.fields[0].constant = "X"
        mapping.fields[0].caseSensitive = true
        try fixture.store.save(mapping)
        let stored = try fixture.store.mapping(named: "CUSTOMER")
        #expect(stored == mapping)
        #expect(throws: TandemError.unknownMapping("VENDOR")) { try fixture.store.mapping(named: "VENDOR") }
    }

    @Test func decimalsCompareByValueAndTextTrimmed() {
        #expect(FieldValue.same("1000", "1000.00", kind: .decimal))
        #expect(!FieldValue.same("1000", "1000.5", kind: .decimal))
        #expect(FieldValue.same(" Berlin ", "Berlin", kind: .text))
        #expect(!FieldValue.same("berlin", "Berlin", kind: .text))
        #expect(!FieldValue.same("12abc", "12", kind: .decimal))
    }
}

@Suite struct CouplingRuleTests {
    let synced = Timestamp(milliseconds: 1_000_000)

    func coupling() -> Coupling {
        Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: .generate(),
                 erpModifiedAtLastSync: synced, crmModifiedAtLastSync: synced)
    }

    @Test func aSideChangedWhenItsTimestampIsTenMillisecondsLaterOrMore() {
        let coupling = coupling()
        #expect(!coupling.recordChanged(on: .erp, modifiedAt: synced.adding(milliseconds: 9)))
        #expect(coupling.recordChanged(on: .erp, modifiedAt: synced.adding(milliseconds: 10)))
        #expect(!coupling.recordChanged(on: .crm, modifiedAt: synced))
    }

    @Test func neverSynchronizedCountsAsChanged() {
        let fresh = Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: .generate())
        #expect(fresh.recordChanged(on: .erp, modifiedAt: synced))
        #expect(fresh.recordChanged(on: .crm, modifiedAt: synced))
    }

    @Test func aFailedPassFromASideCountsAsChangedUnlessSkipped() {
        var coupling = coupling()
        coupling.recordFailure(.toCRM, reason: .legacy("boom"), job: 1, at: synced)
        #expect(coupling.recordChanged(on: .erp, modifiedAt: synced))
        #expect(!coupling.recordChanged(on: .crm, modifiedAt: synced))
        coupling.skipped = true
        #expect(!coupling.recordChanged(on: .erp, modifiedAt: synced))
    }

    @Test func theSameFailureTwiceInARowMarksSkipped() {
        var coupling = coupling()
        coupling.recordFailure(.toCRM, reason: .legacy("boom"), job: 1, at: synced)
        #expect(!coupling.skipped)
        coupling.recordFailure(.toCRM, reason: .legacy("other"), job: 2, at: synced)
        #expect(!coupling.skipped && coupling.consecutiveFailures == 1)
        coupling.recordFailure(.toCRM, reason: .legacy("other"), job: 3, at: synced)
        #expect(coupling.skipped)
    }

    @Test func successResetsFailuresAndTimestampsOnlyMoveForward() {
        var coupling = coupling()
        coupling.recordFailure(.toCRM, reason: .legacy("boom"), job: 1, at: synced)
        coupling.recordSuccess(.toCRM, job: 2, at: synced, erpModifiedAt: synced.adding(milliseconds: 500),
                               crmModifiedAt: synced.adding(milliseconds: -500))
        #expect(coupling.consecutiveFailures == 0 && coupling.lastError == nil)
        #expect(coupling.lastResultToCRM == PassResult(succeeded: true, jobID: 2, at: synced))
        #expect(coupling.erpModifiedAtLastSync == synced.adding(milliseconds: 500))
        #expect(coupling.crmModifiedAtLastSync == synced)
    }
}

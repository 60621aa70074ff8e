import Testing
@testable import TandemCore

@Suite struct MatchCouplingTests {
    func options(_ criteria: [MatchCriterion], create: Bool = false, sync: Bool = false) -> MatchOptions {
        MatchOptions(criteria: MatchCriteria(criteria), createNewIfNoMatch: create, synchronizeAfterCoupling: sync)
    }
    let name0 = MatchCriterion(erpField: "Name", crmField: "name", priority: 0)
    let mail1 = MatchCriterion(erpField: "E-Mail", crmField: "emailaddress1", priority: 1)

    /// A match key stands for the text `FieldValue` defines: trimmed, case folded unless case-sensitive.
    @Test(arguments: ["Adatum", "  ADATUM\t", "\u{0B}adaTUM \r\n", "   ", "", "Ärger GmbH ", " ÆØÅ\u{00A0}", "a\u{1C}b", "MiXeD 42 "])
    func matchKeysStandForTheTextFieldValueDefines(value: String) {
        for caseSensitive in [false, true] {
            func key(_ name: String, _ city: String) -> MatchKey? {
                MatchKey(Record(id: RecordID("1"), modifiedAt: Timestamp(milliseconds: 0), fields: ["Name": name, "City": city]),
                         fields: [("Name", caseSensitive), ("City", caseSensitive)])
            }
            let normal = FieldValue.normalizedText(value)
            let expected = caseSensitive ? normal : FieldValue.caseFolded(normal)
            #expect(key(value, "  Köln ") == (normal.isEmpty ? nil : key(expected, "Köln")))
        }
    }

    @Test func exactlyOneUncoupledMatchCouples() throws {
        let fixture = Fixture()
        let erp = try fixture.customer("C00010", "Adatum")
        let crm = try fixture.account("ADATUM")
        let result = try MatchCoupler(workspace: fixture.workspace).match(mapping: "CUSTOMER", options: options([name0]))
        #expect(result.coupled == [MatchedPair(erpID: erp.id, crmID: crm.id, label: "C00010 Adatum", priority: 0)])
        #expect(try fixture.couplingOf(customer: erp.id)?.crmID == crm.id)
        #expect(result.job.type == .matchCoupling && result.job.counters.coupled == 1)
    }

    @Test func caseSensitiveCriteriaDoNotFoldCase() throws {
        let fixture = Fixture()
        try fixture.customer("C00010", "Adatum")
        try fixture.account("ADATUM")
        var strict = name0
        strict.caseSensitive = true
        let result = try MatchCoupler(workspace: fixture.workspace).match(mapping: "CUSTOMER", options: options([strict]))
        #expect(result.coupled.isEmpty && result.unmatched.map(\.reason) == [.noMatch])
    }

    @Test func anAmbiguousGroupFallsThroughToTheNextPriority() throws {
        let fixture = Fixture()
        let erp = try fixture.customer("C00010", "Adatum", ["E-Mail": "buy@adatum.com"])
        try fixture.account("Adatum", ["emailaddress1": "old@adatum.com"])
        let right = try fixture.account("Adatum", ["emailaddress1": "buy@adatum.com"])
        let result = try MatchCoupler(workspace: fixture.workspace).match(mapping: "CUSTOMER", options: options([name0, mail1]))
        #expect(result.coupled.map(\.crmID) == [right.id] && result.coupled[0].priority == 1)
        #expect(try fixture.couplingOf(customer: erp.id)?.crmID == right.id)
    }

    @Test func aGroupMatchesOnAllItsFieldsAndIgnoresEmptyValues() throws {
        let fixture = Fixture()
        let both = try fixture.customer("C00010", "Adatum", ["E-Mail": "a@adatum.com"])
        let nameOnly = try fixture.customer("C00020", "Contoso", ["E-Mail": ""])
        try fixture.account("Adatum", ["emailaddress1": "other@adatum.com"])
        let adatum = try fixture.account("Adatum", ["emailaddress1": "a@adatum.com"])
        let contoso = try fixture.account("Contoso", ["emailaddress1": "x@contoso.com"])
        var mail0 = mail1
        mail0.priority = 0
        let result = try MatchCoupler(workspace: fixture.workspace).match(mapping: "CUSTOMER", options: options([name0, mail0]))
        let pairs = Dictionary(uniqueKeysWithValues: result.coupled.map { ($0.erpID, $0.crmID) })
        #expect(pairs[both.id] == adatum.id)
        #expect(pairs[nameOnly.id] == contoso.id)
    }

    @Test func everyUnmatchedRecordGetsItsOwnReason() throws {
        let fixture = Fixture()
        let taken = try fixture.coupledCustomer("C00010", "Adatum")
        let twin = try fixture.customer("C00020", "Adatum")
        let ambiguous = try fixture.customer("C00030", "Contoso")
        try fixture.account("Contoso")
        try fixture.account("contoso")
        let nothing = try fixture.customer("C00040", "Fabrikam")
        let empty = try fixture.customer("C00050", " ")
        let result = try MatchCoupler(workspace: fixture.workspace).match(mapping: "CUSTOMER", options: options([name0]))
        let reasons = Dictionary(uniqueKeysWithValues: result.unmatched.map { ($0.erpID, $0.reason) })
        #expect(reasons[twin.id] == .candidateAlreadyCoupled(crmIDs: [taken.crm.id]))
        #expect(reasons[ambiguous.id] == .ambiguous(candidates: 2))
        #expect(reasons[nothing.id] == .noMatch)
        #expect(reasons[empty.id] == .nothingToMatchOn)
        #expect(result.job.counters.skipped == 4)
        #expect(try fixture.store.jobErrors(result.job.id).count == 4)
    }

    @Test func aCandidateTakenEarlierInTheRunIsNoLongerUncoupled() throws {
        let fixture = Fixture()
        try fixture.customer("C00010", "Adatum")
        try fixture.customer("C00020", "Adatum")
        try fixture.account("Adatum")
        let result = try MatchCoupler(workspace: fixture.workspace).match(mapping: "CUSTOMER", options: options([name0]))
        #expect(result.coupled.count == 1)
        guard case .candidateAlreadyCoupled? = result.unmatched.first?.reason else {
            Issue.record("expected the second record to find its candidate taken")
            return
        }
    }

    @Test func createNewIfNoMatchAndSynchronizeAfterCoupling() throws {
        let fixture = Fixture()
        let matched = try fixture.customer("C00010", "Adatum", ["City": "Berlin"])
        let account = try fixture.account("Adatum", ["address1_city": "Hamburg"])
        let lonely = try fixture.customer("C00020", "Fabrikam", ["City": "Bonn"])
        fixture.clock.advance()
        let result = try MatchCoupler(workspace: fixture.workspace)
            .match(mapping: "CUSTOMER", options: options([name0], create: true, sync: true))
        #expect(result.coupled.map(\.erpID) == [matched.id])
        #expect(result.created.map(\.erpID) == [lonely.id])
        #expect(result.unmatched.isEmpty)
        #expect(try fixture.accounts.record(id: account.id)?["address1_city"] == "Berlin")
        let createdID = try #require(result.created.first?.crmID)
        #expect(try fixture.accounts.record(id: createdID)?["name"] == "Fabrikam")
        // Created from the whole record, not from the few fields matching read.
        #expect(try fixture.accounts.record(id: createdID)?["address1_city"] == "Bonn")
        #expect(result.sync?.job.counters.modified == 1)
    }

    @Test func createNewLeavesAmbiguousAndTakenRecordsAlone() throws {
        let fixture = Fixture()
        let taken = try fixture.coupledCustomer("C00010", "Adatum")
        let twin = try fixture.customer("C00020", "Adatum")
        let ambiguous = try fixture.customer("C00030", "Contoso")
        try fixture.account("Contoso")
        try fixture.account("Contoso")
        let result = try MatchCoupler(workspace: fixture.workspace).match(mapping: "CUSTOMER", options: options([name0], create: true))
        #expect(result.created.isEmpty)
        #expect(Set(result.unmatched.map(\.erpID)) == [twin.id, ambiguous.id])
        #expect(try fixture.accounts.count(search: nil) == 3)
        _ = taken
    }

    @Test func onlySelectedUncoupledRecordsInsideTheFilterTakePart() throws {
        let fixture = Fixture()
        let chosen = try fixture.customer("C00010", "Adatum")
        try fixture.customer("C00020", "Contoso")
        let blocked = try fixture.customer("C00030", "Blocked Ltd", ["Blocked": "All"])
        try fixture.account("Adatum")
        try fixture.account("Contoso")
        try fixture.account("Blocked Ltd")
        let result = try MatchCoupler(workspace: fixture.workspace)
            .match(mapping: "CUSTOMER", erpIDs: [chosen.id, blocked.id], options: options([name0]))
        #expect(result.coupled.map(\.erpID) == [chosen.id])
        #expect(try fixture.store.couplingCount(mapping: "CUSTOMER") == 1)
    }

    @Test func criteriaAreBuiltFromFieldNamesOfEitherSide() throws {
        let criteria = try MatchCriteria(mapping: DefaultMappings.customer,
                                         fields: [("name", false, 0), ("E-Mail", true, 1)])
        #expect(criteria.groups.map { $0.map(\.erpField) } == [["Name"], ["E-Mail"]])
        #expect(criteria.criteria[1].caseSensitive)
        #expect(throws: TandemError.self) {
            try MatchCriteria(mapping: DefaultMappings.customer, fields: [("Colour", false, 0)])
        }
        #expect(MatchCriteria(defaultsOf: DefaultMappings.customer).groups.map { $0.map(\.erpField) } == [["Name"], ["E-Mail"]])
    }
}

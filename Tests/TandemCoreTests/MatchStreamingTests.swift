import Foundation
import Testing
@testable import TandemCore

@Suite struct MatchStreamingTests {
    let name0 = MatchCriterion(erpField: "Name", crmField: "name", priority: 0)

    @Test func resultsArriveBatchByBatchAndTheResultKeepsCountsAndSamples() throws {
        let fixture = Fixture()
        for index in 1...7 {
            try fixture.customer(String(format: "C%05d", index), "Company \(index)")
            if index <= 5 { try fixture.account("company \(index)") }
        }
        var coupler = MatchCoupler(workspace: fixture.workspace)
        coupler.batchSize = 3
        coupler.sampleLimit = 2
        var batches: [MatchBatchReport] = []
        let result = try coupler.match(mapping: "CUSTOMER", options: MatchOptions(criteria: MatchCriteria([name0]),
                                                                                  createNewIfNoMatch: true)) {
            batches.append($0)
        }
        #expect(batches.count == 3)
        #expect(batches.map { $0.coupled.count + $0.created.count } == [3, 3, 1])
        #expect(result.counts.coupled == 5 && result.counts.created == 2 && result.counts.unmatched == 0)
        #expect(result.coupled.count == 2 && result.created.count == 2)
        #expect(result.job.counters.coupled == 7 && result.job.counters.inserted == 2)
        #expect(try fixture.accounts.count(search: nil) == 7)
        #expect(try fixture.store.couplingCount(mapping: "CUSTOMER") == 7)
    }

    @Test func aCompactIDIsTheUUIDAndNothingElse() throws {
        let id = RecordID.generate()
        #expect(try #require(CompactID(id)).recordID == id)
        #expect(CompactID(RecordID("C00010")) == nil)
    }

    @Test func matchKeysFoldCaseAndTrimButKeepFieldsApart() throws {
        func record(_ name: String, _ city: String) -> Record {
            Record(id: .generate(), modifiedAt: Timestamp(milliseconds: 0), fields: ["Name": name, "City": city])
        }
        let folded = [(field: "Name", caseSensitive: false), (field: "City", caseSensitive: false)]
        #expect(MatchKey(record(" ADATUM ", "Köln"), fields: folded) == MatchKey(record("adatum", "köln"), fields: folded))
        #expect(MatchKey(record("ab", "c"), fields: folded) != MatchKey(record("a", "bc"), fields: folded))
        #expect(MatchKey(record("Adatum", ""), fields: folded) == nil)
        let strict = [(field: "Name", caseSensitive: true)]
        #expect(MatchKey(record("Adatum", ""), fields: strict) != MatchKey(record("adatum", ""), fields: strict))
    }
}

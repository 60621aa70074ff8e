import Foundation
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

@Suite struct RecordSourceContractTests {
    func fill(_ table: any RecordSource, names: [String]) throws -> [RecordID] {
        let ids = names.map { _ in RecordID.generate() }
        let results = try table.apply(zip(ids, names).enumerated().map { index, pair in
            .insert(id: pair.0, fields: ["No.": String(format: "C%05d", index + 1), "Name": pair.1,
                                         "City": index % 2 == 0 ? "Berlin" : "Paris"])
        })
        #expect(results.allSatisfy { $0.version != nil })
        return ids
    }

    @Test(arguments: Backend.allCases)
    func keysetPagesWalkTheListBothWaysWithoutGapsOrRepeats(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let table = try made.customers()
        let names = (0..<23).map { ["alpha", "Beta", "beta", "Gamma", "Ärger", "東京"][$0 % 6] + " \($0 % 4)" }
        _ = try fill(table, names: names)
        var forward: [Record] = []
        var page = try table.page(search: nil, from: .first, limit: 5)
        while let last = page.last {
            forward += page
            page = try table.page(search: nil, from: .after(ListKey(last, schema: table.schema)), limit: 5)
        }
        #expect(forward.count == 23 && Set(forward.map(\.id)).count == 23)
        let keys = forward.map { ListKey($0, schema: table.schema) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { ListKey.sortsBefore($0, $1) })
        var backward: [Record] = []
        page = try table.page(search: nil, from: .last, limit: 5)
        while let first = page.first {
            backward = page + backward
            page = try table.page(search: nil, from: .before(ListKey(first, schema: table.schema)), limit: 5)
        }
        #expect(backward.map(\.id) == forward.map(\.id))
    }

    @Test(arguments: Backend.allCases)
    func namesSortAndMatchWithoutRegardToCaseOrAccents(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let table = try made.customers()
        _ = try fill(table, names: ["Zeta", "Ärger", "atelier", "Açaí", "Arbeit", "Éclair", "edge"])
        let names = try table.page(search: nil, from: .first, limit: 10).map { $0["Name"] }
        #expect(names == ["Açaí", "Arbeit", "Ärger", "atelier", "Éclair", "edge", "Zeta"])
        #expect(try table.records(named: "acai", prefix: false, limit: 5).map { $0["Name"] } == ["Açaí"])
        #expect(try table.records(named: "ecl", prefix: true, limit: 5).map { $0["Name"] } == ["Éclair"])
        // Renaming moves the record in the list.
        let zeta = try #require(try table.records(named: "zeta", prefix: false, limit: 1).first)
        try table.edit(id: zeta.id, fields: ["Name": "Aaron"])
        #expect(try table.page(search: nil, from: .first, limit: 1).first?["Name"] == "Aaron")
    }

    @Test(arguments: Backend.allCases)
    func searchMatchesNameNumberCityAndCountsTheSame(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let table = try made.customers()
        _ = try fill(table, names: ["Adatum", "Contoso", "100% Organic", "Fabrikam"])
        #expect(try table.count(search: "paris") == 2)
        #expect(try table.page(search: "ADAT", from: .first, limit: 10).map { $0["Name"] } == ["Adatum"])
        #expect(try table.page(search: "C00002", from: .first, limit: 10).map { $0["Name"] } == ["Contoso"])
        #expect(try table.count(search: "0%") == 1)
        #expect(try table.count(search: nil) == 4)
    }

    @Test(arguments: Backend.allCases)
    func eachWriteStandsAloneAndAStaleVersionIsRefused(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let table = try made.customers()
        let ids = try fill(table, names: ["Adatum", "Contoso"])
        let adatum = try #require(try table.record(id: ids[0])), contoso = try #require(try table.record(id: ids[1]))
        made.clock.advance()
        let gone = RecordID("00000000-0000-4000-8000-000000000000")
        let results = try table.apply([
            .update(id: ids[0], fields: ["City": "Rome"], expected: adatum.modifiedAt),
            .insert(id: .generate(), fields: ["No.": "C00001"]),
            .update(id: ids[1], fields: ["Colour": "red"], expected: contoso.modifiedAt),
            .delete(id: gone, expected: adatum.modifiedAt),
            .update(id: ids[1], fields: ["City": "Oslo"], expected: contoso.modifiedAt.adding(milliseconds: -1)),
        ])
        try #require(results.count == 5)
        #expect(results[0].version != nil)
        #expect(results[1] == .refused(.duplicateNumber(table: "Customer", number: "C00001")))
        #expect(results[2] == .refused(.unknownField(table: "Customer", field: "Colour")))
        #expect(results[3] == .refused(.notFound(table: "Customer", id: gone)))
        #expect(results[4] == .refused(.changedElsewhere(table: "Customer", id: ids[1])))
        #expect(try table.record(id: ids[0])?["City"] == "Rome")
        #expect(try table.record(id: ids[1]) == contoso)
        #expect(try table.count(search: nil) == 2)
        // A person's edit between a read and a write wins: the write planned on the old version is refused.
        let planned = try #require(try table.record(id: ids[0]))
        made.clock.advance()
        try table.edit(id: ids[0], fields: ["City": "Paris"])
        #expect(throws: RecordSourceError.changedElsewhere(table: "Customer", id: ids[0])) {
            try table.write(.update(id: ids[0], fields: ["City": "Lyon"], expected: planned.modifiedAt))
        }
        #expect(throws: RecordSourceError.changedElsewhere(table: "Customer", id: ids[0])) {
            try table.write(.delete(id: ids[0], expected: planned.modifiedAt))
        }
        #expect(try table.record(id: ids[0])?["City"] == "Paris")
    }

    @Test(arguments: Backend.allCases)
    func aBatchOfLikeUpdatesRefusesTheStaleAndTheGoneAloneInItsOrder(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let table = try made.customers()
        let ids = try fill(table, names: ["Adatum", "Contoso", "Fabrikam", "Northwind"])
        let records = try ids.map { try #require(try table.record(id: $0)) }
        made.clock.advance()
        try table.edit(id: ids[1], fields: ["City": "Bergen"])
        _ = try table.apply([.delete(id: ids[3], expected: records[3].modifiedAt)])
        made.clock.advance()
        // Same fields on distinct records: PostgreSQL writes them as one statement; the result is the same.
        let results = try table.apply(records.map { .update(id: $0.id, fields: ["City": "Oslo \($0["Name"])", "Phone No.": "+47"],
                                                            expected: $0.modifiedAt) })
        try #require(results.count == 4)
        #expect(results[0].version != nil && results[2].version != nil)
        #expect(results[1] == .refused(.changedElsewhere(table: "Customer", id: ids[1])))
        #expect(results[3] == .refused(.notFound(table: "Customer", id: ids[3])))
        #expect(try table.record(id: ids[0])?["City"] == "Oslo Adatum" && table.record(id: ids[2])?["Phone No."] == "+47")
        #expect(try table.record(id: ids[1])?["City"] == "Bergen")
        #expect(try table.record(id: ids[0])?.modifiedAt == results[0].version)
    }

    @Test(arguments: Backend.allCases)
    func everyWriteMovesModifiedAtForward(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let table = try made.customers()
        let id = try fill(table, names: ["Adatum"])[0]
        let first = try #require(try table.record(id: id)).modifiedAt
        let second = try table.edit(id: id, fields: ["City": "Rome"])
        let third = try table.edit(id: id, fields: ["City": "Oslo"])
        #expect(second > first)
        #expect(third > second)
        #expect(try table.record(id: id)?.modifiedAt == third)
    }

    /// A contact created without a type is a person (BC's default, and what Tandem's own creations
    /// need, since only persons are synchronized); a type given is kept, and an update leaves it alone.
    @Test(arguments: Backend.allCases)
    func aNewERPContactIsAPersonUnlessToldOtherwise(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let contacts = try made.erpContacts()
        let person = RecordID.generate(), company = RecordID.generate()
        _ = try contacts.apply([
            .insert(id: person, fields: ["No.": "CT1", "First Name": "Ana", "Surname": "Silva"]),
            .insert(id: company, fields: ["No.": "CT2", "Type": "Company"]),
        ])
        #expect(try contacts.record(id: person)?["Type"] == "Person")
        #expect(try contacts.record(id: company)?["Type"] == "Company")
        try contacts.edit(id: person, fields: ["Job Title": "Buyer"])
        #expect(try contacts.record(id: person)?["Type"] == "Person")
    }

    /// A company contact's Name is its own (BC: a company has no first name or surname): it is kept on
    /// insert and when a part is written, and a name given with a part is taken; a person's is composed.
    @Test(arguments: Backend.allCases)
    func aCompanyContactKeepsItsOwnName(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let contacts = try made.erpContacts()
        let company = RecordID.generate(), person = RecordID.generate()
        _ = try contacts.apply([
            .insert(id: company, fields: ["No.": "CT1", "Type": "Company", "Name": "Adatum Corporation"]),
            .insert(id: person, fields: ["No.": "CT2", "Name": "ignored", "First Name": "Ana", "Surname": "Silva"]),
        ])
        #expect(try contacts.record(id: company)?["Name"] == "Adatum Corporation")
        #expect(try contacts.record(id: person)?["Name"] == "Ana Silva")
        try contacts.edit(id: company, fields: ["Surname": "Reception"])
        #expect(try contacts.record(id: company)?["Name"] == "Adatum Corporation")
        try contacts.edit(id: company, fields: ["Surname": "", "Name": "Adatum Corp."])
        #expect(try contacts.record(id: company)?["Name"] == "Adatum Corp.")
        #expect(try contacts.records(named: "adatum corp.", prefix: false, limit: 5).map(\.id) == [company])
        try contacts.edit(id: company, fields: ["Type": "Person", "First Name": "Ada"])
        #expect(try contacts.record(id: company)?["Name"] == "Ada")
    }

    @Test(arguments: Backend.allCases)
    func derivedNamesDefaultsNumbersAndNameLookup(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let contacts = try made.crmContacts()
        let id = RecordID.generate()
        try contacts.write(.insert(id: id, fields: ["firstname": "Ana", "lastname": "Silva"]))
        #expect(try contacts.record(id: id)?["fullname"] == "Ana Silva")
        #expect(try contacts.record(id: id)?["statecode"] == "Active")
        try contacts.edit(id: id, fields: ["lastname": "Souza"])
        #expect(try contacts.record(id: id)?["fullname"] == "Ana Souza")
        #expect(try contacts.records(named: "ana souza", prefix: false, limit: 5).map(\.id) == [id])
        #expect(try contacts.records(named: "An", prefix: true, limit: 5).map(\.id) == [id])
        try contacts.edit(id: id, fields: ["firstname": "Ána"])
        #expect(try contacts.records(named: "ANA SOUZA", prefix: false, limit: 5).map(\.id) == [id])
        let customers = try made.customers()
        _ = try fill(customers, names: ["A", "B"])
        #expect(try customers.nextNumber() == "C00003")
        #expect(throws: RecordSourceError.noNumberSeries(table: "contact")) { try contacts.nextNumber() }
    }
}

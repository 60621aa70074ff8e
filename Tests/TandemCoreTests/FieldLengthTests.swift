import Foundation
import Testing
import TandemCore
import TandemTestSupport

struct FieldLengthTests {
    @Test func theStandardTablesHaveTheRealSystemsLengths() {
        let expected: [(TableSchema, [String: Int])] = [
            (StandardTables.customer, ["No.": 20, "Name": 100, "Address": 100, "Address 2": 50, "City": 30, "Post Code": 20,
                                       "Country/Region Code": 10, "Phone No.": 30, "E-Mail": 80, "Home Page": 80, "Contact": 100,
                                       "Currency Code": 10]),
            (StandardTables.erpContact, ["No.": 20, "Name": 100, "First Name": 30, "Surname": 30, "Job Title": 30, "Company No.": 20,
                                         "E-Mail": 80, "Phone No.": 30, "Mobile Phone No.": 30]),
            (StandardTables.account, ["name": 160, "accountnumber": 20, "address1_line1": 250, "address1_line2": 250,
                                      "address1_city": 80, "address1_postalcode": 20, "address1_country": 80, "telephone1": 50,
                                      "emailaddress1": 100, "websiteurl": 200]),
            (StandardTables.crmContact, ["fullname": 160, "firstname": 50, "lastname": 50, "jobtitle": 100, "emailaddress1": 100,
                                         "telephone1": 50, "mobilephone": 50]),
        ]
        for (schema, lengths) in expected {
            for (name, length) in lengths { #expect(schema.field(named: name)?.maxLength == length, "\(schema.name).\(name)") }
            #expect(schema.fields.allSatisfy { (1...250).contains($0.maxLength) }, "\(schema.name)")
        }
    }

    @Test func lengthsCountUTF16UnitsAndNULIsRefused() throws {
        let city = try #require(StandardTables.customer.field(named: "City"))
        #expect(FieldRefusal.of(String(repeating: "é", count: 30), in: city) == nil)
        #expect(FieldRefusal.of(String(repeating: "x", count: 31), in: city) == .tooLong(length: 31, maxLength: 30))
        #expect(FieldRefusal.of(String(repeating: "😀", count: 15), in: city) == nil)
        #expect(FieldRefusal.of(String(repeating: "😀", count: 16), in: city) == .tooLong(length: 32, maxLength: 30))
        #expect(FieldRefusal.of("Ber\u{0}lin", in: city) == .holdsNUL)
        #expect(FieldRefusal.of("", in: city) == nil)
    }

    @Test func aCSVValueTooLongOrHoldingNULIsRefusedWithFileLineAndField() throws {
        let header = "id,modifiedAt,No.,Name,City\n"
        let good = "11111111-1111-4111-8111-111111111111,2026-11-20T09:00:00Z,X1,Adatum,Berlin\n"
        let cases: [(String, String?, String)] = [
            ("22222222-2222-4222-8222-222222222222,2026-11-20T09:00:00Z,X2,\(String(repeating: "n", count: 101)),Paris\n",
             "Name", "the value is 101 characters long; the field holds at most 100"),
            ("22222222-2222-4222-8222-222222222222,2026-11-20T09:00:00Z,X2,Contoso,Pa\u{0}ris\n", "City", "NUL"),
            ("22222222-2222-4222-8222-222222222222,2026-11-20T09:00:00Z,\(String(repeating: "9", count: 21)),Contoso,Paris\n",
             "No.", "at most 20"),
        ]
        for (row, field, message) in cases {
            let csv = try CSV.parse(Array((header + good + row).utf8), file: "in.csv")
            let error = try #require(throws: CSVError.self) { try RecordCSV.records(from: csv, schema: StandardTables.customer) }
            #expect(error.file == "in.csv" && error.line == 3 && error.field == field, "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test func aValueLongerThanItsDestinationFailsThatRecordAloneAndWritesNothingCut() throws {
        let fixture = Fixture()
        let long = try fixture.coupledCustomer("C00010", "Adatum")
        let fine = try fixture.coupledCustomer("C00020", "Contoso")
        let longName = String(repeating: "L", count: 130)
        try fixture.edit(fixture.accounts, long.crm.id, ["name": longName])
        try fixture.edit(fixture.accounts, fine.crm.id, ["name": "Contoso Ltd."])
        let request = SyncRequest(mapping: "CUSTOMER", selection: .records(.erp, [long.erp.id, fine.erp.id]), choice: .fromCRM)
        let preview = try fixture.engine.preview(request)
        let failing = try #require(preview.records.first { $0.erpID == long.erp.id })
        #expect(failing.outcome == .fail(.valueDoesNotFit(field: "Name", side: .erp,
                                                          refusal: .tooLong(length: 130, maxLength: 100))))
        guard case .fail(let reason) = failing.outcome else { return }
        #expect(reason.message.contains("Name") && reason.message.contains("130 characters") && reason.message.contains("at most 100"))
        let result = try fixture.engine.synchronize(request)
        #expect(result.job.counters.failed == 1 && result.job.counters.modified == 1)
        #expect(try fixture.customers.record(id: long.erp.id)?["Name"] == "Adatum")
        #expect(try fixture.customers.record(id: fine.erp.id)?["Name"] == "Contoso Ltd.")
        #expect(result.problems.map(\.erpID) == [long.erp.id])
    }
}

import Foundation
import Testing
import TandemConnectors
import TandemCore
import TandemEmulator
import TandemSQLite

/// Dataverse's users and the account's owner: users are pulled (read only), an owner is read as
/// `_ownerid_value` and written as `ownerid@odata.bind` to `/systemusers(id)`, and a blank owner is
/// never sent, so an account keeps the owner it has and a new one gets the calling user.
@Suite(.serialized, .timeLimit(.minutes(2))) struct DataverseOwnerContractTests {
    @Test func usersArriveReadOnlyWithTheirStateAndTheServicesFullName() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        let annette = try #require(try fixture.emulator.insertUser([
            "firstname": .string("Annette"), "lastname": .string("Hill"), "title": .string("Sales Manager"),
            "internalemailaddress": .string("annette.hill@cronus.example"),
        ])["systemuserid"]?.stringValue)
        let erik = try #require(try fixture.emulator.insertUser([
            "firstname": .string("Erik"), "lastname": .string("Berg"), "isdisabled": .bool(true),
        ])["systemuserid"]?.stringValue)
        let reports = try fixture.connect().pull(.crm)
        #expect(reports.map(\.table) == ["account", "contact", "systemuser"])
        let users = try fixture.users()
        let pulled = try #require(try users.record(id: RecordID(annette)))
        #expect(pulled["fullname"] == "Annette Hill" && pulled["title"] == "Sales Manager")
        #expect(pulled["internalemailaddress"] == "annette.hill@cronus.example" && pulled["isdisabled"] == "No")
        #expect(try users.record(id: RecordID(erik))?["isdisabled"] == "Yes")
        // The application user Tandem calls as is a user too.
        #expect(try users.record(id: RecordID(fixture.emulator.applicationUserID)) != nil)

        // Users are never written: the write is refused for that record, and nothing is sent.
        fixture.emulator.clearRequestLog()
        let result = try users.apply([.update(id: pulled.id, fields: ["title": "Boss"], expected: pulled.modifiedAt)])
        guard case .refused? = result.first else { Issue.record("a write to a user was not refused: \(result)"); return }
        #expect(fixture.batches.isEmpty)
        #expect(try users.record(id: pulled.id)?["title"] == "Sales Manager")
    }

    @Test func anOwnerIsWrittenByBindAndABlankOneIsNeverSent() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        let annette = try #require(try fixture.emulator.insertUser(["firstname": .string("Annette"), "lastname": .string("Hill")])["systemuserid"]?.stringValue)
        let john = try #require(try fixture.emulator.insertUser(["firstname": .string("John"), "lastname": .string("Roberts")])["systemuserid"]?.stringValue)
        let account = try #require(try fixture.emulator.insertAccount([
            "name": .string("Fabrikam"), "ownerid@odata.bind": .string("/systemusers(\(annette))"),
        ])["accountid"]?.stringValue)
        _ = try fixture.connect().pull(.crm)
        let accounts = try fixture.accounts()
        let pulled = try #require(try accounts.record(id: RecordID(account)))
        #expect(pulled["ownerid"] == annette)

        _ = try accounts.write(.update(id: pulled.id, fields: ["ownerid": john], expected: pulled.modifiedAt))
        #expect(fixture.emulator.account(id: account)?["_ownerid_value"]?.stringValue == john)

        // A blank owner goes unsent: the service would refuse a null owner, and the account keeps John.
        let moved = try #require(try accounts.record(id: pulled.id))
        _ = try accounts.write(.update(id: moved.id, fields: ["ownerid": "", "telephone1": "+45 1234"], expected: moved.modifiedAt))
        #expect(fixture.emulator.account(id: account)?["_ownerid_value"]?.stringValue == john)
        #expect(fixture.emulator.account(id: account)?["telephone1"]?.stringValue == "+45 1234")
        #expect(try accounts.record(id: pulled.id)?["ownerid"] == john)

        // A new account without an owner is owned by the calling user, as the service does.
        let newID = RecordID.generate()
        _ = try accounts.write(.insert(id: newID, fields: ["name": "Contoso", "ownerid": "", "statecode": "Active"]))
        #expect(try accounts.record(id: newID)?["ownerid"] == fixture.emulator.applicationUserID)
    }

    @Test func theEmulatorRefusesANullOwner() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        let account = try #require(try fixture.emulator.insertAccount(["name": .string("Fabrikam")])["accountid"]?.stringValue)
        #expect(fixture.emulator.account(id: account)?["_ownerid_value"]?.stringValue == fixture.emulator.applicationUserID)
        #expect(throws: (any Error).self) { try fixture.emulator.editAccount(id: account, ["ownerid@odata.bind": .null]) }
    }
}

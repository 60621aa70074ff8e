import Foundation
import Testing
import TandemConnectors
import TandemCore
import TandemTestSupport

/// Record text is untrusted: whatever a record holds (controls, escape sequences, quotes and
/// backslashes, bidi marks, emoji) reaches each service exactly as written, through the connectors'
/// own JSON bodies and batch envelopes; and numbers travel as JSON numbers, whatever their value.
@Suite struct HostileTextContractTests {
    @Test func creditLimitsTravelAsNumbersZeroAndBlankIncluded() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        let source = try fixture.accounts()
        let limits = ["0", "1", "1234.56", "", "99999999999.99"]
        let results = try source.apply(limits.enumerated().map { index, limit in
            .insert(id: RecordID.generate(), fields: ["name": "Limit \(index)", "creditlimit": limit])
        })
        #expect(results.allSatisfy { $0.version != nil }, "\(results)")
        let stored = Dictionary(uniqueKeysWithValues: fixture.emulator.accounts().compactMap { account in
            account["name"]?.stringValue.map { ($0, account["creditlimit"] ?? .null) }
        })
        #expect(stored["Limit 0"] == .number(0) && stored["Limit 1"] == .number(1) && stored["Limit 2"] == .number(Decimal(string: "1234.56")!))
        #expect(stored["Limit 3"] == .null && stored["Limit 4"] == .number(Decimal(string: "99999999999.99")!))
    }

    /// The corpus cut to the services' name lengths (Dataverse 160, Business Central 100).
    private func names(maxLength: Int) -> [String] {
        HostileStrings.all.map { HostileStrings.prefix($0, maxLength: maxLength) }.filter { !$0.isEmpty }
    }

    @Test func businessCentralCreditLimitsTravelAsNumbersZeroAndBlankIncluded() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        let source = try fixture.customers()
        let limits = ["0", "1", "1234.56", ""]
        let results = try source.apply(limits.enumerated().map { index, limit in
            .insert(id: RecordID.generate(), fields: ["No.": "L\(index)", "Name": "Limit \(index)", "Credit Limit": limit])
        })
        #expect(results.allSatisfy { $0.version != nil }, "\(results)")
        let stored = Dictionary(uniqueKeysWithValues: fixture.emulator.customers().compactMap { customer in
            customer["displayName"]?.stringValue.map { ($0, customer["creditLimit"] ?? .null) }
        })
        #expect(stored["Limit 0"] == .number(0) && stored["Limit 1"] == .number(1))
        #expect(stored["Limit 2"] == .number(Decimal(string: "1234.56")!) && stored["Limit 3"] == .number(0))
    }

    @Test func everyHostileNameReachesDataverseExactly() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        let source = try fixture.accounts()
        let names = names(maxLength: 160)
        let results = try source.apply(names.map { .insert(id: RecordID.generate(), fields: ["name": $0]) })
        #expect(results.allSatisfy { $0.version != nil })
        let stored = Set(fixture.emulator.accounts().compactMap { $0["name"]?.stringValue })
        for name in names { #expect(stored.contains(name), "\(name.unicodeScalars.map { String($0.value, radix: 16) })") }
    }

    @Test func everyHostileNameReachesBusinessCentralExactly() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        let source = try fixture.customers()
        // Business Central refuses a blank displayName; the emulator counts a name of only invisible
        // characters as blank (unverified against the service), so those are left out here.
        let names = names(maxLength: 100).filter { name in
            name.unicodeScalars.contains { !$0.properties.isWhitespace && $0.properties.generalCategory != .format }
        }
        let results = try source.apply(names.enumerated().map { index, name in
            .insert(id: RecordID.generate(), fields: ["No.": "H\(index)", "Name": name])
        })
        #expect(results.allSatisfy { $0.version != nil })
        let stored = Set(fixture.emulator.customers().compactMap { $0["displayName"]?.stringValue })
        for name in names { #expect(stored.contains(name), "\(name.unicodeScalars.map { String($0.value, radix: 16) })") }
    }
}

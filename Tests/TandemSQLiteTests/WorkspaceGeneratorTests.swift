import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

/// A generated workspace is realistic data for the default mappings.
@Suite struct WorkspaceGeneratorTests {
    /// The generator writes its records as they are (no defaults), so it must name every contact's
    /// type: a person, inside the CONTACT mapping's filter like BC's synchronized contacts.
    @Test func everyGeneratedContactIsAPersonInsideTheContactFilter() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        var generator = WorkspaceGenerator(customers: 20)
        generator.contacts = 30
        let (opened, summary) = try generator.generate(into: folder.path)
        let contacts = try opened.table("Contact", on: .erp).page(search: nil, from: .first, limit: 100)
        #expect(contacts.count == summary.contacts && !contacts.isEmpty)
        #expect(contacts.allSatisfy { $0["Type"] == "Person" && DefaultMappings.contact.erpFilter.admits($0) })
    }
}

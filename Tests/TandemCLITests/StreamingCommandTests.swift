import Foundation
import Testing

/// The commands that walk a whole table print page by page; what they print is still complete, in
/// order, and (with --json) one document.
@Suite struct StreamingCommandTests {
    @Test func listPrintsEveryRowInOrderAcrossPageBoundariesIncludingEqualNames() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init", "--empty")
        // 1,201 customers (more than two pages of 500); every other one is called "Equal Name", and the
        // ids are in no particular order, so equal names are ordered by id across page boundaries.
        var lines = ["id,modifiedAt,No.,Name,City"]
        var rows: [(key: String, id: String, number: String)] = []
        for index in 0..<1_201 {
            let id = String(format: "00000000-0000-4000-8000-%012d", (index * 7_919) % 1_201)
            let name = index.isMultiple(of: 2) ? "Equal Name" : String(format: "Name %04d", index)
            let number = String(format: "X%05d", index)
            lines.append("\(id),2026-11-20T09:00:00Z,\(number),\(name),Berlin")
            rows.append((name.lowercased(), id, number))
        }
        let file = try cli.folder.write("customers.csv", lines.joined(separator: "\n") + "\n")
        #expect(try cli.run("import", "erp", "Customer", file).status == 0)
        let expected = rows.sorted { ($0.key, $0.id) < ($1.key, $1.id) }

        let listed = try #require(try cli.json("list", "customers", "--limit", "100000000") as? [[String: Any]])
        #expect(listed.compactMap { $0["id"] as? String } == expected.map(\.id))
        let first = try #require(try cli.json("list", "customers", "--limit", "700") as? [[String: Any]])
        #expect(first.compactMap { $0["id"] as? String } == expected.prefix(700).map(\.id))

        let text = try cli.run("list", "customers", "--limit", "100000000")
        let printed = text.out.split(separator: "\n").dropFirst().map { $0.split(separator: " ").dropFirst().first.map(String.init) }
        #expect(printed == expected.map(\.number))
        #expect(text.err.contains("1201 of 1201 customers"))
    }

    @Test func aPreviewStreamsOneJSONDocumentAndASyncListsABoundedNumberOfProblems() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        // Every customer coupled; 60% changed in the CRM, which a send to the CRM refuses to overwrite.
        let generated = try cli.run("generate", "--customers", "2500", "--coupled", "1", "--changed-erp", "0.2",
                                    "--changed-crm", "0.6", "--conflicts", "0")
        #expect(generated.status == 0, "\(generated.err)")
        let sync = ["sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm"]

        let preview = try cli.run(sync + ["--preview", "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(preview.out.utf8)) as? [[String: Any]])
        let records = try #require(document.first?["records"] as? [[String: Any]])
        let summary = try #require(document.first?["summary"] as? String)
        let skipped = records.filter { $0["action"] as? String == "skip" }.count
        #expect(document.count == 1 && records.count == 2500 && skipped > 1000)
        #expect(summary.contains("\(skipped) skipped") && preview.status == 1)
        #expect(try cli.run(sync + ["--preview"]).out.hasSuffix(summary + "\n"))

        let result = try cli.run(sync)
        let refused = result.err.split(separator: "\n").filter { $0.contains(": refused: ") }
        #expect(result.status == 1 && refused.count == 1000)
        #expect(result.err.contains("… and \(skipped - 1000) more skipped or failed"))
        #expect(result.out.contains("\(skipped) were skipped."))
    }
}

import TandemCore

/// `sync --preview --json`: one object per mapping in the command's array, its records printed as the
/// engine plans them (nothing but the counts is kept) and its summary after them, so the output stays
/// one JSON document of any length.
enum PreviewJSON {
    static func stream(_ request: SyncRequest, engine: SyncEngine, into documents: inout JSONArrayStream) throws -> SyncPlan.Counts {
        documents.beginElement()
        let indent = documents.innerIndent
        let pad = String(repeating: " ", count: indent)
        Console.out("{\n\(pad)  \"mapping\" : \(try Console.json(request.mapping)),\n\(pad)  \"preview\" : true,\n\(pad)  \"records\" : ",
              terminator: "")
        var records = JSONArrayStream(indent: indent + 2)
        let counts = try engine.preview(request) { plans in
            for plan in plans { try records.append(SyncReport.planned(plan)) }
        }
        records.finish()
        Console.out(",\n\(pad)  \"summary\" : \(try Console.json(PlanPrinter.summary(request.mapping, counts)))\n\(pad)}", terminator: "")
        return counts
    }
}

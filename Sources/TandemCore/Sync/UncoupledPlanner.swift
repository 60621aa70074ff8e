/// Plans the records a pass over every pair also creates when the mapping synchronizes more than its
/// coupled records (`TableMapping.onlyCoupled` false, Business Central's "Synch. Only Coupled Records"
/// cleared): every uncoupled source record inside the mapping's filter is created on the destination
/// and coupled. The creation itself goes through `RecordCreator`'s claim, as *Create new* does, so a
/// second process can never create the same record twice.
struct UncoupledPlanner {
    let workspace: Workspace
    let mapping: TableMapping
    let direction: SyncDirection
    let batchSize: Int

    /// Scans the source side by id and hands each batch's creation plans to `body`.
    func forEachBatch(_ body: ([RecordPlan]) throws -> Void) throws {
        let source = direction.source
        let table = try workspace.table(of: mapping, on: source)
        let destinationSchema = try workspace.table(of: mapping, on: source.other).schema
        let filter = mapping.filter(on: source)
        var after: RecordID?
        while true {
            let records = try table.scan(after: after, limit: batchSize)
            guard let last = records.last else { break }
            after = last.id
            let coupled = try workspace.store.coupledIDs(mapping: mapping.name, side: source, among: records.map(\.id))
            let uncoupled = records.filter { !coupled.contains($0.id) && filter.admits($0) }
            guard !uncoupled.isEmpty else { continue }
            let translator = try LookupTranslator.build(for: mapping, erpRecords: source == .erp ? uncoupled : [],
                                                        crmRecords: source == .crm ? uncoupled : [], in: workspace)
            try body(uncoupled.map { record in
                var plan = RecordPlan(erpID: source == .erp ? record.id : nil, crmID: source == .crm ? record.id : nil,
                                      label: table.schema.label(of: record), outcome: .write([]), passes: [direction],
                                      coupling: nil, snapshotAfter: [:],
                                      erpModifiedAt: source == .erp ? record.modifiedAt : nil,
                                      crmModifiedAt: source == .crm ? record.modifiedAt : nil)
                switch RecordBlueprint.fields(for: mapping, from: record, sourceSide: source, translator: translator) {
                case .success(let fields):
                    if let refused = FieldRefusal.first(in: fields, schema: destinationSchema) {
                        plan.outcome = .fail(.valueDoesNotFit(field: refused.field, side: source.other, refusal: refused.refusal))
                    } else {
                        plan.outcome = .create(side: source.other, fields: fields)
                    }
                case .failure(.untranslatableLookup) where mapping.name == DefaultMappings.contactName:
                    plan.outcome = .fail(.companyNotCoupled)
                case .failure(let failure):
                    plan.outcome = .fail(failure.reason(in: mapping))
                }
                return plan
            })
        }
    }
}

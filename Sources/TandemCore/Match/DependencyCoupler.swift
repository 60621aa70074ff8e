/// The records a synchronization could not carry a lookup to — a contact whose company is not
/// coupled — coupled by match in the mapping they belong to, with its default match fields, so the
/// next pass carries them instead of failing on every run. (The most common complaint about
/// Microsoft's own integration is a record that fails forever on a dependency nobody coupled.)
public struct DependencyCoupler: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Couples, by match, the records the `problems` of a run of `mapping` name as not coupled;
    /// one result per lookup mapping that had any.
    public func couple(for mapping: TableMapping, problems: [RecordOutcome]) throws -> [DependencyCoupling] {
        var couplings: [DependencyCoupling] = []
        for field in mapping.enabledFields {
            guard let lookupName = field.lookupMapping else { continue }
            var erpValues: Set<String> = [], crmValues: Set<String> = []
            var unnamed: [RecordOutcome] = []
            for problem in problems {
                switch problem.failure {
                case .lookupNotCoupled(let name, let value)?:
                    if name == field.erpField { erpValues.insert(FieldValue.normalizedText(value)) }
                    if name == field.crmField { crmValues.insert(FieldValue.normalizedText(value)) }
                case .companyNotCoupled?:
                    unnamed.append(problem)
                default:
                    continue
                }
            }
            // A contact to create names no value in its failure: its record does.
            let erpIDs = unnamed.compactMap(\.erpID), crmIDs = unnamed.compactMap(\.crmID)
            for record in try workspace.table(of: mapping, on: .erp).records(ids: erpIDs) {
                erpValues.insert(FieldValue.normalizedText(record[field.erpField]))
            }
            for record in try workspace.table(of: mapping, on: .crm).records(ids: crmIDs) {
                crmValues.insert(FieldValue.normalizedText(record[field.crmField]))
            }
            erpValues.remove("")
            crmValues.remove("")
            guard !erpValues.isEmpty || !crmValues.isEmpty else { continue }
            let lookup = try workspace.store.mapping(named: lookupName)
            let candidates = try erpCandidates(erpValues, lookup: lookup) + (try erpCandidates(forCRM: crmValues, lookup: lookup))
            guard !candidates.isEmpty else {
                couplings.append(DependencyCoupling(mapping: lookupName, referenced: erpValues.count + crmValues.count, result: nil))
                continue
            }
            let result = try MatchCoupler(workspace: workspace).match(mapping: lookupName, erpIDs: Array(Set(candidates)),
                                                                      options: MatchOptions(criteria: MatchCriteria(defaultsOf: lookup)))
            couplings.append(DependencyCoupling(mapping: lookupName, referenced: erpValues.count + crmValues.count, result: result))
        }
        // A record that failed twice for want of a dependency was marked skipped; once a dependency is
        // coupled the cause may be gone, so the mark goes and the next pass takes the record again.
        if couplings.contains(where: { $0.coupled > 0 }) {
            let waiting = problems.filter { $0.failure?.isUncoupledDependency == true }.compactMap(\.erpID)
            try JobLog(workspace: workspace).retry(mapping: mapping.name, erpIDs: waiting)
        }
        return couplings
    }

    /// The ERP records that ERP references name: by number where the table has one, else by id.
    private func erpCandidates(_ values: Set<String>, lookup: TableMapping) throws -> [RecordID] {
        guard !values.isEmpty else { return [] }
        let table = try workspace.table(of: lookup, on: .erp)
        if table.schema.numberField != nil { return try table.records(numbers: Array(values)).map(\.id) }
        return try table.records(ids: values.map(RecordID.init)).map(\.id)
    }

    /// The ERP records that could be the counterparts of the CRM records CRM references name: those
    /// with the same name (matching then decides, on every match field, which one is).
    private func erpCandidates(forCRM values: Set<String>, lookup: TableMapping) throws -> [RecordID] {
        guard !values.isEmpty else { return [] }
        let erp = try workspace.table(of: lookup, on: .erp), crm = try workspace.table(of: lookup, on: .crm)
        var ids: [RecordID] = []
        for record in try crm.records(ids: values.map(RecordID.init)) {
            let name = FieldValue.normalizedText(record[crm.schema.nameField])
            guard !name.isEmpty else { continue }
            ids += try erp.records(named: name, prefix: false, limit: 20).map(\.id)
        }
        return ids
    }
}

/// The records a synchronization could not carry a lookup to — a contact whose company is not
/// coupled, a customer whose salesperson is not — coupled by match in the mapping they belong to,
/// with its default match fields, so the next pass carries them instead of failing on every run.
/// (The most common complaint about Microsoft's own integration is a record that fails forever on a
/// dependency nobody coupled.)
public struct DependencyCoupler: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Couples, by match, the records the `problems` of a run of `mapping` name as not coupled;
    /// one result per lookup mapping that had any. A pair skipped for failing on a dependency in
    /// earlier runs counts too (its last error names it). Each waiting record whose dependency is
    /// coupled now has its skipped mark lifted, so the next pass takes it again.
    public func couple(for mapping: TableMapping, problems: [RecordOutcome]) throws -> [DependencyCoupling] {
        let waiting = try dependencyFailures(of: mapping, in: problems)
        var couplings: [DependencyCoupling] = []
        for field in mapping.enabledFields {
            guard let lookupName = field.lookupMapping else { continue }
            var erpValues: Set<String> = [], crmValues: Set<String> = []
            var unnamed: [RecordOutcome] = []
            for problem in waiting {
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
        if couplings.contains(where: { $0.coupled > 0 }) { try liftSkippedMarks(of: mapping, waiting: waiting) }
        return couplings
    }

    /// The problems that are a dependency not coupled: failures of this run, and pairs refused as
    /// skipped whose last error was one (their failure is taken from it).
    private func dependencyFailures(of mapping: TableMapping, in problems: [RecordOutcome]) throws -> [RecordOutcome] {
        var failures = problems.filter { $0.failure?.isUncoupledDependency == true }
        let skipped = problems.filter { $0.skipReason == .markedSkipped }.compactMap(\.erpID)
        for coupling in try workspace.store.couplingsByID(mapping: mapping.name, side: .erp, ids: skipped).values {
            guard let error = coupling.lastError, error.isUncoupledDependency else { continue }
            failures.append(RecordOutcome(label: "", erpID: coupling.erpID, crmID: coupling.crmID, status: .failed, failure: error))
        }
        return failures
    }

    /// Lifts the skipped mark of the waiting pairs whose every lookup now has a counterpart.
    private func liftSkippedMarks(of mapping: TableMapping, waiting: [RecordOutcome]) throws {
        let erp = try workspace.table(of: mapping, on: .erp).records(ids: waiting.compactMap(\.erpID))
        let crm = try workspace.table(of: mapping, on: .crm).records(ids: waiting.compactMap(\.crmID))
        let translator = try LookupTranslator.build(for: mapping, erpRecords: erp, crmRecords: crm, in: workspace)
        let erpByID = Dictionary(erp.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let crmByID = Dictionary(crm.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var ready: [RecordID] = []
        for problem in waiting {
            guard let erpID = problem.erpID, let record = erpByID[erpID] else { continue }
            let counterpart = problem.crmID.flatMap { crmByID[$0] }
            let translated = mapping.enabledFields.allSatisfy { field in
                guard let lookup = field.lookupMapping else { return true }
                let toCRM = !field.direction.allows(.toCRM) || translator.translate(record[field.erpField], lookup: lookup, from: .erp) != nil
                let fromCRM = counterpart.map { !field.direction.allows(.fromCRM)
                    || translator.translate($0[field.crmField], lookup: lookup, from: .crm) != nil } ?? true
                return toCRM && fromCRM
            }
            if translated { ready.append(erpID) }
        }
        try JobLog(workspace: workspace).retry(mapping: mapping.name, erpIDs: ready)
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

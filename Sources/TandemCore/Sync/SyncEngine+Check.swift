extension SyncEngine {
    /// The single-record checks for one record of `mapping` on `side`.
    public func check(mapping name: String, side: Side, id: RecordID) throws -> SyncCheck {
        let mapping = try workspace.store.mapping(named: name)
        let erpTable = try workspace.table(of: mapping, on: .erp), crmTable = try workspace.table(of: mapping, on: .crm)
        let selected = try workspace.table(of: mapping, on: side).record(id: id)
        let coupling = try workspace.store.coupling(mapping: mapping.name, side: side, id: id)
        guard let coupling else {
            guard let selected else { throw TandemError.recordNotFound(id.rawValue) }
            let schema = side == .erp ? erpTable.schema : crmTable.schema
            return SyncCheck(label: schema.label(of: selected), coupling: nil, erpChanged: false, crmChanged: false,
                             changedOnERPOnly: [], changedOnCRMOnly: [], conflicts: [], counterpartMissing: false,
                             question: .setUpCoupling(text: SyncQuestion.notCoupledText))
        }
        let erp = try erpTable.record(id: coupling.erpID), crm = try crmTable.record(id: coupling.crmID)
        let label = erp.map(erpTable.schema.label) ?? crm.map(crmTable.schema.label) ?? id.rawValue
        guard let erp, let crm else {
            return SyncCheck(label: label, coupling: coupling, erpChanged: erp != nil, crmChanged: crm != nil,
                             changedOnERPOnly: [], changedOnCRMOnly: [], conflicts: [], counterpartMissing: true,
                             question: Self.question(for: mapping, label: label, erpChanged: erp != nil,
                                                     crmChanged: crm != nil, conflicts: [], overwrites: [:]))
        }
        let translator = try LookupTranslator.build(for: mapping, erpRecords: [erp], crmRecords: [crm], in: workspace)
        let comparisons = FieldComparison.compare(MappedFields(mapping, erpSchema: erpTable.schema, crmSchema: crmTable.schema),
                                                  erp: erp, crm: crm, coupling: coupling, translator: translator)
        let erpChanged = comparisons.contains(where: \.erpChanged) || coupling.lastResultToCRM?.succeeded == false
        let crmChanged = comparisons.contains(where: \.crmChanged) || coupling.lastResultFromCRM?.succeeded == false
        let conflicts = comparisons.filter(\.isConflict).map(\.conflict)
        var overwrites: [SyncDirection: Bool] = [:]
        for direction in SyncDirection.allCases {
            let fields = Set(mapping.fields(for: direction).map(\.erpField))
            overwrites[direction] = comparisons.contains {
                fields.contains($0.mapping.erpField) && $0.differs(direction) && $0.changed(on: direction.destination)
            }
        }
        return SyncCheck(label: label, coupling: coupling, erpChanged: erpChanged, crmChanged: crmChanged,
                         changedOnERPOnly: comparisons.filter { $0.erpChanged && !$0.crmChanged }.map(\.mapping.erpField),
                         changedOnCRMOnly: comparisons.filter { $0.crmChanged && !$0.erpChanged }.map(\.mapping.erpField),
                         conflicts: conflicts, counterpartMissing: false,
                         question: Self.question(for: mapping, label: label, erpChanged: erpChanged,
                                                 crmChanged: crmChanged, conflicts: conflicts, overwrites: overwrites))
    }

    private static func question(for mapping: TableMapping, label: String, erpChanged: Bool, crmChanged: Bool,
                                 conflicts: [FieldConflict], overwrites: [SyncDirection: Bool]) -> SyncQuestion {
        switch mapping.direction {
        case .toCRM:
            return overwrites[.toCRM] == true
                ? .confirm(text: tr("The CRM record contains newer data. Overwrite it?"), choice: .toCRM, defaultYes: false)
                : .confirm(text: tr("Send data update to CRM for {0}?", label), choice: .toCRM, defaultYes: true)
        case .fromCRM:
            return overwrites[.fromCRM] == true
                ? .confirm(text: tr("The ERP record contains newer data. Overwrite it?"), choice: .fromCRM, defaultYes: false)
                : .confirm(text: tr("Get data update from CRM for {0}?", label), choice: .fromCRM, defaultYes: true)
        case .bidirectional:
            let title = tr("Synchronize data for {0}?", label)
            if erpChanged && crmChanged {
                guard conflicts.isEmpty else {
                    let fields = conflicts.map(\.summary).joined(separator: "; ")
                    return .menu(title: title, options: [.toCRM, .fromCRM], recommended: .toCRM,
                                 warning: tr("Both records have changed since the last synchronization and these fields conflict: {0}. Sending or getting will lose the other side's data.", fields))
                }
                return .menu(title: title, options: [.toCRM, .fromCRM, .merge], recommended: .merge,
                             warning: tr("Both records have changed since the last synchronization."))
            }
            let recommended: SyncChoice = crmChanged ? .fromCRM : .toCRM
            return .menu(title: title, options: [.toCRM, .fromCRM, .merge], recommended: recommended, warning: nil)
        }
    }

    /// The question for several selected records: Send / Get (never Merge), or yes/no for one direction.
    public func questionForSelection(mapping name: String) throws -> SyncQuestion {
        try question(mapping: name, selection: true)
    }

    /// The question before *Synchronize modified records*: the pairs changed on either side since their
    /// last sync, in the directions the mapping allows.
    public func questionForModified(mapping name: String) throws -> SyncQuestion {
        try question(mapping: name, selection: false)
    }

    /// The question for the selected records (`selection`) or for the records modified since their
    /// last sync: each its own sentence, since languages do not build them from the same parts.
    private func question(mapping name: String, selection: Bool) throws -> SyncQuestion {
        let mapping = try workspace.store.mapping(named: name)
        switch mapping.direction {
        case .bidirectional:
            let title = selection ? tr("Synchronize data for the selected records?")
                : tr("Synchronize data for the records modified since their last sync?")
            return .menu(title: title, options: [.toCRM, .fromCRM], recommended: .toCRM, warning: nil)
        case .toCRM:
            let text = selection ? tr("Send data update to CRM for the selected records?")
                : tr("Send data update to CRM for the records modified since their last sync?")
            return .confirm(text: text, choice: .toCRM, defaultYes: true)
        case .fromCRM:
            let text = selection ? tr("Get data update from CRM for the selected records?")
                : tr("Get data update from CRM for the records modified since their last sync?")
            return .confirm(text: text, choice: .fromCRM, defaultYes: true)
        }
    }
}

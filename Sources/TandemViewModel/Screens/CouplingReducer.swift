import TandemCore

extension Reducer {
    /// How long typing in the coupling dialog pauses before the typed text is looked up.
    static let couplingSearchDebounce: Duration = .milliseconds(150)

    /// The comparison of the dialog's records, replacing one still in flight.
    private static func compare(_ dialog: CouplingDialog, crmID: RecordID) -> Effect {
        .cancellable(.couplingComparison, .compare(dialog.page, erpID: dialog.erpID, crmID: crmID))
    }

    /// Opens *Set up coupling* for a record. A CRM record is coupled from its ERP record; an uncoupled
    /// CRM record has none, so it says how to proceed instead.
    static func openCouplingDialog(_ state: inout AppState, side: Side, id: RecordID, counterpart: RecordID?,
                                   label: String) -> [Effect] {
        let erpID: RecordID
        if side == .erp {
            erpID = id
        } else if let counterpart {
            erpID = counterpart
        } else {
            state.refuse(tr("Set up coupling from the ERP record's row or card (n creates this record in the ERP)."))
            return []
        }
        state.modal = .coupling(CouplingDialog(page: state.page, erpID: erpID, erpLabel: side == .erp ? label : ""))
        return [.loadDraft(state.page, erpID: erpID)]
    }

    private static func updateDialog(_ state: inout AppState, _ change: (inout CouplingDialog) -> [Effect]) -> [Effect] {
        guard case .coupling(var dialog)? = state.modal else { return [] }
        let effects = change(&dialog)
        state.modal = .coupling(dialog)
        return effects
    }

    static func receiveForCouplingDialog(_ state: inout AppState, _ action: Action) -> [Effect] {
        updateDialog(&state) { dialog in
            switch action {
            case .draftLoaded(let erpLabel, let crm, let sync):
                dialog.erpLabel = erpLabel
                dialog.crm = crm
                dialog.crmText = crm?.label ?? ""
                dialog.sync = sync
                return crm.map { [compare(dialog, crmID: $0.id)] } ?? []
            case .crmResolved(let generation, let record, let error):
                guard generation == dialog.searchGeneration else { return [] }
                dialog.crm = record
                dialog.error = error
                return record.map { [compare(dialog, crmID: $0.id)] } ?? []
            case .comparisonLoaded(let pairs):
                dialog.comparison = pairs
            case .lookupLoaded(let entries):
                dialog.lookup = entries
                dialog.lookupCursor = entries.firstIndex { $0.id == dialog.crm?.id } ?? 0
            case .couplingFailed(let message):
                dialog.error = message
            default:
                break
            }
            return []
        }
    }

    static func couplingDialogKey(_ key: Key, _ context: Context, _ state: inout AppState) -> [Effect] {
        guard case .coupling(let current)? = state.modal else { return [] }
        if context == .couplingLookup {
            return updateDialog(&state) { dialog in
                let count = dialog.lookup?.count ?? 0
                switch Bindings.command(for: key, in: .couplingLookup) {
                case .moveDown?: dialog.lookupCursor = min(max(0, count - 1), dialog.lookupCursor + 1)
                case .moveUp?: dialog.lookupCursor = max(0, dialog.lookupCursor - 1)
                case .cancel?: dialog.lookup = nil
                case .accept?:
                    guard let entry = dialog.lookup?[safe: dialog.lookupCursor] else { return [] }
                    dialog.lookup = nil
                    dialog.crm = ChosenRecord(id: entry.id, label: entry.label)
                    dialog.crmText = entry.label
                    dialog.error = nil
                    dialog.searchGeneration += 1
                    return [compare(dialog, crmID: entry.id)]
                default: break
                }
                return []
            }
        }
        // Typing goes to the CRM record field when it has the focus.
        if current.focus == .crmRecord && !current.createNew {
            var text = current.crmText
            switch key {
            case .backspace where !text.isEmpty: text.removeLast()
            case .character(let character) where TextInput.isPrintable(character): text.append(character)
            default: text = current.crmText
            }
            if text != current.crmText {
                return updateDialog(&state) { dialog in
                    dialog.crmText = text
                    dialog.crm = nil
                    dialog.comparison = []
                    dialog.error = nil
                    dialog.searchGeneration += 1
                    // The comparison of the record chosen before is stale, and only the newest text is looked up.
                    guard !text.isEmpty else { return [.cancel(.couplingSearch), .cancel(.couplingComparison)] }
                    return [.cancel(.couplingComparison),
                            .cancellable(.couplingSearch, debounce: couplingSearchDebounce,
                                         .resolveCRM(dialog.page, text: text, generation: dialog.searchGeneration))]
                }
            }
        }
        switch Bindings.command(for: key, in: .coupling) {
        case .cancel?:
            state.modal = nil
            return EffectID.couplingDialog.map(Effect.cancel)
        case .nextField?, .previousField?:
            return updateDialog(&state) { dialog in
                let all = CouplingDialog.Field.allCases
                let step = Bindings.command(for: key, in: .coupling) == .nextField ? 1 : all.count - 1
                dialog.focus = all[(dialog.focus.rawValue + step) % all.count]
                return []
            }
        case .toggle?:
            return updateDialog(&state) { dialog in
                switch dialog.focus {
                case .createNew:
                    dialog.createNew.toggle()
                    // Create new makes the CRM record from the ERP one: it always uses the ERP data.
                    // Clearing it again gives *Synchronize after* back what it said before.
                    if dialog.createNew {
                        dialog.syncBeforeCreateNew = dialog.sync
                        dialog.sync = .useERP
                    } else if let before = dialog.syncBeforeCreateNew {
                        dialog.sync = before
                        dialog.syncBeforeCreateNew = nil
                    }
                case .sync where !dialog.createNew:
                    let choices = SyncAfterCoupling.allCases
                    let index = choices.firstIndex(of: dialog.sync) ?? 0
                    dialog.sync = choices[(index + (key == .left ? choices.count - 1 : 1)) % choices.count]
                default: break
                }
                return []
            }
        case .lookup?:
            guard !current.createNew else { return [] }
            return [.cancellable(.couplingLookup, .lookup(current.page, search: current.crmText))]
        case .accept?:
            if current.focus == .cancel {
                state.modal = nil
                return EffectID.couplingDialog.map(Effect.cancel)
            }
            if current.createNew { return [.createAndCouple(current.page, erpID: current.erpID)] }
            guard let crm = current.crm else {
                return updateDialog(&state) { dialog in
                    dialog.error = dialog.crmText.isEmpty ? tr("Choose a CRM record: type its name, or F4 for the list.")
                        : dialog.error ?? tr("No CRM record matches \"{0}\" yet.", dialog.crmText)
                    return []
                }
            }
            return [.couple(current.page, erpID: current.erpID, crmID: crm.id, current.sync)]
        default:
            return []
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

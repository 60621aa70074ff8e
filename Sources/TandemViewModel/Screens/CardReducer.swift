import TandemCore

extension Reducer {
    static func cardKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .card(let card)? = state.screens.last, let command = Bindings.command(for: key, in: .card) else { return [] }
        let fields = state.schema(PaneID(card.page, card.side)).fields
        switch command {
        case .moveDown, .moveUp:
            // The cursor walks the fields in the order the card shows them (grouped).
            let order = CardLayout.order(state.schema(PaneID(card.page, card.side)))
            let position = order.firstIndex(of: card.cursor) ?? 0
            let next = max(0, min(order.count - 1, position + (command == .moveDown ? 1 : -1)))
            updateCard(&state) { $0.cursor = order[next] }
        case .editField:
            guard let record = card.record, fields.indices.contains(card.cursor) else { return [] }
            let field = fields[card.cursor]
            let schema = state.schema(PaneID(card.page, card.side))
            if field.name == schema.nameField, let parts = schema.composedNameFields, schema.composesName(record.fields) {
                let names = parts.map { Captions.field($0, on: card.side) }
                let list = names.dropFirst().reduce(names.first ?? "") { tr("{0} and {1}", $0, $1) }
                state.refuse(tr("{0} is made from {1}; edit those.", Captions.field(field.name, on: card.side), list))
                return []
            }
            updateCard(&state) { $0.editing = record[field.name] }
        case .back:
            state.screens.removeLast()
            return refresh(state)
        case .openCounterpart:
            guard let coupling = card.coupling else {
                state.refuse(TandemError.notCoupled("").description)
                return []
            }
            guard coupling.counterpartLabel != nil else {
                state.refuse(tr("The coupled {0} record was deleted.", card.side.other.displayName))
                return []
            }
            state.screens.append(.card(CardState(page: card.page, side: card.side.other, id: coupling.counterpartID)))
            return [.loadCard(card.page, card.side.other, coupling.counterpartID)]
        case .setUpCoupling:
            let schema = state.schema(PaneID(card.page, card.side))
            return openCouplingDialog(&state, side: card.side, id: card.id, counterpart: card.coupling?.counterpartID,
                                      label: card.record.map { DisplayText.sanitized(schema.label(of: $0)) } ?? "")
        case .synchronize:
            return [.askSync(.records(PaneID(card.page, card.side), [card.id]))]
        case .deleteCoupling:
            state.modal = .confirm(ConfirmDialog(text: tr("Delete the coupling of this record? The records stay as they are."),
                                                 purpose: .deleteCoupling(.records(PaneID(card.page, card.side), [card.id])),
                                                 defaultYes: false))
        case .jobs, .errors, .mappings:
            return openScreen(command, &state)
        case .help:
            return openHelp(&state)
        default:
            break
        }
        return []
    }

    /// Typing a field's new value: Enter writes it through the record's own side, Esc drops it.
    static func editCardField(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .card(let card)? = state.screens.last, var text = card.editing else { return [] }
        let fields = state.schema(PaneID(card.page, card.side)).fields
        switch key {
        case .escape:
            updateCard(&state) { $0.editing = nil }
            return []
        case .enter:
            updateCard(&state) { $0.editing = nil }
            guard fields.indices.contains(card.cursor), let record = card.record,
                  text != record[fields[card.cursor].name] else { return [] }
            return [.saveField(card.page, card.side, card.id, field: fields[card.cursor].name, value: text,
                               expected: record.modifiedAt)]
        case .backspace:
            guard !text.isEmpty else { return [] }
            text.removeLast()
        case .character(let character) where TextInput.isPrintable(character):
            // The real system's field holds so much (UTF-16 units, as it counts): typing stops there.
            if fields.indices.contains(card.cursor), text.utf16.count + character.utf16.count > fields[card.cursor].maxLength {
                state.refuse(tr("{0} holds at most {1} characters.", Captions.field(fields[card.cursor].name, on: card.side),
                                 Format.integer(fields[card.cursor].maxLength)))
                return []
            }
            text.append(character)
        default:
            return []
        }
        updateCard(&state) { $0.editing = text }
        return []
    }
}

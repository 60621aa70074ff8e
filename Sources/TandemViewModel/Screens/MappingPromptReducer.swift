import TandemCore

extension Reducer {
    /// Typing a filter or a constant on the mappings screen: Enter saves it if it reads (the error
    /// stays in the prompt otherwise), Esc leaves the mapping as it was.
    static func mappingPromptKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .mappings(var view)? = state.screens.last, var prompt = view.prompt,
              let mapping = view.mappings[safe: view.selected] else { return [] }
        switch key {
        case .escape:
            view.prompt = nil
        case .enter:
            let side: Side = prompt.purpose == .filter(.crm) ? .crm : .erp
            guard let schema = state.pageKinds.first(where: { $0.mapping == mapping.name })?.table(on: side)
                ?? StandardTables.table(mapping.table(on: side), on: side) else { return [] }
            switch prompt.apply(to: mapping, schema: schema) {
            case .success(let changed):
                view.mappings[view.selected] = changed
                view.prompt = nil
                state.screens[state.screens.count - 1] = .mappings(view)
                return [.saveMapping(changed)]
            case .failure(let error):
                prompt.error = error.message
                view.prompt = prompt
            }
        case .backspace:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
            prompt.error = nil
            view.prompt = prompt
        case .character(let character) where TextInput.isPrintable(character):
            prompt.text.append(character)
            prompt.error = nil
            view.prompt = prompt
        default:
            return []
        }
        state.screens[state.screens.count - 1] = .mappings(view)
        return []
    }
}

import TandemCore

extension PaneState {
    /// Moves the cursor by `delta` rows. When the move runs past the loaded window and the list goes
    /// on, the cursor stops at the edge, the rest of the move waits in `pending`, and the placement
    /// of the rows to load is returned.
    mutating func move(by delta: Int, visible: Int, selecting: Bool = false) -> Placement? {
        guard !rows.isEmpty, delta != 0 else { return nil }
        let from = cursor
        let target = cursor + delta
        var load: Placement?
        if target < 0 {
            cursor = 0
            if !atStart {
                pending = .up(-target)
                load = .before(rows[0].key)
            }
        } else if target >= rows.count {
            cursor = rows.count - 1
            if !atEnd {
                pending = .down(target - (rows.count - 1))
                load = .after(rows[rows.count - 1].key)
            }
        } else {
            cursor = target
        }
        if selecting && !rangeMode {
            extendSelection(from: from)
        } else if rangeMode {
            for index in min(from, cursor)...max(from, cursor) { selection.select(rows[index].id) }
        }
        keepCursorVisible(visible)
        return load
    }

    /// Shift-arrows: the rows between the run's anchor and the cursor are selected; rows the run had
    /// added that now lie beyond the cursor are deselected again.
    private mutating func extendSelection(from: Int) {
        var run = shiftExtension ?? ShiftExtension(anchor: rows[from].id)
        let anchor = rows.firstIndex { $0.id == run.anchor } ?? from
        let before = min(anchor, from)...max(anchor, from)
        let after = min(anchor, cursor)...max(anchor, cursor)
        for index in before where !after.contains(index) && run.added.contains(rows[index].id) {
            selection.toggle(rows[index].id)
            run.added.remove(rows[index].id)
        }
        for index in after where !selection.contains(rows[index].id) {
            selection.select(rows[index].id)
            run.added.insert(rows[index].id)
        }
        shiftExtension = run
    }

    mutating func keepCursorVisible(_ visible: Int) {
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + visible { scroll = cursor - visible + 1 }
        scroll = max(0, min(scroll, max(0, rows.count - visible)))
    }

    /// Takes loaded rows into the window and returns the move still pending, if any.
    mutating func receive(_ loaded: RowsLoaded, visible: Int) -> PendingMove? {
        loading = false
        if loaded.request.countTotal { counting = true }
        switch loaded.request.placement {
        case .first:
            rows = loaded.rows
            atStart = true
            atEnd = loaded.reachesEnd
            cursor = 0
            scroll = 0
        case .last:
            rows = loaded.rows
            atStart = loaded.reachesStart
            atEnd = true
            cursor = max(0, rows.count - 1)
            scroll = max(0, rows.count - visible)
        case .after:
            rows += loaded.rows
            atEnd = loaded.reachesEnd
            let surplus = rows.count - Self.capacity
            if surplus > 0 {
                rows.removeFirst(surplus)
                cursor -= surplus
                scroll = max(0, scroll - surplus)
                atStart = false
            }
        case .before:
            rows = loaded.rows + rows
            cursor += loaded.rows.count
            scroll += loaded.rows.count
            atStart = loaded.reachesStart
            let surplus = rows.count - Self.capacity
            if surplus > 0 {
                rows.removeLast(surplus)
                atEnd = false
            }
        case .around(let id):
            rows = loaded.rows
            atStart = loaded.reachesStart
            atEnd = loaded.reachesEnd
            cursor = rows.firstIndex { $0.id == id } ?? 0
            scroll = max(0, cursor - visible / 2)
        }
        cursor = rows.isEmpty ? 0 : min(max(0, cursor), rows.count - 1)
        keepCursorVisible(visible)
        defer { pending = nil }
        return pending
    }
}

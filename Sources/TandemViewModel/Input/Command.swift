/// What a key does. One table (`Bindings.table`) maps keys to commands per context, and the same
/// table fills the key hints on the status line and the help overlay, so they cannot disagree.
public enum Command: String, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case toggleSelection, extendUp, extendDown, rangeMode, selectAll, clearSelection, clearFilterOrRange
    case filter
    case otherPane, numberedPage, nextPage, previousPage
    case open, setUpCoupling, synchronize, synchronizeModified, deleteCoupling, createNew, jobs, pull
    case editField, openCounterpart, back
    case match, errors, mappings, caseSensitive, priorityUp, priorityDown
    case retry, retryAll, restoreRecord, deleteRecord, cleanupOld, cleanupAll, undo, coupleDependencies
    case nextMapping, cycleDirection, cycleUpdateConflict, cycleDeletionConflict, cycleFieldDirection, toggleOnlyCoupled
    case editERPFilter, editCRMFilter, editConstant
    case nextField, previousField, toggle, lookup, accept, cancel, preview
    case help, scrollHelpUp, scrollHelpDown, closeOverlay, quit
}

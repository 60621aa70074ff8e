/// *Synchronize after coupling* in the set-up-coupling dialog.
public enum SyncAfterCoupling: String, Sendable, Codable, CaseIterable {
    case no
    case useERP = "use-erp"
    case useCRM = "use-crm"
}

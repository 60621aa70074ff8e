import Foundation
import GRDB

/// Which of a workspace's three databases a file is.
public enum DatabaseKind: String, Sendable, CaseIterable {
    case erp = "tandem-erp"
    case crm = "tandem-crm"
    case workspace = "tandem-workspace"
}

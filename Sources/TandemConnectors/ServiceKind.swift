import TandemCore

/// The services a side can live in.
public enum ServiceKind: String, Sendable, CaseIterable {
    case businessCentral = "business-central"
    case dataverse

    /// The side each service is: Business Central is an ERP, Dataverse a CRM.
    public var side: Side { self == .businessCentral ? .erp : .crm }

    public var displayName: String { self == .businessCentral ? "Business Central" : "Dataverse" }

    /// The kind named on the command line, refused with the choices when it is not one of them or does
    /// not fit the side.
    public init(argument: String, side: Side) throws {
        guard let kind = ServiceKind(rawValue: argument.lowercased()), kind.side == side else {
            throw ServiceEndpointError.wrongKind(argument, side: side,
                                                 expected: side == .erp ? ServiceKind.businessCentral.rawValue : ServiceKind.dataverse.rawValue)
        }
        self = kind
    }
}

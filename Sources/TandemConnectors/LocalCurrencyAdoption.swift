/// A local currency code some mappings learned from a pull: a blank ERP currency code stands for it.
public struct LocalCurrencyAdoption: Sendable, Equatable {
    public var code: String
    public var mappings: [String]
}

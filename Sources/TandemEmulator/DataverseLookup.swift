/// A single-valued navigation property: written as `<navigation>@odata.bind: "/<targetSet>(<id>)"`
/// (null disassociates), read as `<valueProperty>` with the target's id
/// (associate-disassociate-entities-using-web-api.md).
struct DataverseLookup: Sendable {
    let navigation: String
    let valueProperty: String
    let targetSet: String
    let targetLogicalName: String
}

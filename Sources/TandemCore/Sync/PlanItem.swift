/// One selected record with everything the planner needs to decide about it.
struct PlanItem {
    var selectedSide: Side
    var selectedID: RecordID
    var coupling: Coupling?
    var erp: Record?
    var crm: Record?
}

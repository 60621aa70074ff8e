/// BC's default SALESPEOPLE, CUSTOMER and CONTACT mappings, trimmed to the fields the standard tables
/// carry.
public enum DefaultMappings {
    public static let salespeopleName = "SALESPEOPLE"
    public static let customerName = "CUSTOMER"
    public static let contactName = "CONTACT"

    /// Dataverse's users become BC's salespeople, as in Business Central: users live in Microsoft
    /// Entra ID, so nothing is written to the CRM. Coupled by e-mail, the only value both sides share.
    public static let salespeople = TableMapping(
        name: salespeopleName, erpTable: StandardTables.salesperson.name, crmTable: StandardTables.systemUser.name,
        direction: .fromCRM,
        crmFilter: RecordFilter([FilterCondition("isdisabled", .equals("No"))]),
        fields: [
            FieldMapping(erp: "Name", crm: "fullname", direction: .fromCRM),
            FieldMapping(erp: "E-Mail", crm: "internalemailaddress", direction: .fromCRM, matchOn: true),
            FieldMapping(erp: "Phone No.", crm: "mobilephone", direction: .fromCRM),
            FieldMapping(erp: "Job Title", crm: "title", direction: .fromCRM),
        ])

    public static let customer = TableMapping(
        name: customerName, erpTable: StandardTables.customer.name, crmTable: StandardTables.account.name,
        direction: .bidirectional,
        erpFilter: RecordFilter([FilterCondition("Blocked", .isBlank)]),
        crmFilter: RecordFilter([FilterCondition("statecode", .equals("Active"))]),
        dependsOn: [salespeopleName],
        fields: [
            FieldMapping(erp: "Name", crm: "name", matchOn: true),
            FieldMapping(erp: "Address", crm: "address1_line1"),
            FieldMapping(erp: "Address 2", crm: "address1_line2"),
            FieldMapping(erp: "Post Code", crm: "address1_postalcode"),
            FieldMapping(erp: "City", crm: "address1_city"),
            FieldMapping(erp: "Country/Region Code", crm: "address1_country"),
            FieldMapping(erp: "Phone No.", crm: "telephone1"),
            FieldMapping(erp: "E-Mail", crm: "emailaddress1", matchOn: true, matchPriority: 1),
            FieldMapping(erp: "Home Page", crm: "websiteurl"),
            FieldMapping(erp: "Contact", crm: "address1_primarycontactname"),
            FieldMapping(erp: "Currency Code", crm: "transactioncurrency"),
            FieldMapping(erp: "Credit Limit", crm: "creditlimit", direction: .toCRM),
            FieldMapping(erp: "No.", crm: "accountnumber", direction: .toCRM),
            // The owner is a user's id: sent through the SALESPEOPLE couplings, never as a raw code.
            // A customer without a salesperson leaves the account's owner as it is.
            FieldMapping(erp: "Salesperson Code", crm: "ownerid", direction: .toCRM, lookupMapping: salespeopleName),
        ])

    public static let contact = TableMapping(
        name: contactName, erpTable: StandardTables.erpContact.name, crmTable: StandardTables.crmContact.name,
        direction: .bidirectional,
        erpFilter: RecordFilter([FilterCondition("Company No.", .isNotBlank), FilterCondition("Type", .equals("Person"))]),
        crmFilter: RecordFilter([FilterCondition("statecode", .equals("Active"))]),
        dependsOn: [customerName],
        fields: [
            FieldMapping(erp: "First Name", crm: "firstname", matchOn: true),
            FieldMapping(erp: "Surname", crm: "lastname", matchOn: true),
            FieldMapping(erp: "Job Title", crm: "jobtitle"),
            FieldMapping(erp: "E-Mail", crm: "emailaddress1", matchOn: true, matchPriority: 1),
            FieldMapping(erp: "Phone No.", crm: "telephone1"),
            FieldMapping(erp: "Mobile Phone No.", crm: "mobilephone"),
            FieldMapping(erp: "Company No.", crm: "parentcustomerid", lookupMapping: customerName),
        ])

    public static let all = [customer, contact, salespeople]
}

import Foundation

/// The tables Tandem synchronizes out of the box: BC's Customer, Contact and Salesperson/Purchaser,
/// Dataverse's account, contact and systemuser.
public enum StandardTables {
    public static let customer = TableSchema(
        side: .erp, name: "Customer", displayName: "Customer",
        fields: [
            FieldDefinition("No.", group: "General", maxLength: 20),
            FieldDefinition("Name", group: "General", maxLength: 100),
            FieldDefinition("Address", group: "Address", maxLength: 100),
            FieldDefinition("Address 2", group: "Address", maxLength: 50),
            FieldDefinition("Post Code", group: "Address", maxLength: 20),
            FieldDefinition("City", group: "Address", maxLength: 30),
            FieldDefinition("Country/Region Code", group: "Address", maxLength: 10),
            FieldDefinition("Phone No.", group: "Communication", maxLength: 30),
            FieldDefinition("E-Mail", group: "Communication", maxLength: 80),
            FieldDefinition("Home Page", group: "Communication", maxLength: 80),
            FieldDefinition("Contact", group: "General", maxLength: 100),
            FieldDefinition("Currency Code", group: "Payments", maxLength: 10),
            // BC: a Decimal, no text length; 250 bounds its text form.
            FieldDefinition("Credit Limit", kind: .decimal, group: "Payments", maxLength: 250),
            // BC: an Enum (blank, Ship, Invoice, All), no documented text length; 250.
            FieldDefinition("Blocked", group: "General", maxLength: 250),
            // BC: Code[20], the customer's Salesperson/Purchaser.
            FieldDefinition("Salesperson Code", group: "General", maxLength: 20),
        ],
        nameField: "Name", numberField: "No.", numberPrefix: "C", searchFields: ["City", "E-Mail"])

    public static let erpContact = TableSchema(
        side: .erp, name: "Contact", displayName: "Contact",
        fields: [
            FieldDefinition("No.", group: "General", maxLength: 20),
            FieldDefinition("Name", group: "General", maxLength: 100),
            FieldDefinition("First Name", group: "General", maxLength: 30),
            FieldDefinition("Surname", group: "General", maxLength: 30),
            FieldDefinition("Job Title", group: "General", maxLength: 30),
            FieldDefinition("Company No.", group: "General", maxLength: 20),
            FieldDefinition("E-Mail", group: "Communication", maxLength: 80),
            FieldDefinition("Phone No.", group: "Communication", maxLength: 30),
            FieldDefinition("Mobile Phone No.", group: "Communication", maxLength: 30),
            // BC: the "Contact Type" enum (Company, Person), no text length; 250. A new contact is a
            // person, as BC's integration creates one; only persons are synchronized with Dataverse.
            FieldDefinition("Type", group: "General", maxLength: 250, defaultValue: "Person"),
        ],
        nameField: "Name", composedNameFields: ["First Name", "Surname"],
        ownNameWhen: OwnNameCondition(field: "Type", value: "Company"), numberField: "No.", numberPrefix: "CT",
        searchFields: ["E-Mail", "Company No."])

    public static let account = TableSchema(
        side: .crm, name: "account", displayName: "CRM account",
        fields: [
            FieldDefinition("name", group: "General", maxLength: 160),
            FieldDefinition("accountnumber", group: "General", maxLength: 20),
            FieldDefinition("address1_line1", group: "Address", maxLength: 250),
            FieldDefinition("address1_line2", group: "Address", maxLength: 250),
            FieldDefinition("address1_postalcode", group: "Address", maxLength: 20),
            FieldDefinition("address1_city", group: "Address", maxLength: 80),
            FieldDefinition("address1_country", group: "Address", maxLength: 80),
            FieldDefinition("telephone1", group: "Communication", maxLength: 50),
            FieldDefinition("emailaddress1", group: "Communication", maxLength: 100),
            FieldDefinition("websiteurl", group: "Communication", maxLength: 200),
            // Dataverse's documented MaxLength.
            FieldDefinition("address1_primarycontactname", group: "General", maxLength: 100),
            // Dataverse: a lookup to the currency, held here as text; no documented length, 250.
            FieldDefinition("transactioncurrency", group: "Payments", maxLength: 250),
            // Dataverse: Money, no text length; 250 bounds its text form.
            FieldDefinition("creditlimit", kind: .decimal, group: "Payments", maxLength: 250),
            // Dataverse: a State choice, no text length; 250.
            FieldDefinition("statecode", group: "Status", maxLength: 250, defaultValue: "Active"),
            // Dataverse: the owner lookup, held here as the user's id; every row has an owner, so a
            // blank is never sent over one.
            FieldDefinition("ownerid", group: "General", maxLength: 250, neverBlank: true),
        ],
        nameField: "name", searchFields: ["accountnumber", "address1_city", "emailaddress1"])

    public static let crmContact = TableSchema(
        side: .crm, name: "contact", displayName: "CRM contact",
        fields: [
            FieldDefinition("fullname", group: "General", maxLength: 160),
            FieldDefinition("firstname", group: "General", maxLength: 50),
            FieldDefinition("lastname", group: "General", maxLength: 50),
            FieldDefinition("jobtitle", group: "General", maxLength: 100),
            // Dataverse: a lookup, held here as the account's id; no documented length, 250.
            FieldDefinition("parentcustomerid", group: "General", maxLength: 250),
            FieldDefinition("emailaddress1", group: "Communication", maxLength: 100),
            FieldDefinition("telephone1", group: "Communication", maxLength: 50),
            FieldDefinition("mobilephone", group: "Communication", maxLength: 50),
            // Dataverse: a State choice, no text length; 250.
            FieldDefinition("statecode", group: "Status", maxLength: 250, defaultValue: "Active"),
        ],
        nameField: "fullname", composedNameFields: ["firstname", "lastname"], searchFields: ["emailaddress1"])

    /// BC's Salesperson/Purchaser: the person a customer's Salesperson Code names. Its `Code` is its
    /// number, as Customer's `No.` is.
    public static let salesperson = TableSchema(
        side: .erp, name: "Salesperson", displayName: "Salesperson",
        fields: [
            FieldDefinition("Code", group: "General", maxLength: 20),
            FieldDefinition("Name", group: "General", maxLength: 50),
            FieldDefinition("Job Title", group: "General", maxLength: 30),
            FieldDefinition("E-Mail", group: "Communication", maxLength: 80),
            FieldDefinition("Phone No.", group: "Communication", maxLength: 30),
            // BC: a Boolean.
            FieldDefinition("Blocked", group: "General", maxLength: 250, defaultValue: "No"),
        ],
        nameField: "Name", numberField: "Code", numberPrefix: "SP", searchFields: ["E-Mail"])

    /// Dataverse's systemuser: the people who can own rows. Users come from Microsoft Entra ID and are
    /// read, never written, by Tandem.
    public static let systemUser = TableSchema(
        side: .crm, name: "systemuser", displayName: "CRM user",
        fields: [
            FieldDefinition("fullname", group: "General", maxLength: 200),
            FieldDefinition("firstname", group: "General", maxLength: 256),
            FieldDefinition("lastname", group: "General", maxLength: 256),
            FieldDefinition("title", group: "General", maxLength: 128),
            FieldDefinition("internalemailaddress", group: "Communication", maxLength: 100),
            FieldDefinition("mobilephone", group: "Communication", maxLength: 64),
            // Dataverse: a Boolean, "Yes" when the user's access is disabled.
            FieldDefinition("isdisabled", group: "Status", maxLength: 250, defaultValue: "No"),
        ],
        nameField: "fullname", composedNameFields: ["firstname", "lastname"], searchFields: ["internalemailaddress"])

    /// Every standard table of one side.
    public static func tables(on side: Side) -> [TableSchema] {
        side == .erp ? [customer, erpContact, salesperson] : [account, crmContact, systemUser]
    }

    /// Looks a standard table up by side and name.
    public static func table(_ name: String, on side: Side) -> TableSchema? {
        tables(on: side).first { $0.name == name }
    }
}

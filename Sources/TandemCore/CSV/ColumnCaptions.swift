/// The column headings other programs write for a table's fields, so a file exported from Business
/// Central or Dataverse (or saved by Excel from either) imports as it is. Headings compare with case,
/// spaces and punctuation ignored; a table's own field names are always accepted.
public enum ColumnCaptions {
    /// Other headings, per table name: heading → field.
    static let captions: [String: [String: String]] = [
        // Business Central's Customer page and its Excel export.
        "Customer": [
            "Number": "No.", "Customer No.": "No.", "Email": "E-Mail", "Phone Number": "Phone No.",
            "Phone": "Phone No.", "Homepage": "Home Page", "Website": "Home Page", "ZIP Code": "Post Code",
            "Postal Code": "Post Code", "Country/Region": "Country/Region Code", "Country": "Country/Region Code",
            "Address Line 2": "Address 2", "Credit Limit (LCY)": "Credit Limit", "Currency": "Currency Code",
        ],
        "Contact": [
            "Number": "No.", "Contact No.": "No.", "Email": "E-Mail", "Phone Number": "Phone No.",
            "Mobile Phone Number": "Mobile Phone No.", "Last Name": "Surname", "Company Number": "Company No.",
        ],
        // Dataverse's display names (Dynamics 365 Sales' Export to Excel writes these).
        "account": [
            "Account Name": "name", "Account Number": "accountnumber", "Address 1: Street 1": "address1_line1",
            "Street 1": "address1_line1", "Address 1: Street 2": "address1_line2", "Street 2": "address1_line2",
            "Address 1: ZIP/Postal Code": "address1_postalcode", "ZIP/Postal Code": "address1_postalcode",
            "Address 1: City": "address1_city", "City": "address1_city", "Address 1: Country/Region": "address1_country",
            "Country/Region": "address1_country", "Main Phone": "telephone1", "Email": "emailaddress1",
            "Website": "websiteurl", "Primary Contact": "address1_primarycontactname", "Currency": "transactioncurrency",
            "Credit Limit": "creditlimit", "Status": "statecode",
        ],
        "contact": [
            "Full Name": "fullname", "First Name": "firstname", "Middle Name": "middlename", "Last Name": "lastname",
            "Job Title": "jobtitle", "Company Name": "parentcustomerid", "Email": "emailaddress1",
            "Business Phone": "telephone1", "Mobile Phone": "mobilephone", "Status": "statecode",
        ],
    ]

    /// Whether a heading is another program's name for the record's id: Dataverse's Excel export
    /// carries it hidden as "(Do Not Modify) Account"; Business Central's API calls it `id`/`SystemId`.
    public static func isID(_ heading: String, in schema: TableSchema) -> Bool {
        let key = folded(heading)
        return key == "systemid" || key == folded("(Do Not Modify) \(schema.displayName.replacingOccurrences(of: "CRM ", with: ""))")
    }

    /// The field a column heading stands for in `schema`, or nil: its own name, another program's
    /// English caption, or Business Central's Spanish caption (`Captions.storedField`: "Nº", "Población").
    public static func field(for heading: String, in schema: TableSchema) -> String? {
        let key = folded(heading)
        if let own = schema.fieldNames.first(where: { folded($0) == key }) { return own }
        if let other = captions[schema.name]?.first(where: { folded($0.key) == key })?.value, schema.field(named: other) != nil {
            return other
        }
        return Captions.storedField(forHeader: heading, in: schema)
    }

    /// A heading reduced to its letters and digits, lowered: "E-Mail" and "email", "No." and "no" meet.
    static func folded(_ heading: String) -> String {
        String(heading.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            .map(Character.init))
    }
}

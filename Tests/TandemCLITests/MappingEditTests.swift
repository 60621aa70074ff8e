import Testing

@Suite struct MappingEditTests {
    /// Filters, constants and per-field directions can be changed from the command line, and take effect.
    @Test func filtersConstantsAndFieldDirectionsAreEditable() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let changed = try cli.run("mapping", "CUSTOMER", "--erp-filter", "City!=Potsdam", "--crm-filter", "statecode=Active",
                                  "--constant", "Home Page=https://www.example.com", "--field-direction", "E-Mail=fromCRM")
        #expect(changed.status == 0, "\(changed.err)")
        #expect(changed.out.contains("ERP filter: City ≠ Potsdam · CRM filter: statecode = Active"))
        #expect(changed.out.contains("E-Mail ↔ emailaddress1: fromCRM") && changed.out.contains("constant \"https://www.example.com\""))
        try cli.run("set", "C01600", "City=Potsdam")
        let refused = try cli.run("couple", "C01600", "--crm", "Fourth Coffee London")
        #expect(refused.status == 1 && refused.err.contains("outside the mapping's filter"), "\(refused.err)")
        #expect(try cli.run("mapping", "CUSTOMER", "--erp-filter", "", "--constant", "Home Page=").out.contains("ERP filter: all records"))
        #expect(try cli.run("mapping", "CUSTOMER", "--erp-filter", "Colour=red").status == 2)
        #expect(try cli.run("mapping", "CUSTOMER", "--field-direction", "E-Mail=sideways").status == 2)
    }

    /// What a blank ERP Currency Code stands for is set, shown, stored and cleared from the command line.
    @Test func aBlankERPValueCanStandForTheLocalCurrency() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let set = try cli.run("mapping", "CUSTOMER", "--erp-blank", "Currency Code=EUR")
        #expect(set.status == 0, "\(set.err)")
        #expect(set.out.contains("Currency Code ↔ transactioncurrency: bidirectional · a blank ERP value is \"EUR\""), "\(set.out)")
        #expect(try cli.run("mappings", "--json").out.contains("\"erpBlankMeans\" : \"EUR\""))
        #expect(try cli.run("mappings").out.contains("ERP blank is"))
        #expect(!(try cli.run("mapping", "CUSTOMER", "--erp-blank", "Currency Code=").out.contains("a blank ERP value")))
        #expect(!(try cli.run("mappings", "--json").out.contains("erpBlankMeans")))
    }
}

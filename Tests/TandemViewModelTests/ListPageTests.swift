import Testing
import TandemCore
@testable import TandemViewModel

@Suite struct ListPageTests {
    @Test func theCustomersPageShowsBothPanesSideBySide() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let frame = harness.model.frame
        try expectGolden(frame, "customers-80x24")
        #expect(frame.line(1).contains("ERP · Customer · 160") && frame.line(1).contains("CRM · account · 170"))
        #expect(frame.line(22).contains("160 customers"))
        #expect(frame.line(23).contains("Space select") && frame.line(23).contains("? help") && frame.line(23).contains("s sync"))
        // The cursor row is drawn in the cursor role in the focused pane only.
        #expect(frame.styleLine(3).hasPrefix("CCCCCCCCCC"))
    }

    @Test func columnsDropAsTheTerminalNarrows() throws {
        let harness = try Harness(size: Size(width: 60, height: 16))
        defer { harness.remove() }
        let frame = harness.model.frame
        try expectGolden(frame, "customers-60x16")
        #expect(!frame.line(2).contains("Phone") && !frame.line(2).contains("E-mail"))
        harness.model.send(.resize(Size(width: 59, height: 16)))
        #expect(harness.model.frame.text.contains("Terminal too small: needs 60×16, has 59×16"))
        harness.model.send(.resize(Size(width: 200, height: 30)))
        #expect(harness.model.frame.line(2).contains("Phone") && harness.model.frame.line(2).contains("E-mail"))
    }

    @Test func aWiderTerminalNeverNarrowsTheNameAndWidensTheRest() {
        for side in Side.allCases {
            let columns = PageKind.customers.columns(on: side)
            var previous = 0
            for width in stride(from: 24, through: 160, by: 1) {
                let laid = ListColumn.layout(columns, width: width)
                let name = laid.first { $0.flexible }?.width ?? 0
                #expect(name >= previous, "\(side) width \(width): name \(name) after \(previous)")
                previous = name
                #expect(laid.reduce(0) { $0 + $1.width } + laid.count - 1 <= width)
            }
        }
        let columns = PageKind.customers.columns(on: .erp)
        let wide = ListColumn.layout(columns, width: 140)
        #expect(wide.count == columns.count && (wide.first { $0.field == "E-Mail" }?.width ?? 0) > 22)
        #expect((wide.first { $0.flexible }?.width ?? 0) >= ListColumn.roomyNameWidth)
    }

    @Test func arrowsMoveAndSpaceSelectsRows() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.down, .character("j"))
        #expect(harness.pane(.erp).cursor == 2)
        harness.model.press(.space, .space, .space)
        #expect(harness.pane(.erp).selection.count(of: 160) == 3)
        #expect(harness.pane(.erp).cursor == 5)
        #expect(harness.model.frame.line(22).contains("160 customers · 3 selected"))
        let frame = harness.model.frame
        #expect(frame.line(5).hasPrefix("+") && frame.styleLine(5).hasPrefix("s"))
        harness.model.press(.up, .space)
        #expect(harness.pane(.erp).selection.count(of: 160) == 2)
        harness.model.press(.character("A"))
        #expect(harness.pane(.erp).selection.isEmpty)
    }

    @Test func rangesAndSelectAll() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.shiftDown, .shiftDown)
        #expect(harness.pane(.erp).selection.count(of: 160) == 3)
        harness.model.press(.character("A"), .character("v"), .down, .down, .down, .character("v"), .down)
        #expect(harness.pane(.erp).selection.count(of: 160) == 4)
        harness.model.press(.character("a"))
        #expect(harness.model.frame.line(22).contains("160 selected"))
        harness.model.press(.space)
        #expect(harness.pane(.erp).selection.count(of: 160) == 159)
    }

    @Test func theFilterNarrowsThePaneAsYouType() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.character("/"))
        #expect(harness.state.context == .filterEditing)
        harness.model.type("ber")
        let erp = harness.pane(.erp)
        #expect(erp.filter == "ber" && erp.total == erp.rows.count && erp.total > 0)
        #expect(erp.rows.allSatisfy { ($0["Name"] + $0["City"] + $0["E-Mail"] + $0["No."]).lowercased().contains("ber") })
        #expect(harness.model.frame.line(22).contains("filter: ber"))
        harness.model.press(.backspace)
        #expect(harness.pane(.erp).filter == "be")
        harness.model.press(.enter)
        #expect(harness.state.context == .list)
        harness.model.press(.character("/"), .escape)
        #expect(harness.pane(.erp).filter.isEmpty && harness.pane(.erp).total == 160)
    }

    @Test func theCounterpartOfACoupledRowIsShownInTheOtherPane() throws {
        let harness = try Harness()
        defer { harness.remove() }
        var checked = 0
        // Walk the whole ERP list: the CRM window holds about 60 rows, so later counterparts must be
        // loaded around their key as the cursor reaches them.
        for _ in 0..<160 {
            if let counterpart = harness.pane(.erp).currentRow?.counterpart,
               try harness.opened.workspace.table("account", on: .crm).record(id: counterpart) != nil {
                #expect(harness.pane(.crm).currentRow?.id == counterpart)
                let frame = harness.model.frame
                let row = 3 + harness.pane(.crm).cursor - harness.pane(.crm).scroll
                #expect(frame.styleLine(row).hasSuffix("PPPP"))
                checked += 1
            }
            harness.model.press(.down)
        }
        #expect(checked > 80)
        harness.model.press(.tab)
        #expect(harness.page.focus == .crm)
        #expect(harness.model.frame.styleLine(1).hasSuffix("FFFF"))
    }

    @Test func helpListsTheBindingsOfTheScreenFromTheSameTable() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.character("?"))
        var seen = harness.model.frame.text
        for _ in 0..<40 { harness.model.press(.down); seen += harness.model.frame.text }
        for binding in Bindings.bindings(in: .list) { #expect(seen.contains(binding.help), "\(binding.help)") }
        harness.model.press(.character("q"))
        #expect(harness.state.modal == nil && !harness.state.quitRequested)
        harness.model.press(.character("q"))
        #expect(harness.state.quitRequested)
    }

    @Test(arguments: Language.allCases) func everyHelpSentenceFitsTheNarrowestHelpBox(_ language: Language) {
        Language.$override.withValue(language) {
            // At 60 columns the help box leaves 38 columns for the sentence beside keys up to 13 wide.
            for binding in Bindings.table { #expect(DisplayWidth.of(binding.help) <= 38, "\(language): \(binding.help)") }
            for entry in HelpEntries.legend { #expect(DisplayWidth.of(entry.text) <= 38, "\(language): \(entry.text)") }
            for context in Context.allCases {
                let keys = HelpEntries.entries(in: context).map { DisplayWidth.of($0.key) }.max() ?? 0
                #expect(keys <= 13, "\(language): the keys of \(context) are \(keys) wide")
            }
        }
    }

    @Test func helpOnAListExplainsTheMarks() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.character("?"))
        var seen = harness.model.frame.text
        for _ in 0..<60 { harness.model.press(.down); seen += harness.model.frame.text }
        #expect(seen.contains("Marks in the rows:"))
        for entry in HelpEntries.legend { #expect(seen.contains(entry.text), "\(entry.text)") }
        for mark in ["✓", "✎", "↷", "✗"] { #expect(HelpEntries.legend.contains { $0.key == mark }) }
    }

    @Test func helpScrollsWhenTheTerminalIsShort() throws {
        let harness = try Harness(size: Size(width: 60, height: 16))
        defer { harness.remove() }
        harness.model.press(.character("?"))
        var seen = harness.model.frame.text
        #expect(seen.contains("↓ more · Esc closes"))
        for _ in 0..<30 { harness.model.press(.down); seen += harness.model.frame.text }
        for binding in Bindings.bindings(in: .list) { #expect(seen.contains(binding.help), "\(binding.help)") }
        #expect(!harness.model.frame.text.contains("↓ more · Esc closes"))
        harness.model.press(.escape)
        #expect(harness.state.modal == nil)
    }

    @Test func theContactsPageHasItsOwnPanes() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.character("2"))
        #expect(harness.state.page == .contacts)
        #expect(harness.model.frame.line(1).contains("ERP · Contact · 302") && harness.model.frame.line(1).contains("CRM · contact · 320"))
        harness.model.press(.character("]"))
        #expect(harness.state.page == .salespeople)
        #expect(harness.model.frame.line(1).contains("ERP · Salesperson · 4") && harness.model.frame.line(1).contains("CRM · user · 5"),
                "\(harness.model.frame.line(1))")
        harness.model.press(.character("]"))
        #expect(harness.state.page == .customers && harness.pane(.erp).total == 160)
    }

    @Test func hostileAndWideTextIsShownSafelyAndInItsColumns() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.character("/"))
        harness.model.type("evil")
        harness.model.press(.enter)
        let frame = harness.model.frame
        let text = frame.text
        #expect(text.contains("Evil␛[31m"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } && !text.contains("\u{202E}"))
        let row = try #require((0..<frame.size.height).first { frame.line($0).contains("Evil") })
        #expect(frame.styleLine(row).contains("?"))
        try expectGolden(frame, "hostile-80x24")
        for line in 0..<frame.size.height { #expect(DisplayWidth.of(frame.line(line)) == frame.size.width) }

        harness.model.press(.character("/"), .escape, .character("/"))
        harness.model.type("株式会社")
        harness.model.press(.enter)
        let cjk = harness.model.frame
        #expect(cjk.text.contains("株式会社"))
        for line in 0..<cjk.size.height { #expect(DisplayWidth.of(cjk.line(line)) == cjk.size.width) }
        try expectGolden(cjk, "cjk-80x24")

        // A combining accent takes no column of its own: "Cafe\u{301}" is four columns wide.
        harness.model.press(.character("/"), .escape, .character("/"))
        harness.model.type("Ope")
        harness.model.press(.enter)
        let combining = harness.model.frame
        #expect(combining.text.contains("Cafe\u{301} de l'Ope\u{301}ra"))
        for line in 0..<combining.size.height { #expect(DisplayWidth.of(combining.line(line)) == combining.size.width) }
    }

    @Test func internationalAndHostileRecordsAtTheNarrowSize() throws {
        let harness = try Harness(size: Size(width: 60, height: 16))
        defer { harness.remove() }
        for (filter, name) in [("evil", "hostile-60x16"), ("株式会社", "cjk-60x16"), ("شركة", "arabic-60x16")] {
            harness.model.press(.character("/"), .escape, .character("/"))
            harness.model.type(filter)
            harness.model.press(.enter)
            let frame = harness.model.frame
            for line in 0..<frame.size.height { #expect(DisplayWidth.of(frame.line(line)) == frame.size.width, "\(name) line \(line)") }
            try expectGolden(frame, name)
        }
    }
}

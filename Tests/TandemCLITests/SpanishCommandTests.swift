import Foundation
import Testing

/// The command line in Spanish (TANDEM_LANG=es, or LANG=es_ES.UTF-8 alone): its own words, help
/// included, while `--json` stays byte for byte what English prints.
@Suite struct SpanishCommandTests {
    static let spanish = ["TANDEM_LANG": "es"]
    static let english = ["TANDEM_LANG": "en"]

    @Test func initAndTheDefaultWorkspaceNoticeSpeakSpanish() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        let made = try cli.run(["init"], environment: Self.spanish)
        #expect(made.status == 0)
        #expect(made.out.contains("Se han cargado ") && made.out.contains(" emparejamientos de "), "\(made.out)")
        #expect(made.out.contains("Se ha creado el área de trabajo en \(cli.workspace)."), "\(made.out)")
        // The built-in default is made on first use, and the notice says so.
        let data = cli.folder.file("data")
        let first = try cli.run(["list", "customers", "--limit", "1"],
                                environment: Self.spanish.merging(["TANDEM_WORKSPACE": "", "XDG_DATA_HOME": data]) { $1 })
        #expect(first.status == 0 && first.err.contains("Se ha creado el área de trabajo en \(data)/tandem/default a partir de "),
                "\(first.err)")
    }

    @Test func listSummariesAndColumnsSpeakSpanish() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let all = try cli.run(["list", "customers"], environment: Self.spanish)
        #expect(all.err.firstMatch(of: /^50 de \d+ clientes\.$/.anchorsMatchLineEndings()) != nil, "\(all.err)")
        let header = try #require(all.out.split(separator: "\n").first)
        #expect(header.hasPrefix("Estado") && header.contains("Nombre") && header.contains("Población"), "\(header)")
        let uncoupled = try cli.run(["list", "customers", "--uncoupled", "--limit", "100000"], environment: Self.spanish)
        #expect(uncoupled.err.firstMatch(of: /^\d+ clientes no emparejados; no hay más\.$/.anchorsMatchLineEndings()) != nil,
                "\(uncoupled.err)")
        #expect(uncoupled.out.contains("no emparej.") && !uncoupled.out.contains("not-coupled"))
        let capped = try cli.run(["list", "accounts", "--coupled", "--limit", "5"], environment: Self.spanish)
        #expect(capped.err.contains("Se muestran 5 cuentas emparejadas; puede haber más (--limit muestra más)."), "\(capped.err)")
    }

    @Test func syncPreviewAndSyncSpeakSpanish() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        #expect(try cli.run("set", "C00090", "City=Potsdam").status == 0)
        let preview = try cli.run(["sync", "C00090", "--direction", "to-crm", "--preview"], environment: Self.spanish)
        #expect(preview.status == 0, "\(preview.err)")
        let header = try #require(preview.out.split(separator: "\n").first)
        #expect(header.hasPrefix("Registro") && header.contains("Acción") && header.contains("Anterior → nuevo"), "\(header)")
        #expect(preview.out.contains("escribir") && preview.out.contains("CRM address1_city"), "\(preview.out)")
        #expect(preview.out.contains("Vista previa de CUSTOMER: cambiaría 1 registro (") && preview.out.contains(" 0 fallarían.")
                && preview.out.hasSuffix(" No se ha escrito nada.\n"), "\(preview.out)")
        let synced = try cli.run(["sync", "C00090", "--direction", "to-crm"], environment: Self.spanish)
        #expect(synced.status == 0)
        #expect(synced.out.firstMatch(of: /^CUSTOMER: .+ \(trabajo \d+\)$/.anchorsMatchLineEndings()) != nil, "\(synced.out)")
    }

    @Test func usageErrorsAndRefusalsSpeakSpanish() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let both = try cli.run(["sync", "--all", "--modified", "--direction", "to-crm"], environment: Self.spanish)
        #expect(both.status == 2 && both.err.contains("Indique --all o --modified, no ambos."), "\(both.err)")
        let unknown = try cli.run(["show", "C99999"], environment: Self.spanish)
        #expect(unknown.status == 2 && unknown.err == "tandem: Ningún registro del ERP tiene el número C99999.\n", "\(unknown.err)")
        let refused = try cli.run(["cleanup", "--all"], environment: Self.spanish)
        #expect(refused.status == 2, "\(refused.err)")
        #expect(refused.err.contains("¿Eliminar todos los trabajos del log, con sus errores y la información para deshacerlos? "
                                     + "No se ha hecho: indique --yes para confirmar cuando no está en un terminal."), "\(refused.err)")
        let many = try cli.run(["uncouple", "C00370", "C01600"], environment: Self.spanish)
        #expect(many.status == 2 && many.err.contains("¿Eliminar los emparejamientos de 2 registros?"), "\(many.err)")
    }

    @Test func helpSpeaksSpanishWhereTheParserLetsIt() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        let root = try cli.run(["--help"], environment: Self.spanish)
        #expect(root.status == 0)
        // The parser wraps help at 80 columns: compare the words, not the line breaks.
        let rootWords = Self.words(root.out)
        #expect(rootWords.contains("Empareja clientes y contactos del ERP con cuentas y contactos del CRM"), "\(root.out)")
        #expect(rootWords.contains("Códigos de salida: 0 cuando todo se ha realizado correctamente"))
        #expect(rootWords.contains("(la interfaz de terminal)") && rootWords.contains("La carpeta del área de trabajo, o la dirección postgres:"))
        #expect(rootWords.contains("Sincronizar ahora: registros del ERP por Nº") && rootWords.contains("Movs. log sincronización"))
        #expect(rootWords.contains("Muestra customers, contacts, accounts, crm-contacts, salespeople o crm-users, ordenados por nombre."))
        let sync = try cli.run(["sync", "--help"], environment: Self.spanish)
        #expect(sync.status == 0)
        let syncWords = Self.words(sync.out)
        #expect(syncWords.contains("Vista previa: no escribe nada") && syncWords.contains("Sincronizar registros modificados"), "\(sync.out)")
        #expect(syncWords.contains("Un registro cuyo destino ha cambiado desde la última sincronización se rechaza"))
        // The parser's own headings stay English; the option names are what is typed.
        #expect(sync.out.contains("OPTIONS:") && sync.out.contains("--direction <direction>"))
        let english = try cli.run(["sync", "--help"], environment: Self.english)
        #expect(Self.words(english.out).contains("Write nothing; print what would change, field by field.")
                && !english.out.contains("Vista previa"))
    }

    /// Text with every run of spaces and line breaks made one space.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A script gets the same document (and the same error object) whatever the language.
    @Test func jsonIsTheSameInEveryLanguage() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        try cli.run("set", "C00370", "City=Potsdam")
        try cli.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm")
        for arguments in [["list", "customers", "--json"], ["list", "accounts", "--uncoupled", "--json"], ["jobs", "--json"],
                          ["sync", "C00370", "C01600", "--direction", "to-crm", "--preview", "--json"], ["show", "C99999", "--json"],
                          ["sync", "--all", "--modified", "--direction", "to-crm", "--json"]] {
            let spanish = try cli.run(arguments, environment: Self.spanish)
            let english = try cli.run(arguments, environment: Self.english)
            #expect(!english.outBytes.isEmpty || !english.errBytes.isEmpty)
            #expect(spanish.outBytes == english.outBytes, "\(arguments): \(spanish.out)")
            #expect(spanish.errBytes == english.errBytes, "\(arguments): \(spanish.err)")
            #expect(spanish.status == english.status)
        }
    }

    @Test func langAloneChoosesSpanishAndLcAllOverridesIt() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let unset = ["TANDEM_LANG": "", "LC_ALL": "", "LC_MESSAGES": ""]
        let lang = try cli.run(["list", "customers"], environment: unset.merging(["LANG": "es_ES.UTF-8"]) { $1 })
        #expect(lang.err.firstMatch(of: /^50 de \d+ clientes\.$/.anchorsMatchLineEndings()) != nil, "\(lang.err)")
        let c = try cli.run(["list", "customers"], environment: unset.merging(["LANG": "es_ES.UTF-8", "LC_ALL": "C"]) { $1 })
        #expect(c.err.firstMatch(of: /^50 of \d+ customers\.$/.anchorsMatchLineEndings()) != nil, "\(c.err)")
    }

    /// Spanish labels run longer than the 15 columns English uses: the values still line up.
    @Test func showLinesUpItsSpanishLabels() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let card = try cli.run(["show", "C00370"], environment: Self.spanish)
        #expect(card.status == 0)
        let lines = card.out.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Emparejamiento (CUSTOMER)") } && lines.contains("Dirección"), "\(card.out)")
        let labelled = lines.filter { line in ["  emparejado con ", "  estado ", "  sincronizado ERP "].contains { line.hasPrefix($0) } }
        #expect(labelled.count == 3, "\(card.out)")
        // The widest label, "modificado en ERP", is 17 columns: every value starts at column 20.
        for line in labelled {
            let characters = Array(line)
            #expect(characters.count > 20 && characters[19] == " " && characters[20] != " ", "\(line)")
        }
    }

    /// The job log's text speaks Spanish too: job types in words and times as Spain writes them, in
    /// the local time zone (English keeps UTC ISO 8601, as JSON does).
    @Test func theJobLogWritesSpanishJobTypesAndDates() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        #expect(try cli.run("set", "C00090", "City=Potsdam").status == 0)
        #expect(try cli.run("sync", "C00090", "--direction", "to-crm").status == 0)
        let spanish = try cli.run(["jobs"], environment: Self.spanish.merging(["TZ": "Europe/Madrid"]) { $1 })
        #expect(spanish.out.contains("sincronización"), "\(spanish.out)")
        #expect(spanish.out.firstMatch(of: /\d\d\/\d\d\/\d{4} \d\d:\d\d/) != nil, "\(spanish.out)")
        let english = try cli.run("jobs")
        #expect(english.out.contains("synchronization") && english.out.firstMatch(of: /\d{4}-\d\d-\d\dT/) != nil, "\(english.out)")
    }
}

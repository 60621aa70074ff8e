import Testing
@testable import TandemCore

/// The core's words in Spanish: refusals, sync summaries with their plurals, job messages, questions and
/// CSV errors, made from the same codes the English is made from.
@Suite struct SpanishCoreTests {
    func spanish<T>(_ body: () throws -> T) rethrows -> T { try Language.$override.withValue(.spanish, operation: body) }

    func job(_ type: JobType, _ counters: JobCounters, note: JobNote = .none, direction: SyncDirection? = .toCRM) -> SyncJob {
        var job = SyncJob(id: 7, type: type, mapping: "CUSTOMER", direction: direction, startedAt: Timestamp(milliseconds: 0))
        job.counters = counters
        job.note = note
        return job
    }

    @Test func aRefusalBecauseSomeoneElseChangedTheRecordReadsInSpanish() {
        let reason = RecordFailure.changedElsewhere(side: .crm)
        #expect(spanish { reason.message } == "Otra persona cambió el registro de CRM después de leerlo; se dejó como lo escribió y se volverá a planificar.")
        #expect(spanish { TandemError.refused(.claimedByJob(4)).description } == "Otro trabajo ya está emparejando el registro (trabajo 4).")
        #expect(reason.message.hasPrefix("The CRM record was changed by someone else"))
    }

    @Test func aSyncSummaryTakesTheSingularForOneAndThePluralForZeroAndTwo() {
        func summary(selected: Int, modified: Int, skipped: Int = 0, failed: Int = 0, overwritten: Int = 0) -> String {
            var counters = JobCounters()
            counters.modified = modified
            counters.skipped = skipped
            counters.failed = failed
            counters.overwritten = overwritten
            let result = SyncResult(job: job(.synchronization, counters), selected: selected, problems: [], overwrites: [], cancelled: false)
            return spanish { result.summary }
        }
        #expect(summary(selected: 1, modified: 1) == "Sincronizados: 1 de 1 registro.")
        #expect(summary(selected: 0, modified: 0) == "Sincronizados: 0 de 0 registros.")
        #expect(summary(selected: 2, modified: 0, skipped: 1, failed: 1)
                == "Sincronizados: 0 de 2 registros. 1 erróneo. 1 omitido.")
        #expect(summary(selected: 2, modified: 0, skipped: 2, overwritten: 2)
                == "Sincronizados: 0 de 2 registros. 2 omitidos. Se sobrescribieron 2 cambios hechos en el CRM desde la última sincronización.")
        var cancelled = SyncResult(job: job(.synchronization, JobCounters()), selected: 15_000, problems: [], overwrites: [], cancelled: true)
        cancelled.job.counters.unchanged = 12_000
        #expect(spanish { cancelled.summary } == "Sincronizados: 12.000 de 15.000 registros. Cancelado antes del final.")
        #expect(cancelled.summary == "Synchronized 12000 of 15000 records. Cancelled before the end.")
    }

    @Test func jobMessagesReadInSpanish() {
        var undo = JobCounters()
        undo.modified = 1
        undo.skipped = 2
        #expect(spanish { job(.undo, undo, note: .undid(5)).message } == "Se deshizo el trabajo 5: 1 registro restaurado, rechazados: 2.")
        var coupling = JobCounters()
        coupling.inserted = 2
        #expect(spanish { job(.coupling, coupling).message } == "Creados y emparejados: 2 de 2 registros.")
        #expect(spanish { job(.coupling, JobCounters(), note: .restored(side: .erp)).message } == "Se restauró el registro de ERP.")
        var interrupted = job(.undo, JobCounters())
        interrupted.interrupted = true
        #expect(spanish { interrupted.message } == "Se deshicieron 0 registros. Interrumpido: su proceso terminó antes que el trabajo.")
    }

    @Test func aJobAndItsReasonStoredUnderEnglishReadInSpanish() throws {
        var counters = JobCounters()
        counters.modified = 1
        counters.changedElsewhere = 1
        let stored = Language.$override.withValue(.english) {
            (note: JobNote.refused(.lookupNotCoupled(field: "Company No.", value: "C00010")).encoded,
             reason: RecordFailure.unmatched(.ambiguous(candidates: 3)).encoded)
        }
        #expect(!stored.note.contains("refers") && !stored.reason.contains("ambiguous:"))
        let refused = job(.coupling, counters, note: JobNote.decode(stored.note))
        #expect(spanish { refused.message } == "Company No. \"C00010\" remite a un registro que no está emparejado; emparéjelo primero.")
        #expect(spanish { RecordFailure.decode(stored.reason).message } == "Sin coincidencia: ambiguo: 3 candidatos")
        let sync = job(.synchronization, counters)
        #expect(spanish { sync.message }
                == "Sincronizados: 1 de 2 registros. 1 fue cambiado por otra persona mientras tanto y se dejó como estaba.")
        #expect(sync.message == "Synchronized 1 of 2 records. 1 was changed by someone else meanwhile and left as they are.")
    }

    @Test func aSideFailureWithoutACodeIsStoredInEnglishWhateverTheLanguage() {
        let stored = spanish { RecordFailure(.noNumberSeries(table: "Customer"), side: .erp).encoded }
        #expect(stored.contains("Customer has no number series."))
        #expect(spanish { RecordFailure.decode(stored).message } == "No se pudo escribir en el lado: Customer has no number series.")
    }

    @Test func theQuestionsAskInSpanish() throws {
        let fixture = Fixture()
        let lonely = try fixture.customer("C00010", "Adatum")
        let pair = try fixture.coupledCustomer("C00020", "Contoso")
        try fixture.edit(fixture.accounts, pair.crm.id, ["telephone1": "+1 1"])
        try fixture.edit(fixture.customers, pair.erp.id, ["City": "Essen"])
        let lonelyCheck = try spanish { try fixture.engine.check(mapping: "CUSTOMER", side: .erp, id: lonely.id) }
        #expect(lonelyCheck.question == .setUpCoupling(text: "El registro no está emparejado. ¿Desea configurar un emparejamiento?"))
        let check = try spanish { try fixture.engine.check(mapping: "CUSTOMER", side: .erp, id: pair.erp.id) }
        #expect(check.question == .menu(title: "¿Sincronizar datos de C00020 Contoso?", options: [.toCRM, .fromCRM, .merge],
                                        recommended: .merge, warning: "Ambos registros han cambiado desde la última sincronización."))
        let selection = try spanish { try fixture.engine.questionForModified(mapping: "CUSTOMER") }
        #expect(selection == .menu(title: "¿Sincronizar datos de los registros modificados desde su última sincronización?",
                                   options: [.toCRM, .fromCRM], recommended: .toCRM, warning: nil))
    }

    @Test func aCSVErrorNamesFileLineAndFieldInSpanish() throws {
        let table = try CSV.parse(Array("id,modifiedAt,No.,Name\n,,C1,Adatum\n,,C1,Contoso\n".utf8), file: "clientes.csv")
        let error = try #require(throws: CSVError.self) {
            _ = try spanish { try RecordCSV.rows(from: table, schema: StandardTables.customer,
                                                 columns: RecordCSV.importColumns(table, schema: StandardTables.customer)) }
        }
        #expect(spanish { error.description } == "clientes.csv:3: campo \"No.\": número duplicado C1 (primero en la línea 2)")
        let english = try #require(throws: CSVError.self) {
            _ = try RecordCSV.rows(from: table, schema: StandardTables.customer,
                                   columns: RecordCSV.importColumns(table, schema: StandardTables.customer))
        }
        #expect(english.description == "clientes.csv:3: field \"No.\": duplicate number C1 (first on line 2)")
        let broken = try #require(throws: CSVError.self) { try spanish { try CSV.parse(Array("a,b\n\"x,y\n".utf8), file: "f.csv") } }
        #expect(spanish { broken.description } == "f.csv:2: un campo entre comillas no se cierra nunca")
    }
}

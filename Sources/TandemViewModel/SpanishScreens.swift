/// The Spanish of the view model's reducers, effects and state (Screens/, State/), keyed by
/// their English (Business Central's own Spanish UI vocabulary: Clientes, Cuentas, Sincronizar ahora,
/// Configurar emparejamiento…). One entry a line, `"English": "Spanish",`; a plural's key and value are
/// its two forms joined by `|`.
enum SpanishScreens {
    static let table: [String: String] = [
        // Coupling what failed records refer to.
        "Coupled {0} of the {1} {2} records they refer to by match.": "Emparejados por coincidencias {0} de los {1} registros de {2} a los que se refieren.",
        // Pulling the connected sides.
        "Pulling the connected sides…": "Descargando los lados conectados…",
        "Both sides are the embedded database: there is nothing to pull.": "Los dos lados son la base de datos integrada: no hay nada que descargar.",
        "Pulled {0}: {1} new, {2} changed, {3} deleted.": "Descargado {0}: {1} nuevos, {2} cambiados, {3} eliminados.",
        // The card.
        "{0} and {1}": "{0} y {1}",
        "{0} is made from {1}; edit those.": "{0} se compone de {1}; edite esos campos.",
        "The coupled {0} record was deleted.": "Se eliminó el registro {0} emparejado.",
        "{0} holds at most {1} characters.": "{0} admite como máximo {1} caracteres.",
        "Not saved: someone else changed this record since it was shown; it now shows their version.": "No se guardó: otra persona modificó este registro después de mostrarlo; ahora se muestra su versión.",
        "{0} saved.": "Se guardó {0}.",
        // Coupling.
        "Delete the coupling of this record? The records stay as they are.": "¿Eliminar el emparejamiento de este registro? Los registros no se modifican.",
        "Delete the coupling of {0} record? The records stay as they are.|Delete the coupling of {0} records? The records stay as they are.": "¿Eliminar el emparejamiento de {0} registro? Los registros no se modifican.|¿Eliminar el emparejamiento de {0} registros? Los registros no se modifican.",
        "Create {0} record in the {1} from the {2} and couple them?|Create {0} records in the {1} from the {2} and couple them?": "¿Crear {0} registro en el {1} a partir del {2} y emparejarlos?|¿Crear {0} registros en el {1} a partir del {2} y emparejarlos?",
        "Set up coupling from the ERP record's row or card (n creates this record in the ERP).": "Configure el emparejamiento desde la fila o la ficha del registro ERP (n crea este registro en el ERP).",
        "Choose a CRM record: type its name, or F4 for the list.": "Elija un registro CRM: escriba su nombre o pulse F4 para ver la lista.",
        "No CRM record matches \"{0}\" yet.": "Ningún registro CRM coincide todavía con \"{0}\".",
        "Created the CRM record and coupled it.": "Se creó el registro CRM y se emparejó.",
        "The record is not coupled. Set up coupling from the ERP record.": "El registro no está emparejado. Configure el emparejamiento desde el registro ERP.",
        // Match-based coupling.
        "Choose at least one field to match on.": "Elija al menos un campo por el que buscar coincidencias.",
        "Coupled {0}, created {1}, unmatched {2}.": "Emparejados: {0}; creados: {1}; sin coincidencia: {2}.",
        "… and {0} more": "… y {0} más",
        // The coupled-data errors.
        "Restore and delete record apply only when exactly one side is missing.": "Restaurar y eliminar registro solo se aplican cuando falta exactamente un lado.",
        "The ERP record of this coupling is gone: restore it (t) or delete the coupling (d).": "El registro ERP de este emparejamiento ya no existe: restáurelo (t) o elimine el emparejamiento (d).",
        "One side of this coupling is gone: restore it (t) or delete the surviving record (x).": "Un lado de este emparejamiento ya no existe: restáurelo (t) o elimine el registro que queda (x).",
        "Delete this coupling? The records stay as they are.": "¿Eliminar este emparejamiento? Los registros no se modifican.",
        "the surviving record": "el registro que queda",
        "Delete {0} and its coupling for good? This cannot be undone.": "¿Eliminar {0} y su emparejamiento definitivamente? No se puede deshacer.",
        "Cleared the skipped mark of {0} coupling.|Cleared the skipped mark of {0} couplings.": "Se quitó la marca de omitido de {0} emparejamiento.|Se quitó la marca de omitido de {0} emparejamientos.",
        "Restored the missing record and coupled it.": "Se restauró el registro que faltaba y se emparejó.",
        "Deleted the surviving record and its coupling.": "Se eliminaron el registro que quedaba y su emparejamiento.",
        // Synchronize now, its preview and its result.
        "Send data update to CRM": "Enviar actualización de datos a CRM",
        "Get data update from CRM": "Obtener actualización de datos de CRM",
        "Merge data": "Combinar datos",
        " — overwrites a change made in the {0} since the last sync": " — sobrescribe un cambio hecho en el {0} desde la última sincronización",
        "{0}: unchanged": "{0}: sin cambios",
        "{0}: skipped — {1}": "{0}: omitido — {1}",
        "{0}: fails — {1}": "{0}: fallará — {1}",
        "{0} will fail.": "Fallarán: {0}.",
        "… and {0} more record, counted above|… and {0} more records, counted above": "… y {0} registro más, contado arriba|… y {0} registros más, contados arriba",
        "{1} of {0} record will change ({2}); {3} skipped.|{1} of {0} records will change ({2}); {3} skipped.": "Cambios en {1} de {0} registro ({2}); omitidos: {3}.|Cambios en {1} de {0} registros ({2}); omitidos: {3}.",
        "{0} field|{0} fields": "{0} campo|{0} campos",
        "{0} field will overwrite a change made at the destination since the last sync.|{0} fields will overwrite a change made at the destination since the last sync.": "{0} campo sobrescribirá un cambio hecho en el destino desde la última sincronización.|{0} campos sobrescribirán un cambio hecho en el destino desde la última sincronización.",
        "… and {0} more (failures are in the job's errors)": "… y {0} más (los fallos están en los errores del trabajo)",
        "{0}: overwrote {1} {2} \"{3}\" with \"{4}\"": "{0}: se sobrescribió {1} {2} \"{3}\" con \"{4}\"",
        // The job log and undo.
        "Delete every job? Failed jobs that a skipped coupling still refers to are kept.": "¿Eliminar todos los trabajos? Se conservan los trabajos fallidos a los que aún remite un emparejamiento omitido.",
        "Delete the jobs started more than {0} day ago? Failed jobs that a skipped coupling still refers to are kept.|Delete the jobs started more than {0} days ago? Failed jobs that a skipped coupling still refers to are kept.": "¿Eliminar los trabajos iniciados hace más de {0} día? Se conservan los trabajos fallidos a los que aún remite un emparejamiento omitido.|¿Eliminar los trabajos iniciados hace más de {0} días? Se conservan los trabajos fallidos a los que aún remite un emparejamiento omitido.",
        "Deleted {0} job from the log.|Deleted {0} jobs from the log.": "Se eliminó {0} trabajo del log.|Se eliminaron {0} trabajos del log.",
        "Undo": "Deshacer",
        "Undo job {0}": "Deshacer trabajo {0}",
        "Undo job {0}: {1}, {2}.": "Deshacer trabajo {0}: {1}, {2}.",
        "{0} record go back|{0} records go back": "vuelve {0} registro|vuelven {0} registros",
        "{0} refused|{0} refused": "{0} rechazado|{0} rechazados",
        "Refused (changed or deleted since the job):": "Rechazados (modificados o eliminados después del trabajo):",
        "{0}: refused: {1}": "{0}: rechazado: {1}",
        "… and {0} more refused": "… y {0} rechazados más",
        // The mappings screen's prompt.
        "No such field.": "No existe ese campo.",
        "\"{0}\" is not a condition like Field=Value.": "\"{0}\" no es una condición del tipo Campo=Valor.",
        "{0} has no field \"{1}\".": "{0} no tiene el campo \"{1}\".",
        // Words the screens share with the rendering (buttons, dialog titles).
    ]
}

/// The Spanish of this module's texts, keyed by their English. One entry a line,
/// `"English": "Spanish",`; a plural's key and value are its two forms joined by `|`.
enum SpanishConnectors {
    static let table: [String: String] = [
        "throttled": "limitado por el servicio",
        "busy": "ocupado",
        "no response": "sin respuesta",
        "server error {0}": "error del servidor {0}",
        "The {0} table is not connected to {1} yet; it cannot be written while the side lives there.": "La tabla {0} aún no está conectada a {1}; no se puede escribir mientras el lado esté allí.",
        "The service no longer knows where the last pull of {0} ended; pull it in full.": "El servicio ya no sabe dónde terminó la última descarga de {0}; descárguelo completo.",
        "{0} refused the credentials: {1}": "{0} rechazó las credenciales: {1}",
        "{0} kept failing (HTTP {1}): {2}": "{0} siguió fallando (HTTP {1}): {2}",
        "{0} has no {1} (older versions lack it): {2} was not pulled and stays as it is.": "{0} no tiene {1} (las versiones anteriores no lo tienen): {2} no se ha descargado y se queda como está.",
        "{0} at {1} could not be reached: {2}": "No se pudo contactar con {0} en {1}: {2}",
        "{0} answered in a form Tandem does not know: {1}": "{0} respondió de una forma que Tandem no conoce: {1}",
        "The {0} needs credentials in the environment: {1}.": "El {0} necesita credenciales en el entorno: {1}.",
        "The {0} can live in {1} or local, not \"{2}\".": "El {0} puede estar en {1} o local, no \"{2}\".",
        "\"{0}\" is not a service URL (https://…).": "\"{0}\" no es una URL de servicio (https://…).",
        "{0} is not https; plain http is accepted only for 127.0.0.1 and localhost.": "{0} no es https; http solo se acepta para 127.0.0.1 y localhost.",
        "Business Central needs the company: --company ID (GET …/api/v2.0/companies lists them).": "Business Central necesita la empresa: --company ID (GET …/api/v2.0/companies las muestra).",
    ]
}

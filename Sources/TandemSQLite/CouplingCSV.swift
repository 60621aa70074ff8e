import Foundation
import TandemCore

/// Couplings as CSV: `mapping, erpId, crmId, erpModifiedAtLastSync, crmModifiedAtLastSync, snapshot`,
/// the snapshot a JSON object of ERP field → [ERP value, CRM value] as of the last sync.
public enum CouplingCSV {
    public static let header = ["mapping", "erpId", "crmId", "erpModifiedAtLastSync", "crmModifiedAtLastSync", "snapshot"]

    public static func couplings(from table: CSVTable, mappings: [TableMapping]) throws -> [Coupling] {
        guard table.header.map(FieldValue.normalizedText) == header else {
            throw CSVError(file: table.file, line: 1, message: "expected the columns \(header.joined(separator: ","))")
        }
        var result: [Coupling] = []
        var erpSeen: [String: Int] = [:], crmSeen: [String: Int] = [:]
        for row in table.rows {
            guard row.values.count == header.count else {
                throw CSVError(file: table.file, line: row.line, field: row.values.count < header.count ? header[row.values.count] : nil,
                               message: "the row has \(row.values.count) values for \(header.count) columns")
            }
            let values = row.values.map(FieldValue.normalizedText)
            func fail(_ column: Int, _ message: String) -> CSVError {
                CSVError(file: table.file, line: row.line, field: header[column], message: message)
            }
            guard let mapping = mappings.first(where: { $0.name == values[0] }) else { throw fail(0, "no mapping \"\(values[0])\"") }
            guard RecordID.looksLikeID(values[1]) else { throw fail(1, "\"\(values[1])\" is not a UUID") }
            guard RecordID.looksLikeID(values[2]) else { throw fail(2, "\"\(values[2])\" is not a UUID") }
            func stamp(_ column: Int) throws -> Timestamp? {
                if values[column].isEmpty { return nil }
                guard let stamp = Timestamp(iso8601: values[column]) else {
                    throw fail(column, "\"\(values[column])\" is not a UTC date and time like 2026-11-20T09:15:00.000Z")
                }
                return stamp
            }
            var snapshot: FieldSnapshot = [:]
            if !values[5].isEmpty {
                guard let object = try? JSONSerialization.jsonObject(with: Data(row.values[5].utf8)) as? [String: [String]],
                      object.values.allSatisfy({ $0.count == 2 }) else {
                    throw fail(5, "expected a JSON object of field → [ERP value, CRM value]")
                }
                for (field, pair) in object {
                    guard mapping.fields.contains(where: { $0.erpField == field }) else {
                        throw fail(5, "the \(mapping.name) mapping has no ERP field \"\(field)\"")
                    }
                    snapshot[field] = SnapshotValue(erp: pair[0], crm: pair[1])
                }
            }
            let erpKey = "\(mapping.name)/\(values[1].lowercased())", crmKey = "\(mapping.name)/\(values[2].lowercased())"
            if let first = erpSeen[erpKey] { throw fail(1, "the ERP record is already coupled on line \(first)") }
            if let first = crmSeen[crmKey] { throw fail(2, "the CRM record is already coupled on line \(first)") }
            erpSeen[erpKey] = row.line
            crmSeen[crmKey] = row.line
            result.append(Coupling(mapping: mapping.name, erpID: RecordID(values[1]), crmID: RecordID(values[2]),
                                   erpModifiedAtLastSync: try stamp(3), crmModifiedAtLastSync: try stamp(4),
                                   snapshot: snapshot))
        }
        return result
    }
}

import Foundation
import TandemCore

/// Couplings as CSV: `mapping, erpId, crmId, erpModifiedAtLastSync, crmModifiedAtLastSync, snapshot`,
/// the snapshot a JSON object of ERP field → [ERP value, CRM value] as of the last sync.
public enum CouplingCSV {
    public static let header = ["mapping", "erpId", "crmId", "erpModifiedAtLastSync", "crmModifiedAtLastSync", "snapshot"]

    public static func couplings(from table: CSVTable, mappings: [TableMapping]) throws -> [Coupling] {
        guard table.header.map(FieldValue.normalizedText) == header else {
            throw CSVError(file: table.file, line: 1, message: tr("expected the columns {0}", header.joined(separator: ",")))
        }
        var result: [Coupling] = []
        var erpSeen: [String: Int] = [:], crmSeen: [String: Int] = [:]
        for row in table.rows {
            guard row.values.count == header.count else {
                throw CSVError(file: table.file, line: row.line, field: row.values.count < header.count ? header[row.values.count] : nil,
                               message: tr("the row has {0} values for {1} columns", row.values.count, header.count))
            }
            let values = row.values.map(FieldValue.normalizedText)
            func fail(_ column: Int, _ message: String) -> CSVError {
                CSVError(file: table.file, line: row.line, field: header[column], message: message)
            }
            guard let mapping = mappings.first(where: { $0.name == values[0] }) else { throw fail(0, tr("no mapping \"{0}\"", values[0])) }
            guard RecordID.looksLikeID(values[1]) else { throw fail(1, tr("\"{0}\" is not a UUID", values[1])) }
            guard RecordID.looksLikeID(values[2]) else { throw fail(2, tr("\"{0}\" is not a UUID", values[2])) }
            func stamp(_ column: Int) throws -> Timestamp? {
                if values[column].isEmpty { return nil }
                guard let stamp = Timestamp(iso8601: values[column]) else {
                    throw fail(column, tr("\"{0}\" is not a UTC date and time like 2026-11-20T09:15:00.000Z", values[column]))
                }
                return stamp
            }
            var snapshot: FieldSnapshot = [:]
            if !values[5].isEmpty {
                guard let object = try? JSONSerialization.jsonObject(with: Data(row.values[5].utf8)) as? [String: [String]],
                      object.values.allSatisfy({ $0.count == 2 }) else {
                    throw fail(5, tr("expected a JSON object of field → [ERP value, CRM value]"))
                }
                for (field, pair) in object {
                    guard mapping.fields.contains(where: { $0.erpField == field }) else {
                        throw fail(5, tr("the {0} mapping has no ERP field \"{1}\"", mapping.name, field))
                    }
                    snapshot[field] = SnapshotValue(erp: pair[0], crm: pair[1])
                }
            }
            let erpKey = "\(mapping.name)/\(values[1].lowercased())", crmKey = "\(mapping.name)/\(values[2].lowercased())"
            if let first = erpSeen[erpKey] { throw fail(1, tr("the ERP record is already coupled on line {0}", first)) }
            if let first = crmSeen[crmKey] { throw fail(2, tr("the CRM record is already coupled on line {0}", first)) }
            erpSeen[erpKey] = row.line
            crmSeen[crmKey] = row.line
            result.append(Coupling(mapping: mapping.name, erpID: RecordID(values[1]), crmID: RecordID(values[2]),
                                   erpModifiedAtLastSync: try stamp(3), crmModifiedAtLastSync: try stamp(4),
                                   snapshot: snapshot))
        }
        return result
    }
}

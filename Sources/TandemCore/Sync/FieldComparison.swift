/// One mapped field of a coupled pair, compared three ways: ERP value, CRM value, last-synced snapshot.
public struct FieldComparison: Sendable {
    public let mapping: FieldMapping
    public let kind: FieldKind
    public let erpValue: String
    public let crmValue: String
    /// What the ERP sends the CRM for this field (constant or translated lookup); nil: untranslatable.
    public let erpAsCRM: String?
    /// What the CRM sends the ERP for this field; nil: untranslatable.
    public let crmAsERP: String?
    /// Whether each side changed this field since the last sync that carried it.
    public private(set) var erpChanged: Bool
    public private(set) var crmChanged: Bool
    public let snapshot: SnapshotValue?
    /// The destination of a pass toward that side never holds a blank (`FieldDefinition.neverBlank`).
    public let erpNeverBlank: Bool
    public let crmNeverBlank: Bool

    /// The value the pass in `direction` writes, nil when it cannot be translated.
    public func outgoing(_ direction: SyncDirection) -> String? { direction == .toCRM ? erpAsCRM : crmAsERP }

    /// The destination's current value for a pass in `direction`.
    public func current(_ direction: SyncDirection) -> String { direction == .toCRM ? crmValue : erpValue }

    /// Whether a pass in `direction` would write this field. A blank is never written over a field
    /// its system never leaves blank (an account's owner): there it is no value, not a change.
    public func differs(_ direction: SyncDirection) -> Bool {
        guard let value = outgoing(direction) else { return false }
        if direction == .toCRM ? crmNeverBlank : erpNeverBlank, FieldValue.normalizedText(value).isEmpty { return false }
        return !FieldValue.same(value, current(direction), kind: kind)
    }

    /// Whether the field changed on `side`.
    public func changed(on side: Side) -> Bool { side == .erp ? erpChanged : crmChanged }

    /// The two sides disagree now: judged the way a send to the CRM would, or the way a send to the
    /// ERP would where nothing goes to the CRM (an untranslatable value, or a blank the CRM keeps).
    public var sidesDiffer: Bool {
        let sendsNothing = erpAsCRM.map { crmNeverBlank && FieldValue.normalizedText($0).isEmpty } ?? true
        return differs(.toCRM) || (sendsNothing && mapping.direction.allows(.fromCRM) && differs(.fromCRM))
    }

    /// A true conflict: a field that travels both ways changed on both sides to different values.
    public var isConflict: Bool { mapping.direction == .bidirectional && erpChanged && crmChanged && sidesDiffer }

    public var conflict: FieldConflict {
        FieldConflict(erpField: mapping.erpField, crmField: mapping.crmField, erpValue: erpValue,
                      crmValue: crmValue, lastSyncedValue: snapshot?.erp)
    }

    /// Compares every enabled field of a coupled pair.
    public static func compare(_ mapped: MappedFields, erp: Record, crm: Record, coupling: Coupling,
                               translator: LookupTranslator) -> [FieldComparison] {
        let erpRecordChanged = coupling.recordChanged(on: .erp, modifiedAt: erp.modifiedAt)
        let crmRecordChanged = coupling.recordChanged(on: .crm, modifiedAt: crm.modifiedAt)
        return mapped.fields.indices.map { index in
            let field = mapped.fields[index], kind = mapped.kinds[index]
            let erpValue = erp[field.erpField], crmValue = crm[field.crmField]
            let erpAsCRM: String?, crmAsERP: String?
            if let lookup = field.lookupMapping {
                erpAsCRM = translator.translate(erpValue, lookup: lookup, from: .erp)
                crmAsERP = translator.translate(crmValue, lookup: lookup, from: .crm)
            } else {
                erpAsCRM = field.constant ?? field.value(erpValue, from: .erp)
                crmAsERP = field.constant ?? field.value(crmValue, from: .crm)
            }
            let snapshot = coupling.snapshot[field.erpField]
            let erpNeverBlank = mapped.erpNeverBlank[index], crmNeverBlank = mapped.crmNeverBlank[index]
            // A blank in the snapshot of a field its system never leaves blank was never the field's
            // value (a create that left the owner to the service): what is there now is no edit.
            func changed(_ now: String, from then: String, neverBlank: Bool) -> Bool {
                !FieldValue.same(now, then, kind: kind) && !(neverBlank && FieldValue.normalizedText(then).isEmpty)
            }
            var compared = FieldComparison(
                mapping: field, kind: kind, erpValue: erpValue, crmValue: crmValue, erpAsCRM: erpAsCRM, crmAsERP: crmAsERP,
                erpChanged: snapshot.map { changed(erpValue, from: $0.erp, neverBlank: erpNeverBlank) } ?? erpRecordChanged,
                crmChanged: snapshot.map { changed(crmValue, from: $0.crm, neverBlank: crmNeverBlank) } ?? crmRecordChanged,
                snapshot: snapshot, erpNeverBlank: erpNeverBlank, crmNeverBlank: crmNeverBlank)
            // A field the snapshot does not know (never synchronized, or mapped since the last sync)
            // changed with its record only where the two sides disagree: agreeing values are no edit.
            if snapshot == nil && !compared.sidesDiffer {
                compared.erpChanged = false
                compared.crmChanged = false
            }
            return compared
        }
    }
}

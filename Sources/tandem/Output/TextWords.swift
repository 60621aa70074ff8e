import Foundation
import TandemCore

/// Values the command line's text output shows people, in the reader's language: times (English keeps
/// the UTC ISO 8601 it always printed; Spanish writes 25/11/2026 14:03 in the local time zone) and job
/// types. JSON never goes through here.
enum TextWords {
    static func time(_ stamp: Timestamp) -> String {
        Language.current == .english ? stamp.iso8601 : Format.dateTime(stamp, in: .current)
    }

    static func jobType(_ type: JobType) -> String {
        switch type {
        case .synchronization: tr("synchronization")
        case .coupling: tr("coupling")
        case .uncoupling: tr("uncoupling")
        case .matchCoupling: tr("match-coupling")
        case .undo: tr("undo")
        }
    }
}

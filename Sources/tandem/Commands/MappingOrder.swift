import ArgumentParser
import TandemCore
import TandemSQLite

/// Mappings in the order their dependencies require (CUSTOMER before CONTACT).
enum MappingOrder {
    static func dependenciesFirst(_ mappings: [TableMapping]) -> [TableMapping] {
        var ordered: [TableMapping] = []
        var remaining = mappings
        while !remaining.isEmpty {
            let ready = remaining.filter { mapping in
                mapping.dependsOn.allSatisfy { dependency in
                    ordered.contains { $0.name == dependency } || !remaining.contains { $0.name == dependency }
                }
            }
            let next = ready.isEmpty ? remaining : ready
            ordered += next
            remaining.removeAll { candidate in next.contains { $0.name == candidate.name } }
        }
        return ordered
    }
}

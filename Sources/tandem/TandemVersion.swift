/// The version `tandem --version` prints; raised with each release.
enum TandemVersion {
    static let current = "0.3.0"
}

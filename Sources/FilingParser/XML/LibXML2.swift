import CLibXML2

/// Process-wide libxml2 set-up.
enum LibXML2 {
    /// libxml2 must initialise its global tables once before threads use it concurrently
    /// (`xmlInitParser`); a Swift `static let` runs its initialiser exactly once, thread-safely.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func initializeOnce() { _ = initialized }
}

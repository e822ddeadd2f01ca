/// Passages that a filing must contain but that rarely answer a question: ranked down unless the
/// question asks for them (`BoilerplateClassifier`).
public enum BoilerplateKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The cover page: check boxes, registrant facts, securities registered.
    case cover
    /// A table of contents, or a cross-reference index of items and pages.
    case tableOfContents
    /// An exhibit index.
    case exhibitIndex
    /// The signature block.
    case signatures
    /// A forward-looking-statements legend.
    case forwardLooking
    /// A passage of a few words without a number: a heading alone, "[Reserved]", "None.",
    /// "Not applicable." (its embedding is mostly the chunk's context line).
    case stub
}

import Foundation

/// Placeholder while the launcher is written.
public enum MotoServerPlaceholder {}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed); compares scalars, not
    /// grapheme clusters, which is what markup escaping needs and much cheaper.
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + replacement.utf8.count)
        for scalar in unicodeScalars {
            if scalar == target { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}

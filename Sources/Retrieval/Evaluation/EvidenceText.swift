/// The normalisation evidence is compared under (`eval/README.md`, `scripts/check-questions.py`):
/// every run of Unicode `White_Space` becomes one space, then the text is case-folded (lowercased).
public enum EvidenceText {
    public static func normalise(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
        }
        return result.lowercased()
    }
}

/// The exhibit type a document's conventional file name implies — a fallback for filing folders
/// without a document-type source (EDGAR's `-index-headers.html` / `-index.htm` pages or the full
/// submission `.txt` state each document's type; `index.json` does not).
///
/// Filer agents name exhibits `ex99.htm`, `ex99-1.htm`, `hrsc-ex31_1.htm` (after `-` or `_`),
/// `d828233dex991.htm` (Donnelley: `dex`), `hrsc-20250424xex99d1.htm` (Workiva: `xex`, `d` for the
/// dot), `crr-ex311_7.htm` (ActiveDisclosure: `_` then a sequence number). The heuristic finds `ex`
/// (or `exhibit`) at the start of the name or after a character that is not a letter, or after `d`
/// or `x`; then an optional `-`/`_`; then digits:
/// - one or two digits, then `d`, `.` or `-` and one or two more digits: number and sub-number
///   (`ex99d1`, `ex99-1`, `ex99.1` → EX-99.1; leading zeros dropped). After `_` the digits are a
///   sequence number and are ignored (`crr-ex21_12` → EX-21, `hrsc-ex31_1` → EX-31);
/// - one or two digits otherwise: the number (`ex99` → EX-99, `ex4` → EX-4);
/// - three or more digits: a two-digit number, then a sub-number of the next one or two digits
///   (`ex991` → EX-99.1, `ex1016` → EX-10.16; longer runs keep only the third digit).
///
/// It guesses: a name can mislead it (`dex41` is read as EX-41, never EX-4.1), which is why the type
/// sources come first. A glob such as `EX-99*` selects the exhibit either way.
public enum ExhibitFileName {
    /// The exhibit type `name` implies (`EX-99.1`), or `nil` when it does not look like an exhibit.
    public static func exhibitType(of name: String) -> String? {
        var bytes = Array(name.lowercased().utf8)
        if let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0 { bytes = Array(bytes[..<dot]) }
        for index in bytes.indices where isExhibitMarker(bytes, at: index) {
            if let type = exhibitType(bytes, afterMarkerAt: index) { return type }
        }
        return nil
    }

    /// `ex` at `index`, at the start or after a non-letter, `d` or `x`.
    private static func isExhibitMarker(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "e"), bytes[index + 1] == UInt8(ascii: "x")
        else { return false }
        guard index > 0 else { return true }
        let previous = bytes[index - 1]
        return !isLetter(previous) || previous == UInt8(ascii: "d") || previous == UInt8(ascii: "x")
    }

    private static func exhibitType(_ bytes: [UInt8], afterMarkerAt marker: Int) -> String? {
        var position = marker + 2
        if bytes[position...].starts(with: "hibit".utf8) { position += 5 }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "_") {
            position += 1
        }
        let digits = run(of: isDigit, in: bytes, from: position)
        guard !digits.isEmpty else { return nil }
        position += digits.count
        let separators: [UInt8] = [UInt8(ascii: "d"), UInt8(ascii: "."), UInt8(ascii: "-")]
        if digits.count <= 2, position < bytes.count, separators.contains(bytes[position]) {
            let minor = run(of: isDigit, in: bytes, from: position + 1)
            if (1...2).contains(minor.count) { return type(number: digits, subNumber: minor) }
        }
        if digits.count <= 2 { return type(number: digits, subNumber: nil) }
        return type(
            number: Array(digits.prefix(2)),
            subNumber: Array(digits.dropFirst(2).prefix(digits.count == 4 ? 2 : 1))
        )
    }

    private static func type(number: [UInt8], subNumber: [UInt8]?) -> String? {
        guard let major = Int(String(decoding: number, as: UTF8.self)), major > 0 else { return nil }
        guard let subNumber, let minor = Int(String(decoding: subNumber, as: UTF8.self)) else { return "EX-\(major)" }
        return "EX-\(major).\(minor)"
    }

    private static func run(of predicate: (UInt8) -> Bool, in bytes: [UInt8], from start: Int) -> [UInt8] {
        guard start < bytes.count else { return [] }
        return Array(bytes[start...].prefix(while: predicate))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
}

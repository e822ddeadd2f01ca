/// The steps of Porter2, in the specification's order. Each step finds the longest of its
/// suffixes the word ends with and then applies that suffix's rule or nothing (a shorter suffix is
/// never tried when the longest one's condition fails).
extension EnglishStemmer.Word {
    /// The longest of `suffixes` that the word ends with.
    func longest(_ suffixes: SuffixSet) -> [UInt8]? {
        guard let last = bytes.last else { return nil }
        for suffix in suffixes.group(last) where ends(suffix) { return suffix }
        return nil
    }

    mutating func step1a() {
        guard let suffix = longest(Steps.step1a) else { return }
        switch suffix {
        case Steps.sses: replace(4, with: Steps.ss)
        case Steps.ied, Steps.ies: replace(3, with: bytes.count > 4 ? Steps.i : Steps.ie)
        case Steps.us, Steps.ss: return
        default:
            // "s": deleted when a vowel comes before the letter preceding it.
            if bytes.count >= 3, hasVowel(before: bytes.count - 2) { bytes.removeLast() }
        }
    }

    /// "eed(ly)" → "ee" in R1 (not after exactly "succ", "proc", "exc"); "ing" after one
    /// consonant and "y" → "ie" ("dying"), kept after exactly "even", "cann", "inn", "earr",
    /// "herr", "out"; "ed(ly)", "ing(ly)" deleted after a vowel, then "e" added after "at", "bl",
    /// "iz" or a short word, and a double letter undoubled unless it follows exactly "a", "e", "o".
    mutating func step1b() {
        guard let suffix = longest(Steps.step1b) else { return }
        let stemEnd = bytes.count - suffix.count
        if suffix == Steps.eed || suffix == Steps.eedly {
            if inR1(suffix.count), stemEnd > 4 || !Steps.eedKeepers.contains(Array(bytes[..<stemEnd])) {
                replace(suffix.count, with: Steps.ee)
            }
            return
        }
        if suffix == Steps.ing, stemEnd <= 4 {
            if stemEnd == 2, bytes[1] == UInt8(ascii: "y"), !Self.isVowel(bytes[0]) {
                bytes = [bytes[0]] + Steps.ie
                return
            }
            if Steps.ingKeepers.contains(Array(bytes[..<stemEnd])) { return }
        }
        guard hasVowel(before: stemEnd) else { return }
        bytes.removeLast(suffix.count)
        if ends(Steps.at) || ends(Steps.bl) || ends(Steps.iz) {
            bytes.append(UInt8(ascii: "e"))
        } else if let last = bytes.last, bytes.count >= 2, bytes[bytes.count - 2] == last,
            Steps.doubles.contains(last)
        {
            if !(bytes.count == 3 && Steps.aeo.contains(bytes[0])) { bytes.removeLast() }
        } else if isShort {
            bytes.append(UInt8(ascii: "e"))
        }
    }

    mutating func step1c() {
        guard bytes.count > 2, let last = bytes.last, last == UInt8(ascii: "y") || last == Self.upperY,
            !Self.isVowel(bytes[bytes.count - 2])
        else { return }
        bytes[bytes.count - 1] = UInt8(ascii: "i")
    }

    mutating func step2() {
        guard let suffix = longest(Steps.step2Keys), inR1(suffix.count) else { return }
        if suffix == Steps.ogi {
            if bytes.count >= 4, bytes[bytes.count - 4] == UInt8(ascii: "l") { replace(3, with: Steps.og) }
        } else if suffix == Steps.li {
            if bytes.count >= 3, Steps.liEndings.contains(bytes[bytes.count - 3]) { bytes.removeLast(2) }
        } else if let replacement = Steps.step2[suffix] {
            replace(suffix.count, with: replacement)
        }
    }

    mutating func step3() {
        guard let suffix = longest(Steps.step3Keys), inR1(suffix.count) else { return }
        if suffix == Steps.ative {
            if inR2(suffix.count) { bytes.removeLast(suffix.count) }
        } else if let replacement = Steps.step3[suffix] {
            replace(suffix.count, with: replacement)
        }
    }

    mutating func step4() {
        guard let suffix = longest(Steps.step4), inR2(suffix.count) else { return }
        if suffix == Steps.ion {
            guard bytes.count >= 4,
                bytes[bytes.count - 4] == UInt8(ascii: "s") || bytes[bytes.count - 4] == UInt8(ascii: "t")
            else { return }
        }
        bytes.removeLast(suffix.count)
    }

    mutating func step5() {
        guard let last = bytes.last else { return }
        if last == UInt8(ascii: "e") {
            if inR2(1) {
                bytes.removeLast()
            } else if inR1(1) {
                var stem = self
                stem.bytes.removeLast()
                if !stem.endsInShortSyllable { bytes.removeLast() }
            }
        } else if last == UInt8(ascii: "l"), inR2(1), bytes.count >= 2, bytes[bytes.count - 2] == UInt8(ascii: "l") {
            bytes.removeLast()
        }
    }
}

/// The suffix tables of `EnglishStemmer`'s steps.
enum Steps {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static let (sses, ss, ied, ies, i, ie, us) = (
        bytes("sses"), bytes("ss"), bytes("ied"), bytes("ies"), bytes("i"), bytes("ie"), bytes("us")
    )
    static let step1a = SuffixSet([sses, ied, ies, us, ss, bytes("s")])

    static let (eed, eedly, ee, at, bl, iz, ing) = (
        bytes("eed"), bytes("eedly"), bytes("ee"), bytes("at"), bytes("bl"), bytes("iz"), bytes("ing")
    )
    static let step1b = SuffixSet([eed, eedly, bytes("ed"), bytes("edly"), ing, bytes("ingly")])
    static let eedKeepers: Set<[UInt8]> = Set(["succ", "proc", "exc"].map(bytes))
    static let ingKeepers: Set<[UInt8]> = Set(["even", "cann", "inn", "earr", "herr", "out"].map(bytes))
    static let doubles = Set("bdfgmnprt".utf8)
    static let aeo = Set("aeo".utf8)

    static let (ogi, og, li) = (bytes("ogi"), bytes("og"), bytes("li"))
    static let liEndings = Set("cdeghkmnrt".utf8)
    static let step2: [[UInt8]: [UInt8]] = table([
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("fulli", "ful"), ("lessli", "less"), ("ogist", "og"),
    ])
    static let step2Keys = SuffixSet(Array(step2.keys) + [ogi, li])

    static let ative = bytes("ative")
    static let step3: [[UInt8]: [UInt8]] = table([
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""),
    ])
    static let step3Keys = SuffixSet(Array(step3.keys) + [ative])

    static let ion = bytes("ion")
    static let step4 = SuffixSet(
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
            "ive", "ize", "ion",
        ].map(bytes)
    )

    static func table(_ pairs: [(String, String)]) -> [[UInt8]: [UInt8]] {
        var table: [[UInt8]: [UInt8]] = [:]
        for (suffix, replacement) in pairs { table[bytes(suffix)] = bytes(replacement) }
        return table
    }
}

/// A step's suffixes grouped by their last byte, longest first: the longest one a word ends with
/// is the first of its last byte's group that matches.
struct SuffixSet {
    /// Group `b - 0x61` holds the suffixes ending in byte `b` ("a"..."z").
    let groups: [[[UInt8]]]

    init(_ suffixes: [[UInt8]]) {
        var groups = [[[UInt8]]](repeating: [], count: 26)
        for suffix in suffixes {
            guard let last = suffix.last, (0x61...0x7A).contains(last) else { continue }
            groups[Int(last - 0x61)].append(suffix)
        }
        self.groups = groups.map { $0.sorted { $0.count > $1.count } }
    }

    /// The suffixes ending in `last`, longest first (none for a byte outside "a"..."z", "Y" included).
    func group(_ last: UInt8) -> [[UInt8]] { (0x61...0x7A).contains(last) ? groups[Int(last - 0x61)] : [] }
}

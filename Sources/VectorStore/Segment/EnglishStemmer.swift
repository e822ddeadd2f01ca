/// The Snowball English ("Porter2") stemmer of lower-case ASCII words, as specified at
/// snowballstem.org/algorithms/english/stemmer.html: "employed", "employment" and "employs" give
/// "employ", "operating" and "operations" give "oper". Checked word by word against the reference
/// implementation (`Tests/VectorStoreTests/Resources/porter2-vocabulary.txt`).
///
/// Works on bytes: `LexicalAnalyzer` stems every word of every ingested text.
enum EnglishStemmer {
    /// The stem of `word`, a run of lower-case ASCII letters; words of two letters or fewer and
    /// the algorithm's invariant words are returned unchanged.
    static func stem(_ word: [UInt8]) -> [UInt8] {
        guard word.count > 2 else { return word }
        if word.count <= exceptionLengthMax, let special = exceptions[word] { return special }
        var state = Word(word)
        state.step1a()
        state.step1b()
        state.step1c()
        state.step2()
        state.step3()
        state.step4()
        state.step5()
        return state.finished()
    }

    /// The longest word of `exceptions`.
    static let exceptionLengthMax = 6

    static let exceptions: [[UInt8]: [UInt8]] = {
        let pairs: [(String, String)] = [
            ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"),
            ("early", "earli"), ("only", "onli"),
            ("singly", "singl"), ("sky", "sky"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"),
            ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
        ]
        var table: [[UInt8]: [UInt8]] = [:]
        for (word, stem) in pairs { table[Array(word.utf8)] = Array(stem.utf8) }
        return table
    }()
}

extension EnglishStemmer {
    /// A word being stemmed: its bytes (`Y` marks a consonant y) and its regions R1 and R2 (start
    /// offsets; `count` when empty).
    struct Word {
        var bytes: [UInt8]
        var r1: Int
        var r2: Int

        static let upperY = UInt8(ascii: "Y")

        init(_ word: [UInt8]) {
            bytes = word
            for index in bytes.indices where bytes[index] == UInt8(ascii: "y") {
                if index == 0 || Self.isVowel(bytes[index - 1]) { bytes[index] = Self.upperY }
            }
            r1 = Self.regionStart(bytes, from: 0, prefixes: true)
            r2 = Self.regionStart(bytes, from: r1, prefixes: false)
        }

        func finished() -> [UInt8] { bytes.map { $0 == Self.upperY ? UInt8(ascii: "y") : $0 } }

        static func isVowel(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
                UInt8(ascii: "y"):
                return true
            default: return false
            }
        }

        /// The offset after the first non-vowel that follows a vowel, at or after `from`; with
        /// `prefixes`, after one of `regionPrefixes` when the word starts with it ("gener", "inter").
        static func regionStart(_ bytes: [UInt8], from: Int, prefixes: Bool) -> Int {
            if prefixes {
                for prefix in regionPrefixes where bytes.starts(with: prefix) { return prefix.count }
            }
            var index = from
            while index < bytes.count, !isVowel(bytes[index]) { index += 1 }
            while index < bytes.count, isVowel(bytes[index]) { index += 1 }
            return min(index + 1, bytes.count)
        }

        static let regionPrefixes: [[UInt8]] = [
            "arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers",
        ].map { Array($0.utf8) }

        func ends(_ suffix: [UInt8]) -> Bool {
            let offset = bytes.count - suffix.count
            guard offset >= 0 else { return false }
            for index in suffix.indices where bytes[offset + index] != suffix[index] { return false }
            return true
        }

        /// Whether the suffix of `length` bytes starts in R1 (or R2).
        func inR1(_ length: Int) -> Bool { bytes.count - length >= r1 }
        func inR2(_ length: Int) -> Bool { bytes.count - length >= r2 }

        mutating func replace(_ length: Int, with replacement: [UInt8]) {
            bytes.removeLast(length)
            bytes.append(contentsOf: replacement)
        }

        /// Whether bytes `0..<end` hold a vowel.
        func hasVowel(before end: Int) -> Bool { bytes[..<end].contains(where: Self.isVowel) }

        /// Whether the word ends in a short syllable: a vowel followed by a non-vowel other than
        /// w, x or Y and preceded by a non-vowel, a vowel then a non-vowel at the word's start, or
        /// "past".
        var endsInShortSyllable: Bool {
            let count = bytes.count
            if ends(Self.past) { return true }
            if count == 2 { return Self.isVowel(bytes[0]) && !Self.isVowel(bytes[1]) }
            guard count >= 3 else { return false }
            let (first, vowel, last) = (bytes[count - 3], bytes[count - 2], bytes[count - 1])
            return !Self.isVowel(first) && Self.isVowel(vowel) && !Self.isVowel(last)
                && last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != Self.upperY
        }

        static let past = Array("past".utf8)

        /// Whether R1 starts exactly at the word's end and the word ends in a short syllable.
        var isShort: Bool { r1 == bytes.count && endsInShortSyllable }
    }
}

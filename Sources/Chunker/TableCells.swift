/// What the chunker reads from one table row's cells (the parser joins cells with ` | `): whether the
/// row holds an amount, which tells a table's body from its header rows.
///
/// An amount is a cell made of digits and the punctuation of numbers (`$1,234`, `(45)`, `7%`,
/// `US$43,700`, `$(11)`), or a dash standing for nil (`—`, `$-`); a bare year (`2024`) is not one, so
/// `2024 | Change | 2023` is a header row and `Americas | $167,045 | 3% | …` a body row.
struct TableCells {
    /// The row has two or more cells and one after the first is an amount.
    private(set) var holdsAmount = false
    /// The row is a single cell ending with a colon (`Revenues:`, `Cash flows from operating activities:`).
    private(set) var isGroupLabel = false

    init(scalars: [Unicode.Scalar], atoms: ArraySlice<Atom>) {
        var cell = CellScan()
        var cells = 0
        for atom in atoms {
            let run = scalars[atom.start..<atom.end]
            if run.count == 1, run.first == "|" {
                if cells > 0, cell.isAmount { holdsAmount = true }
                cells += 1
                cell = CellScan()
                continue
            }
            for scalar in run { cell.add(scalar) }
        }
        if cells > 0, cell.isAmount { holdsAmount = true }
        isGroupLabel = cells == 0 && atoms.last.map { scalars[$0.end - 1] == ":" } == true
    }

    /// One cell's scalars, summarised as they are read.
    private struct CellScan {
        var digits = 0
        var dashes = 0
        var others = 0
        var letters = 0
        var lettersBeforeDollar = 0
        var year = 0

        mutating func add(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "0"..."9":
                digits += 1
                if digits <= 4 { year = year * 10 + Int(scalar.value - 0x30) }
            case "\u{2014}", "\u{2013}", "-":
                dashes += 1
            case "$", "\u{20AC}", "\u{00A3}", "\u{00A5}":
                if letters > 0, others == 0, digits == 0 { lettersBeforeDollar = letters }
                others += 1
            case ",", ".", "%", "(", ")", "+", "*":
                others += 1
            default:
                if scalar.properties.isUppercase { letters += 1 } else { letters += 100 }
            }
        }

        /// Digits and number punctuation only (a currency code like `US` before `$` allowed), or
        /// dashes alone; not a bare four-digit year from 1900 to 2099.
        var isAmount: Bool {
            guard letters == lettersBeforeDollar, letters <= 3 else { return false }
            if digits == 0 { return dashes > 0 }
            let bareYear = digits == 4 && dashes == 0 && others == 0 && letters == 0 && (1900...2099).contains(year)
            return !bareYear
        }
    }
}

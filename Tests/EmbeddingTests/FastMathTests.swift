import Foundation
import Testing

@testable import Embedding

/// The vectorizable `exp` and `erf` against the C library, on dense grids over the encoder's ranges.
@Suite struct FastMathTests {
    @Test func expMatchesTheCLibrary() {
        var worst: Float = 0
        for step in 0...200_000 {
            let x = -87 + Float(step) * 0.000_87
            let expected = expf(x)
            worst = max(worst, abs(FastMath.exp(x) - expected) / expected)
        }
        #expect(worst < 5e-7, "relative error \(worst)")
        #expect(FastMath.exp(-200) < 1e-37)
    }

    @Test func erfMatchesTheCLibrary() {
        var worst: Float = 0
        for step in 0...200_000 {
            let x = -6 + Float(step) * 0.000_06
            worst = max(worst, abs(FastMath.erf(x) - erff(x)))
        }
        #expect(worst < 1e-6, "absolute error \(worst)")
    }
}

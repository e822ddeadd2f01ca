import CBLAS
import Dispatch
import Foundation

/// Splits row-wise element work (softmax, LayerNorm, GELU, residual adds) over as many threads as
/// OpenBLAS uses for the matrix products, so `OPENBLAS_NUM_THREADS` sets the parallelism of the
/// whole forward pass.
enum ParallelRows {
    /// Fewest rows worth handing to another thread.
    static let rowsPerWorkerMin = 16

    /// Threads OpenBLAS was configured with (at least 1).
    static var workerCount: Int {
        if let text = getenv("VECTORDB_EMBED_WORKERS"), let value = Int(String(cString: text)) { return max(1, value) }
        return max(1, Int(openblas_get_num_threads()))
    }

    /// Calls `body` on disjoint, contiguous ranges covering `0..<rows`, concurrently when there are
    /// enough rows and more than one worker. `body` must only touch its own rows.
    static func forEach(rows: Int, workers: Int = workerCount, _ body: (Range<Int>) -> Void) {
        let chunks = min(workers, max(1, rows / rowsPerWorkerMin))
        guard chunks > 1 else {
            body(0..<rows)
            return
        }
        withoutActuallyEscaping(body) { body in
            // Safe to share: the callers' closures only read shared weights and write disjoint rows,
            // and concurrentPerform returns only after every chunk has finished.
            let shared = UncheckedSendable(value: body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                shared.value((rows * chunk / chunks)..<(rows * (chunk + 1) / chunks))
            }
        }
    }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}

/// Runs `body` on every element with at most `concurrencyMax` calls in flight, returning the results
/// in the elements' order. The first failure cancels the calls still running and is thrown.
func concurrentMap<Element: Sendable, Result: Sendable>(
    _ elements: [Element],
    concurrencyMax: Int,
    _ body: @escaping @Sendable (Element) async throws(ObjectStoreError) -> Result
) async throws(ObjectStoreError) -> [Result] {
    precondition(concurrencyMax >= 1, "concurrencyMax must be at least 1")
    typealias Outcome = (index: Int, result: Swift.Result<Result, ObjectStoreError>)
    let outcomes: [Outcome] = await withTaskGroup(of: Outcome.self) { group in
        var next = 0
        func addNext() {
            let index = next
            let element = elements[index]
            group.addTask {
                do throws(ObjectStoreError) {
                    return (index, .success(try await body(element)))
                } catch {
                    return (index, .failure(error))
                }
            }
            next += 1
        }
        while next < min(concurrencyMax, elements.count) { addNext() }
        var collected: [Outcome] = []
        collected.reserveCapacity(elements.count)
        while let outcome = await group.next() {
            collected.append(outcome)
            if case .failure = outcome.result {
                group.cancelAll()
                break
            }
            if next < elements.count { addNext() }
        }
        return collected
    }
    var results = [Result?](repeating: nil, count: elements.count)
    for outcome in outcomes {
        switch outcome.result {
        case .success(let value): results[outcome.index] = value
        case .failure(let error): throw error
        }
    }
    return results.map { value in
        guard let value else { preconditionFailure("a task of concurrentMap produced no result") }
        return value
    }
}

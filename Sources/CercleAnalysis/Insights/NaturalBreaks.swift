/// Jenks natural breaks: the split of sorted values into classes that minimises the sum
/// of squared deviations from the class means.
///
/// Definition: for values `x₁ ≤ … ≤ xₙ` and `k` classes, choose `k − 1` cut points so that
/// `Σ_classes Σ_{x ∈ class} (x − mean(class))²` is least. Solved exactly by dynamic
/// programming over prefix sums (Fisher 1958; Jenks 1977), the same optimum as the
/// `jenkspy` package and R's `classInt::classIntervals(style = "fisher")`.
///
/// **Conventions**: the input need not be sorted; `classes` is clamped to the number of
/// distinct values (equal values never straddle a break); the result lists each class's
/// lower and upper value, ascending. Among equally good splits the one with the earliest
/// cuts is kept, so results are deterministic.
///
/// - Parameters:
///   - values: the values to classify (NaN values are ignored).
///   - classes: the number of classes wanted, at least 1.
/// - Returns: the upper bound of every class but the last, ascending: value `x` falls in
///   class `i` when `i` bounds are smaller than `x`. Empty when there is one class.
/// - Complexity: O(*k* *n*²) time and O(*k* *n*) memory for *n* values and *k* classes.
///
/// Example: `NaturalBreaks.breaks([1, 2, 3, 10, 11, 12, 30], classes: 3)` is `[3, 12]`.
///
/// [Fisher 1958] W. D. Fisher, "On grouping for maximum homogeneity", *JASA* 53(284):789–798,
/// doi:10.1080/01621459.1958.10501479. [Jenks 1977] G. F. Jenks, *Optimal data
/// classification for choropleth maps*, University of Kansas, Occasional paper 2.
public enum NaturalBreaks {
    public static func breaks(_ values: [Double], classes: Int) -> [Double] {
        precondition(classes >= 1, "natural breaks need at least one class")
        let sorted = values.filter { !$0.isNaN }.sorted()
        // Work on distinct values with multiplicities so that ties never split.
        var distinct: [Double] = []
        var counts: [Double] = []
        for value in sorted {
            if distinct.last == value { counts[counts.count - 1] += 1 } else {
                distinct.append(value)
                counts.append(1)
            }
        }
        let n = distinct.count
        let k = min(classes, n)
        guard k > 1 else { return [] }
        var weight = [Double](repeating: 0, count: n + 1)
        var sum = [Double](repeating: 0, count: n + 1)
        var squares = [Double](repeating: 0, count: n + 1)
        for i in 0..<n {
            weight[i + 1] = weight[i] + counts[i]
            sum[i + 1] = sum[i] + counts[i] * distinct[i]
            squares[i + 1] = squares[i] + counts[i] * distinct[i] * distinct[i]
        }
        /// Squared deviations of distinct values `a..<b` from their mean.
        func cost(_ a: Int, _ b: Int) -> Double {
            let w = weight[b] - weight[a]
            let s = sum[b] - sum[a]
            return max(0, squares[b] - squares[a] - s * s / w)
        }
        // best[c][j]: least cost of the first j distinct values in c + 1 classes.
        var best = [[Double]](repeating: [Double](repeating: .infinity, count: n + 1), count: k)
        var cut = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: k)
        for j in 1...n { best[0][j] = cost(0, j) }
        for c in 1..<k {
            for j in (c + 1)...n {
                for i in c..<j {
                    let candidate = best[c - 1][i] + cost(i, j)
                    if candidate < best[c][j] - 1e-12 * max(1, abs(candidate)) {
                        best[c][j] = candidate
                        cut[c][j] = i
                    }
                }
            }
        }
        var bounds: [Double] = []
        var end = n
        for c in stride(from: k - 1, to: 0, by: -1) {
            let start = cut[c][end]
            bounds.append(distinct[start - 1])
            end = start
        }
        return bounds.reversed()
    }
}

import Foundation

/// How alike two partitions of the same nodes are.
///
/// - **NMI**, normalised mutual information `2 I(X; Y) / (H(X) + H(Y))` (Danon et al.
///   2005; igraph's `compare_communities(method="nmi")`, scikit-learn's default
///   arithmetic normalisation): 1 for identical partitions, near 0 for independent ones;
///   1 when both put every node in one community.
/// - **ARI**, the adjusted Rand index (Hubert & Arabie 1985; igraph's
///   `method="adjusted_rand"`): 1 for identical partitions, 0 in expectation for random
///   ones, possibly negative.
///
/// - Complexity: O(*n*) with a hash map of the non-empty cells of the contingency table.
///
/// [Danon et al. 2005] doi:10.1088/1742-5468/2005/09/P09008; [Hubert & Arabie 1985]
/// doi:10.1007/BF01908075.
public enum PartitionComparison {
    public static func normalizedMutualInformation(_ a: Partition, _ b: Partition) -> Double {
        precondition(a.membership.count == b.membership.count, "partitions of different node sets")
        let n = Double(a.membership.count)
        guard n > 0 else { return 1 }
        let (cells, rows, columns) = contingency(a, b)
        func entropy(_ counts: [Int]) -> Double {
            counts.reduce(0) { total, count in
                guard count > 0 else { return total }
                let p = Double(count) / n
                return total - p * log(p)
            }
        }
        let hA = entropy(rows), hB = entropy(columns)
        if hA == 0, hB == 0 { return 1 }
        var information = 0.0
        for (key, count) in cells {
            let p = Double(count) / n
            information += p * log(Double(count) * n / (Double(rows[Int(key.a)]) * Double(columns[Int(key.b)])))
        }
        return max(0, min(1, 2 * information / (hA + hB)))
    }

    public static func adjustedRandIndex(_ a: Partition, _ b: Partition) -> Double {
        precondition(a.membership.count == b.membership.count, "partitions of different node sets")
        let n = a.membership.count
        guard n > 1 else { return 1 }
        let (cells, rows, columns) = contingency(a, b)
        func pairs(_ count: Int) -> Double { Double(count) * Double(count - 1) / 2 }
        let index = cells.values.reduce(0.0) { $0 + pairs($1) }
        let rowPairs = rows.reduce(0.0) { $0 + pairs($1) }
        let columnPairs = columns.reduce(0.0) { $0 + pairs($1) }
        let expected = rowPairs * columnPairs / pairs(n)
        let maximum = (rowPairs + columnPairs) / 2
        guard maximum != expected else { return 1 }
        return (index - expected) / (maximum - expected)
    }

    struct Pair: Hashable {
        let a: Int32, b: Int32
    }

    static func contingency(_ a: Partition, _ b: Partition) -> ([Pair: Int], [Int], [Int]) {
        var cells: [Pair: Int] = [:]
        var rows = [Int](repeating: 0, count: a.count)
        var columns = [Int](repeating: 0, count: b.count)
        for i in 0..<a.membership.count {
            cells[Pair(a: a.membership[i], b: b.membership[i]), default: 0] += 1
            rows[Int(a.membership[i])] += 1
            columns[Int(b.membership[i])] += 1
        }
        return (cells, rows, columns)
    }
}

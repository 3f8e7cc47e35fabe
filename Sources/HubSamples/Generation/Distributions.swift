import Foundation

/// The draws the generators make, written out here rather than taken from the standard library
/// so that a seed gives the same events whatever the Swift version.
extension SampleRandom {
    /// A uniform number in `0..<1`, from 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform whole number in `0..<bound`; 0 when `bound` is not positive.
    mutating func below(_ bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform whole number in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One of `items`, each as likely; `items` is one of the generators' fixed, non-empty lists.
    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[below(items.count)]
    }

    /// One of `choices`, each as likely as its weight says.
    mutating func weighted<Element>(_ choices: [(Element, Double)]) -> Element {
        let total = choices.reduce(0) { $0 + $1.1 }
        var target = unit() * total
        for (choice, weight) in choices {
            if target < weight { return choice }
            target -= weight
        }
        return choices[choices.count - 1].0
    }

    /// `count` different items of `items` in random order (fewer if there are not that many).
    mutating func sample<Element>(_ items: [Element], count: Int) -> [Element] {
        var pool = items
        var chosen: [Element] = []
        for _ in 0..<min(count, pool.count) {
            chosen.append(pool.remove(at: below(pool.count)))
        }
        return chosen
    }

    /// A standard normal number (mean 0, deviation 1), by the Box-Muller transform.
    mutating func normal() -> Double {
        let radius = (-2 * log(1 - unit())).squareRoot()
        return radius * cos(2 * Double.pi * unit())
    }

    /// A log-normal number: most near `median`, a long tail above it. Amounts look like this.
    mutating func logNormal(median: Double, spread: Double) -> Double {
        median * exp(spread * normal())
    }

    /// The time to the next of events that arrive independently at `1 / mean` per unit.
    mutating func exponential(mean: Double) -> Double {
        -mean * log(1 - unit())
    }

    /// An index in `0..<count` that favours the low ones: with `skew` 3 almost half of the
    /// draws land in the first tenth. A few hot products and frequent customers come from this.
    mutating func skewedIndex(below count: Int, skew: Double) -> Int {
        min(count - 1, Int(Double(count) * pow(unit(), skew)))
    }
}

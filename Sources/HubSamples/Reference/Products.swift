/// A kind of product the company sells, with what its products are called and cost.
struct ProductCategory: Sendable {
    /// The three letters in its SKUs.
    let code: String
    let name: String
    let nouns: [String]
    /// The median list price, in US dollars.
    let medianPrice: Double
    let sizes: [String]

    static let all: [ProductCategory] = [
        ProductCategory(
            code: "TEN", name: "tents", nouns: ["Tent", "Shelter", "Bivy"], medianPrice: 320,
            sizes: ["1P", "2P", "3P", "4P"]),
        ProductCategory(
            code: "SLP", name: "sleeping-bags", nouns: ["Sleeping Bag", "Quilt"], medianPrice: 180,
            sizes: ["Regular", "Long"]),
        ProductCategory(
            code: "PAK", name: "backpacks", nouns: ["Pack", "Daypack", "Rucksack"],
            medianPrice: 140, sizes: ["S/M", "M/L"]),
        ProductCategory(
            code: "JKT", name: "jackets", nouns: ["Shell Jacket", "Down Jacket", "Fleece"],
            medianPrice: 190, sizes: ["XS", "S", "M", "L", "XL", "XXL"]),
        ProductCategory(
            code: "BOT", name: "footwear", nouns: ["Hiking Boot", "Trail Runner", "Approach Shoe"],
            medianPrice: 150, sizes: ["EU 38", "EU 40", "EU 42", "EU 44", "EU 46"]),
        ProductCategory(
            code: "CLM", name: "climbing", nouns: ["Harness", "Rope", "Quickdraw Set"],
            medianPrice: 90, sizes: ["S", "M", "L"]),
        ProductCategory(
            code: "CKW", name: "camp-kitchen", nouns: ["Stove", "Cook Set", "Mug"],
            medianPrice: 45, sizes: ["one-size"]),
        ProductCategory(
            code: "LGT", name: "lighting", nouns: ["Headlamp", "Lantern"], medianPrice: 40,
            sizes: ["one-size"]),
        ProductCategory(
            code: "NAV", name: "navigation", nouns: ["GPS Watch", "Compass"], medianPrice: 160,
            sizes: ["one-size"]),
        ProductCategory(
            code: "HYD", name: "hydration", nouns: ["Water Filter", "Bottle", "Reservoir"],
            medianPrice: 30, sizes: ["0.5 L", "1 L", "2 L"]),
    ]
}

/// A product of the range. Everything about it follows from its number.
struct Product: Sendable {
    static let count = 600
    static let lines = [
        "Ridgeline", "Tarn", "Scree", "Cirrus", "Talus", "Larch", "Basalt", "Fjell", "Kestrel",
        "Switchback", "Cairn", "Moraine", "Alpenglow", "Col", "Bergschrund", "Saddle",
    ]
    static let brands: [(String, Double)] = [
        ("Kestrel Ridge", 0.6), ("Northfold", 0.15), ("Bramble & Pine", 0.15), ("Tallwater", 0.1),
    ]
    static let colors = ["Slate", "Moss", "Ember", "Glacier", "Sand", "Black", "Lichen", "Dusk"]

    let number: Int
    let category: ProductCategory
    let title: String
    let brand: String
    /// The list price in US dollars, ending in .95.
    let listPrice: Double
    let variantCount: Int

    /// `PRD-00042`.
    var id: String { "PRD-" + zeroPadded(number, width: 5) }
    var noun: String { category.nouns[number % category.nouns.count] }

    init(number: Int) {
        var traits = SampleRandom(seed: UInt64(number) &+ 0x9_0D0C_7000)
        self.number = number
        category = traits.pick(ProductCategory.all)
        brand = traits.weighted(Product.brands)
        let line = traits.pick(Product.lines)
        title = line + " " + category.nouns[number % category.nouns.count]
        let price = traits.logNormal(median: category.medianPrice, spread: 0.35)
        listPrice = max(4, price.rounded(.down)) + 0.95
        let combinations = category.sizes.count * Product.colors.count
        variantCount = min(combinations, category.sizes.count * traits.int(in: 1...3))
    }

    func variant(_ index: Int) -> ProductVariant {
        ProductVariant(product: self, index: index)
    }

    var variants: [ProductVariant] { (0..<variantCount).map(variant) }
}

/// One buyable version of a product, in a size and a colour, with its own SKU.
struct ProductVariant: Sendable {
    let product: Product
    let index: Int

    /// `KR-TEN-00042-03`.
    var sku: String {
        "KR-\(product.category.code)-" + zeroPadded(product.number, width: 5) + "-"
            + zeroPadded(index + 1, width: 2)
    }

    var size: String {
        let sizes = product.category.sizes
        return sizes[index % sizes.count]
    }

    var color: String {
        let colors = Product.colors
        return colors[(index / product.category.sizes.count + product.number) % colors.count]
    }
}

extension SampleContext {
    /// A product; a few best sellers come up far more often than the long tail.
    mutating func product() -> Product {
        Product(number: 1 + random.skewedIndex(below: Product.count, skew: 3))
    }

    /// A variant of a best-seller-weighted product.
    mutating func variant() -> ProductVariant {
        let product = product()
        return product.variant(random.below(product.variantCount))
    }
}

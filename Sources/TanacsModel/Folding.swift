import Foundation

extension String {
    /// Lowercased with accents removed, for sorting and accent-insensitive search: "Győr" → "gyor".
    public var folded: String {
        folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

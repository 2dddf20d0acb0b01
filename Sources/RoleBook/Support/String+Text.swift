extension String {
    /// Trims ASCII and ideographic spaces, tabs and newlines.
    var trimmingSpaces: String {
        // Usually there is nothing to trim: skip the copy.
        if let f = first, let l = last, !f.isWhitespace, !l.isWhitespace { return self }
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension Substring {
    var trimmingSpaces: String { String(self).trimmingSpaces }
}

/// The attributes of an `ix:nonFraction` or `ix:nonNumeric` the reader uses, read in one scan of the
/// start tag (a fact has a dozen; looking each up by name would scan them a dozen times).
struct IXFactAttributes {
    /// The index of `name`, a QName: resolved from its bytes, not read as a `String` here.
    var nameIndex: Int?
    var contextRef: String?
    var unitRef: String?
    var decimals: String?
    /// The index of `format`, a QName like `name`.
    var formatIndex: Int?
    var scale: String?
    var sign: String?
    var escape: String?
    var id: String?
    var continuedAt: String?
    var target: String?
    /// `xsi:nil`.
    var nilValue: String?

    init(_ attributes: SAXAttributes) {
        for index in 0..<attributes.count {
            guard let local = attributes.localName(at: index) else { continue }
            guard attributes.prefix(at: index) == nil else {
                if CString.equals(local, "nil"),
                    CString.equals(attributes.namespaceURI(at: index), XBRLNamespace.xsi.utf8), nilValue == nil
                {
                    nilValue = Self.value(attributes, index)
                }
                continue
            }
            // The first of a repeated name wins, as in libxml2's tree (a repeat is not well-formed).
            func keep(_ field: inout String?) { if field == nil { field = Self.value(attributes, index) } }
            func keepIndex(_ field: inout Int?) { if field == nil { field = index } }
            switch local.pointee {
            case UInt8(ascii: "n") where CString.equals(local, "name"): keepIndex(&nameIndex)
            case UInt8(ascii: "c") where CString.equals(local, "contextRef"): keep(&contextRef)
            case UInt8(ascii: "c") where CString.equals(local, "continuedAt"): keep(&continuedAt)
            case UInt8(ascii: "u") where CString.equals(local, "unitRef"): keep(&unitRef)
            case UInt8(ascii: "d") where CString.equals(local, "decimals"): keep(&decimals)
            case UInt8(ascii: "f") where CString.equals(local, "format"): keepIndex(&formatIndex)
            case UInt8(ascii: "s") where CString.equals(local, "scale"): keep(&scale)
            case UInt8(ascii: "s") where CString.equals(local, "sign"): keep(&sign)
            case UInt8(ascii: "e") where CString.equals(local, "escape"): keep(&escape)
            case UInt8(ascii: "i") where CString.equals(local, "id"): keep(&id)
            case UInt8(ascii: "t") where CString.equals(local, "target"): keep(&target)
            default: continue
            }
        }
    }

    private static func value(_ attributes: SAXAttributes, _ index: Int) -> String {
        attributes.stringValue(at: index)
    }
}

/// Namespace URIs of the XBRL specifications the readers understand.
enum XBRLNamespace {
    static let instance = "http://www.xbrl.org/2003/instance"
    static let dimensions = "http://xbrl.org/2006/xbrldi"
    static let link = "http://www.xbrl.org/2003/linkbase"
    static let xlink = "http://www.w3.org/1999/xlink"
    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    /// Inline XBRL 1.1.
    static let inline11 = "http://www.xbrl.org/2013/inlineXBRL"
    /// Inline XBRL 1.0.
    static let inline10 = "http://www.xbrl.org/2008/inlineXBRL"
}

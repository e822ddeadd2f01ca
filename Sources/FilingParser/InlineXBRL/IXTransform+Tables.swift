extension IXTransform {
    /// Exchange names (as filers write them on cover pages) → `dei:SecurityExchangeName` codes.
    static let exchangeCodes: [String: String] = [
        "new york stock exchange": "NYSE", "the new york stock exchange": "NYSE", "nyse": "NYSE",
        "new york stock exchange llc": "NYSE", "nyse american": "NYSEAMER", "nyse american llc": "NYSEAMER",
        "nyse arca": "NYSEArca", "nyse arca, inc.": "NYSEArca", "nyse chicago": "NYSECHX",
        "nyse national": "NYSENAT", "nasdaq": "NASDAQ", "the nasdaq stock market llc": "NASDAQ",
        "nasdaq stock market llc": "NASDAQ", "the nasdaq stock market": "NASDAQ", "nasdaq stock market": "NASDAQ",
        "the nasdaq global select market": "NASDAQ", "nasdaq global select market": "NASDAQ",
        "the nasdaq global market": "NASDAQ", "nasdaq global market": "NASDAQ",
        "the nasdaq capital market": "NASDAQ", "nasdaq capital market": "NASDAQ", "boston stock exchange": "BOX",
        "cboe bzx exchange, inc.": "CboeBZX", "cboe bzx": "CboeBZX", "cboe byx": "CboeBYX",
        "cboe edga": "CboeEDGA", "cboe edgx": "CboeEDGX", "chicago board options exchange": "CBOE",
        "investors exchange llc": "IEX", "iex": "IEX", "miami international securities exchange": "MIAX",
        "long-term stock exchange": "LTSE", "no trading symbol flag": "NONE", "none": "NONE",
    ]

    /// US state, territory and Canadian province names → two-letter codes.
    static let stateCodes: [String: String] = [
        "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
        "connecticut": "CT", "delaware": "DE", "district of columbia": "DC", "florida": "FL", "georgia": "GA",
        "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS",
        "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
        "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
        "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM",
        "new york": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
        "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
        "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
        "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY", "puerto rico": "PR", "guam": "GU",
        "american samoa": "AS", "virgin islands": "VI", "u.s. virgin islands": "VI",
        "northern mariana islands": "MP", "alberta": "A0", "british columbia": "A1", "manitoba": "A2",
        "new brunswick": "A3", "newfoundland": "A4", "nova scotia": "A5", "ontario": "A6",
        "prince edward island": "A7", "quebec": "A8", "saskatchewan": "A9", "yukon": "B0",
    ]

    /// A few country names → ISO 3166 codes (cover pages of foreign filers).
    static let countryCodes: [String: String] = [
        "united states": "US", "united states of america": "US", "canada": "CA", "united kingdom": "GB",
        "ireland": "IE", "netherlands": "NL", "the netherlands": "NL", "switzerland": "CH", "germany": "DE",
        "france": "FR", "israel": "IL", "bermuda": "BM", "cayman islands": "KY", "luxembourg": "LU",
        "japan": "JP", "china": "CN", "hong kong": "HK", "singapore": "SG", "australia": "AU", "india": "IN",
        "jersey": "JE", "marshall islands": "MH", "british virgin islands": "VG", "mexico": "MX", "brazil": "BR",
    ]
}

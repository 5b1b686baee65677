// The records a report shows, and numbers and dates written for people. Pure
// functions of their input, with no locale or time zone, so a report is the
// same bytes on every run.

/// One cell: text, or a number with the text the records wrote for it.
public enum ReportValue: Sendable, Equatable {
    case text(String)
    case number(Double, String)

    public var number: Double? {
        switch self {
        case .number(let d, _): return d
        case .text(let s): return Double(s.trimmingCharacters(in: " "))
        }
    }

    public var text: String {
        switch self {
        case .text(let s): return s
        case .number(_, let s): return s
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in c: Character) -> Substring {
        var s = Substring(self)
        while s.first == c { s = s.dropFirst() }
        while s.last == c { s = s.dropLast() }
        return s
    }
}

/// Everything a report holds.
public struct ReportInput: Sendable {
    public var title: String
    public var description: String?
    public var charts: [ChartSpec]
    public var columns: [String]
    /// One per record, aligned with `columns`; nil where a record lacks the field.
    public var rows: [[ReportValue?]]
    /// Table rows shown before "Show all" (all are in the file).
    public var shownRows: Int

    public init(title: String, description: String? = nil, charts: [ChartSpec], columns: [String],
                rows: [[ReportValue?]], shownRows: Int = 100) {
        self.title = title
        self.description = description
        self.charts = charts
        self.columns = columns
        self.rows = rows
        self.shownRows = shownRows
    }

    func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
}

public enum Human {
    /// A number rounded to `decimals` places, trailing zeros dropped: 3.70 -> "3.7".
    public static func fixed(_ v: Double, _ decimals: Int) -> String {
        if v.isNaN { return "n/a" }
        if v.isInfinite { return v < 0 ? "-∞" : "∞" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let n = (abs(v) * scale).rounded()
        guard n < 9e15 else { return String(Int64(v.rounded())) }
        let i = Int64(n)
        var digits = String(i)
        var frac = ""
        if decimals > 0 {
            while digits.count <= decimals { digits = "0" + digits }
            frac = String(digits.suffix(decimals))
            digits = String(digits.dropLast(decimals))
            while frac.last == "0" { frac.removeLast() }
        }
        let sign = v < 0 && i != 0 ? "-" : ""
        return sign + digits + (frac.isEmpty ? "" : "." + frac)
    }

    /// Short for axes and labels: 950, 1.2k, 12k, 3.4M, 1.1B; small values
    /// with up to two decimals.
    public static func short(_ v: Double) -> String {
        let a = abs(v)
        let units: [(Double, String)] = [(1e9, "B"), (1e6, "M"), (1e3, "k")]
        for (i, (size, suffix)) in units.enumerated() where a >= size * 0.9995 {
            var scaled = v / size
            // 999,950 rounds to "1000k": say 1M instead
            if abs(scaled) >= 999.5, i > 0 { scaled = v / units[i - 1].0; return fixed(scaled, 1) + units[i - 1].1 }
            return fixed(scaled, abs(scaled) < 10 ? 1 : 0) + suffix
        }
        if a >= 100 { return fixed(v, 0) }
        if a >= 10 { return fixed(v, 1) }
        return fixed(v, 2)
    }

    /// A table cell's number: integers from 10,000 up with thousands
    /// separators (not 1,949: four digits are often years), others as written.
    public static func cell(_ v: Double, written: String) -> String {
        guard v == v.rounded(), abs(v) >= 10000, abs(v) < 1e15, !written.contains("e") else { return written }
        var digits = String(Int64(abs(v)))
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits = String(digits.dropLast(3))
        }
        return (v < 0 ? "-" : "") + digits + out
    }
}

/// Dates as day numbers (days since 1970-01-01, proleptic Gregorian).
public enum Day {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// H. Hinnant's days_from_civil.
    public static func number(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func civil(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// "1949", "2015-03" or "2015-03-04" (a time may follow the day), or a
    /// number 1000...2999 taken as a year: the day it starts on and how
    /// precisely it was given.
    public static func parse(_ v: ReportValue) -> (day: Int, unit: TimeUnit)? {
        if case .number(let d, _) = v {
            guard d == d.rounded(), d >= 1000, d <= 2999 else { return nil }
            return (number(year: Int(d), month: 1, day: 1), .year)
        }
        let s = Array(v.text.utf8.prefix(10))
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= s.count else { return nil }
            var n = 0
            for i in r { guard s[i] >= 48 && s[i] <= 57 else { return nil }; n = n * 10 + Int(s[i] - 48) }
            return n
        }
        guard let y = digits(0..<4), y >= 1000 else { return nil }
        let text = v.text.utf8
        if text.count == 4 { return (number(year: y, month: 1, day: 1), .year) }
        guard s.count >= 7, s[4] == UInt8(ascii: "-"), let m = digits(5..<7), (1...12).contains(m) else { return nil }
        if text.count == 7 { return (number(year: y, month: m, day: 1), .month) }
        guard s.count == 10, s[7] == UInt8(ascii: "-"), let d = digits(8..<10), (1...31).contains(d) else { return nil }
        if text.count > 10 {
            let next = text[text.index(text.startIndex, offsetBy: 10)]
            guard next == UInt8(ascii: "T") || next == UInt8(ascii: " ") else { return nil }
        }
        return (number(year: y, month: m, day: d), .day)
    }

    /// The first day of the unit holding `day`.
    public static func floor(_ day: Int, _ unit: TimeUnit) -> Int {
        let c = civil(day)
        switch unit {
        case .day: return day
        case .month: return number(year: c.year, month: c.month, day: 1)
        case .year: return number(year: c.year, month: 1, day: 1)
        }
    }

    /// The first day of the next `step` units.
    public static func advance(_ day: Int, _ unit: TimeUnit, by step: Int = 1) -> Int {
        let c = civil(day)
        switch unit {
        case .day: return day + step
        case .month:
            let m = c.month - 1 + step
            return number(year: c.year + m / 12, month: m % 12 + 1, day: 1)
        case .year: return number(year: c.year + step, month: 1, day: 1)
        }
    }

    /// "1949", "Mar 2015", "4 Mar 2015".
    public static func label(_ day: Int, _ unit: TimeUnit) -> String {
        let c = civil(day)
        switch unit {
        case .year: return String(c.year)
        case .month: return "\(monthNames[c.month - 1]) \(c.year)"
        case .day: return "\(c.day) \(monthNames[c.month - 1]) \(c.year)"
        }
    }
}

//! UK bank holidays for England and Wales, Scotland and Northern Ireland, computed by rule,
//! and the working-day arithmetic that complaint-handling deadlines are counted in.

use super::choice::choice;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Utc, Weekday};

choice!(serde
    /// The three UK bank-holiday jurisdictions (the "divisions" of gov.uk's bank-holidays.json).
    Region {
        EnglandAndWales = "england-and-wales",
        Scotland = "scotland",
        NorthernIreland = "northern-ireland",
    }
);

impl Region {
    /// Human-readable name, e.g. "England and Wales".
    pub fn name(self) -> &'static str {
        match self {
            Region::EnglandAndWales => "England and Wales",
            Region::Scotland => "Scotland",
            Region::NorthernIreland => "Northern Ireland",
        }
    }
}

/// A holiday on a fixed calendar date that moves to a weekday when it falls on a weekend.
struct Fixed {
    month: u32,
    day: u32,
    name: &'static str,
    substitute: &'static str,
}

const NEW_YEAR: Fixed = Fixed {
    month: 1,
    day: 1,
    name: "New Year's Day",
    substitute: "New Year's Day (substitute day)",
};
const SECOND_JANUARY: Fixed = Fixed {
    month: 1,
    day: 2,
    name: "2 January",
    substitute: "2 January (substitute day)",
};
const ST_PATRICK: Fixed = Fixed {
    month: 3,
    day: 17,
    name: "St Patrick's Day",
    substitute: "St Patrick's Day (substitute day)",
};
const BOYNE: Fixed = Fixed {
    month: 7,
    day: 12,
    name: "Battle of the Boyne (Orangemen's Day)",
    substitute: "Battle of the Boyne (Orangemen's Day) (substitute day)",
};
const ST_ANDREW: Fixed = Fixed {
    month: 11,
    day: 30,
    name: "St Andrew's Day",
    substitute: "St Andrew's Day (substitute day)",
};
const CHRISTMAS: Fixed = Fixed {
    month: 12,
    day: 25,
    name: "Christmas Day",
    substitute: "Christmas Day (substitute day)",
};
const BOXING_DAY: Fixed = Fixed {
    month: 12,
    day: 26,
    name: "Boxing Day",
    substitute: "Boxing Day (substitute day)",
};

type Ymd = (i32, u32, u32);

/// A one-off change proclaimed by Royal Proclamation, on top of the rules.
enum Change {
    /// A rule-based holiday moved: `from` is no longer a holiday, `to` is, named `name`.
    Moved {
        from: Ymd,
        to: Ymd,
        name: &'static str,
    },
    /// An extra holiday.
    Added { on: Ymd, name: &'static str },
}

const ALL_REGIONS: &[Region] = &Region::ALL;

/// One-off proclamations, oldest first. Add new ones here; `regions` allows a change that
/// applies to only part of the UK.
const PROCLAMATIONS: &[(&[Region], Change)] = &[
    // VE Day 50th anniversary.
    (
        ALL_REGIONS,
        Change::Moved {
            from: (1995, 5, 1),
            to: (1995, 5, 8),
            name: "Early May bank holiday (VE day)",
        },
    ),
    (
        ALL_REGIONS,
        Change::Added {
            on: (1999, 12, 31),
            name: "Millennium bank holiday",
        },
    ),
    // Golden Jubilee.
    (
        ALL_REGIONS,
        Change::Moved {
            from: (2002, 5, 27),
            to: (2002, 6, 4),
            name: "Spring bank holiday",
        },
    ),
    (
        ALL_REGIONS,
        Change::Added {
            on: (2002, 6, 3),
            name: "Queen's Golden Jubilee",
        },
    ),
    (
        ALL_REGIONS,
        Change::Added {
            on: (2011, 4, 29),
            name: "Royal wedding bank holiday",
        },
    ),
    // Diamond Jubilee.
    (
        ALL_REGIONS,
        Change::Moved {
            from: (2012, 5, 28),
            to: (2012, 6, 4),
            name: "Spring bank holiday",
        },
    ),
    (
        ALL_REGIONS,
        Change::Added {
            on: (2012, 6, 5),
            name: "Queen's Diamond Jubilee",
        },
    ),
    // VE Day 75th anniversary.
    (
        ALL_REGIONS,
        Change::Moved {
            from: (2020, 5, 4),
            to: (2020, 5, 8),
            name: "Early May bank holiday (VE day)",
        },
    ),
    // Platinum Jubilee.
    (
        ALL_REGIONS,
        Change::Moved {
            from: (2022, 5, 30),
            to: (2022, 6, 2),
            name: "Spring bank holiday",
        },
    ),
    (
        ALL_REGIONS,
        Change::Added {
            on: (2022, 6, 3),
            name: "Platinum Jubilee bank holiday",
        },
    ),
    (
        ALL_REGIONS,
        Change::Added {
            on: (2022, 9, 19),
            name: "Bank holiday for the State Funeral of Queen Elizabeth II",
        },
    ),
    (
        ALL_REGIONS,
        Change::Added {
            on: (2023, 5, 8),
            name: "Bank holiday for the coronation of King Charles III",
        },
    ),
];

fn ymd((y, m, d): Ymd) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid calendar date")
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt()
        .expect("date beyond chrono's NaiveDate::MAX")
}

/// How a run of adjacent fixed-date holidays (e.g. Christmas and Boxing Day) is observed.
#[derive(Clone, Copy, PartialEq)]
enum Observe {
    /// Days on a weekday keep their date; weekend ones take the next weekday not already
    /// taken. Christmas on Sunday -> Boxing Day stays Mon 26, Christmas moves to Tue 27.
    KeepWeekdays,
    /// Each day in turn takes the first free weekday on or after its date, pushing later days
    /// along. Scotland's New Year: 1 Jan on Sunday is observed Mon 2 Jan (as the 1971 Act
    /// says) and 2 January moves to Tue 3, which is how gov.uk names them.
    Cascade,
}

fn observe(year: i32, group: &[Fixed], how: Observe, out: &mut Vec<(NaiveDate, &'static str)>) {
    let dates: Vec<NaiveDate> = group.iter().map(|f| ymd((year, f.month, f.day))).collect();
    let mut taken: Vec<NaiveDate> = match how {
        Observe::KeepWeekdays => dates.iter().copied().filter(|&d| !is_weekend(d)).collect(),
        Observe::Cascade => Vec::new(),
    };
    for (fixed, &date) in group.iter().zip(&dates) {
        if how == Observe::KeepWeekdays && !is_weekend(date) {
            out.push((date, fixed.name));
            continue;
        }
        let mut observed = date;
        while is_weekend(observed) || taken.contains(&observed) {
            observed = next_day(observed);
        }
        taken.push(observed);
        out.push((
            observed,
            if observed == date {
                fixed.name
            } else {
                fixed.substitute
            },
        ));
    }
}

/// Easter Sunday in the Gregorian calendar (anonymous / Meeus–Jones–Butcher algorithm).
/// `None` only for years chrono cannot represent.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    // Euclidean division keeps the arithmetic total for every i32 year.
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

fn first_monday(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1)
        .expect("every month has a Monday")
}

/// Last Monday of `month` (not December, which no rule needs).
fn last_monday(year: i32, month: u32) -> NaiveDate {
    let last_day = ymd((year, month + 1, 1))
        .pred_opt()
        .expect("not the first day of time");
    last_day - chrono::Duration::days(i64::from(last_day.weekday().num_days_from_monday()))
}

/// The bank holidays of `region` in `year`, sorted by date, with gov.uk-style names.
///
/// The rules are today's (in force since 2007, when St Andrew's Day became a Scottish bank
/// holiday), plus the proclaimed one-off changes in `PROCLAMATIONS` since 1995. Empty for years
/// chrono cannot represent.
pub fn bank_holidays(region: Region, year: i32) -> Vec<(NaiveDate, &'static str)> {
    // chrono's range is whole years, so a representable Easter means the whole year is.
    let Some(easter) = easter_sunday(year) else {
        return Vec::new();
    };
    let scotland = region == Region::Scotland;
    let northern_ireland = region == Region::NorthernIreland;
    let mut out = Vec::with_capacity(12);

    if scotland {
        observe(
            year,
            &[NEW_YEAR, SECOND_JANUARY],
            Observe::Cascade,
            &mut out,
        );
    } else {
        observe(year, &[NEW_YEAR], Observe::Cascade, &mut out);
    }
    if northern_ireland {
        observe(year, &[ST_PATRICK], Observe::Cascade, &mut out);
    }
    out.push((easter - chrono::Duration::days(2), "Good Friday"));
    if !scotland {
        out.push((easter + chrono::Duration::days(1), "Easter Monday"));
    }
    out.push((first_monday(year, 5), "Early May bank holiday"));
    out.push((last_monday(year, 5), "Spring bank holiday"));
    if northern_ireland {
        observe(year, &[BOYNE], Observe::Cascade, &mut out);
    }
    // Scotland keeps the older first-Monday-of-August date.
    let summer = if scotland {
        first_monday(year, 8)
    } else {
        last_monday(year, 8)
    };
    out.push((summer, "Summer bank holiday"));
    if scotland {
        observe(year, &[ST_ANDREW], Observe::Cascade, &mut out);
    }
    observe(
        year,
        &[CHRISTMAS, BOXING_DAY],
        Observe::KeepWeekdays,
        &mut out,
    );

    for (regions, change) in PROCLAMATIONS {
        if !regions.contains(&region) {
            continue;
        }
        match *change {
            Change::Moved { from, to, name } => {
                if from.0 == year {
                    out.retain(|&(date, _)| date != ymd(from));
                }
                if to.0 == year {
                    out.push((ymd(to), name));
                }
            }
            Change::Added { on, name } => {
                if on.0 == year {
                    out.push((ymd(on), name));
                }
            }
        }
    }

    super::short_sort::sort_short_by_key(&mut out, |&(date, _)| date);
    out
}

/// The name of the bank holiday on `date` in `region`, if it is one.
pub fn bank_holiday(region: Region, date: NaiveDate) -> Option<&'static str> {
    bank_holidays(region, date.year())
        .into_iter()
        .find(|&(d, _)| d == date)
        .map(|(_, name)| name)
}

/// Monday to Friday and not a bank holiday in `region`.
pub fn is_working_day(region: Region, date: NaiveDate) -> bool {
    !is_weekend(date) && bank_holiday(region, date).is_none()
}

/// Working-day checks that compute each year's holidays once, for loops over many days.
struct WorkingDays {
    region: Region,
    year: i32,
    holidays: Vec<NaiveDate>,
}

impl WorkingDays {
    fn new(region: Region, year: i32) -> Self {
        let holidays = bank_holidays(region, year)
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        WorkingDays {
            region,
            year,
            holidays,
        }
    }

    fn is_working_day(&mut self, date: NaiveDate) -> bool {
        if is_weekend(date) {
            return false;
        }
        if date.year() != self.year {
            *self = WorkingDays::new(self.region, date.year());
        }
        !self.holidays.contains(&date)
    }

    /// The first working day strictly after `date`.
    fn next(&mut self, date: NaiveDate) -> NaiveDate {
        let mut date = next_day(date);
        while !self.is_working_day(date) {
            date = next_day(date);
        }
        date
    }
}

/// The first working day strictly after `date`.
///
/// # Panics
/// If that would be past chrono's `NaiveDate::MAX`.
pub fn next_working_day(region: Region, date: NaiveDate) -> NaiveDate {
    WorkingDays::new(region, date.year()).next(date)
}

/// The deadline `days` working days after something was received.
///
/// "Day 0" convention: received on a working day, that day is day 0; received on a weekend or
/// bank holiday, the next working day is day 0. The deadline is the `days`-th working day after
/// day 0, so `days == 0` gives day 0 itself. The time of day is deliberately ignored: a late
/// evening arrival still counts from its date.
///
/// # Panics
/// If the result would be past chrono's `NaiveDate::MAX`.
pub fn add_working_days(region: Region, received: NaiveDateTime, days: u32) -> NaiveDate {
    let date = received.date();
    let mut calendar = WorkingDays::new(region, date.year());
    let mut day = if calendar.is_working_day(date) {
        date
    } else {
        calendar.next(date)
    };
    for _ in 0..days {
        day = calendar.next(day);
    }
    day
}

/// How many working days there are after `after`, up to and including `up_to`: how late
/// something due on `after` is on `up_to`. Zero when `up_to` is not after `after`.
///
/// Due Friday 11 December 2026: on Saturday 12 it is 0 working days late, on Monday 14 it is
/// 1, and on Tuesday 29 December 2026 it is 10 (25 and 28 December are bank holidays).
pub fn working_days_between(region: Region, after: NaiveDate, up_to: NaiveDate) -> u32 {
    let mut calendar = WorkingDays::new(region, after.year());
    let mut count = 0;
    let mut day = after;
    while day < up_to {
        day = next_day(day);
        if calendar.is_working_day(day) {
            count += 1;
        }
    }
    count
}

/// The time in the UK at `utc`: GMT, or BST (one hour ahead) from 01:00 GMT on the last Sunday
/// of March to 01:00 GMT on the last Sunday of October, the rule since 1996. A backend stamps
/// what it receives with this, so a complaint sent at 00:30 on a summer night is dated that day.
pub fn uk_time(utc: DateTime<Utc>) -> DateTime<FixedOffset> {
    let last_sunday = |month: u32| {
        let first_of_next = NaiveDate::from_ymd_opt(utc.year(), month + 1, 1)?;
        let back = first_of_next.pred_opt()?.weekday().num_days_from_sunday();
        first_of_next.pred_opt()?.checked_sub_days(chrono::Days::new(back.into()))
    };
    let change = |month| last_sunday(month).and_then(|d| d.and_hms_opt(1, 0, 0));
    let naive = utc.naive_utc();
    let summer = matches!((change(3), change(10)), (Some(start), Some(end)) if naive >= start && naive < end);
    let offset = if summer { 3600 } else { 0 };
    let offset = FixedOffset::east_opt(offset).expect("an hour is a valid offset");
    utc.with_timezone(&offset)
}

/// The moment a UK clock showed `local`: the inverse of [`uk_time`]. In the hour the clocks go
/// back (01:00 to 02:00 on the last Sunday of October, shown twice) it is the first showing, in
/// BST; in the hour they skip (01:00 to 02:00 on the last Sunday of March, never shown) it is
/// read as GMT, an hour before the clocks would have shown it again.
pub fn uk_instant(local: NaiveDateTime) -> DateTime<Utc> {
    let as_bst = (local - chrono::Duration::hours(1)).and_utc();
    if uk_time(as_bst).offset().local_minus_utc() != 0 {
        as_bst
    } else {
        local.and_utc()
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn uk_time_changes_to_bst_and_back_at_one_in_the_morning_gmt() {
        let at = |text: &str| DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc);
        let uk = |text: &str| uk_time(at(text)).to_rfc3339();
        // 2026: BST from Sunday 29 March to Sunday 25 October.
        assert_eq!(uk("2026-03-29T00:59:59Z"), "2026-03-29T00:59:59+00:00");
        assert_eq!(uk("2026-03-29T01:00:00Z"), "2026-03-29T02:00:00+01:00");
        assert_eq!(uk("2026-07-01T23:30:00Z"), "2026-07-02T00:30:00+01:00");
        assert_eq!(uk("2026-10-25T00:59:59Z"), "2026-10-25T01:59:59+01:00");
        assert_eq!(uk("2026-10-25T01:00:00Z"), "2026-10-25T01:00:00+00:00");
        assert_eq!(uk("2026-12-02T23:30:00Z"), "2026-12-02T23:30:00+00:00");
        // 2027: 28 March and 31 October (a month ending on a Sunday).
        assert_eq!(uk("2027-03-28T01:00:00Z"), "2027-03-28T02:00:00+01:00");
        assert_eq!(uk("2027-10-31T00:30:00Z"), "2027-10-31T01:30:00+01:00");
        assert_eq!(uk("2027-10-31T01:30:00Z"), "2027-10-31T01:30:00+00:00");
    }

    use super::*;
    use chrono::NaiveTime;
    use proptest::prelude::*;

    #[test]
    fn uk_instant_reads_a_uk_clock_back_to_the_moment() {
        let local = |text: &str| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
        let utc = |text: &str| uk_instant(local(text)).to_rfc3339();
        assert_eq!(utc("2026-12-04 18:30"), "2026-12-04T18:30:00+00:00");
        assert_eq!(utc("2026-07-01 00:30"), "2026-06-30T23:30:00+00:00");
        // 25 October 2026: 01:30 is shown twice; the first time, in BST.
        assert_eq!(utc("2026-10-25 00:59"), "2026-10-24T23:59:00+00:00");
        assert_eq!(utc("2026-10-25 01:30"), "2026-10-25T00:30:00+00:00");
        assert_eq!(utc("2026-10-25 02:00"), "2026-10-25T02:00:00+00:00");
        // 28 March 2027: 01:30 is never shown; read as GMT (02:30 BST).
        assert_eq!(utc("2027-03-28 00:59"), "2027-03-28T00:59:00+00:00");
        assert_eq!(utc("2027-03-28 01:30"), "2027-03-28T01:30:00+00:00");
        assert_eq!(utc("2027-03-28 02:00"), "2027-03-28T01:00:00+00:00");
    }

    proptest! {
        /// Every moment's UK time reads back to that moment, except the second showing of the
        /// hour the clocks go back, which reads back to the first.
        #[test]
        fn uk_instant_inverts_uk_time(seconds in 1_500_000_000i64..2_200_000_000i64) {
            let moment = DateTime::from_timestamp(seconds, 0).unwrap();
            let shown = uk_time(moment).naive_local();
            let back = uk_instant(shown);
            prop_assert!(back == moment || back == moment - chrono::Duration::hours(1), "{moment}");
            prop_assert_eq!(uk_time(back).naive_local(), shown);
        }
    }


    use Region::{EnglandAndWales as Ew, NorthernIreland as Ni, Scotland as Sc};

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("YYYY-MM-DD")
    }

    fn at(s: &str, hour: u32, minute: u32) -> NaiveDateTime {
        d(s).and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap())
    }

    fn dates(region: Region, year: i32) -> Vec<NaiveDate> {
        bank_holidays(region, year)
            .into_iter()
            .map(|(date, _)| date)
            .collect()
    }

    fn assert_holiday(region: Region, date: &str, name: &str) {
        assert_eq!(
            bank_holiday(region, d(date)),
            Some(name),
            "{region:?} {date}"
        );
    }

    fn assert_not_holiday(region: Region, date: &str) {
        assert_eq!(bank_holiday(region, d(date)), None, "{region:?} {date}");
    }

    /// Compares our lists with gov.uk's for every year the expected table covers.
    fn assert_matches_gov_uk(region: Region, expected: &[(&str, &str)]) {
        let first: i32 = expected[0].0[..4].parse().unwrap();
        let last: i32 = expected[expected.len() - 1].0[..4].parse().unwrap();
        for year in first..=last {
            let want: Vec<(NaiveDate, &str)> = expected
                .iter()
                .filter(|(date, _)| date.starts_with(&year.to_string()))
                .map(|&(date, name)| (d(date), name))
                .collect();
            assert_eq!(bank_holidays(region, year), want, "{region:?} {year}");
        }
    }

    // Transcribed from gov.uk's bank-holidays.json (2018-2027), with its curly apostrophes made
    // plain, "2nd January" written "2 January", and its "Substitute day" notes folded into the
    // names as " (substitute day)".
    const GOV_UK_ENGLAND_AND_WALES: &[(&str, &str)] = &[
        ("2018-01-01", "New Year's Day"),
        ("2018-03-30", "Good Friday"),
        ("2018-04-02", "Easter Monday"),
        ("2018-05-07", "Early May bank holiday"),
        ("2018-05-28", "Spring bank holiday"),
        ("2018-08-27", "Summer bank holiday"),
        ("2018-12-25", "Christmas Day"),
        ("2018-12-26", "Boxing Day"),
        ("2019-01-01", "New Year's Day"),
        ("2019-04-19", "Good Friday"),
        ("2019-04-22", "Easter Monday"),
        ("2019-05-06", "Early May bank holiday"),
        ("2019-05-27", "Spring bank holiday"),
        ("2019-08-26", "Summer bank holiday"),
        ("2019-12-25", "Christmas Day"),
        ("2019-12-26", "Boxing Day"),
        ("2020-01-01", "New Year's Day"),
        ("2020-04-10", "Good Friday"),
        ("2020-04-13", "Easter Monday"),
        ("2020-05-08", "Early May bank holiday (VE day)"),
        ("2020-05-25", "Spring bank holiday"),
        ("2020-08-31", "Summer bank holiday"),
        ("2020-12-25", "Christmas Day"),
        ("2020-12-28", "Boxing Day (substitute day)"),
        ("2021-01-01", "New Year's Day"),
        ("2021-04-02", "Good Friday"),
        ("2021-04-05", "Easter Monday"),
        ("2021-05-03", "Early May bank holiday"),
        ("2021-05-31", "Spring bank holiday"),
        ("2021-08-30", "Summer bank holiday"),
        ("2021-12-27", "Christmas Day (substitute day)"),
        ("2021-12-28", "Boxing Day (substitute day)"),
        ("2022-01-03", "New Year's Day (substitute day)"),
        ("2022-04-15", "Good Friday"),
        ("2022-04-18", "Easter Monday"),
        ("2022-05-02", "Early May bank holiday"),
        ("2022-06-02", "Spring bank holiday"),
        ("2022-06-03", "Platinum Jubilee bank holiday"),
        ("2022-08-29", "Summer bank holiday"),
        (
            "2022-09-19",
            "Bank holiday for the State Funeral of Queen Elizabeth II",
        ),
        ("2022-12-26", "Boxing Day"),
        ("2022-12-27", "Christmas Day (substitute day)"),
        ("2023-01-02", "New Year's Day (substitute day)"),
        ("2023-04-07", "Good Friday"),
        ("2023-04-10", "Easter Monday"),
        ("2023-05-01", "Early May bank holiday"),
        (
            "2023-05-08",
            "Bank holiday for the coronation of King Charles III",
        ),
        ("2023-05-29", "Spring bank holiday"),
        ("2023-08-28", "Summer bank holiday"),
        ("2023-12-25", "Christmas Day"),
        ("2023-12-26", "Boxing Day"),
        ("2024-01-01", "New Year's Day"),
        ("2024-03-29", "Good Friday"),
        ("2024-04-01", "Easter Monday"),
        ("2024-05-06", "Early May bank holiday"),
        ("2024-05-27", "Spring bank holiday"),
        ("2024-08-26", "Summer bank holiday"),
        ("2024-12-25", "Christmas Day"),
        ("2024-12-26", "Boxing Day"),
        ("2025-01-01", "New Year's Day"),
        ("2025-04-18", "Good Friday"),
        ("2025-04-21", "Easter Monday"),
        ("2025-05-05", "Early May bank holiday"),
        ("2025-05-26", "Spring bank holiday"),
        ("2025-08-25", "Summer bank holiday"),
        ("2025-12-25", "Christmas Day"),
        ("2025-12-26", "Boxing Day"),
        ("2026-01-01", "New Year's Day"),
        ("2026-04-03", "Good Friday"),
        ("2026-04-06", "Easter Monday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        ("2026-08-31", "Summer bank holiday"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
        ("2027-01-01", "New Year's Day"),
        ("2027-03-26", "Good Friday"),
        ("2027-03-29", "Easter Monday"),
        ("2027-05-03", "Early May bank holiday"),
        ("2027-05-31", "Spring bank holiday"),
        ("2027-08-30", "Summer bank holiday"),
        ("2027-12-27", "Christmas Day (substitute day)"),
        ("2027-12-28", "Boxing Day (substitute day)"),
    ];

    const GOV_UK_SCOTLAND: &[(&str, &str)] = &[
        ("2018-01-01", "New Year's Day"),
        ("2018-01-02", "2 January"),
        ("2018-03-30", "Good Friday"),
        ("2018-05-07", "Early May bank holiday"),
        ("2018-05-28", "Spring bank holiday"),
        ("2018-08-06", "Summer bank holiday"),
        ("2018-11-30", "St Andrew's Day"),
        ("2018-12-25", "Christmas Day"),
        ("2018-12-26", "Boxing Day"),
        ("2019-01-01", "New Year's Day"),
        ("2019-01-02", "2 January"),
        ("2019-04-19", "Good Friday"),
        ("2019-05-06", "Early May bank holiday"),
        ("2019-05-27", "Spring bank holiday"),
        ("2019-08-05", "Summer bank holiday"),
        ("2019-12-02", "St Andrew's Day (substitute day)"),
        ("2019-12-25", "Christmas Day"),
        ("2019-12-26", "Boxing Day"),
        ("2020-01-01", "New Year's Day"),
        ("2020-01-02", "2 January"),
        ("2020-04-10", "Good Friday"),
        ("2020-05-08", "Early May bank holiday (VE day)"),
        ("2020-05-25", "Spring bank holiday"),
        ("2020-08-03", "Summer bank holiday"),
        ("2020-11-30", "St Andrew's Day"),
        ("2020-12-25", "Christmas Day"),
        ("2020-12-28", "Boxing Day (substitute day)"),
        ("2021-01-01", "New Year's Day"),
        ("2021-01-04", "2 January (substitute day)"),
        ("2021-04-02", "Good Friday"),
        ("2021-05-03", "Early May bank holiday"),
        ("2021-05-31", "Spring bank holiday"),
        ("2021-08-02", "Summer bank holiday"),
        ("2021-11-30", "St Andrew's Day"),
        ("2021-12-27", "Christmas Day (substitute day)"),
        ("2021-12-28", "Boxing Day (substitute day)"),
        ("2022-01-03", "New Year's Day (substitute day)"),
        ("2022-01-04", "2 January (substitute day)"),
        ("2022-04-15", "Good Friday"),
        ("2022-05-02", "Early May bank holiday"),
        ("2022-06-02", "Spring bank holiday"),
        ("2022-06-03", "Platinum Jubilee bank holiday"),
        ("2022-08-01", "Summer bank holiday"),
        (
            "2022-09-19",
            "Bank holiday for the State Funeral of Queen Elizabeth II",
        ),
        ("2022-11-30", "St Andrew's Day"),
        ("2022-12-26", "Boxing Day"),
        ("2022-12-27", "Christmas Day (substitute day)"),
        ("2023-01-02", "New Year's Day (substitute day)"),
        ("2023-01-03", "2 January (substitute day)"),
        ("2023-04-07", "Good Friday"),
        ("2023-05-01", "Early May bank holiday"),
        (
            "2023-05-08",
            "Bank holiday for the coronation of King Charles III",
        ),
        ("2023-05-29", "Spring bank holiday"),
        ("2023-08-07", "Summer bank holiday"),
        ("2023-11-30", "St Andrew's Day"),
        ("2023-12-25", "Christmas Day"),
        ("2023-12-26", "Boxing Day"),
        ("2024-01-01", "New Year's Day"),
        ("2024-01-02", "2 January"),
        ("2024-03-29", "Good Friday"),
        ("2024-05-06", "Early May bank holiday"),
        ("2024-05-27", "Spring bank holiday"),
        ("2024-08-05", "Summer bank holiday"),
        ("2024-12-02", "St Andrew's Day (substitute day)"),
        ("2024-12-25", "Christmas Day"),
        ("2024-12-26", "Boxing Day"),
        ("2025-01-01", "New Year's Day"),
        ("2025-01-02", "2 January"),
        ("2025-04-18", "Good Friday"),
        ("2025-05-05", "Early May bank holiday"),
        ("2025-05-26", "Spring bank holiday"),
        ("2025-08-04", "Summer bank holiday"),
        ("2025-12-01", "St Andrew's Day (substitute day)"),
        ("2025-12-25", "Christmas Day"),
        ("2025-12-26", "Boxing Day"),
        ("2026-01-01", "New Year's Day"),
        ("2026-01-02", "2 January"),
        ("2026-04-03", "Good Friday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        ("2026-08-03", "Summer bank holiday"),
        ("2026-11-30", "St Andrew's Day"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
        ("2027-01-01", "New Year's Day"),
        ("2027-01-04", "2 January (substitute day)"),
        ("2027-03-26", "Good Friday"),
        ("2027-05-03", "Early May bank holiday"),
        ("2027-05-31", "Spring bank holiday"),
        ("2027-08-02", "Summer bank holiday"),
        ("2027-11-30", "St Andrew's Day"),
        ("2027-12-27", "Christmas Day (substitute day)"),
        ("2027-12-28", "Boxing Day (substitute day)"),
    ];

    const GOV_UK_NORTHERN_IRELAND: &[(&str, &str)] = &[
        ("2018-01-01", "New Year's Day"),
        ("2018-03-19", "St Patrick's Day (substitute day)"),
        ("2018-03-30", "Good Friday"),
        ("2018-04-02", "Easter Monday"),
        ("2018-05-07", "Early May bank holiday"),
        ("2018-05-28", "Spring bank holiday"),
        ("2018-07-12", "Battle of the Boyne (Orangemen's Day)"),
        ("2018-08-27", "Summer bank holiday"),
        ("2018-12-25", "Christmas Day"),
        ("2018-12-26", "Boxing Day"),
        ("2019-01-01", "New Year's Day"),
        ("2019-03-18", "St Patrick's Day (substitute day)"),
        ("2019-04-19", "Good Friday"),
        ("2019-04-22", "Easter Monday"),
        ("2019-05-06", "Early May bank holiday"),
        ("2019-05-27", "Spring bank holiday"),
        ("2019-07-12", "Battle of the Boyne (Orangemen's Day)"),
        ("2019-08-26", "Summer bank holiday"),
        ("2019-12-25", "Christmas Day"),
        ("2019-12-26", "Boxing Day"),
        ("2020-01-01", "New Year's Day"),
        ("2020-03-17", "St Patrick's Day"),
        ("2020-04-10", "Good Friday"),
        ("2020-04-13", "Easter Monday"),
        ("2020-05-08", "Early May bank holiday (VE day)"),
        ("2020-05-25", "Spring bank holiday"),
        (
            "2020-07-13",
            "Battle of the Boyne (Orangemen's Day) (substitute day)",
        ),
        ("2020-08-31", "Summer bank holiday"),
        ("2020-12-25", "Christmas Day"),
        ("2020-12-28", "Boxing Day (substitute day)"),
        ("2021-01-01", "New Year's Day"),
        ("2021-03-17", "St Patrick's Day"),
        ("2021-04-02", "Good Friday"),
        ("2021-04-05", "Easter Monday"),
        ("2021-05-03", "Early May bank holiday"),
        ("2021-05-31", "Spring bank holiday"),
        ("2021-07-12", "Battle of the Boyne (Orangemen's Day)"),
        ("2021-08-30", "Summer bank holiday"),
        ("2021-12-27", "Christmas Day (substitute day)"),
        ("2021-12-28", "Boxing Day (substitute day)"),
        ("2022-01-03", "New Year's Day (substitute day)"),
        ("2022-03-17", "St Patrick's Day"),
        ("2022-04-15", "Good Friday"),
        ("2022-04-18", "Easter Monday"),
        ("2022-05-02", "Early May bank holiday"),
        ("2022-06-02", "Spring bank holiday"),
        ("2022-06-03", "Platinum Jubilee bank holiday"),
        ("2022-07-12", "Battle of the Boyne (Orangemen's Day)"),
        ("2022-08-29", "Summer bank holiday"),
        (
            "2022-09-19",
            "Bank holiday for the State Funeral of Queen Elizabeth II",
        ),
        ("2022-12-26", "Boxing Day"),
        ("2022-12-27", "Christmas Day (substitute day)"),
        ("2023-01-02", "New Year's Day (substitute day)"),
        ("2023-03-17", "St Patrick's Day"),
        ("2023-04-07", "Good Friday"),
        ("2023-04-10", "Easter Monday"),
        ("2023-05-01", "Early May bank holiday"),
        (
            "2023-05-08",
            "Bank holiday for the coronation of King Charles III",
        ),
        ("2023-05-29", "Spring bank holiday"),
        ("2023-07-12", "Battle of the Boyne (Orangemen's Day)"),
        ("2023-08-28", "Summer bank holiday"),
        ("2023-12-25", "Christmas Day"),
        ("2023-12-26", "Boxing Day"),
        ("2024-01-01", "New Year's Day"),
        ("2024-03-18", "St Patrick's Day (substitute day)"),
        ("2024-03-29", "Good Friday"),
        ("2024-04-01", "Easter Monday"),
        ("2024-05-06", "Early May bank holiday"),
        ("2024-05-27", "Spring bank holiday"),
        ("2024-07-12", "Battle of the Boyne (Orangemen's Day)"),
        ("2024-08-26", "Summer bank holiday"),
        ("2024-12-25", "Christmas Day"),
        ("2024-12-26", "Boxing Day"),
        ("2025-01-01", "New Year's Day"),
        ("2025-03-17", "St Patrick's Day"),
        ("2025-04-18", "Good Friday"),
        ("2025-04-21", "Easter Monday"),
        ("2025-05-05", "Early May bank holiday"),
        ("2025-05-26", "Spring bank holiday"),
        (
            "2025-07-14",
            "Battle of the Boyne (Orangemen's Day) (substitute day)",
        ),
        ("2025-08-25", "Summer bank holiday"),
        ("2025-12-25", "Christmas Day"),
        ("2025-12-26", "Boxing Day"),
        ("2026-01-01", "New Year's Day"),
        ("2026-03-17", "St Patrick's Day"),
        ("2026-04-03", "Good Friday"),
        ("2026-04-06", "Easter Monday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        (
            "2026-07-13",
            "Battle of the Boyne (Orangemen's Day) (substitute day)",
        ),
        ("2026-08-31", "Summer bank holiday"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
        ("2027-01-01", "New Year's Day"),
        ("2027-03-17", "St Patrick's Day"),
        ("2027-03-26", "Good Friday"),
        ("2027-03-29", "Easter Monday"),
        ("2027-05-03", "Early May bank holiday"),
        ("2027-05-31", "Spring bank holiday"),
        ("2027-07-12", "Battle of the Boyne (Orangemen's Day)"),
        ("2027-08-30", "Summer bank holiday"),
        ("2027-12-27", "Christmas Day (substitute day)"),
        ("2027-12-28", "Boxing Day (substitute day)"),
    ];

    const GOV_UK_ENGLAND_AND_WALES_2012_2017: &[(&str, &str)] = &[
        ("2012-01-02", "New Year's Day (substitute day)"),
        ("2012-04-06", "Good Friday"),
        ("2012-04-09", "Easter Monday"),
        ("2012-05-07", "Early May bank holiday"),
        ("2012-06-04", "Spring bank holiday"),
        ("2012-06-05", "Queen's Diamond Jubilee"),
        ("2012-08-27", "Summer bank holiday"),
        ("2012-12-25", "Christmas Day"),
        ("2012-12-26", "Boxing Day"),
        ("2013-01-01", "New Year's Day"),
        ("2013-03-29", "Good Friday"),
        ("2013-04-01", "Easter Monday"),
        ("2013-05-06", "Early May bank holiday"),
        ("2013-05-27", "Spring bank holiday"),
        ("2013-08-26", "Summer bank holiday"),
        ("2013-12-25", "Christmas Day"),
        ("2013-12-26", "Boxing Day"),
        ("2014-01-01", "New Year's Day"),
        ("2014-04-18", "Good Friday"),
        ("2014-04-21", "Easter Monday"),
        ("2014-05-05", "Early May bank holiday"),
        ("2014-05-26", "Spring bank holiday"),
        ("2014-08-25", "Summer bank holiday"),
        ("2014-12-25", "Christmas Day"),
        ("2014-12-26", "Boxing Day"),
        ("2015-01-01", "New Year's Day"),
        ("2015-04-03", "Good Friday"),
        ("2015-04-06", "Easter Monday"),
        ("2015-05-04", "Early May bank holiday"),
        ("2015-05-25", "Spring bank holiday"),
        ("2015-08-31", "Summer bank holiday"),
        ("2015-12-25", "Christmas Day"),
        ("2015-12-28", "Boxing Day (substitute day)"),
        ("2016-01-01", "New Year's Day"),
        ("2016-03-25", "Good Friday"),
        ("2016-03-28", "Easter Monday"),
        ("2016-05-02", "Early May bank holiday"),
        ("2016-05-30", "Spring bank holiday"),
        ("2016-08-29", "Summer bank holiday"),
        ("2016-12-26", "Boxing Day"),
        ("2016-12-27", "Christmas Day (substitute day)"),
        ("2017-01-02", "New Year's Day (substitute day)"),
        ("2017-04-14", "Good Friday"),
        ("2017-04-17", "Easter Monday"),
        ("2017-05-01", "Early May bank holiday"),
        ("2017-05-29", "Spring bank holiday"),
        ("2017-08-28", "Summer bank holiday"),
        ("2017-12-25", "Christmas Day"),
        ("2017-12-26", "Boxing Day"),
    ];

    #[test]
    fn england_and_wales_matches_gov_uk_2018_to_2027() {
        assert_matches_gov_uk(Ew, GOV_UK_ENGLAND_AND_WALES);
    }

    #[test]
    fn scotland_matches_gov_uk_2018_to_2027() {
        assert_matches_gov_uk(Sc, GOV_UK_SCOTLAND);
    }

    #[test]
    fn northern_ireland_matches_gov_uk_2018_to_2027() {
        assert_matches_gov_uk(Ni, GOV_UK_NORTHERN_IRELAND);
    }

    #[test]
    fn england_and_wales_matches_gov_uk_2012_to_2017() {
        assert_matches_gov_uk(Ew, GOV_UK_ENGLAND_AND_WALES_2012_2017);
    }

    #[test]
    fn new_year_substitutes() {
        // 1 Jan 2022 was a Saturday.
        assert_holiday(Ew, "2022-01-03", "New Year's Day (substitute day)");
        assert_holiday(Ni, "2022-01-03", "New Year's Day (substitute day)");
        assert_not_holiday(Ew, "2022-01-04");
        assert_holiday(Sc, "2022-01-03", "New Year's Day (substitute day)");
        assert_holiday(Sc, "2022-01-04", "2 January (substitute day)");
        // 1 Jan 2023 was a Sunday: Scotland observes New Year on Mon 2 and 2 January on Tue 3
        // (gov.uk names them so; the dates are what matter for deadlines).
        assert_holiday(Ew, "2023-01-02", "New Year's Day (substitute day)");
        assert_not_holiday(Ew, "2023-01-03");
        assert_holiday(Sc, "2023-01-02", "New Year's Day (substitute day)");
        assert_holiday(Sc, "2023-01-03", "2 January (substitute day)");
        // 1 Jan 2021 was a Friday, so Scotland's 2 January (Saturday) moved to Monday 4th.
        assert_holiday(Sc, "2021-01-01", "New Year's Day");
        assert_holiday(Sc, "2021-01-04", "2 January (substitute day)");
        assert_not_holiday(Ew, "2021-01-04");
    }

    #[test]
    fn christmas_substitutes() {
        for region in Region::ALL {
            // Christmas 2021 on Saturday.
            assert_holiday(region, "2021-12-27", "Christmas Day (substitute day)");
            assert_holiday(region, "2021-12-28", "Boxing Day (substitute day)");
            // Christmas 2022 on Sunday: Boxing Day keeps Monday 26th.
            assert_holiday(region, "2022-12-26", "Boxing Day");
            assert_holiday(region, "2022-12-27", "Christmas Day (substitute day)");
            // Boxing Day 2020 on Saturday.
            assert_holiday(region, "2020-12-25", "Christmas Day");
            assert_holiday(region, "2020-12-28", "Boxing Day (substitute day)");
            assert_not_holiday(region, "2020-12-29");
        }
    }

    #[test]
    fn regional_day_substitutes() {
        // St Andrew's Day: 2019 Saturday, 2025 Sunday.
        assert_holiday(Sc, "2019-12-02", "St Andrew's Day (substitute day)");
        assert_holiday(Sc, "2025-12-01", "St Andrew's Day (substitute day)");
        assert_holiday(Sc, "2026-11-30", "St Andrew's Day");
        assert_not_holiday(Ew, "2026-11-30");
        assert_not_holiday(Ni, "2026-11-30");
        // St Patrick's Day: 2018 Saturday, 2019 Sunday.
        assert_holiday(Ni, "2018-03-19", "St Patrick's Day (substitute day)");
        assert_holiday(Ni, "2019-03-18", "St Patrick's Day (substitute day)");
        assert_holiday(Ni, "2020-03-17", "St Patrick's Day");
        assert_not_holiday(Ew, "2020-03-17");
        assert_not_holiday(Sc, "2020-03-17");
        // Battle of the Boyne: 2020 Sunday, 2025 Saturday.
        assert_holiday(
            Ni,
            "2020-07-13",
            "Battle of the Boyne (Orangemen's Day) (substitute day)",
        );
        assert_holiday(
            Ni,
            "2025-07-14",
            "Battle of the Boyne (Orangemen's Day) (substitute day)",
        );
        assert_holiday(Ni, "2024-07-12", "Battle of the Boyne (Orangemen's Day)");
        assert_not_holiday(Ew, "2024-07-12");
        assert_not_holiday(Sc, "2024-07-12");
    }

    #[test]
    fn scotland_differs_at_easter_monday_and_summer() {
        assert_holiday(Ew, "2025-04-21", "Easter Monday");
        assert_not_holiday(Sc, "2025-04-21");
        assert_holiday(Sc, "2025-08-04", "Summer bank holiday");
        assert_not_holiday(Sc, "2025-08-25");
        assert_holiday(Ew, "2025-08-25", "Summer bank holiday");
        assert_not_holiday(Ew, "2025-08-04");
    }

    #[test]
    fn one_off_days_everywhere() {
        for region in Region::ALL {
            // 2020: early May moved for VE day.
            assert_holiday(region, "2020-05-08", "Early May bank holiday (VE day)");
            assert_not_holiday(region, "2020-05-04");
            // 2022: spring moved for the Platinum Jubilee, plus an extra day.
            assert_holiday(region, "2022-06-02", "Spring bank holiday");
            assert_holiday(region, "2022-06-03", "Platinum Jubilee bank holiday");
            assert_not_holiday(region, "2022-05-30");
            assert_holiday(
                region,
                "2022-09-19",
                "Bank holiday for the State Funeral of Queen Elizabeth II",
            );
            assert_holiday(
                region,
                "2023-05-08",
                "Bank holiday for the coronation of King Charles III",
            );
            // Historic ones.
            assert_holiday(region, "2012-06-04", "Spring bank holiday");
            assert_holiday(region, "2012-06-05", "Queen's Diamond Jubilee");
            assert_not_holiday(region, "2012-05-28");
            assert_holiday(region, "2002-06-03", "Queen's Golden Jubilee");
            assert_holiday(region, "2002-06-04", "Spring bank holiday");
            assert_not_holiday(region, "2002-05-27");
            assert_holiday(region, "1995-05-08", "Early May bank holiday (VE day)");
            assert_not_holiday(region, "1995-05-01");
            assert_holiday(region, "1999-12-31", "Millennium bank holiday");
            assert_holiday(region, "2011-04-29", "Royal wedding bank holiday");
            // Neighbouring years follow the plain rules.
            assert_holiday(region, "2021-05-03", "Early May bank holiday");
            assert_holiday(region, "2023-05-29", "Spring bank holiday");
        }
    }

    #[test]
    fn easter_sunday_known_dates() {
        let known = [
            "2018-04-01",
            "2019-04-21",
            "2020-04-12",
            "2021-04-04",
            "2022-04-17",
            "2023-04-09",
            "2024-03-31",
            "2025-04-20",
            "2026-04-05",
            "2027-03-28",
            "2028-04-16",
            "2029-04-01",
            "2030-04-21",
            "2031-04-13",
            "2032-03-28",
            "2033-04-17",
            "2034-04-09",
            "2035-03-25",
            "2036-04-13",
            "2037-04-05",
            "2038-04-25",
            "2039-04-10",
            "2040-04-01",
            // The extremes: earliest possible (22 March) and latest possible (25 April).
            "1818-03-22",
            "2285-03-22",
            "1943-04-25",
            "2000-04-23",
        ];
        for date in known {
            let date = d(date);
            assert_eq!(easter_sunday(date.year()), Some(date));
            assert_eq!(date.weekday(), Weekday::Sun);
        }
    }

    #[test]
    fn holiday_counts_per_year() {
        for year in 2013..=2040 {
            let extra = match year {
                2022 => 2,
                2023 => 1,
                _ => 0,
            };
            assert_eq!(bank_holidays(Ew, year).len(), 8 + extra, "{year}");
            assert_eq!(bank_holidays(Sc, year).len(), 9 + extra, "{year}");
            assert_eq!(bank_holidays(Ni, year).len(), 10 + extra, "{year}");
        }
    }

    #[test]
    fn holidays_are_sorted_distinct_weekdays_in_their_year() {
        for year in 1600..=2600 {
            for region in Region::ALL {
                let days = dates(region, year);
                assert!(
                    days.windows(2).all(|w| w[0] < w[1]),
                    "{region:?} {year}: {days:?}"
                );
                for day in days {
                    assert_eq!(day.year(), year);
                    assert!(!is_weekend(day), "{region:?} {day}");
                }
            }
        }
    }

    #[test]
    fn years_outside_chrono_are_empty_and_extremes_do_not_panic() {
        assert!(bank_holidays(Ew, i32::MAX).is_empty());
        assert!(bank_holidays(Sc, i32::MIN).is_empty());
        assert!(!bank_holidays(Ni, NaiveDate::MAX.year()).is_empty());
        assert!(!bank_holidays(Ni, NaiveDate::MIN.year()).is_empty());
    }

    #[test]
    fn region_ids_and_serde() {
        for region in Region::ALL {
            assert_eq!(Region::from_id(region.id()), Some(region));
            let json = serde_json::to_string(&region).unwrap();
            assert_eq!(json, format!("\"{}\"", region.id()));
            assert_eq!(serde_json::from_str::<Region>(&json).unwrap(), region);
        }
        assert_eq!(Ni.id(), "northern-ireland");
        assert_eq!(Region::from_id("wales"), None);
        assert_eq!(Ew.name(), "England and Wales");
    }

    #[test]
    fn is_working_day_basics() {
        assert!(is_working_day(Ew, d("2025-06-02"))); // Monday
        assert!(!is_working_day(Ew, d("2025-06-07"))); // Saturday
        assert!(!is_working_day(Ew, d("2025-06-08"))); // Sunday
        assert!(!is_working_day(Ew, d("2025-12-25")));
        assert!(!is_working_day(Ew, d("2025-04-21")));
        assert!(is_working_day(Sc, d("2025-04-21"))); // no Easter Monday in Scotland
        assert_eq!(next_working_day(Ew, d("2025-12-24")), d("2025-12-29"));
        assert_eq!(next_working_day(Ew, d("2025-06-02")), d("2025-06-03"));
    }

    #[test]
    fn received_on_a_monday() {
        for region in Region::ALL {
            assert_eq!(
                add_working_days(region, at("2025-06-02", 9, 0), 5),
                d("2025-06-09")
            );
            assert_eq!(
                add_working_days(region, at("2025-06-02", 9, 0), 1),
                d("2025-06-03")
            );
            assert_eq!(
                add_working_days(region, at("2025-06-02", 9, 0), 10),
                d("2025-06-16")
            );
            assert_eq!(
                add_working_days(region, at("2025-06-02", 9, 0), 20),
                d("2025-06-30")
            );
        }
    }

    #[test]
    fn received_at_the_weekend_starts_on_monday() {
        for region in Region::ALL {
            for received in ["2025-06-07", "2025-06-08"] {
                assert_eq!(
                    add_working_days(region, at(received, 12, 0), 0),
                    d("2025-06-09")
                );
                assert_eq!(
                    add_working_days(region, at(received, 12, 0), 5),
                    d("2025-06-16")
                );
            }
        }
    }

    #[test]
    fn received_on_a_bank_holiday() {
        // Easter Monday 2025: not a holiday in Scotland, so day 0 differs.
        assert_eq!(
            add_working_days(Ew, at("2025-04-21", 10, 0), 0),
            d("2025-04-22")
        );
        assert_eq!(
            add_working_days(Ew, at("2025-04-21", 10, 0), 5),
            d("2025-04-29")
        );
        assert_eq!(
            add_working_days(Ni, at("2025-04-21", 10, 0), 5),
            d("2025-04-29")
        );
        assert_eq!(
            add_working_days(Sc, at("2025-04-21", 10, 0), 0),
            d("2025-04-21")
        );
        assert_eq!(
            add_working_days(Sc, at("2025-04-21", 10, 0), 5),
            d("2025-04-28")
        );
        // Boxing Day 2025 (Friday): day 0 is Monday 29 Dec; 1 Jan and, in Scotland, 2 Jan are skipped.
        assert_eq!(
            add_working_days(Ew, at("2025-12-26", 10, 0), 0),
            d("2025-12-29")
        );
        assert_eq!(
            add_working_days(Ew, at("2025-12-26", 10, 0), 3),
            d("2026-01-02")
        );
        assert_eq!(
            add_working_days(Ew, at("2025-12-26", 10, 0), 5),
            d("2026-01-06")
        );
        assert_eq!(
            add_working_days(Sc, at("2025-12-26", 10, 0), 3),
            d("2026-01-05")
        );
        assert_eq!(
            add_working_days(Sc, at("2025-12-26", 10, 0), 5),
            d("2026-01-07")
        );
        // Boyne substitute Monday 14 July 2025 only in Northern Ireland.
        assert_eq!(
            add_working_days(Ni, at("2025-07-11", 10, 0), 1),
            d("2025-07-15")
        );
        assert_eq!(
            add_working_days(Ew, at("2025-07-11", 10, 0), 1),
            d("2025-07-14")
        );
    }

    #[test]
    fn across_the_year_end() {
        // Wed 23 Dec 2026 is day 0; Christmas Fri 25, Boxing Day substitute Mon 28, New Year Fri 1;
        // Scotland also has 2 January (Saturday) substituted to Mon 4 Jan 2027.
        let received = at("2026-12-23", 9, 0);
        assert_eq!(add_working_days(Ew, received, 0), d("2026-12-23"));
        assert_eq!(add_working_days(Ew, received, 1), d("2026-12-24"));
        assert_eq!(add_working_days(Ew, received, 2), d("2026-12-29"));
        assert_eq!(add_working_days(Ew, received, 5), d("2027-01-04"));
        assert_eq!(add_working_days(Ni, received, 5), d("2027-01-04"));
        assert_eq!(add_working_days(Sc, received, 5), d("2027-01-05"));
    }

    #[test]
    fn time_of_day_is_ignored() {
        for region in Region::ALL {
            for date in ["2025-06-02", "2025-06-07", "2026-12-23", "2025-12-26"] {
                let morning = add_working_days(region, at(date, 9, 0), 5);
                assert_eq!(add_working_days(region, at(date, 17, 30), 5), morning);
                assert_eq!(add_working_days(region, at(date, 23, 59), 5), morning);
                assert_eq!(add_working_days(region, at(date, 0, 0), 5), morning);
            }
        }
    }

    #[test]
    fn zero_days_is_day_zero() {
        assert_eq!(
            add_working_days(Ew, at("2025-06-04", 23, 59), 0),
            d("2025-06-04")
        );
        assert_eq!(
            add_working_days(Ew, at("2025-12-25", 8, 0), 0),
            d("2025-12-29")
        );
        assert_eq!(
            add_working_days(Sc, at("2027-01-01", 8, 0), 0),
            d("2027-01-05")
        );
    }

    const FIRST_DAY: &str = "2018-01-01";
    const LAST_DAY: &str = "2040-12-31";

    fn region() -> impl Strategy<Value = Region> {
        prop::sample::select(Region::ALL.to_vec())
    }

    fn received() -> impl Strategy<Value = NaiveDateTime> {
        let span = (d(LAST_DAY) - d(FIRST_DAY)).num_days();
        (0..=span, 0u32..24, 0u32..60).prop_map(|(offset, hour, minute)| {
            (d(FIRST_DAY) + chrono::Duration::days(offset))
                .and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap())
        })
    }

    #[test]
    fn working_days_between_counts_the_days_after_up_to_today() {
        // Worked out by hand from the 2026-27 calendars.
        // Due Friday 11 December 2026: Saturday and Sunday are no working day, Monday is one.
        assert_eq!(
            working_days_between(Ew, d("2026-12-11"), d("2026-12-11")),
            0
        );
        assert_eq!(
            working_days_between(Ew, d("2026-12-11"), d("2026-12-13")),
            0
        );
        assert_eq!(
            working_days_between(Ew, d("2026-12-11"), d("2026-12-14")),
            1
        );
        // 14-18 and 21-24 December are 9 working days; 25 (Friday) and 28 December (Boxing
        // Day's substitute) are bank holidays; Tuesday 29 is the 10th.
        assert_eq!(
            working_days_between(Ew, d("2026-12-11"), d("2026-12-29")),
            10
        );
        // Before the date, nothing.
        assert_eq!(
            working_days_between(Ew, d("2026-12-11"), d("2026-12-01")),
            0
        );
        // Over New Year: Scotland also keeps Monday 4 January 2027 (2 January's substitute).
        // 29-31 Dec, then England and Wales works 4 and 5 Jan (1 Jan is a holiday): 5.
        assert_eq!(
            working_days_between(Ew, d("2026-12-28"), d("2027-01-05")),
            5
        );
        assert_eq!(
            working_days_between(Sc, d("2026-12-28"), d("2027-01-05")),
            4
        );
        // Easter 2027: Good Friday 26 March everywhere; Easter Monday 29 March not in Scotland.
        assert_eq!(
            working_days_between(Ew, d("2027-03-25"), d("2027-03-30")),
            1
        );
        assert_eq!(
            working_days_between(Sc, d("2027-03-25"), d("2027-03-30")),
            2
        );
        // St Patrick's Day, Wednesday 17 March 2027, only in Northern Ireland.
        assert_eq!(
            working_days_between(Ew, d("2027-03-16"), d("2027-03-18")),
            2
        );
        assert_eq!(
            working_days_between(Ni, d("2027-03-16"), d("2027-03-18")),
            1
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn working_days_between_undoes_adding_them(
            region in region(), received in received(), days in 0u32..200,
        ) {
            // From day 0 (the received date, or the next working day), n working days later
            // is n working days after it.
            let day_zero = add_working_days(region, received, 0);
            let due = add_working_days(region, received, days);
            prop_assert_eq!(working_days_between(region, day_zero, due), days);
        }

        #[test]
        fn working_days_between_grows_by_one_on_each_working_day(
            region in region(), received in received(), extra in 0i64..60,
        ) {
            let after = received.date();
            let up_to = after + chrono::Duration::days(extra);
            let next = next_day(up_to);
            let step = working_days_between(region, after, next) - working_days_between(region, after, up_to);
            prop_assert_eq!(step, u32::from(is_working_day(region, next)));
        }

        #[test]
        fn result_is_the_days_th_working_day_from_day_zero(
            region in region(), received in received(), days in 0u32..200,
        ) {
            let due = add_working_days(region, received, days);
            prop_assert!(is_working_day(region, due));
            prop_assert!(due >= received.date());
            // Brute-force oracle: the working days from the received date to the deadline
            // inclusive are day 0 ..= day n.
            let working = received
                .date()
                .iter_days()
                .take_while(|&day| day <= due)
                .filter(|&day| is_working_day(region, day))
                .count();
            prop_assert_eq!(working, days as usize + 1);
        }

        #[test]
        fn monotonic_in_days(region in region(), received in received(), a in 0u32..200, b in 0u32..200) {
            let (low, high) = (a.min(b), a.max(b));
            let (early, late) = (add_working_days(region, received, low), add_working_days(region, received, high));
            if low < high {
                prop_assert!(early < late);
            } else {
                prop_assert_eq!(early, late);
            }
        }

        #[test]
        fn monotonic_in_received_date(region in region(), a in received(), b in received(), days in 0u32..200) {
            let (first, second) = if a.date() <= b.date() { (a, b) } else { (b, a) };
            prop_assert!(add_working_days(region, first, days) <= add_working_days(region, second, days));
        }

        #[test]
        fn adding_in_two_steps_is_adding_once(
            region in region(), received in received(), a in 0u32..200, b in 0u32..200,
            hour in 0u32..24, minute in 0u32..60,
        ) {
            let midway = add_working_days(region, received, a)
                .and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap());
            prop_assert_eq!(
                add_working_days(region, midway, b),
                add_working_days(region, received, a + b)
            );
        }

        #[test]
        fn only_the_date_matters(region in region(), received in received(), days in 0u32..200) {
            let midnight = received.date().and_time(NaiveTime::MIN);
            prop_assert_eq!(add_working_days(region, received, days), add_working_days(region, midnight, days));
        }
    }
}

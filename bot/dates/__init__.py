"""Dates and times as Finnish (and Swedish, some English) speakers type them.

Pure: no I/O and no clock; callers pass `today` / `now`. Matching is case-insensitive,
whitespace-tolerant and diacritics are optional (ä->a, ö->o, å->a).

Accepted date phrases (every result is on or after `today`):

- `12.12.`, `12.12` -> the next such date that is today or later (on 2026-12-20 `12.1.` is
  2027-01-12; `29.2.` is the next 29 February). `12.12.2026`, `12.12.2026.`, `2026-12-12`.
  A two-digit year means 20yy: `12.12.26` = 12.12.2026.
- `tänään`, `huomenna`, `huomiseen`, `ylihuomenna`; sv `i dag`/`idag`, `i morgon`/`imorgon`,
  `i övermorgon`; en `today`, `tomorrow`.
- A weekday alone (`pe`, `perjantai`, `perjantaina`, `perjantaihin`; sv `fr`, `fre`, `fredag`,
  `på fredag`; en `fri`, `friday`; a trailing `.` is fine) is the next such day, TODAY
  INCLUDED: `pe` said on a Wednesday is this Friday, said on a Friday it is today.
- Weekday + date (`pe 11.12.`, `perjantaina 11.12.2026`, `fredag den 11.12.`) must agree,
  else "weekday_mismatch" with params `written` (the date as written), `weekday_date` (the
  day with that weekday nearest the written date, or the next one when that has passed) and
  `weekday` (0 = Monday).
- `ensi viikolla` / `ensi viikko` / `ensi viikkoon`, sv `nästa vecka`, en `next week`: the
  Friday of next ISO week (a deadline).
- `vko 50`, `viikko 50`, `vk 50`, `v. 50`, sv `vecka 50`, en `week 50`: the Friday of that ISO
  week of today's ISO year, or of the next ISO year if that Friday has passed. A week the
  chosen year does not have (`vko 53` in most years, `vko 54`, `vko 0`) is "impossible".
- `ensi maanantaina` (any weekday form; sv `nästa måndag`, en `next monday`): the next such
  day AFTER today (on a Monday it is a week away; on a Wednesday `ensi perjantaina` is this
  Friday). `ensi viikon maanantaina`: that weekday of next ISO week.
- Day and month name, as Finns write them: `12. joulukuuta`, `12 joulukuuta`, `12.joulukuuta`
  (partitive), `joulukuun 12.`, `joulukuun 12. päivä(nä/än)` (genitive), an optional year
  after (`12. joulukuuta 2027`); sv `12 december`, `den 12 december`; en `12 December`,
  `December 12`. Without a year it is the next such date, as for `12.12.`.
- `kuun loppuun` / `kuun lopussa` / `kuukauden loppuun`, sv `slutet av månaden`, en `end of
  the month`: the last day of the current month; ON that last day it is today (a deadline
  "by the end of the month" said on the 31st is due that day, as `pe` said on a Friday is).
- `3 päivän päästä` / `3 pv päästä` / `3 päivän kuluttua`, sv `om 3 dagar`, en `in 3 days`;
  `viikon päästä` / `2 viikon päästä`, sv `om en vecka`, en `in a week`.

Times: `klo 14`, `klo 14.30`, `kl. 14.30`, `kl 14`, `kello 9.05`, `14:30`, and `14.30` after a
date (a bare `14` is not a time). Usually after the date; `klo 14 huomenna` works too. Hours
0-23 and minutes 00-59, else "impossible_time" (`24:00` included). `ti 14.30` is Tuesday at
14.30 because 14.30. cannot be a date; `pe 11.12` without a time is the date 11.12.

A time said in words (`puoli kolme`, `varttia yli`, `varttia vaille`, sv `halv tre`, `kvart
över`, en `half past`, `quarter to`) is refused as "spoken_time": write `klo 14.30`.

parse_datetime_span also takes a time range `klo 14-15`, `klo 14–15`, `klo 14.30–15.15`,
`14.30-15` (a mark or minutes needed, like a single time) and gives (start, end) on the same
day; without a range the end is None. An end not after the start is "end_before_start".

parse_datetime gives an aware datetime in the given zone. A local time skipped by the spring
DST change (29.3.2026 03.30 in Helsinki) is "nonexistent_time"; a time repeated in the autumn
(25.10.2026 03.00-03.59) means the first occurrence (fold=0, summer time). Note that
format_datetime of the second occurrence shows the same wall time, which parses back to the
first one.

Error codes (DateParseError.code) and params:
  unrecognised {}; impossible {day, month, year} or {week[, year]};
  past {date} or {datetime}; weekday_mismatch {written, weekday_date, weekday};
  impossible_time {hour, minute}; nonexistent_time {local: naive datetime};
  missing_time {date} (no time and no default_time); missing_date {time} (only a time);
  spoken_time {}; end_before_start {start, end} (times).

split_trailing_date takes the deadline off "/askel" texts: `Soita Kelaan pe mennessä`,
`... mennessä 11.12.`, `... viimeistään pe`, `... senast fr`, `... by Friday`. `före` is not
a marker ("before Friday" is not "by Friday").

Formatting: fi `pe 11.12.2026 klo 14.00`, sv `fr 11.12.2026 kl. 14.00`, en
`Fri 11.12.2026 14:00`; an unknown language falls back to Finnish. Everything formatted
parses back to the same value; so does a span, `pe 11.12.2026 klo 14.00–15.00`.
"""

from __future__ import annotations

from bot.dates.errors import DateParseError
from bot.dates.format import (
    day,
    format_date,
    format_datetime,
    format_span,
    format_time,
    moment,
    span,
)
from bot.dates.parse import parse_date, parse_datetime, split_trailing_date
from bot.dates.ranges import parse_datetime_span

__all__ = [
    "DateParseError",
    "day",
    "format_date",
    "format_datetime",
    "format_span",
    "format_time",
    "moment",
    "parse_date",
    "parse_datetime",
    "parse_datetime_span",
    "span",
    "split_trailing_date",
]

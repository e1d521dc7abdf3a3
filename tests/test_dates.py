import datetime as dt

import pytest

from extract.dates import dateline_day, day_mentions, event_dates, page_day_order, read_stamp, reference_date, reference_month


def days(text, published, fallback=None):
    return [(text[s:e], d.isoformat()) for s, e, d in day_mentions(text, published, fallback)]


def test_reference_is_a_full_date_and_never_raises():
    assert reference_date("2024-04-25") == dt.date(2024, 4, 25)
    assert reference_date("2024-06") is None
    assert reference_date("2024-13-45") is None
    assert reference_date(None) is None
    assert reference_month("2024-06") == (2024, 6)
    assert reference_month("2024-13-45") is None


def test_weekdays_with_and_without_on():
    # 2022-09-08 is a Thursday
    assert days("the minister said at a briefing held Wednesday.", "2022-09-08") == [("Wednesday", "2022-09-07")]
    assert days("the ministry said Thursday it would act.", "2022-09-08") == [("Thursday", "2022-09-08")]
    assert days("Officials met on Friday.", "2022-09-08") == [("Friday", "2022-09-02")]


def test_days_that_are_not_the_event_are_left_out():
    assert days("analysts said before Thursday's briefing", "2024-10-17") == []
    assert days("a tour from July 5 to 7", "2016-07-08") == []
    assert days("the vote is due next Monday", "2016-07-08") == []
    assert days("The law, which takes effect on 1 July, caps rents.", "2025-06-17") == []
    assert days("rules that come into force on Monday", "2025-06-17") == []
    assert days("the tariff, effective from March 3, rises", "2025-06-17") == []


def test_month_days_resolved_without_guessing_a_year():
    assert days("an official said January 4.", "2018-01-10") == [("January 4", "2018-01-04")]
    assert days("the minister said on 30 December.", "2018-01-10") == [("30 December", "2017-12-30")]
    assert days("the minister said on June 16 in Bhopal.", "2024-06") == [("June 16", "2024-06-16")]
    assert days("the minister said on June 16 in Bhopal.", None) == []
    assert days("the minister said on Tuesday.", "2024-06") == []
    assert days("said on Tuesday.", "2024-13-45") == []


def test_fallback_reference_and_full_dates():
    assert days("talks in Beijing on Wednesday", None, dt.date(2025, 7, 30)) == [("Wednesday", "2025-07-30")]
    assert days("signed on March 3, 2021 in Paris", None) == [("March 3, 2021", "2021-03-03")]
    assert days("the agency said yesterday", "2021-03-03") == [("yesterday", "2021-03-02")]


def stamp(text, whole=False):
    found = read_stamp(text, whole=whole)
    return tuple(d.isoformat() for d in found.readings) if found else None


@pytest.mark.parametrize("text, day", [
    ("Nov 14, 2022 7:05 AM EST", "2022-11-14"),            # US
    ("Mon 6 Feb 2023 09.30 GMT", "2023-02-06"),            # UK, a dotted time
    ("Fri 8 Mar 2024 at 7:45am", "2024-03-08"),            # Australian
    ("Mar 21, 2023 11:02 IST", "2023-03-21"),              # Indian
    ("2023-06-19 16:40:05", "2023-06-19"),                 # ISO with seconds
    ("18:02 UTC+8, 2023-06-19", "2023-06-19"),             # time and zone first
    ("2022.04.01 (Fri) 08:00 JST", "2022-04-01"),          # Japanese year first, weekday in brackets
    ("Saturday, 11 May 2024", "2024-05-11"),               # weekday-led
    ("Monday, 22nd April 2024", "2024-04-22"),             # ordinal day
    ("23/10/2023 - 17:05", "2023-10-23"),                  # Latin American dd/mm, a part over 12
    ("10/23/2023", "2023-10-23"),                          # US mm/dd, a part over 12
    ("09.10.2023 14:30", "2023-10-09"),                    # dots are day first
    ("Jan 9,2024 10:03 AM Reuters Print", "2024-01-09"),   # what follows the stamp is not read
])
def test_time_stamps_of_many_outlets(text, day):
    assert stamp(text) == (day,)


def test_numeric_day_month_order_is_decided_by_evidence_only():
    assert stamp("05/06/2023") == ("2023-06-05", "2023-05-06")  # both readings: the page decides
    assert stamp("Mon 05/06/2023") == ("2023-06-05",)  # 5 June 2023 was a Monday, 6 May a Saturday
    assert page_day_order("Updated 12/25/2023\nPosted 05/06/2023") == "MDY"
    assert page_day_order("Posted 25/12/2023") == "DMY"
    assert page_day_order("25/12/2023 and 12/25/2023") is None
    assert page_day_order("05/06/2023") is None


def test_what_is_not_a_stamp():
    assert stamp("Markets") is None
    assert stamp("March 2024") is None  # no day
    assert stamp("The ministry said on 4 March 2024 that") is None  # a stamp opens the text or is all of it
    assert stamp("Xinhua) 10:10, November 09, 2024", whole=True) == ("2024-11-09",)
    assert stamp("The ministry said on 4 March 2024", whole=True) is None


def test_a_datelines_day_takes_the_stamps_year_with_a_day_for_time_zones():
    assert dateline_day("Jan. 2", dt.date(2024, 1, 1)) == dt.date(2024, 1, 2)
    assert dateline_day("Dec. 30", dt.date(2024, 1, 2)) == dt.date(2023, 12, 30)
    assert dateline_day("4 March", dt.date(2024, 3, 4)) == dt.date(2024, 3, 4)


def test_this_afternoon_and_tonight_are_the_reference_day():
    assert days("she told reporters this afternoon", "2024-12-17") == [("this afternoon", "2024-12-17")]
    assert days("he said tonight", "2024-12-17") == [("tonight", "2024-12-17")]


def test_a_deadline_is_no_event_date():
    text = "The ministry met on 3 May 2024 and must decide by 16 December 2024."
    assert [d.isoformat() for _, _, d in event_dates(text)] == ["2024-05-03"]


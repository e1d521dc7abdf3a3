import datetime as dt

from extract.dates import day_mentions, reference_date, reference_month


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

"""`scrutiny plan import` and `scrutiny plan calendar` on appendix 1 of the NPM business plan
2026-27 as published, and on files with mistakes in them."""

import csv
import io

import pytest

from business_plan.files import APPENDIX, OBJECTIVES
from scrutiny.business_plan.models import Activity, CommunicationActivity, Milestone, Objective, Plan, Status
from scrutiny.cli import main

pytestmark = pytest.mark.django_db

MONTHS = "Apr 26,May 26,Jun 26,Jul 26,Aug 26,Sep 26,Oct 26,Nov 26,Dec 26,Jan 27,Feb 27,Mar 27"


def write(tmp_path, text: str, name="plan.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_published_calendar_imports_and_prints_what_does_not_add_up(capsys):
    assert main(["plan", "import", str(APPENDIX)]) == 0
    out = capsys.readouterr().out
    assert "23 rows, no problems; all stored in 'NPM business plan 2026-27'" in out
    assert "activities: 22 new, 0 updated, 0 removed" in out
    assert "workload:      8     11     17     18     19     17     18     19     18     16     16     16   total 193" in out
    assert "5 things do not add up:" in out
    assert "row 8, 2.4, column total: the row total is 8, but Jun 26 to Dec 26 is 7 months" in out
    assert "row 8, 2.4, column notes: the notes name January 2027 (“November - January”: Analysis)" in out
    assert "row 8, 2.4, column notes: the notes name March 2027 (“March”: Final report)" in out
    assert "row 18, 5.2, column notes: the notes name April 2027 (“April (27)”: Conference)" in out
    assert "row 24, workload, column Mar 27: the stated total for March 2027 is 17, but 16 activities are active that month" in out
    plan = Plan.objects.get()
    assert [m.label for m in plan.months] == MONTHS.split(",")
    assert plan.activities.count() == 22
    assert sorted(Objective.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]


def test_the_calendar_prints_a_column_per_month_and_the_workload_last(capsys):
    main(["plan", "import", str(APPENDIX)])
    capsys.readouterr()
    assert main(["plan", "calendar", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["code", "activity", *MONTHS.split(","), "total"]
    assert rows[1] == ["1.1", "NPM guidance & training (MH & social care)", "", "", "", "1", "1", "1", "1", "1", "1", "1", "1", "1", "9"]
    assert rows[7][0] == "2.4" and rows[7][-1] == "7"  # Jun 26 to Dec 26, whatever the published total said
    assert rows[-1] == ["workload", "", "8", "11", "17", "18", "19", "17", "18", "19", "18", "16", "16", "16", "193"]
    assert len(rows) == 24


def test_a_dry_run_reports_and_stores_nothing(capsys):
    assert main(["plan", "import", str(APPENDIX), "--dry-run"]) == 0
    assert "dry run, nothing stored" in capsys.readouterr().out
    assert not Plan.objects.exists()


def test_key_dates_in_the_notes_become_milestones(capsys):
    main(["plan", "import", str(APPENDIX)])
    conference = Activity.objects.get(code="5.2")
    assert [(m.when, m.label) for m in conference.milestones.all()] == [("October 2026", "Begin coordination"), ("April 2027", "Conference")]
    assert Milestone.objects.filter(activity__code="4.4").count() == 0  # "Ongoing"


def test_a_file_with_mistakes_lists_every_one_by_row_and_column_and_stores_nothing(tmp_path, capsys):
    path = write(tmp_path, "code,activity,notes,start,end,total\n"
                 "1.1,Guidance,,Jul 26,Mar 27,9\n"
                 "one,Conference,,Jun 26,Nov 26,6\n"
                 "1.3,,,May 26,Smarch 27,eleven\n"
                 "1.4,Backwards,,Mar 27,Apr 26,\n"
                 "1.1,Again,,Apr 26,Apr 26,\n"
                 "2.1,No start,,,Mar 27,\n")
    assert main(["plan", "import", path]) == 2
    err = capsys.readouterr().err
    assert "7 problems; nothing was stored" in err
    for expected in (
        "row 3, column code: 'one' is not an activity code",
        "row 4, column activity: the activity has no title",
        "row 4, column end: 'Smarch' is not the name of a month",
        "row 4, column total: 'eleven' is not a whole number",
        "row 5, column end: Apr 26 is before the start, Mar 27",
        "row 6, column code: '1.1' is already the code of row 2",
        "row 7, column start: empty: write the month like 'Apr 26'",
    ):
        assert expected in err
    assert not Plan.objects.exists() and not Activity.objects.exists()


def test_a_header_without_the_columns_is_refused(tmp_path, capsys):
    assert main(["plan", "import", write(tmp_path, "code,title,when\n1.1,Guidance,Jul 26\n")]) == 2
    err = capsys.readouterr().err
    assert "row 1: the header has no activity, notes, start, end column" in err


def test_month_columns_must_follow_on_and_activities_stay_inside_them(tmp_path, capsys):
    path = write(tmp_path, "code,activity,notes,start,end,Apr 26,Jun 26\n1.1,Guidance,,Apr 26,Apr 26,,\n")
    assert main(["plan", "import", path]) == 2
    assert "the month columns must follow on from one another" in capsys.readouterr().err
    path = write(tmp_path, "code,activity,notes,start,end,Apr 26,May 26\n1.1,Guidance,,Apr 26,Jun 26,,\n")
    assert main(["plan", "import", path]) == 2
    assert "row 2, column end: Jun 26 is outside the plan (Apr 26 to May 26)" in capsys.readouterr().err


def test_the_workload_row_may_carry_its_totals_in_the_notes_and_must_be_last(tmp_path, capsys):
    path = write(tmp_path, "code,activity,notes,start,end\n1.1,Guidance,,Apr 26,Mar 27\n"
                 "workload,,1 1 1 1 1 1 1 1 1 1 1 2,,\n")
    assert main(["plan", "import", path]) == 0
    assert "row 3, workload, column Mar 27: the stated total for March 2027 is 2, but 1 activity is active" in capsys.readouterr().out
    path = write(tmp_path, "code,activity,notes,start,end\nworkload,,1 1 1 1 1 1 1 1 1 1 1 1,,\n1.1,Guidance,,Apr 26,Mar 27\n")
    assert main(["plan", "import", path]) == 2
    assert "row 3, column code: a row after the workload row (row 2): the workload row is the last" in capsys.readouterr().err
    path = write(tmp_path, "code,activity,notes,start,end\n1.1,Guidance,,Apr 26,Mar 27\nworkload,,1 1,,\n")
    assert main(["plan", "import", path]) == 2
    assert "row 3, column notes: 2 monthly totals for 12 months (Apr 26 to Mar 27)" in capsys.readouterr().err


def test_marks_in_month_columns_are_checked_against_start_and_end(tmp_path, capsys):
    path = write(tmp_path, f"code,activity,notes,start,end,{MONTHS}\n2.4,Solitary confinement,,Jun 26,Dec 26,,,1,1,1,1,1,1,1,,,1\n")
    assert main(["plan", "import", path]) == 0
    assert "row 2, 2.4, column Mar 27: marked active but outside Jun 26 to Dec 26" in capsys.readouterr().out


def test_importing_again_updates_the_plan_and_keeps_the_status_staff_gave(tmp_path, capsys):
    main(["plan", "import", str(APPENDIX)])
    Activity.objects.filter(code="3.1").update(status=Status.ON_TRACK)
    text = APPENDIX.read_text(encoding="utf-8").replace("NPM Reporting Dashboard", "NPM Reporting Dashboard (phase 2)")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("6.2,"))
    assert main(["plan", "import", write(tmp_path, text)]) == 0
    assert "activities: 0 new, 21 updated, 1 removed" in capsys.readouterr().out
    dashboard = Activity.objects.get(code="3.1")
    assert (dashboard.title, dashboard.status) == ("NPM Reporting Dashboard (phase 2)", Status.ON_TRACK)
    assert not Activity.objects.filter(code="6.2").exists()


def test_objectives_bring_their_functions_and_the_communications_plan(capsys):
    main(["plan", "import", str(APPENDIX)])
    assert main(["plan", "objectives", str(OBJECTIVES)]) == 0
    assert "6 objectives, 14 communications activities" in capsys.readouterr().out
    second = Objective.objects.get(number=2)
    # The plan calls the cooperative function "collaborative".
    assert sorted(second.functions.values_list("slug", flat=True)) == ["advisory", "cooperative", "educational", "visiting"]
    assert list(Objective.objects.get(number=4).communications.values_list("title", flat=True)) == ["Guest Blogs", "International Knowledge Sharing"]
    youtube = CommunicationActivity.objects.get(title="YouTube Channel")
    assert youtube.functions.count() == 4


def test_an_unknown_function_is_refused(tmp_path, capsys):
    main(["plan", "import", str(APPENDIX)])
    path = write(tmp_path, "objective,title,functions\n1,Awareness,visiting; inspecting\n", "objectives.csv")
    assert main(["plan", "objectives", path]) == 2
    assert "row 2, column functions: not an NPM function: inspecting" in capsys.readouterr().err

"""Each report family's layout gives the findings its readers would list, and nothing else."""

from scrutiny.core.extract import extract_findings
from scrutiny.core.text import read_document

from .made_files import html_report


def findings(tmp_path, *parts):
    return extract_findings(read_document(html_report(tmp_path / "report.html", *parts)))


def summary(found):
    return [(f.kind, f.number, f.label_in_source, f.text, f.status) for f in found]


def test_hmip_2022_concerns_are_paired_with_their_recommendations(tmp_path):
    found = findings(
        tmp_path,
        ("h1", "Report on an unannounced inspection of HMP Example"), ("p", "by HM Inspectorate of Prisons"),
        ("h2", "Section 1 Summary of key findings"), ("h3", "Notable positive practice"),
        ("p", "We found the following examples of notable positive practice:"),
        ("li", "Peer mentors met every new arrival. (See paragraph 4.12.)"),
        ("h2", "Section 2 Key concerns and recommendations"), ("h3", "Priority concerns"),
        ("p", "1. Levels of violence were high and rising."),
        ("p", "Recommendation: Leaders should reduce violence through a coordinated strategy."),
        ("h3", "Key concerns"),
        ("p", "2. Too few prisoners were in education."),
        ("p", "Recommendation: The prison should provide enough activity places."),
        ("h2", "Section 4 Safety"), ("p", "4.1 Most prisoners said they felt safe."),
    )
    assert summary(found) == [
        ("good_practice", None, "Notable positive practice", "Peer mentors met every new arrival. (See paragraph 4.12.)", None),
        ("priority_concern", "1", "Priority concerns", "Levels of violence were high and rising.", None),
        ("recommendation", "1", "Priority concerns > Recommendation",
         "Leaders should reduce violence through a coordinated strategy.", None),
        ("key_concern", "2", "Key concerns", "Too few prisoners were in education.", None),
        ("recommendation", "2", "Key concerns > Recommendation", "The prison should provide enough activity places.", None),
    ]
    assert found[0].section == "Summary of key findings"
    assert found[1].section == "Key concerns and recommendations"
    assert found[0].profile == "hmip-prison-2022"


def test_review_of_progress_judgement_is_the_status_of_concern_and_recommendation(tmp_path):
    found = findings(
        tmp_path,
        ("h1", "Independent review of progress at HMP Example"),
        ("h2", "Section 2 Progress against key concerns and recommendations"), ("h3", "Priority concerns"),
        ("p", "Concern: Levels of violence were high."),
        ("p", "Recommendation: Leaders should reduce violence."),
        ("p", "2.1 Violence had fallen since the inspection."),
        ("p", "2.2 We judged that there had been reasonable progress against this recommendation."),
    )
    assert summary(found) == [
        ("priority_concern", None, "Priority concerns > Concern", "Levels of violence were high.", "reasonable progress"),
        ("recommendation", None, "Priority concerns > Recommendation", "Leaders should reduce violence.",
         "reasonable progress"),
    ]
    assert found[0].section == "Progress against key concerns and recommendations"


def test_police_custody_cause_of_concern_heading_holds_one_finding_then_narrative(tmp_path):
    found = findings(
        tmp_path,
        ("h1", "Report on an unannounced inspection visit to police custody suites in Exshire"),
        ("h2", "4. In the custody suite: booking in, individual needs and legal rights"),
        ("h3", "Cause of concern"), ("p", "4.20 Detainees waited too long to be booked in."),
        ("h4", "Recommendation"), ("p", "4.21 The force should reduce waiting times."),
        ("p", "4.22 Staff were polite and respectful to detainees in the custody suite."),
        ("h3", "Areas for improvement"), ("p", "4.30 Cells should be cleaned more often."),
    )
    assert summary(found) == [
        ("cause_of_concern", "4.20", "Cause of concern", "Detainees waited too long to be booked in.", None),
        ("recommendation", "4.21", "Cause of concern > Recommendation", "The force should reduce waiting times.", None),
        ("area_for_improvement", "4.30", "Areas for improvement", "Cells should be cleaned more often.", None),
    ]
    assert {f.section for f in found} == {"In the custody suite: booking in, individual needs and legal rights"}


def test_scottish_follow_up_keeps_the_verdict_and_addressee(tmp_path):
    found = findings(
        tmp_path,
        ("p", "HM Inspectorate of Prisons for Scotland"), ("h1", "HMP Example: Follow-up Inspection"),
        ("h2", "3. Progress on Recommendations and Points of Note"), ("h3", "Recommendations"),
        ("p", "11.2 A shower should be offered before court (paragraph 5.7)."),
        ("p", "Partly implemented. Some prisoners have a shower the night before."),
        ("h2", "4. Recommendations"), ("h3", "For SPS HQ"),
        ("p", "4.1 The kitchen should be refurbished (paragraph 4.12)."),
    )
    assert summary(found) == [
        ("recommendation", "11.2", "Progress on Recommendations and Points of Note > Recommendations",
         "A shower should be offered before court (paragraph 5.7).", "Partly implemented"),
        ("recommendation", "4.1", "Recommendations > For SPS HQ", "The kitchen should be refurbished (paragraph 4.12).", None),
    ]
    assert found[1].addressee == "SPS HQ"


def test_imb_issues_are_grouped_by_who_must_answer(tmp_path):
    found = findings(
        tmp_path,
        ("h1", "Annual report of the Independent Monitoring Board at HMP Example"),
        ("h2", "3. Executive summary"), ("h3", "3.3 Main areas for development"), ("h4", "To the Minister"),
        ("li", "When will the Minister fund repairs to the roof?"),
        ("h4", "To the Governor"), ("li", "Will the Governor reopen the library?"),
        ("h3", "3.4 Progress since the last report"), ("td", "Roof repairs: not done"),
    )
    assert [(f.label_in_source, f.addressee, f.section) for f in found] == [
        ("Main areas for development > To the Minister", "the Minister", "Executive summary"),
        ("Main areas for development > To the Governor", "the Governor", "Executive summary"),
    ]


def test_cjini_strategic_and_operational_recommendations_restart_their_numbers(tmp_path):
    found = findings(
        tmp_path,
        ("h1", "Criminal Justice Inspection Northern Ireland: an inspection of Example"),
        ("h2", "Recommendations"), ("h3", "Strategic recommendations"),
        ("p", "1. The service should publish a strategy (paragraph 2.14)."),
        ("h3", "Operational recommendations"), ("p", "1. Staff should be trained (paragraph 3.2)."),
        ("h2", "Chapter 1 Safety"), ("h3", "Areas for improvement"), ("li", "Cell bells should be answered promptly."),
    )
    assert [(f.kind, f.number, f.label_in_source, f.section) for f in found] == [
        ("recommendation", "1", "Strategic recommendations", "Recommendations"),
        ("recommendation", "1", "Operational recommendations", "Recommendations"),
        ("area_for_improvement", None, "Areas for improvement", "Safety"),
    ]


def test_care_inspectorate_compliance_lines_are_not_findings(tmp_path):
    found = findings(
        tmp_path,
        ("h1", "Care Inspectorate: Example Secure Care Centre"),
        ("h2", "How well do we support children and young people's rights and wellbeing?"), ("p", "4 - Good"),
        ("h3", "Requirements"), ("p", "1. By 30 June 2024, the provider must review restraint."),
        ("p", "This is to comply with Regulation 4(1)(a)."),
    )
    assert summary(found) == [("requirement", "1", "Requirements", "By 30 June 2024, the provider must review restraint.", None)]
    assert found[0].section == "How well do we support children and young people's rights and wellbeing?"


def test_cqc_issue_and_its_action(tmp_path):
    found = findings(
        tmp_path,
        ("h1", "Mental Health Act monitoring visit, Care Quality Commission"),
        ("h2", "Provider action statement"), ("h3", "Issues found and actions required"),
        ("p", "1. Patients were not told of their rights."),
        ("p", "Action required: The provider must ensure patients are told of their rights."),
    )
    assert summary(found) == [
        ("concern", "1", "Issues found and actions required", "Patients were not told of their rights.", None),
        ("action_point", "1", "Issues found and actions required > Action required",
         "The provider must ensure patients are told of their rights.", None),
    ]


def test_unknown_layout_lead_in_lines_are_not_findings(tmp_path):
    found = findings(
        tmp_path,
        ("h1", "Visit report"), ("h2", "Areas for improvement"),
        ("p", "The visiting team identified the following areas for improvement:"),
        ("li", "Detainees should be offered a shower."), ("li", "Interpreters should be used on booking in."),
        ("h2", "Good practice"), ("p", "Every detainee was offered a hot meal on arrival."),
    )
    assert summary(found) == [
        ("area_for_improvement", None, "Areas for improvement", "Detainees should be offered a shower.", None),
        ("area_for_improvement", None, "Areas for improvement", "Interpreters should be used on booking in.", None),
        ("good_practice", None, "Good practice", "Every detainee was offered a hot meal on arrival.", None),
    ]
    assert found[0].profile == "generic"

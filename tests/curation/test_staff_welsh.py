"""The staff pages in Welsh: every page type under /manage, read under /cy/ by a person holding
the editor and administrator roles, says it is in Welsh and shows none of the English interface
words it is built from; and every string the staff templates and staff apps mark for translation
has a Welsh one in the catalogue."""

import html
import re
from pathlib import Path

import pytest

from factories import FindingFactory, ReportFactory, body, sign_in, staff_member
from scrutiny.accounts.services import grant
from scrutiny.curation import services

pytestmark = pytest.mark.django_db

PACKAGE = Path(__file__).resolve().parents[2] / "src/scrutiny"
CATALOGUE = PACKAGE / "locale/cy/LC_MESSAGES/django.po"

# The staff surfaces: their templates and the Python that puts words on them.
STAFF_TEMPLATES = [
    "curation/jinja2", "uploads/jinja2", "taxonomy/jinja2", "review/jinja2",
    "followup/jinja2/followup/queue.html", "followup/jinja2/followup/assessment.html", "followup/jinja2/followup/_pair.html",
    "accounts/jinja2/accounts/users.html", "accounts/jinja2/accounts/two_factor_setup.html",
    "accounts/jinja2/accounts/accept_invitation.html", "accounts/jinja2/accounts/invitation_invalid.html",
    "tracker/jinja2/tracker/manage", "key_issues/jinja2/key_issues/manage", "correspondence/jinja2/correspondence/manage",
    "reviews/jinja2/reviews/manage", "bulletin/jinja2/bulletin/manage",
    "custody_deaths/jinja2/custody_deaths/manage_home.html", "custody_deaths/jinja2/custody_deaths/import.html",
    "custody_deaths/jinja2/custody_deaths/mapping.html", "custody_deaths/jinja2/custody_deaths/records.html",
    "custody_deaths/jinja2/custody_deaths/record.html", "business_plan/jinja2/business_plan",
]
# Every module of every app: staff pages show words from forms, models, services and commands alike
# (the choices of a model, a form's errors, a service's message), so none is left out.
STAFF_PYTHON = sorted(str(path.relative_to(PACKAGE)) for path in PACKAGE.glob("*/**/*.py")
                      if "migrations" not in path.parts and "static_src" not in path.parts)

# Interface words of the staff pages (headings, buttons, table heads, labels), none of them a
# word the test's own data uses. Found on a /cy/ page, one was missed.
ENGLISH_INTERFACE = [
    "Manage the record", "Reports in every state", "Upload reports", "Every change", "Latest changes", "Reports by state",
    "Waiting for review", "Corrections waiting", "Undo", "Before → after", "When", "Who", "What", "History",
    "Correct the report's details", "See it as the public does", "Follow-up links", "Save the correction", "Findings",
    "Reference", "Fieldwork start", "Legal basis", "Source URL", "Heading or label in the report", "Text", "Page",
    "Accounts", "People", "Last signed in", "Invite someone", "Make an invitation", "Close account", "Remove",
    "Secretariat editor", "Administrator", "E-mail address", "Role", "Uploads", "Report files", "Publication date",
    "Upload", "Nothing has been uploaded yet", "Refresh the list", "Import historic findings", "Check the file",
    "Vocabularies", "Themes", "Populations", "Settings", "Add a theme", "Edit", "Merge", "Split", "Slug", "Keywords",
    "Exclusions", "Name in Welsh", "Position in lists", "Back to the vocabularies", "See what the merge will do",
    "See how many findings move", "History of the vocabularies", "Import vocabularies", "Establishments to review",
    "Follow-up links waiting", "Which earlier finding does this assess", "Choose another finding", "Search", "Link",
    "Review theme suggestions", "Nothing is waiting for review", "Tagged", "Decisions", "Add the theme", "Choose a",
    "Confirm", "Reject", "Accept", "Score", "Candidate", "There is a problem", "Not recorded", "Published",
    # The NPM's own records: the Policy Tracker, key issues, correspondence, deaths in custody, reviews.
    "Policy Tracker", "Add an item", "Tracker horizon", "Overdue actions", "Your tracker calendar", "Make a link",
    "Import the tracker spreadsheet", "Columns", "Key issues", "Add a key issue", "Save the key issue",
    "Correspondence with duty bearers", "Draft a letter", "Replies overdue", "Save the letter", "Date sent",
    "Deaths in custody", "Cause mapping", "Import an update file", "Wording in the source", "Save the wording",
    "Date of death", "Independent reviews", "Add a review", "Save the review", "Commissioned by", "Drafts",
    "Monthly bulletin", "Start a bulletin", "Bulletins", "Month",
]

PAGES = {
    "manage": lambda w: "/cy/manage",
    "manage-reports": lambda w: "/cy/manage/reports",
    "manage-report": lambda w: f"/cy/manage/reports/{w['report']}",
    "edit-report": lambda w: f"/cy/manage/reports/{w['report']}/edit",
    "edit-finding": lambda w: f"/cy/manage/findings/{w['finding']}/edit",
    "history": lambda w: "/cy/manage/history",
    "users": lambda w: "/cy/manage/users",
    "uploads": lambda w: "/cy/manage/uploads",
    "import": lambda w: "/cy/manage/import",
    "vocabularies": lambda w: "/cy/manage/vocabularies",
    "vocabulary-edit": lambda w: "/cy/manage/vocabularies/themes/segregation",
    "vocabulary-add": lambda w: "/cy/manage/vocabularies/settings/new",
    "vocabulary-merge": lambda w: "/cy/manage/vocabularies/populations/women/merge",
    "theme-split": lambda w: "/cy/manage/vocabularies/themes/use-of-force/split",
    "vocabulary-history": lambda w: "/cy/manage/vocabularies/history",
    "vocabulary-import": lambda w: "/cy/manage/vocabularies/import",
    "establishments-review": lambda w: "/cy/manage/establishments/review",
    "follow-up-queue": lambda w: "/cy/manage/follow-up",
    "follow-up-assessment": lambda w: f"/cy/manage/follow-up/findings/{w['finding']}?q=knives",
    "review-queue": lambda w: "/cy/manage/review",
    "review-finding": lambda w: f"/cy/manage/review/findings/{w['finding']}",
    "tracker": lambda w: "/cy/manage/tracker",
    "tracker-add": lambda w: "/cy/manage/tracker/new",
    "tracker-horizon": lambda w: "/cy/manage/tracker/horizon",
    "tracker-calendar": lambda w: "/cy/manage/tracker/calendar",
    "tracker-import": lambda w: "/cy/manage/tracker/import",
    "key-issues": lambda w: "/cy/manage/key-issues",
    "key-issue-add": lambda w: "/cy/manage/key-issues/new",
    "correspondence": lambda w: "/cy/manage/correspondence",
    "letter-new": lambda w: "/cy/manage/correspondence/new",
    "replies-overdue": lambda w: "/cy/manage/correspondence/overdue",
    "deaths": lambda w: "/cy/manage/deaths",
    "deaths-import": lambda w: "/cy/manage/deaths/import",
    "deaths-mapping": lambda w: "/cy/manage/deaths/mapping",
    "deaths-records": lambda w: "/cy/manage/deaths/records",
    "independent-reviews": lambda w: "/cy/manage/independent-reviews",
    "independent-review-add": lambda w: "/cy/manage/independent-reviews/new",
    "bulletins": lambda w: "/cy/manage/bulletin",
}


def text_of(response) -> str:
    """What a reader sees and hears: the text, the visually hidden text, labels and alt text."""
    page = response.content.decode()
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    shown = re.findall(r'(?:aria-label|alt|title)="([^"]*)"', page)
    page = re.sub(r"</?(?:a|span|strong|abbr|code|del|ins)\b[^>]*>", "", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + " ".join(shown)).split())


@pytest.fixture
def editor_in_welsh(client):
    person = staff_member("editor", name="eira@npm.example.org")
    grant(person, "administrator")
    report = ReportFactory(draft=True, body=body("imb"), title="Adroddiad Kelderbrook")
    finding = FindingFactory(report=report, text="Night staff did not carry anti-ligature knives.")
    services.edit_finding(person, finding.id, 1, {"text": "Night staff did not always carry anti-ligature knives."})
    services.change_state(person, report.id, "in_review")
    sign_in(client, person)
    return client, {"report": report.id, "finding": finding.id}, [finding.text, "Night staff did not always carry anti-ligature knives."]


def test_every_staff_page_type_is_in_welsh_under_cy(editor_in_welsh):
    client, world, quoted = editor_in_welsh
    # The vocabularies' English names and groups are data, shown beside the Welsh ones to edit them.
    from scrutiny.catalogue.models import Nation, Population, Setting, Theme

    for model in (Theme, Population, Setting, Nation):
        quoted += list(model.objects.values_list("name", flat=True))
    quoted += [group for group in Theme.objects.values_list("group", flat=True) if group]
    # So are the causes of death as the sources word them ("Not recorded" among them), shown beside their category.
    from scrutiny.custody_deaths.models import CauseWording

    quoted += list(CauseWording.objects.values_list("wording", flat=True))
    quoted.sort(key=len, reverse=True)
    for name, address in PAGES.items():
        response = client.get(address(world))
        assert response.status_code == 200, name
        assert '<html lang="cy"' in response.content.decode(), name
        words = text_of(response)
        # Findings are quoted as the report printed them, in English here.
        for text in quoted:
            words = words.replace(text, "")
        found = [phrase for phrase in ENGLISH_INTERFACE if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", words)]
        assert found == [], f"{name}: {found}"


def test_the_same_staff_pages_stay_in_english_without_the_prefix(editor_in_welsh):
    client, world, _quoted = editor_in_welsh
    response = client.get("/manage")
    assert response.status_code == 200
    assert "Manage the record" in response.content.decode() and '<html lang="en-GB"' in response.content.decode()


def test_a_staff_message_is_given_in_the_language_of_the_page(editor_in_welsh):
    client, world, _quoted = editor_in_welsh
    response = client.post(f"/cy/manage/reports/{world['report']}/edit", {"version": "1", "title": ""}, follow=False)
    # An invalid form is shown again, its errors and labels in Welsh.
    words = text_of(response)
    assert "Mae problem" in words and "Teitl" in words and "Title" not in words


def test_uploading_in_welsh_says_so_in_welsh(editor_in_welsh):
    client, world, _quoted = editor_in_welsh
    response = client.post("/cy/manage/uploads", {"body": "imb"})
    words = text_of(response)
    assert response.status_code == 400
    assert "Dewiswch un neu ragor o ffeiliau adroddiad i’w lanlwytho" in words
    assert "Choose one or more report files" not in words


def staff_messages() -> list[tuple[str, str]]:
    """(file, msgid) of every string the staff templates and apps mark for translation."""
    from babel.messages.extract import extract_from_file

    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "gettext_lazy": None, "ngettext_lazy": (1, 2),
                "gettext_noop": None, "N_": None}
    jinja = {"extensions": "jinja2.ext.i18n,jinja2.ext.do", "newstyle_gettext": "true"}
    files = [(path, "jinja2") for entry in STAFF_TEMPLATES for path in
             (sorted((PACKAGE / entry).rglob("*.html")) if (PACKAGE / entry).is_dir() else [PACKAGE / entry])]
    files += [(PACKAGE / entry, "python") for entry in STAFF_PYTHON]
    found = []
    for path, method in files:
        for _line, message, _comments, _context in extract_from_file(method, path, keywords=keywords,
                                                                     options=jinja if method == "jinja2" else {}):
            found.append((str(path.relative_to(PACKAGE)), message if isinstance(message, str) else message[0]))
    return found


def test_every_staff_string_has_a_welsh_translation():
    from babel.messages.pofile import read_po

    with CATALOGUE.open("rb") as po:
        catalogue = read_po(po)
    marked = staff_messages()
    assert len(marked) > 400, "the staff pages mark their strings for translation"
    missing = []
    for where, msgid in marked:
        message = catalogue.get(msgid)
        welsh = message.string if message else None
        if not (all(welsh) if isinstance(welsh, tuple) else welsh):
            missing.append((where, msgid))
    assert missing == []

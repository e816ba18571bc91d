"""Roles are named sets of permissions. A later feature adds its own role (a Scotland subgroup
role for the deaths database, say) with `register`, without touching the roles here.

The public role is what everybody has, signed in or not: published data only. Every other role
is held through a Membership; a role scoped to a body grants its permissions on that body's
reports and findings only."""

from dataclasses import dataclass

# Names and summaries stay English strings here (the CLI and the audit trail use them); they are
# marked for the Welsh catalogue, and the pages translate them where they are shown.
from django.utils.translation import gettext_noop as N_

# Permissions. Each names something a person may do; views and services ask for them by name.
VIEW_DRAFTS = "reports.view_drafts"  # see reports and findings that are not yet published
UPLOAD = "reports.upload"  # upload report files through the web
EDIT = "reports.edit"  # correct a report's details and its findings
PUBLISH = "reports.publish"  # publish and unpublish
VIEW_HISTORY = "curation.view_history"  # read the audit trail
REVERT = "curation.revert"  # undo a change
IMPORT = "curation.import"  # historic import of findings from a spreadsheet
EDIT_VOCABULARIES = "catalogue.edit_vocabularies"  # themes, populations, settings, establishments
MANAGE_USERS = "accounts.manage_users"  # invite, change roles, deactivate
MANAGE_SETTINGS = "accounts.manage_settings"
VIEW_ANALYTICS = "analytics.view"  # usage counts of the public dashboard, exports and API
EDIT_TRACKER = "tracker.edit"  # Policy Tracker items, Key Issues and correspondence, drafts and notes
EDIT_DEATHS = "deaths.edit"  # import and correct the deaths-in-custody records, publish the figures
VIEW_PERSONAL_DEATHS = "deaths.view_personal"  # names, dates of birth and notes of the deceased
EDIT_REVIEWS = "reviews.edit"  # the independent reviews tracker
EDIT_PLAN = "plan.edit"  # the business-plan calendar
MAKE_OUTPUTS = "outputs.make"  # annual report pack, thematics, the bulletin


@dataclass(frozen=True)
class Role:
    slug: str
    name: str
    summary: str
    permissions: frozenset[str]
    by_body: bool = False  # granted for one body's records, not all
    two_factor: bool = False  # holders must sign in with a one-time code


ROLES: dict[str, Role] = {}


def register(role: Role) -> Role:
    if role.slug in ROLES and ROLES[role.slug] != role:
        raise ValueError(f"a different role is already registered as {role.slug!r}")
    ROLES[role.slug] = role
    return role


def get(slug: str) -> Role:
    try:
        return ROLES[slug]
    except KeyError:
        raise ValueError(f"unknown role {slug!r}; roles are {', '.join(sorted(ROLES))}") from None


PUBLIC = register(Role("public", N_("Public"), N_("Published reports and findings only."), frozenset()))
CONTRIBUTOR = register(
    Role(
        "contributor",
        N_("Body contributor"),
        N_("Uploads and corrects their own body's reports and findings, as drafts for review."),
        frozenset({VIEW_DRAFTS, UPLOAD, EDIT, VIEW_HISTORY}),
        by_body=True,
    )
)
EDITOR = register(
    Role(
        "editor",
        N_("Secretariat editor"),
        N_("Works on every body's records; publishes and unpublishes; edits the vocabularies."),
        frozenset({
            VIEW_DRAFTS, UPLOAD, EDIT, PUBLISH, VIEW_HISTORY, REVERT, IMPORT, EDIT_VOCABULARIES, VIEW_ANALYTICS,
            EDIT_TRACKER, EDIT_DEATHS, VIEW_PERSONAL_DEATHS, EDIT_REVIEWS, EDIT_PLAN, MAKE_OUTPUTS,
        }),
        two_factor=True,
    )
)
ADMINISTRATOR = register(
    Role(
        "administrator",
        N_("Administrator"),
        N_("Manages accounts and settings."),
        frozenset({MANAGE_USERS, MANAGE_SETTINGS, VIEW_HISTORY, VIEW_ANALYTICS}),
        two_factor=True,
    )
)

SCOTLAND = register(
    Role(
        "scotland",
        N_("NPM Scotland Subgroup"),
        N_("Keeps the Scottish deaths-in-custody database, with its personal data, and the independent reviews tracker."),
        frozenset({EDIT_DEATHS, VIEW_PERSONAL_DEATHS, EDIT_REVIEWS}),
        two_factor=True,
    )
)


def assignable() -> list[Role]:
    """Roles an administrator can give (the public role needs no account)."""
    return [role for role in ROLES.values() if role is not PUBLIC]

"""Links on the staff home page that other apps add without the curation app knowing of them
(the Policy Tracker, correspondence, the deaths database, ...): each app's ready() calls
`register`, and the page shows the links its reader's permissions allow."""

from dataclasses import dataclass

from scrutiny.accounts import access


@dataclass(frozen=True)
class Tool:
    label: str  # English, marked with gettext_noop by the caller; translated where shown
    url_name: str
    permission: str | None = None  # None: every signed-in member of staff


TOOLS: list[Tool] = []


def register(tool: Tool) -> None:
    if tool not in TOOLS:
        TOOLS.append(tool)


def tools_for(user) -> list[Tool]:
    return [tool for tool in TOOLS if tool.permission is None or access.can(user, tool.permission)]

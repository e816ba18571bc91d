"""Who may do what. Views declare their access with `public` or `requires(permission)`; a test
walks every address and fails if one declares neither.

A grant is a permission with its scope: all bodies (ALL_BODIES) or a set of body ids."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from scrutiny.accounts import roles

ALL_BODIES = None


def grants(user) -> dict[str, set | None]:
    """permission → body ids it covers, or ALL_BODIES. Worked out once per request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    cached = getattr(user, "_scrutiny_grants", None)
    if cached is not None:
        return cached
    found: dict[str, set | None] = {}
    for membership in _memberships(user):
        role = roles.ROLES.get(membership.role)
        if role is None:  # a role since retired from the registry grants nothing
            continue
        for permission in role.permissions:
            if role.by_body:
                if found.get(permission, set()) is not ALL_BODIES:
                    found.setdefault(permission, set()).add(membership.body_id)
            else:
                found[permission] = ALL_BODIES
    user._scrutiny_grants = found
    return found


def can(user, permission: str, body=None) -> bool:
    """May this person do this, on this body's records (or on some body's, when none is given)?"""
    g = grants(user)
    if permission not in g:
        return False
    scope = g[permission]
    if scope is ALL_BODIES or body is None:
        return True
    return getattr(body, "pk", body) in scope


def bodies_for(user, permission: str) -> set | None:
    """The body ids a permission covers for this person: ALL_BODIES, or a set (maybe empty)."""
    g = grants(user)
    return g[permission] if permission in g else set()


def _memberships(user) -> list:
    """The person's memberships, read once per request for every access check."""
    if not hasattr(user, "_scrutiny_memberships"):
        user._scrutiny_memberships = list(user.memberships.all())
    return user._scrutiny_memberships


def needs_two_factor(user) -> bool:
    return any((role := roles.ROLES.get(m.role)) is not None and role.two_factor for m in _memberships(user))


def is_staff_member(user) -> bool:
    return bool(grants(user))


def public(view):
    """Anybody may see this page; it shows published data only."""
    view.access = roles.PUBLIC.slug
    return view


def requires(permission: str):
    """Signed in, past two-factor when a role asks for it, and holding the permission (for some
    body: object checks happen in the service that loads the record)."""

    def decorate(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if needs_two_factor(user) and not user.is_verified():
                return redirect("two_factor")
            if not can(user, permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        guarded.access = permission
        return guarded

    return decorate


def staff(view):
    """Any member of staff, whatever their role, past two-factor when a role asks for it: the
    staff home, whose links each follow their own permission."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if needs_two_factor(user) and not user.is_verified():
            return redirect("two_factor")
        if not is_staff_member(user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    guarded.access = "staff"
    return guarded


def signed_in(view):
    """Any signed-in person (their own account pages)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    guarded.access = "signed-in"
    return guarded

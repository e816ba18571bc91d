"""The business-plan calendar as a Gantt table: /business-plan (public: the plan is a published
document) and /manage/plan (staff: with each activity's lead and status, the checks, and status
editing). Both have a CSV twin with the same filters.

What the public page never shows: the lead and status of an activity (the secretariat's own
working), the consistency checks, and plans not published."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from scrutiny.accounts import access, roles
from scrutiny.api import exports
from scrutiny.business_plan import calendar
from scrutiny.business_plan.models import Activity, Plan, Priority, Status


class Filters(forms.Form):
    plan = forms.CharField(required=False)
    objective = forms.TypedChoiceField(label=gettext_lazy("Strategic objective"), required=False, coerce=int, empty_value=None)
    priority = forms.ChoiceField(label=gettext_lazy("Core or dependent on funding"), required=False)
    lead = forms.ChoiceField(label=gettext_lazy("Lead"), required=False)

    def __init__(self, data, plan, staff: bool):
        super().__init__(data)
        self.fields["objective"].choices = [("", _("All objectives"))] + [(o.number, str(o)) for o in plan.objectives.all()]
        self.fields["priority"].choices = [("", _("Both"))] + list(Priority.choices)
        leads = sorted(set(plan.activities.exclude(lead="").values_list("lead", flat=True))) if staff else []
        self.fields["lead"].choices = [("", _("Everyone"))] + [(lead, lead) for lead in leads]
        if not staff:
            del self.fields["lead"]

    def apply(self, activities):
        if not self.is_valid():
            return activities
        data = self.cleaned_data
        if data.get("objective"):
            activities = activities.filter(objective__number=data["objective"])
        if data.get("priority"):
            activities = activities.filter(priority=data["priority"])
        if data.get("lead"):
            activities = activities.filter(lead=data["lead"])
        return activities

    @property
    def active(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.get(k) for k in ("objective", "priority", "lead"))

    def words(self) -> str:
        if not self.active:
            return _("All activities")
        labels = {name: dict(self.fields[name].choices) for name in ("objective", "priority", "lead") if name in self.fields}
        return "; ".join(f"{self.fields[k].label}: {labels[k].get(self.cleaned_data[k], self.cleaned_data[k])}"
                         for k in labels if self.cleaned_data.get(k))


def _plan(request, staff: bool) -> Plan:
    plans = Plan.objects.all() if staff else Plan.objects.filter(is_published=True)
    slug = request.GET.get("plan")
    plan = (plans.filter(slug=slug) if slug else plans).first()
    if plan is None:
        raise Http404
    return plan


def _calendar(request, staff: bool):
    plan = _plan(request, staff)
    filters = Filters(request.GET, plan, staff)
    everything = plan.activities.select_related("objective").prefetch_related("milestones")
    activities = list(filters.apply(everything))
    return plan, filters, activities, list(everything)


def _page(request, staff: bool):
    plan, filters, activities, everything = _calendar(request, staff)
    months, rows, workload = calendar.gantt(plan, activities)
    stated = plan.stated_workload if not filters.active and plan.stated_workload else None
    context = {
        "plan": plan, "filters": filters, "months": months, "rows": rows, "workload": workload,
        "stated": list(zip(stated, workload)) if stated else None, "staff": staff,
        "objectives": plan.objectives.prefetch_related("functions", "communications__functions"),
        "query": request.GET.urlencode(),
        "inconsistencies": calendar.inconsistencies(plan, everything) if staff else [],
        "section": "manage" if staff else "business_plan",
    }
    return render(request, "business_plan/calendar.html", context)


def _export(request, staff: bool):
    plan, filters, activities, _everything = _calendar(request, staff)
    header, lines = calendar.calendar_rows(plan, activities)
    columns = header[:2] + (["lead", "status"] if staff else []) + header[2:]
    extra = {a.code: {"lead": a.lead, "status": a.get_status_display()} for a in activities} if staff else {}
    rows = [{**dict(zip(header, line)), **extra.get(line[0], {})} for line in lines]
    about = exports.About(
        f"{plan.title}: calendar of activities", request.build_absolute_uri(request.path.removesuffix(".csv")),
        filters.words(), request.GET.urlencode(),
    )
    return exports.response("csv", exports.Table(columns, rows), about, plan.slug)


@access.public
def business_plan(request):
    return _page(request, staff=False)


@access.public
def business_plan_csv(request):
    return _export(request, staff=False)


@access.requires(roles.EDIT_PLAN)
def manage(request):
    return _page(request, staff=True)


@access.requires(roles.EDIT_PLAN)
def manage_csv(request):
    return _export(request, staff=True)


class StatusForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["status", "lead"]
        labels = {"status": gettext_lazy("Status"), "lead": gettext_lazy("Lead (optional)")}


@access.requires(roles.EDIT_PLAN)
def activity(request, activity_id: int):
    found = get_object_or_404(Activity.objects.select_related("plan", "objective"), pk=activity_id)
    form = StatusForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("%(activity)s: status is now “%(status)s”.") % {
            "activity": f"{found.code} {found.title}", "status": found.get_status_display()})
        return redirect(f"{reverse('plan_manage')}?plan={found.plan.slug}")
    return render(request, "business_plan/activity.html", {
        "activity": found, "form": form, "statuses": Status.choices, "section": "manage",
        "milestones": found.milestones.all(),
    }, status=400 if form.errors else 200)

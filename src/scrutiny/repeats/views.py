"""The public "most repeated" view."""

from django.shortcuts import render

from scrutiny.accounts.access import public
from scrutiny.repeats import pages


@public
def most_repeated(request):
    return render(request, "repeats/most_repeated.html", {**pages.most_repeated_page(request.GET), "address": pages.address})

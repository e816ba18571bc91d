"""Moving through a page by keyboard alone, for the browser tests: what has focus, and Tab
until a control that matches is reached."""


def focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        return {tag: el.tagName, text: (el.innerText || '').trim(), name: el.name || '', value: el.value || '',
                type: el.type || '', href: el.getAttribute('href') || '', lang: el.getAttribute('lang') || '',
                background: getComputedStyle(el).backgroundColor};
    }""")


def tab_to(page, matches, limit: int = 200) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if matches(now):
            return now
    raise AssertionError("could not reach the control by keyboard")

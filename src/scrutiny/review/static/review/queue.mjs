// Keyboard shortcuts for the review queue. Progressive enhancement only: without this file the
// page is a form with buttons, and works the same. Single-key shortcuts can be switched off on
// the page (WCAG 2.1.4); the choice is remembered in this browser.
const form = document.getElementById("review-batch");
const help = document.getElementById("review-keys");
const toggle = document.getElementById("review-keys-on");
const STORE = "scrutiny.review.keys";

if (form && help && toggle) {
  const items = [...form.querySelectorAll("[data-review-item]")];
  let current = items.length ? 0 : -1;

  help.hidden = false;
  toggle.checked = localStorage.getItem(STORE) !== "off";
  toggle.addEventListener("change", () => localStorage.setItem(STORE, toggle.checked ? "on" : "off"));

  const show = (index, focus) => {
    if (!items.length) return;
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach((item, i) => item.classList.toggle("npm-review__item--current", i === current));
    if (focus) {
      items[current].focus();
      items[current].scrollIntoView({ block: "nearest" });
    }
  };
  show(current, false);

  const press = (selector) => {
    const button = selector.startsWith("item:")
      ? items[current]?.querySelector(`[data-review="${selector.slice(5)}"]`)
      : form.querySelector(`[data-review="${selector}"]`);
    if (button) form.requestSubmit(button);
  };

  const keys = {
    j: () => show(current + 1, true),
    k: () => show(current - 1, true),
    a: () => press("item:accept"),
    r: () => press("item:reject"),
    x: () => {
      const box = items[current]?.querySelector("input[type=checkbox]");
      if (box) box.checked = !box.checked;
    },
    A: () => press("accept-ticked"),
    R: () => press("reject-ticked"),
  };

  document.addEventListener("keydown", (event) => {
    if (!toggle.checked || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    if (target.closest("input:not([type=checkbox]), select, textarea, [contenteditable]")) return;
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  // Clicking or tabbing into a suggestion makes it the current one.
  items.forEach((item, i) => item.addEventListener("focusin", () => show(i, false)));
}

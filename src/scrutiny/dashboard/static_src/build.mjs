// Builds the dashboard's CSS and JavaScript from the npm packages into ../static_build
// (git-ignored; settings.STATICFILES_DIRS points there). Run with `npm run build`.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..", "..");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const out = join(here, "..", "static_build");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "images"), { recursive: true });

const css = sass.compile(join(here, "scrutiny.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  // govuk-frontend's own deprecations are its maintainers' business, not ours.
  quietDeps: true,
});
writeFileSync(join(out, "scrutiny.css"), css.css);

// The JavaScript is an ES module: browsers too old for modules get the no-JS pages, which work.
copyFileSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
copyFileSync(join(here, "scrutiny.mjs"), join(out, "scrutiny.mjs"));
// Our own icon: the GOV.UK favicons are the crown, which is for gov.uk only.
copyFileSync(join(here, "images", "favicon.svg"), join(out, "images", "favicon.svg"));
// Records what was built from, so `scrutiny serve` and the tests can tell a stale build.
const version = JSON.parse(readFileSync(join(govuk, "..", "..", "package.json"), "utf8")).version;
writeFileSync(join(out, "BUILD"), `govuk-frontend ${version}\n`);
console.log(`built ${out}`);
